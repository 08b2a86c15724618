import type { SqlClient } from '../../infra/ports/sql';
import type { Logger } from '../../infra/ports/logger';
import { saveStatus } from './projection-state';
import { errorMessage, type RunnerStatus } from '../../infra/log-follower';

/**
 * Mirrors the runner's status into its state row for other processes (admin API), one write at a
 * time and only on change. Best effort: the checkpoint, not the status, is what correctness rests on.
 */
export class StatusWriter {
  private latest: { status: RunnerStatus; error: string | null } | undefined;
  private written: string | undefined;
  private chain: Promise<void> = Promise.resolve();

  constructor(
    private readonly sql: SqlClient,
    private readonly name: string,
    private readonly logger: Logger,
  ) {}

  write(status: RunnerStatus, error: string | null): void {
    this.latest = { status, error };
    this.chain = this.chain.then(() => this.writeLatest());
  }

  flush(): Promise<void> {
    return this.chain;
  }

  private async writeLatest(): Promise<void> {
    const latest = this.latest;
    const key = JSON.stringify(latest);
    if (!latest || key === this.written) return;
    try {
      await saveStatus(this.sql, this.name, latest.status, latest.error);
      this.written = key;
    } catch (error) {
      this.logger.warn('could not record projection status', {
        projection: this.name,
        error: errorMessage(error),
      });
    }
  }
}

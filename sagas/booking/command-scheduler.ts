import { AppError } from '../../domain/shared';
import type { Logger } from '../../infra/ports/logger';
import type { Metrics } from '../../infra/ports/metrics';
import type { SqlClient } from '../../infra/ports/sql';
import { executeSagaCommand, type ExecutorDeps } from './command-executor';
import { SagaCommandStore, type ClaimedCommand } from './command-store';
import { sagaCommandsChannel } from './booking-saga-projection';
import { ensureSagaCommandsTable } from './saga-tables';

export type SchedulerOptions = {
  /** Longest wait between looks at the table when nothing woke the scheduler. */
  readonly pollMs?: number;
  readonly batchSize?: number;
  /** Commands run at once. */
  readonly concurrency?: number;
  /** A claimed command's lease: a scheduler that died mid-command leaves it for another after this. */
  readonly leaseMs?: number;
  /** Attempts before a command that keeps failing is marked failed (retries back off 1 s, 2 s, 4 s …). */
  readonly maxAttempts?: number;
  readonly retryBaseMs?: number;
  readonly retryMaxMs?: number;
  readonly logger?: Logger;
  /** Where commands carried out and failed for good are counted, and the due backlog is read from. */
  readonly metrics?: Pick<Metrics, 'sagaCommand' | 'sample'>;
};

/**
 * Outcomes that running again cannot change: the command is failed at once, not retried. A refused state
 * is retried: the log may not show yet what the command waits for (a refund recorded just before the
 * sweeper's BookingExpired).
 */
const isPermanent = (error: unknown) =>
  error instanceof AppError && ['NOT_FOUND', 'VALIDATION_ERROR'].includes(error.code);

const describe = (error: unknown) =>
  error instanceof Error ? `${error.name}: ${error.message}` : String(error);

/**
 * Runs the saga's due commands and timeouts: woken when a saga batch commits new ones (NOTIFY), at the
 * next due time, or by the poll. Several schedulers may run (rows are claimed with SKIP LOCKED).
 */
export class SagaCommandScheduler {
  private readonly commands: SagaCommandStore;
  private readonly options: Required<Omit<SchedulerOptions, 'logger' | 'metrics'>>;
  private readonly metrics: Pick<Metrics, 'sagaCommand' | 'sample'> | undefined;
  private stopSampling: (() => void) | undefined;
  private running = false;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  /** A wake-up that came while the scheduler was busy: the next sleep returns at once. */
  private woken = false;
  private unlisten: (() => Promise<void>) | undefined;

  constructor(
    private readonly sql: SqlClient,
    private readonly deps: ExecutorDeps,
    options: SchedulerOptions = {},
  ) {
    this.commands = new SagaCommandStore(sql);
    this.options = {
      pollMs: options.pollMs ?? 1000,
      batchSize: options.batchSize ?? 100,
      concurrency: options.concurrency ?? 16,
      leaseMs: options.leaseMs ?? 60_000,
      maxAttempts: options.maxAttempts ?? 15,
      retryBaseMs: options.retryBaseMs ?? 1000,
      retryMaxMs: options.retryMaxMs ?? 60_000,
    };
    this.logger = options.logger;
    this.metrics = options.metrics;
  }

  private readonly logger: Logger | undefined;

  get store(): SagaCommandStore {
    return this.commands;
  }

  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      await this.sql.transaction((tx) => ensureSagaCommandsTable(tx));
      this.unlisten = await this.sql.listen(sagaCommandsChannel, () => this.ring());
    } catch (error) {
      this.running = false;
      throw error;
    }
    this.stopSampling = this.metrics?.sample('sagaCommandsDue', async () => [
      { value: await this.commands.dueCount(this.now()) },
    ]);
    this.loop = this.run();
  }

  private ring(): void {
    this.woken = true;
    this.wake?.();
  }

  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    this.stopSampling?.();
    this.ring();
    await this.loop;
    await this.unlisten?.();
  }

  private now(): Date {
    return (this.deps.clock ?? (() => new Date()))();
  }

  private async run(): Promise<void> {
    while (this.running) {
      let claimed: ClaimedCommand[] = [];
      try {
        claimed = await this.commands.claimDue(this.now(), this.options.batchSize, this.options.leaseMs);
        await this.runAll(claimed);
      } catch (error) {
        this.logger?.warn('saga scheduler could not reach its table; retrying', { error: describe(error) });
      }
      if (claimed.length < this.options.batchSize) await this.sleep();
    }
  }

  /**
   * Runs a claimed batch, `concurrency` at a time, and marks the ones that succeeded done in one
   * statement. A crash before that statement leaves them leased: they run again after the lease, which
   * every command tolerates (deterministic event ids, actor operations that answer a repeat alike).
   */
  private async runAll(claimed: readonly ClaimedCommand[]): Promise<void> {
    let next = 0;
    const done: ClaimedCommand[] = [];
    const worker = async () => {
      while (next < claimed.length) {
        const command = claimed[next++]!;
        if (await this.runOne(command)) done.push(command);
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.options.concurrency, claimed.length) }, worker));
    await this.commands.markDone(done.map((command) => command.messageId));
    for (const command of done) this.metrics?.sagaCommand(command.command.type, 'completed');
  }

  /** True when the command ran; a failure is recorded (retry later, or failed) and answers false. */
  private async runOne(claimed: ClaimedCommand): Promise<boolean> {
    try {
      await executeSagaCommand(this.deps, claimed);
      return true;
    } catch (error) {
      const reason = describe(error);
      const meta = {
        messageId: claimed.messageId,
        sagaId: claimed.sagaId,
        type: claimed.command.type,
        error: reason,
      };
      if (isPermanent(error) || claimed.attempts >= this.options.maxAttempts) {
        this.logger?.error('saga command failed for good', { ...meta, attempts: claimed.attempts });
        await this.commands.markFailed(claimed.messageId, reason);
        this.metrics?.sagaCommand(claimed.command.type, 'failed');
        return false;
      }
      const delay = Math.min(this.options.retryMaxMs, this.options.retryBaseMs * 2 ** (claimed.attempts - 1));
      this.logger?.warn('saga command failed; retrying', { ...meta, retryInMs: delay });
      await this.commands.retryLater(claimed.messageId, new Date(this.now().getTime() + delay), reason);
      return false;
    }
  }

  private async sleep(): Promise<void> {
    let waitMs = this.options.pollMs;
    try {
      const due = await this.commands.nextDueAt();
      if (due) waitMs = Math.max(0, Math.min(waitMs, due.getTime() - this.now().getTime()));
    } catch {
      // the poll interval it is
    }
    if (!this.running || waitMs === 0 || this.woken) {
      this.woken = false;
      return;
    }
    await new Promise<void>((resolve) => {
      const timer = setTimeout(done, waitMs);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
    this.wake = undefined;
    this.woken = false;
  }
}

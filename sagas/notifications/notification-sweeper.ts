import type { Logger } from '../../infra/ports/logger';
import type { NotificationSender } from './notification-sender';

/** Runs `sendDue` every `intervalMs` until stopped; a failing sweep is logged and the next one runs. */
export class NotificationSweeper {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;

  constructor(
    private readonly sender: NotificationSender,
    private readonly intervalMs: number,
    private readonly logger: Logger,
  ) {}

  start(): void {
    this.stopped = false;
    this.schedule();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.sweep().finally(() => this.schedule());
    }, this.intervalMs);
  }

  private async sweep(): Promise<void> {
    try {
      // A full batch means more may be due: go on without waiting for the next tick.
      while (!this.stopped && (await this.sender.sendDue(50)) === 50);
    } catch (error) {
      this.logger.error('notification sweep failed', {
        error: error instanceof Error ? error.message : String(error),
      });
    }
  }
}

import type { Logger } from '../logging';

/** What a node:cluster primary sends a worker to stop it gracefully. */
export const shutdownMessage = 'booking-rush:shutdown';

export type ShutdownOptions = {
  readonly logger: Logger;
  /** Graceful stop; the process exits 0 when it resolves, 1 when it throws. */
  readonly stop: () => Promise<void>;
  /** Exit 1 if the graceful stop takes longer than this. */
  readonly deadlineMs: number;
  /** Last words before exit (flush the log). */
  readonly flush: () => Promise<void>;
};

/**
 * SIGINT/SIGTERM stop the process gracefully; a second signal (or the deadline) forces exit 1.
 * Uncaught errors are logged as JSON and end the process with exit 1.
 */
export function exitOnSignals(options: ShutdownOptions): void {
  const { logger } = options;
  const exit = (code: number) => void options.flush().finally(() => process.exit(code));
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      logger.warn('second signal: forcing exit', { signal });
      exit(1);
      return;
    }
    stopping = true;
    logger.info('shutting down', { signal });
    setTimeout(() => {
      logger.error('shutdown deadline passed: forcing exit', { deadlineMs: options.deadlineMs });
      exit(1);
    }, options.deadlineMs).unref();
    options.stop().then(
      () => {
        logger.info('stopped');
        exit(0);
      },
      (error: unknown) => {
        logger.error('shutdown failed', { error });
        exit(1);
      },
    );
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  // A cluster worker is asked to stop by its primary over IPC; a signal it also got (the whole process
  // group was signalled) must then not count as a second one.
  process.on('message', (message) => {
    if (message === shutdownMessage && !stopping) onSignal('SIGTERM');
  });
  process.on('uncaughtException', (error) => {
    logger.error('uncaught exception: exiting', { error });
    exit(1);
  });
}

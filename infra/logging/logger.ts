import type { LogMeta, Logger as LoggerPort } from '../ports/logger';

export type { LogMeta };

/** The process's logger: the core's Logger port, and `debug` and `child`; every line is one JSON object. */
export interface Logger extends LoggerPort {
  debug(msg: string, meta?: LogMeta): void;
  /** A logger that adds `meta` to every line it writes. */
  child(meta: LogMeta): Logger;
}

/** The root logger of a process: also flushes its output before exit. */
export interface RootLogger extends Logger {
  close(): Promise<void>;
}

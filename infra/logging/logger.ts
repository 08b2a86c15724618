export type LogMeta = Readonly<Record<string, unknown>>;

/** The narrow logging port other code depends on; every line is one JSON object. */
export interface Logger {
  error(msg: string, meta?: LogMeta): void;
  warn(msg: string, meta?: LogMeta): void;
  info(msg: string, meta?: LogMeta): void;
  debug(msg: string, meta?: LogMeta): void;
  /** A logger that adds `meta` to every line it writes. */
  child(meta: LogMeta): Logger;
}

/** The root logger of a process: also flushes its output before exit. */
export interface RootLogger extends Logger {
  close(): Promise<void>;
}

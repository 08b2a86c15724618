export type LogMeta = Readonly<Record<string, unknown>>;

/**
 * What the core logs through: structured lines, the fields in `meta`. infra/logging's logger is one
 * (and adds `debug` and `child` for the composition root).
 */
export interface Logger {
  error(message: string, meta?: LogMeta): void;
  warn(message: string, meta?: LogMeta): void;
  info(message: string, meta?: LogMeta): void;
}

/** A logger that writes nothing (tests, and callers that were given none). */
export const silentLogger: Logger = { error() {}, warn() {}, info() {} };

/** The little the runner needs from a logger; the composition root passes a winston child logger. */
export interface ProjectionLogger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

export const silentLogger: ProjectionLogger = {
  info: () => {},
  warn: () => {},
  error: () => {},
};

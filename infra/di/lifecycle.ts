/**
 * Something a process runs beside its HTTP server (projectors, saga scheduler, relay). Started after
 * the server listens, stopped in reverse order on shutdown; `stop` must let in-flight work finish.
 */
export interface BackgroundService {
  readonly name: string;
  start(): Promise<void>;
  stop(): Promise<void>;
}

import { once } from 'node:events';
import type { Writable } from 'node:stream';
import winston from 'winston';
import { jsonLine } from './json-line';
import type { LogMeta, Logger, RootLogger } from './logger';

type Level = 'error' | 'warn' | 'info' | 'debug';
const MESSAGE = Symbol.for('message');
const LEVEL = Symbol.for('level');

export type LoggerOptions = {
  readonly serviceName: string;
  readonly logLevel: Level;
  /** Where lines go; standard output by default (tests pass their own stream). */
  readonly stream?: Writable;
};

/** Turns winston's info object into our JSON line; `service` and bound fields come first. */
const toJsonLine = winston.format((info) => {
  const { level: _level, message, service, ...meta } = info;
  (info as Record<symbol, unknown>)[MESSAGE] = jsonLine(String(info[LEVEL]), message, { service }, meta);
  return info;
});

type Sink = { readonly target: winston.Logger; closed: boolean };

class WinstonLogger implements Logger {
  constructor(
    protected readonly sink: Sink,
    private readonly bound: LogMeta,
  ) {}

  private write(level: Level, msg: string, meta: LogMeta | undefined): void {
    // After close() a late line is dropped rather than raising "write after end".
    if (this.sink.closed || !this.sink.target.isLevelEnabled(level)) return;
    this.sink.target.log(level, msg, meta ? { ...this.bound, ...meta } : this.bound);
  }

  error(msg: string, meta?: LogMeta): void {
    this.write('error', msg, meta);
  }

  warn(msg: string, meta?: LogMeta): void {
    this.write('warn', msg, meta);
  }

  info(msg: string, meta?: LogMeta): void {
    this.write('info', msg, meta);
  }

  debug(msg: string, meta?: LogMeta): void {
    this.write('debug', msg, meta);
  }

  child(meta: LogMeta): Logger {
    return new WinstonLogger(this.sink, { ...this.bound, ...meta });
  }
}

class WinstonRootLogger extends WinstonLogger implements RootLogger {
  async close(): Promise<void> {
    if (this.sink.closed) return;
    this.sink.closed = true;
    const finished = once(this.sink.target, 'finish');
    this.sink.target.end();
    await finished;
  }
}

/** The process's JSON logger: every line carries `service`, correlation id and trace ids. */
export function createLogger(options: LoggerOptions): RootLogger {
  const target = winston.createLogger({
    level: options.logLevel,
    levels: winston.config.npm.levels,
    defaultMeta: { service: options.serviceName },
    format: toJsonLine(),
    transports: [new winston.transports.Stream({ stream: options.stream ?? process.stdout })],
    exitOnError: false,
  });
  return new WinstonRootLogger({ target, closed: false }, {});
}

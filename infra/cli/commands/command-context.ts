import { Writable } from 'node:stream';
import type { Container, ContainerModule, ServiceIdentifier } from 'inversify';
import { loadConfig, type Config, type Env } from '../../config';
import { TOKENS } from '../../di';
import { createLogger, type RootLogger } from '../../logging';
import type { EventStore } from '../../ports/event-store';
import type { SqlClient } from '../../ports/sql';
import { EventStoreSql, buildEmbeddedContainer } from '../../roles/embedded-container';
import { Resources } from '../../roles/resources';
import type { Telemetry } from '../../telemetry';
import type { CommandIo } from '../roles';

const noTelemetry: Telemetry = { enabled: false, shutdown: async () => {} };

/**
 * What an engineer's command runs on: the roles' container (stores chosen by config, the given feature
 * modules) with nothing started. Each command resolves only what it uses; `close` closes exactly that.
 */
export class CommandContext {
  private readonly tracked = new Set<unknown>();

  private constructor(
    readonly config: Config,
    readonly container: Container,
    readonly logger: RootLogger,
    private readonly resources: Resources,
  ) {}

  /** Log lines (errors only) go to the command's stderr, never between its output lines. */
  static async open(
    env: Env,
    io: CommandIo,
    modules: readonly ContainerModule[] = [],
  ): Promise<CommandContext> {
    const config = loadConfig(env);
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        io.err(chunk.toString());
        done();
      },
    });
    const logger = createLogger({ serviceName: config.serviceName, logLevel: 'error', stream });
    const container = await buildEmbeddedContainer(config, logger, noTelemetry, modules);
    return new CommandContext(config, container, logger, new Resources(logger));
  }

  async sql(): Promise<SqlClient> {
    return this.resolve('sql', TOKENS.SqlClient, (sql) => sql.close());
  }

  async eventStore(): Promise<EventStore> {
    if (this.container.isBound(EventStoreSql))
      await this.resolve('eventStoreSql', EventStoreSql, (sql) => sql.close());
    return this.resolve('eventStore', TOKENS.EventStore, (store) => store.close());
  }

  /** Resolves `token`; `close` runs (once per instance, in reverse order) when the command ends. */
  async resolve<T>(
    name: string,
    token: ServiceIdentifier<T>,
    close: (value: T) => Promise<void>,
  ): Promise<T> {
    const value = await this.container.getAsync(token);
    if (!this.tracked.has(value)) {
      this.tracked.add(value);
      this.resources.add(name, () => close(value));
    }
    return value;
  }

  async close(): Promise<void> {
    await this.resources.closeAll();
    await this.logger.close();
  }
}

/** Opens the context, runs `work` and closes what it opened, whatever the outcome. */
export async function withCommandContext<T>(
  env: Env,
  io: CommandIo,
  modules: readonly ContainerModule[],
  work: (context: CommandContext) => Promise<T>,
): Promise<T> {
  const context = await CommandContext.open(env, io, modules);
  try {
    return await work(context);
  } finally {
    await context.close();
  }
}

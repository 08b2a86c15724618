import type { Writable } from 'node:stream';
import type { Container, ContainerModule } from 'inversify';
import { loadConfig, type Env } from '../config';
import { TOKENS, type BackgroundService } from '../di';
import { createLogger, type RootLogger } from '../logging';
import { startTelemetry, type TelemetryOptions } from '../telemetry';
import { EventStoreSql, buildEmbeddedContainer } from './embedded-container';
import { listen } from './http-server';
import { roleModules, type ContainerRole } from './modules/role-modules';
import { Resources } from './resources';
import { exitOnSignals } from './signals';

export type RunningProcess = {
  readonly port: number;
  readonly container: Container;
  readonly logger: RootLogger;
  /** Graceful stop: server, background services, event store, SQL, telemetry. */
  stop(): Promise<void>;
};

export type StartOptions = {
  /** Feature modules to load; the `start` role's (`roleModules.start`) unless a test passes its own. */
  readonly modules?: readonly ContainerModule[];
  /** Where log lines go; standard output unless a test passes its own. */
  readonly logStream?: Writable;
  /** Where spans go: a test passes an in-memory exporter (tracing then runs without an OTLP endpoint). */
  readonly telemetry?: TelemetryOptions;
};

const requestGraceMs = 5_000;
const shutdownDeadlineMs = 15_000;

async function openStores(container: Container, resources: Resources): Promise<void> {
  const sql = await container.getAsync(TOKENS.SqlClient);
  resources.add('sql', () => sql.close());
  if (container.isBound(EventStoreSql)) {
    const eventStoreSql = await container.getAsync(EventStoreSql);
    if (eventStoreSql !== sql) resources.add('eventStoreSql', () => eventStoreSql.close());
  }
  const eventStore = await container.getAsync(TOKENS.EventStore);
  resources.add('eventStore', () => eventStore.close());
}

async function startBackground(container: Container, resources: Resources): Promise<BackgroundService[]> {
  const services = await container.getAllAsync(TOKENS.BackgroundService);
  for (const service of services) {
    await service.start();
    resources.add(`background:${service.name}`, () => service.stop());
  }
  return services;
}

/** Starts the embedded all-in-one process; on failure closes what it opened and rethrows. */
export async function startEmbedded(
  env: Env = process.env,
  options: StartOptions = {},
): Promise<RunningProcess> {
  const config = loadConfig(env);
  const logger = createLogger({
    serviceName: config.serviceName,
    logLevel: config.logLevel,
    stream: options.logStream,
  });
  const resources = new Resources(logger);
  try {
    const telemetry = await startTelemetry(config, logger, options.telemetry);
    resources.add('telemetry', () => telemetry.shutdown());
    const container = await buildEmbeddedContainer(
      config,
      logger,
      telemetry,
      options.modules ?? roleModules.start,
    );
    await openStores(container, resources);
    const services = await startBackground(container, resources);
    const server = await listen(await container.getAsync(TOKENS.HttpApp), config.host, config.port);
    resources.add('http', () => server.close(requestGraceMs));
    logger.info('listening', {
      port: server.port,
      host: config.host,
      eventStore: config.eventStore,
      sqlDriver: config.sqlDriver,
      backgroundServices: services.map((service) => service.name),
    });
    return { port: server.port, container, logger, stop: () => resources.closeAll() };
  } catch (error) {
    logger.error('startup failed', { error });
    await resources.closeAll();
    await logger.close();
    throw error;
  }
}

/** Runs the role's modules (`roleModules`) until SIGINT/SIGTERM, then stops gracefully and exits 0. */
export async function runUntilSignalled(env: Env, role: ContainerRole): Promise<void> {
  const running = await startEmbedded(env, { modules: roleModules[role] });
  exitOnSignals({
    logger: running.logger,
    stop: running.stop,
    deadlineMs: shutdownDeadlineMs,
    flush: () => running.logger.close(),
  });
}

/** The `start` role: everything in one process. */
export const run = (_args: readonly string[], env: Env = process.env): Promise<void> =>
  runUntilSignalled(env, 'start');

import type { RequestHandler } from 'express';
import { Container, type ContainerModule, type ServiceIdentifier } from 'inversify';
import type { Config } from '../config';
import { TOKENS } from '../di';
import { apiBasePath, apiVersion, createHttpApp, type ApiRoute, type ReadinessCheck } from '../http';
import { PrometheusMetrics, measureRequests, metricsRoutes } from '../metrics';
import { noMetrics, recordingOnly, type Metrics } from '../ports/metrics';
import type { Logger } from '../logging';
import type { AccessTokens } from '../ports/auth';
import type { EventStore } from '../ports/event-store';
import type { SqlClient } from '../ports/sql';
import type { Telemetry } from '../telemetry';
import { roleModules } from './modules/role-modules';
import { connectKurrentDb, openPostgresEventStore } from './open-event-store';
import { openSqlClient } from './open-sql';

/** The SQL client under the PostgreSQL event store: the shared one when the drivers match. */
export const EventStoreSql = Symbol('EventStoreSql') as ServiceIdentifier<SqlClient>;

function bindStores(container: Container, config: Config): void {
  container
    .bind(TOKENS.SqlClient)
    .toResolvedValue(
      (c: Config, metrics: Metrics) => openSqlClient(c, c.sqlDriver, recordingOnly(metrics)),
      [TOKENS.Config, TOKENS.Metrics],
    )
    .inSingletonScope();
  const { eventStore } = config;
  if (eventStore === 'kurrentdb') {
    container
      .bind(TOKENS.EventStore)
      .toResolvedValue((c: Config) => connectKurrentDb(c), [TOKENS.Config])
      .inSingletonScope();
    return;
  }
  if (eventStore === config.sqlDriver) {
    container.bind(EventStoreSql).toService(TOKENS.SqlClient);
  } else {
    container
      .bind(EventStoreSql)
      .toResolvedValue(
        (c: Config, metrics: Metrics) => openSqlClient(c, eventStore, recordingOnly(metrics)),
        [TOKENS.Config, TOKENS.Metrics],
      )
      .inSingletonScope();
  }
  container
    .bind(TOKENS.EventStore)
    .toResolvedValue(
      (c: Config, sql: SqlClient, metrics: Metrics) => openPostgresEventStore(c, sql, metrics),
      [TOKENS.Config, EventStoreSql, TOKENS.Metrics],
    )
    .inSingletonScope();
}

function bindReadiness(container: Container): void {
  container
    .bind(TOKENS.ReadinessCheck)
    .toResolvedValue(
      (sql: SqlClient) => ({ name: 'sql', check: () => sql.query('SELECT 1') }),
      [TOKENS.SqlClient],
    );
  container
    .bind(TOKENS.ReadinessCheck)
    .toResolvedValue(
      (store: EventStore) => ({ name: 'eventStore', check: () => store.head() }),
      [TOKENS.EventStore],
    );
}

function bindHttp(container: Container): void {
  container
    .bind(TOKENS.HttpApp)
    .toResolvedValue(
      (
        config: Config,
        logger: Logger,
        telemetry: Telemetry,
        metrics: Metrics,
        checks: ReadinessCheck[],
        routes: ApiRoute[],
        accessTokens: AccessTokens | undefined,
        siteHandlers: RequestHandler[] | undefined,
      ) =>
        createHttpApp({
          logger,
          bodyLimitBytes: config.httpBodyLimitBytes,
          trustProxyHops: config.trustProxyHops,
          servedOverTls: config.servedOverTls,
          validateResponses: config.apiResponseValidation,
          readinessChecks: checks,
          routes,
          tracing: telemetry.enabled,
          accessTokens,
          siteHandlers: siteHandlers ?? [],
          ...(metrics instanceof PrometheusMetrics && {
            measureRequests: measureRequests(metrics, apiBasePath),
            metricsPage: metricsRoutes(metrics, config.metrics.bearerToken),
          }),
        }),
      [
        TOKENS.Config,
        TOKENS.Logger,
        TOKENS.Telemetry,
        TOKENS.Metrics,
        { serviceIdentifier: TOKENS.ReadinessCheck, isMultiple: true },
        { serviceIdentifier: TOKENS.ApiRoute, isMultiple: true },
        // Bound by the identity module; without it every request is anonymous.
        { serviceIdentifier: TOKENS.AccessTokens, optional: true },
        // Bound by the web module; the other roles serve the API alone.
        { serviceIdentifier: TOKENS.SiteHandler, isMultiple: true, optional: true },
      ],
    )
    .inSingletonScope();
}

/**
 * The container of a process: stores chosen by config, the HTTP app, and a role's feature modules (the
 * `start` role's, everything in one process, unless told otherwise).
 */
export async function buildEmbeddedContainer(
  config: Config,
  logger: Logger,
  telemetry: Telemetry,
  modules: readonly ContainerModule[] = roleModules.start,
): Promise<Container> {
  const container = new Container({ defaultScope: 'Singleton' });
  container.bind(TOKENS.Config).toConstantValue(config);
  container.bind(TOKENS.Logger).toConstantValue(logger);
  container.bind(TOKENS.Telemetry).toConstantValue(telemetry);
  container
    .bind(TOKENS.Metrics)
    .toConstantValue(
      config.metrics.enabled
        ? new PrometheusMetrics({ role: config.serviceName, version: apiVersion }, logger)
        : noMetrics,
    );
  bindStores(container, config);
  bindReadiness(container);
  bindHttp(container);
  await container.loadAsync(...modules);
  return container;
}

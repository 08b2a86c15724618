import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Metrics } from '../ports/metrics';
import type { Config, SqlDriver } from '../config';
import type { SqlClient } from '../ports/sql';
import { PGliteSqlClient, PgSqlClient } from '../sql';
import { claimEmbeddedDatabase } from './embedded-database-claim';
import { StartupError, connectionReason, endpointOf } from './startup-error';

/** Where the embedded database lives. */
export function pgliteDir(config: Pick<Config, 'dataDir'>): string {
  return path.resolve(config.dataDir, 'pglite');
}

async function openPglite(config: Config, metrics?: Pick<Metrics, 'dbOperation'>): Promise<SqlClient> {
  const dir = pgliteDir(config);
  try {
    await mkdir(dir, { recursive: true });
    claimEmbeddedDatabase(dir);
    return await PGliteSqlClient.open(dir, metrics && { metrics });
  } catch (error) {
    throw new StartupError(
      `DATA_DIR: cannot open the embedded database at ${dir} (${connectionReason(error)})`,
      { cause: error },
    );
  }
}

async function openPostgres(config: Config, metrics?: Pick<Metrics, 'dbOperation'>): Promise<SqlClient> {
  const url = config.databaseUrl;
  if (!url) throw new StartupError('DATABASE_URL is required for the postgres driver');
  const client = new PgSqlClient({
    connectionString: url,
    maxConnections: config.pgPoolMax,
    applicationName: config.serviceName,
    ...(metrics && { metrics }),
  });
  try {
    await client.query('SELECT 1');
    return client;
  } catch (error) {
    await client.close().catch(() => {});
    throw new StartupError(
      `DATABASE_URL: cannot connect to ${endpointOf(url, 5432)} (${connectionReason(error)})`,
      { cause: error },
    );
  }
}

/** Opens and probes a SQL client, failing fast with the variable to fix when it cannot. */
export function openSqlClient(
  config: Config,
  driver: SqlDriver,
  metrics?: Pick<Metrics, 'dbOperation'>,
): Promise<SqlClient> {
  return driver === 'pglite' ? openPglite(config, metrics) : openPostgres(config, metrics);
}

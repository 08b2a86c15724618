import { loadConfig, type Env } from '../config';
import { StartupError } from './startup-error';
import { runUntilSignalled } from './start';

/**
 * The booking process manager alone (`roleModules.saga`): its state follows the log, its commands and
 * durable timeouts run from PostgreSQL rows. Confirms and returns seats through the inventory actor
 * (Redis in production).
 */
export async function run(_args: readonly string[], env: Env = process.env): Promise<void> {
  const config = loadConfig(env);
  // In-process counters or an embedded database would be this process's own, not the command API's.
  if (!config.redis)
    throw new StartupError(
      'REDIS_URL: the saga role confirms and returns seats in the shared counters; set it (or REDIS_CLUSTER_NODES)',
    );
  if (config.sqlDriver === 'pglite' || config.eventStore === 'pglite')
    throw new StartupError(
      'SQL_DRIVER and EVENT_STORE: the saga role shares the database of the other roles; use postgres',
    );
  await runUntilSignalled(env, 'saga');
}

import cluster from 'node:cluster';
import { loadConfig, type Env } from '../config';
import { createLogger } from '../logging';
import { superviseWorkers } from './api-workers';
import { runUntilSignalled } from './start';

/**
 * The command side alone (`roleModules['command-api']`). One process, or with `API_WORKERS` > 1 a
 * node:cluster primary and that many workers on one port.
 */
export async function run(_args: readonly string[], env: Env = process.env): Promise<void> {
  const config = loadConfig(env);
  if (config.apiWorkers <= 1 || !cluster.isPrimary) return runUntilSignalled(env, 'command-api');
  const logger = createLogger({ serviceName: config.serviceName, logLevel: config.logLevel });
  superviseWorkers(config.apiWorkers, env, logger);
}

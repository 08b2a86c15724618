import cluster, { type Worker } from 'node:cluster';
import type { Env } from '../config';
import type { RootLogger } from '../logging';
import { shutdownMessage } from './signals';

const respawnWindowMs = 60_000;
const maxRespawnsPerWindow = 5;
const stopDeadlineMs = 20_000;

/**
 * The primary of a node:cluster: forks `count` workers that share the listening port, replaces one that
 * dies (at most five times a minute, then gives up with exit 1), and on SIGINT/SIGTERM asks every worker
 * to stop (over IPC, as a first signal) and exits once they have stopped. Only the first worker ensures the bootstrap admin, so two
 * workers never race to create it.
 */
export function superviseWorkers(count: number, env: Env, logger: RootLogger): void {
  let stopping = false;
  const respawns: number[] = [];
  const workerEnv = (index: number): Env =>
    index === 0 ? env : { ...env, BOOTSTRAP_ADMIN_EMAIL: '', BOOTSTRAP_ADMIN_PASSWORD: '' };
  const slots = new Map<Worker, number>();
  const fork = (index: number) => slots.set(cluster.fork(workerEnv(index)), index);

  cluster.on('exit', (worker, code, signal) => {
    const index = slots.get(worker) ?? 0;
    slots.delete(worker);
    if (stopping) {
      if (slots.size === 0) void logger.close().finally(() => process.exit(0));
      return;
    }
    const now = Date.now();
    while (respawns.length > 0 && respawns[0]! < now - respawnWindowMs) respawns.shift();
    if (respawns.length >= maxRespawnsPerWindow) {
      logger.error('API workers keep dying; giving up', { code, signal });
      void logger.close().finally(() => process.exit(1));
      return;
    }
    respawns.push(now);
    logger.warn('API worker died; starting another', { pid: worker.process.pid, code, signal });
    fork(index);
  });

  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info('stopping API workers', { signal, workers: slots.size });
    for (const worker of slots.keys()) worker.send(shutdownMessage);
    setTimeout(() => {
      logger.error('API workers did not stop in time: forcing exit', { deadlineMs: stopDeadlineMs });
      void logger.close().finally(() => process.exit(1));
    }, stopDeadlineMs).unref();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);

  for (let index = 0; index < count; index++) fork(index);
  logger.info('API workers started', { workers: count });
}

import type { BaselineZone } from './baseline-server';
import { freePort, startNodeChild, waitUntilReady } from './child-process';
import type { RunningServer } from './endpoint-server';

export type { BaselineZone };

/** Starts `baseline-server.ts` as its own process (so its CPU is attributed like the endpoint's). */
export async function startBaselineServer(options: {
  databaseUrl: string;
  redisUrl: string;
  keyPrefix: string;
  logFile: string;
}): Promise<RunningServer> {
  const port = await freePort();
  const child = startNodeChild('benchmarks/load/baseline-server.ts', [], {
    env: {
      PATH: process.env.PATH,
      BASELINE_PORT: String(port),
      BASELINE_DATABASE_URL: options.databaseUrl,
      BASELINE_REDIS_URL: options.redisUrl,
      BASELINE_KEY_PREFIX: options.keyPrefix,
      BASELINE_TTL_MS: String(600_000),
    },
    logFile: options.logFile,
  });
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitUntilReady(`${url}/ready`, child, 30_000);
  } catch (error) {
    await child.stop(2000);
    throw new Error(`The baseline server did not start (log: ${options.logFile})`, { cause: error });
  }
  return { url, child };
}

export async function addBaselineZones(server: RunningServer, zones: readonly BaselineZone[]): Promise<void> {
  const response = await fetch(`${server.url}/_zones`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(zones),
  });
  if (!response.ok) throw new Error(`baseline /_zones answered ${response.status}`);
}

// Helpers for this folder's tests: the test Redis server and a port nothing listens on.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer, Socket, type AddressInfo } from 'node:net';

export { testRedisUrl } from '../../testing';

/** A redis:// URL on a port that was free a moment ago and is closed now. */
export async function closedPortUrl(): Promise<string> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `redis://127.0.0.1:${port}`;
}

/**
 * A throwaway redis-server of our own (needs `redis-server` on PATH), for what the shared test server
 * forbids, such as SCRIPT FLUSH. `stop()` ends exactly the process it started.
 */
export async function privateRedis(): Promise<{ url: string; stop(): Promise<void> }> {
  const url = await closedPortUrl();
  const port = new URL(url).port;
  const child = spawn(
    'redis-server',
    ['--port', port, '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    {
      stdio: 'ignore',
    },
  );
  const exited = once(child, 'exit');
  for (let attempt = 0; ; attempt++) {
    const probe = new Socket();
    const up = await new Promise<boolean>((resolve) => {
      probe.once('connect', () => resolve(true)).once('error', () => resolve(false));
      probe.connect(Number(port), '127.0.0.1');
    });
    probe.destroy();
    if (up) break;
    if (attempt > 100 || child.exitCode !== null) throw new Error('private redis-server did not start');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return {
    url,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

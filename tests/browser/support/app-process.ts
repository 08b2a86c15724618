// The product in embedded mode as a real child process (`tsx infra/cli/main.ts start`) on a free port.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { spawnRole, type RoleProcess } from '../../../infra/roles/test-support';

export type AppOptions = {
  /** RESERVATION_TTL_SECONDS for tests that watch a hold expire. */
  readonly holdTtlSeconds?: number;
  /** BOOTSTRAP_ADMIN_EMAIL/_PASSWORD: an admin account ensured at start-up. */
  readonly admin?: { readonly email: string; readonly password: string };
};

export type RunningApp = {
  /** e.g. http://127.0.0.1:41234 — the API and the web app share it. */
  readonly url: string;
  readonly role: RoleProcess;
  stop(): Promise<void>;
};

export async function startApp(options: AppOptions = {}): Promise<RunningApp> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'booking-rush-browser-'));
  const env: Record<string, string> = { PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir };
  if (options.holdTtlSeconds !== undefined) env.RESERVATION_TTL_SECONDS = String(options.holdTtlSeconds);
  if (options.admin) {
    env.BOOTSTRAP_ADMIN_EMAIL = options.admin.email;
    env.BOOTSTRAP_ADMIN_PASSWORD = options.admin.password;
  }
  const role = spawnRole(['start'], env);
  const stop = async () => {
    if (role.child.exitCode === null) {
      role.child.kill('SIGTERM');
      await role.exitCode(10_000).catch(() => role.child.kill('SIGKILL'));
    }
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    const listening = await role.waitForLine((line) => line.msg === 'listening', 60_000);
    return { url: `http://127.0.0.1:${listening.port as number}`, role, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

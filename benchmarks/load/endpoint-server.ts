import { freePort, startNodeChild, waitUntilReady, type Child } from './child-process';

export type Role = 'start' | 'command-api';

export type EndpointServerOptions = {
  readonly role: Role;
  readonly databaseUrl: string;
  readonly redisUrl: string;
  readonly jwtSecret: string;
  readonly admin: { readonly email: string; readonly password: string };
  readonly logFile: string;
  /** Extra Node flags for the server, e.g. `--cpu-prof`. */
  readonly nodeOptions?: readonly string[];
  /** Extra or overriding environment variables. */
  readonly env?: Record<string, string>;
};

export type RunningServer = { readonly url: string; readonly child: Child };

/** `BENCH_SERVER_<NAME>=value` in the benchmark's environment sets `<NAME>` for the server (experiments). */
function serverOverrides(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const prefix = 'BENCH_SERVER_';
  return Object.fromEntries(
    Object.entries(env)
      .filter(([name]) => name.startsWith(prefix))
      .map(([name, value]) => [name.slice(prefix.length), value]),
  );
}

/**
 * The product's own process (`infra/cli/main.ts <role>`) on PostgreSQL + Redis, with the whole
 * middleware on and only the rate limits raised for the test.
 */
export async function startEndpointServer(options: EndpointServerOptions): Promise<RunningServer> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'production',
    EVENT_STORE: 'postgres',
    SQL_DRIVER: 'postgres',
    DATABASE_URL: options.databaseUrl,
    REDIS_URL: options.redisUrl,
    JWT_SECRET: options.jwtSecret,
    DEMO_SEED: 'off',
    HOST: '127.0.0.1',
    PORT: String(port),
    LOG_LEVEL: 'info',
    BOOTSTRAP_ADMIN_EMAIL: options.admin.email,
    BOOTSTRAP_ADMIN_PASSWORD: options.admin.password,
    RATE_LIMITS: 'reserve=1000000/1000000',
    RESERVATION_TTL_SECONDS: '600',
    ...options.env,
    ...serverOverrides(process.env),
  };
  const child = startNodeChild('infra/cli/main.ts', [options.role], {
    env,
    logFile: options.logFile,
    nodeOptions: options.nodeOptions,
  });
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitUntilReady(`${url}/ready`, child, 90_000);
  } catch (error) {
    await child.stop(2000);
    throw new Error(`The ${options.role} server did not become ready (log: ${options.logFile})`, {
      cause: error,
    });
  }
  return { url, child };
}

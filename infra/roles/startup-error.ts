import type { RedisTarget } from '../config';

/** A process cannot start: the message names the variable to fix (`DATABASE_URL: cannot connect …`). */
export class StartupError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StartupError';
  }
}

/**
 * A short reason for a connection failure: the first errno code along the cause chain (ECONNREFUSED),
 * else the innermost message (adapters wrap driver errors in their own).
 */
export function connectionReason(error: unknown): string {
  let innermost = error;
  for (let current: unknown = error; current instanceof Error; current = current.cause) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) return code;
    innermost = current;
  }
  return innermost instanceof Error ? innermost.message : String(innermost);
}

/** `host:port` of a connection string, without credentials. */
export function endpointOf(url: string, defaultPort: number): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || defaultPort}`;
  } catch {
    return '(unparsable URL)';
  }
}

/** The Redis a process was pointed at cannot be reached: names the variable that pointed it there. */
export function redisUnreachable(target: RedisTarget, error: unknown): StartupError {
  const where =
    'url' in target
      ? `REDIS_URL: cannot connect to ${endpointOf(target.url, 6379)}`
      : `REDIS_CLUSTER_NODES: cannot connect to the cluster at ${target.clusterNodes.join(',')}`;
  return new StartupError(`${where} (${connectionReason(error)})`, { cause: error });
}

// Suites share one Redis server, so none may flush it: each takes a key prefix of its own and deletes
// what it wrote under it.
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';

/** The shared test server (`TEST_REDIS_URL`, from `.services/env`). */
export function testRedisUrl(): string {
  const url = process.env.TEST_REDIS_URL;
  if (!url) {
    throw new Error(
      'TEST_REDIS_URL is not set: start the test servers with `npm run services up` and source .services/env, or run `npm test`',
    );
  }
  return url;
}

/** A fresh prefix such as `test:prov:1a2b3c4d:`. */
export const testKeyPrefix = (suite: string): string => `test:${suite}:${randomBytes(4).toString('hex')}:`;

/** Deletes every key under `prefix` (SCAN + UNLINK, never FLUSHDB). */
export async function deleteKeysUnder(prefix: string, url = testRedisUrl()): Promise<void> {
  const redis = new Redis(url);
  try {
    for await (const keys of redis.scanStream({ match: `${prefix}*`, count: 1000 })) {
      if ((keys as string[]).length > 0) await redis.unlink(...(keys as string[]));
    }
  } finally {
    await redis.quit();
  }
}

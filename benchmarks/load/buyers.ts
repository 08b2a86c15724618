import { JwtAccessTokens } from '../../infra/auth';

/**
 * Synthetic buyers: UUID-shaped ids whose first group is the invocation's tag, so every Redis key the
 * run leaves behind (rate limits, idempotency answers, per-user counters) can be found and deleted.
 */
export function buyerId(tag: string, index: number): string {
  return `${tag}-0000-4000-8000-${index.toString(16).padStart(12, '0')}`;
}

/** Access tokens minted directly with the server's secret (role customer); the reserve path never looks users up. */
export async function mintTokens(
  secret: string,
  tag: string,
  first: number,
  count: number,
): Promise<string[]> {
  const tokens = new JwtAccessTokens(secret, { ttlSeconds: 4 * 3600 });
  const out: string[] = new Array(count);
  const chunk = 1000;
  for (let start = 0; start < count; start += chunk) {
    await Promise.all(
      Array.from({ length: Math.min(chunk, count - start) }, async (_, offset) => {
        const index = first + start + offset;
        const userId = buyerId(tag, index);
        const issued = await tokens.issue({
          userId,
          email: `${userId}@load.example`,
          role: 'customer',
          tenantId: 'default',
        });
        out[start + offset] = issued.accessToken;
      }),
    );
  }
  return out;
}

import { createHash, createHmac } from 'node:crypto';

/**
 * The published commitment to a shuffle seed: SHA-256 of the seed's UTF-8 bytes, in lowercase hex.
 * Published when the pre-queue opens, before anyone can know who joins; the seed is revealed after the
 * shuffle, and anyone can check `seedCommitment(seed)` against what was published.
 */
export function seedCommitment(seed: string): string {
  return createHash('sha256').update(seed, 'utf8').digest('hex');
}

/**
 * A stream of uniform integers drawn from the seed: block `n` is HMAC-SHA256(key = seed, message = the
 * decimal `n`), read as eight 32-bit big-endian words. Documented in docs/waiting-room.md so that the
 * order can be recomputed in any language.
 */
function seededIntegers(seed: string) {
  let block = 0;
  let words: number[] = [];
  const nextWord = (): number => {
    if (words.length === 0) {
      const digest = createHmac('sha256', seed).update(String(block)).digest();
      block += 1;
      words = Array.from({ length: 8 }, (_, index) => digest.readUInt32BE(index * 4));
    }
    return words.shift()!;
  };
  /** Uniform in [0, bound) without modulo bias: words in the incomplete last range are drawn again. */
  return (bound: number): number => {
    const limit = 2 ** 32 - (2 ** 32 % bound);
    for (;;) {
      const word = nextWord();
      if (word < limit) return word % bound;
    }
  };
}

/**
 * The order of the buyers who joined before the opening: their user ids sorted (code-unit order, so
 * the order they happened to join in does not matter), then a Fisher–Yates shuffle from the last
 * place down, place `i` swapped with a uniform place in [0, i]. Duplicates count once.
 */
export function shuffledOrder(userIds: readonly string[], seed: string): string[] {
  const order = [...new Set(userIds)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const uniform = seededIntegers(seed);
  for (let index = order.length - 1; index > 0; index -= 1) {
    const other = uniform(index + 1);
    [order[index], order[other]] = [order[other]!, order[index]!];
  }
  return order;
}

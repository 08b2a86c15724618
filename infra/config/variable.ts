/**
 * One environment variable: how it reads, its default and what it means. The loader and the README
 * table both come from these definitions, so a default is written down exactly once.
 */
export type Variable<T> = {
  readonly meaning: string;
  /** The value when the variable is unset or blank. */
  readonly fallback: T;
  /** How the default reads in the README table (`—` for none). */
  readonly shownDefault: string;
  /** Never echo the raw value in an error (passwords). */
  readonly secret?: boolean;
  /** Returns the value or throws a reason such as `must be an integer 0–65535`. */
  parse(raw: string): T;
};

export class InvalidValue extends Error {}

function reject(reason: string): never {
  throw new InvalidValue(reason);
}

export function integer(meaning: string, fallback: number, min: number, max: number): Variable<number> {
  return {
    meaning,
    fallback,
    shownDefault: String(fallback),
    parse(raw) {
      const value = /^-?\d+$/.test(raw) ? Number(raw) : Number.NaN;
      if (!Number.isSafeInteger(value) || value < min || value > max) {
        reject(`must be an integer ${min}–${max}`);
      }
      return value;
    },
  };
}

export function ratio(meaning: string, fallback: number): Variable<number> {
  return {
    meaning,
    fallback,
    shownDefault: String(fallback),
    parse(raw) {
      const value = /^(\d+(\.\d*)?|\.\d+)$/.test(raw) ? Number(raw) : Number.NaN;
      if (!(value >= 0 && value <= 1)) reject('must be a number from 0 to 1');
      return value;
    },
  };
}

export function oneOf<const T extends string>(
  meaning: string,
  fallback: T,
  choices: readonly T[],
): Variable<T> {
  return {
    meaning: `${meaning} (${choices.join(' \\| ')})`,
    fallback,
    shownDefault: fallback,
    parse(raw) {
      if (!(choices as readonly string[]).includes(raw)) reject(`must be one of ${choices.join(', ')}`);
      return raw as T;
    },
  };
}

export function text(meaning: string, fallback: string): Variable<string> {
  return { meaning, fallback, shownDefault: fallback, parse: (raw) => raw };
}

export function optionalText(
  meaning: string,
  check?: (raw: string) => string | undefined,
): Variable<string | undefined> {
  return {
    meaning,
    fallback: undefined,
    shownDefault: '—',
    parse(raw) {
      const problem = check?.(raw);
      if (problem) reject(problem);
      return raw;
    },
  };
}

export function optionalUrl(meaning: string, protocols: readonly string[]): Variable<string | undefined> {
  const shown = protocols.map((protocol) => `${protocol}//`).join(' or ');
  return optionalText(meaning, (raw) => {
    if (!URL.canParse(raw)) return `must be a URL (${shown}…)`;
    const url = new URL(raw);
    if (!protocols.includes(url.protocol)) return `must be a URL starting with ${shown}`;
    if (!url.hostname) return 'must name a host';
    return undefined;
  });
}

export function optionalList(
  meaning: string,
  check: (item: string) => boolean,
  itemShape: string,
): Variable<readonly string[] | undefined> {
  return {
    meaning,
    fallback: undefined,
    shownDefault: '—',
    parse(raw) {
      const items = raw.split(',').map((item) => item.trim());
      if (items.some((item) => !check(item))) reject(`must be a comma-separated list of ${itemShape}`);
      return items;
    },
  };
}

export function secret<T>(variable: Variable<T>): Variable<T> {
  return { ...variable, secret: true };
}

/** A token bucket: `limit` requests at once, refilled at `refillPerSecond`. */
export type BucketLimit = { readonly limit: number; readonly refillPerSecond: number };

/**
 * Per-endpoint token buckets as `name=limit/refillPerSecond,…` (e.g. `reserve=20/2`). Names not given
 * keep their defaults; an unknown name is an error, so a typo never silently disables a limit.
 */
export function bucketTable<const Name extends string>(
  meaning: string,
  fallback: Readonly<Record<Name, BucketLimit>>,
): Variable<Readonly<Record<Name, BucketLimit>>> {
  const format = (limits: Readonly<Record<string, BucketLimit>>) =>
    Object.entries(limits)
      .map(([name, { limit, refillPerSecond }]) => `${name}=${limit}/${refillPerSecond}`)
      .join(',');
  return {
    meaning,
    fallback,
    shownDefault: format(fallback),
    parse(raw) {
      const table: Record<string, BucketLimit> = { ...fallback };
      for (const item of raw.split(',').map((part) => part.trim())) {
        const match = /^([a-z][a-z-]*)=(\d+)\/(\d+(?:\.\d+)?)$/.exec(item);
        if (!match) reject('must be a comma-separated list of name=limit/refillPerSecond');
        const [, name, limit, refill] = match;
        if (!(name! in fallback))
          reject(`names an unknown endpoint "${name}" (known: ${Object.keys(fallback).join(', ')})`);
        const bucket = { limit: Number(limit), refillPerSecond: Number(refill) };
        if (bucket.limit < 1 || bucket.limit > 1_000_000_000 || !(bucket.refillPerSecond > 0)) {
          reject(`${name}: limit must be 1–1000000000 and refillPerSecond above 0`);
        }
        table[name!] = bucket;
      }
      return table as Record<Name, BucketLimit>;
    },
  };
}

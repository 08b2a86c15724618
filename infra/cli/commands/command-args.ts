import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import { UsageError } from './command-errors';

/** `node:util` parseArgs, strict, with positionals; its complaints become usage errors. */
export function parseCommandArgs<const Options extends ParseArgsOptionsConfig>(
  args: readonly string[],
  options: Options,
) {
  try {
    return parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

/** An optional integer flag ≥ `min` (and ≤ `max`). */
export function integerFlag(
  value: string | undefined,
  flag: string,
  { min, max = Number.MAX_SAFE_INTEGER }: { min: number; max?: number },
): number | undefined {
  if (value === undefined) return undefined;
  const parsed = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(parsed) || parsed < min || parsed > max)
    throw new UsageError(`--${flag} must be an integer from ${min} to ${max}, got ${JSON.stringify(value)}`);
  return parsed;
}

/** Exactly `count` positional arguments, named in the message when some are missing or extra. */
export function expectPositionals(positionals: readonly string[], names: readonly string[]): string[] {
  if (positionals.length < names.length)
    throw new UsageError(`Missing ${names.slice(positionals.length).join(', ')}`);
  if (positionals.length > names.length)
    throw new UsageError(`Unexpected arguments: ${positionals.slice(names.length).join(' ')}`);
  return [...positionals];
}

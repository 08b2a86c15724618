import { redisDatabaseUrl } from '../load/services';
import { runWaveVariant, type WaveOptions, type WaveVariantResult } from './run-wave-variant';
import { rushServicesUp } from './services';
import { variants, type VariantName } from './variants';

export type WaveRunOptions = Omit<WaveOptions, 'redisUrl' | 'stamp' | 'log'> & {
  readonly variants: readonly VariantName[];
  /** Redis logical database (the tests use 0, bench:load 12/13, the rush 11, the smoke tests 10). */
  readonly redisDb: number;
  readonly log?: (line: string) => void;
};

export type WaveRunResult = { readonly variants: readonly WaveVariantResult[] };

/** The expiry wave on every asked-for variant in turn, each from scratch. */
export async function runWaveScenario(options: WaveRunOptions): Promise<WaveRunResult> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const urls = await rushServicesUp();
  const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
  const redisUrl = redisDatabaseUrl(urls.redis, options.redisDb);
  const results: WaveVariantResult[] = [];
  for (const name of options.variants) {
    results.push(await runWaveVariant(variants[name], urls, { ...options, redisUrl, stamp, log }));
  }
  return { variants: results };
}

/** The outcomes a wave must have whatever its timings: every hold expired and mailed once, nothing left due, the invariant. */
export function waveProblems(result: WaveVariantResult): string[] {
  const { checks, mails } = result;
  const problems: string[] = [];
  if (!result.drained) problems.push('not drained within the wait');
  if (checks.reserved !== result.placement.load.created)
    problems.push(
      `${checks.reserved} BookingReserved for ${result.placement.load.created} holds answered 201`,
    );
  if (checks.expired !== checks.reserved)
    problems.push(`${checks.expired} BookingExpired for ${checks.reserved} holds`);
  if (mails.missing > 0) problems.push(`${mails.missing} expiry mails not in by the end`);
  if (mails.duplicated > 0) problems.push(`${mails.duplicated} bookings mailed more than once`);
  if (checks.dueCommandsLeft > 0) problems.push(`${checks.dueCommandsLeft} saga commands left due`);
  if (checks.failedNotifications !== 0)
    problems.push(`failed notifications: ${checks.failedNotifications ?? 'could not be read'}`);
  if (!checks.verdicts.wave.ok) problems.push("the wave sale's verdict failed");
  if (!checks.verdicts.probe.ok) problems.push("the probe sale's verdict failed");
  return problems;
}

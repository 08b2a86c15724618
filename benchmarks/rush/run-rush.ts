import { redisDatabaseUrl } from '../load/services';
import { runThroughput, type ThroughputResult } from './throughput';
import { runVariant, type VariantOptions, type VariantResult } from './run-variant';
import { rushServicesUp } from './services';
import { variants, type VariantName } from './variants';

export type RushOptions = Omit<VariantOptions, 'redisUrl' | 'stamp' | 'log'> & {
  readonly variants: readonly VariantName[];
  /** Redis logical database (the tests use 0, bench:load 12/13). */
  readonly redisDb: number;
  /** Saga/relay throughput from position 0: events in the log and runs; skipped when `events` is 0. */
  readonly throughput: { readonly events: number; readonly runs: number; readonly batchSize: number };
  readonly log?: (line: string) => void;
};

export type RushResult = {
  readonly variants: readonly VariantResult[];
  readonly throughput?: ThroughputResult;
};

/** Every asked-for variant in turn, each from scratch, then the saga/relay throughput runs. */
export async function runRush(options: RushOptions): Promise<RushResult> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const urls = await rushServicesUp();
  const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
  const redisUrl = redisDatabaseUrl(urls.redis, options.redisDb);
  const results: VariantResult[] = [];
  for (const name of options.variants) {
    results.push(await runVariant(variants[name], urls, { ...options, redisUrl, stamp, log }));
  }
  const throughput =
    options.throughput.events > 0
      ? await runThroughput(urls, { ...options.throughput, stamp, log })
      : undefined;
  return { variants: results, ...(throughput ? { throughput } : {}) };
}

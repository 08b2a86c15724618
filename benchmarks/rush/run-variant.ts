import { join } from 'node:path';
import { startSmtpTestServer } from '../../infra/mail/testing/smtp-test-server';
import type { LoadGeneratorName } from '../load/load-plan';
import { verify, type Verdict } from '../load/verify';
import { measureMax, measureRush, rushSale, type RushMeasurement } from './measure-rush';
import type { Sample } from './probe';
import type { RushServiceUrls } from './services';
import { loadTargetOf, openVariantSession, type VariantSession } from './variant-session';
import type { Variant, VariantName } from './variants';

export type VariantOptions = {
  /** Offered reservations/s; when absent, half of a closed-loop max measured first. */
  readonly rate?: number;
  readonly durationSeconds: number;
  readonly maxDurationSeconds: number;
  readonly connections: number;
  readonly catchUpTimeoutSeconds: number;
  readonly sampleIntervalMs: number;
  readonly timeoutSeconds: number;
  readonly generator: LoadGeneratorName;
  readonly reservationTtlSeconds: number;
  readonly redisUrl: string;
  readonly outDir: string;
  readonly stamp: string;
  readonly log: (line: string) => void;
};

export type VariantResult = {
  readonly variant: VariantName;
  readonly summary: string;
  readonly processes: { readonly name: string; readonly pid: number }[];
  readonly max?: { readonly rps: number; readonly p99: number; readonly statuses: Record<string, number> };
  readonly rate: number;
  readonly rateSource: 'given' | 'half of the closed-loop max';
  readonly rush: Omit<RushMeasurement, 'sale' | 'idsFile'>;
  /** The load benchmark's verdict (checkInventory, 201s = BookingReserved, per-buyer limit) per sale. */
  readonly verdicts: { readonly max?: Verdict; readonly rush: Verdict };
  /** Every follower had processed everything once the load stopped (within the wait). */
  readonly allCaughtUp: boolean;
  /** Mails the loopback SMTP server received during the run (nobody pays in a rush: 0 expected). */
  readonly mailsReceived: number;
  readonly samples: readonly Sample[];
};

/**
 * One variant from scratch: a database (and FerretDB database, Kafka topic prefix) of its own, the
 * variant's processes, optionally the closed-loop max, the rush with the probe sampling, the verdict;
 * then everything it created is stopped, dropped or deleted.
 */
export async function runVariant(
  variant: Variant,
  urls: RushServiceUrls,
  options: VariantOptions,
): Promise<VariantResult> {
  const { log } = options;
  const dir = join(options.outDir, `${options.stamp}-${variant.name}`);
  const smtp = await startSmtpTestServer();
  let session: VariantSession | undefined;
  try {
    session = await openVariantSession(variant, urls, {
      dir,
      stamp: options.stamp,
      redisUrl: options.redisUrl,
      smtpUrl: smtp.url,
      reservationTtlSeconds: options.reservationTtlSeconds,
      sampleIntervalMs: options.sampleIntervalMs,
      log,
    });
    const { probe, processes, database } = session;

    const target = loadTargetOf(session, options, dir);

    let max: VariantResult['max'];
    let maxSale: { eventId: string; idsFile: string } | undefined;
    let rate = options.rate;
    if (rate === undefined) {
      const measured = await measureMax(target, options.maxDurationSeconds);
      maxSale = { eventId: measured.sale.eventId, idsFile: measured.idsFile };
      const { load } = measured;
      max = { rps: load.rps, p99: load.latency.p99, statuses: load.statuses };
      rate = Math.max(1, Math.floor(load.rps / 2));
      log(`${variant.name}: closed-loop max ${load.rps}/s (p99 ${load.latency.p99} ms); rush at ${rate}/s`);
      const settled = await probe.untilCaughtUp(options.catchUpTimeoutSeconds * 1000);
      log(`${variant.name}: followers ${settled === undefined ? 'still behind' : 'caught up'} after the max`);
    }

    const rush = await measureRush(target, probe, session.cpuGroups, {
      rate,
      durationSeconds: options.durationSeconds,
      catchUpTimeoutSeconds: options.catchUpTimeoutSeconds,
    });
    await probe.stop();
    const allCaughtUp = rush.caughtUpSeconds !== undefined;
    log(
      `${variant.name}: ${rush.load.rps}/s for ${rush.loadSeconds} s, p99 ${rush.load.latency.p99} ms, ` +
        `statuses ${JSON.stringify(rush.load.statuses)}; followers ${allCaughtUp ? `caught up ${rush.caughtUpSeconds} s after the stop` : 'NOT caught up'}`,
    );
    const verdictOf = (eventId: string, idsFile: string) =>
      verify({
        databaseUrl: database.url,
        redisUrl: options.redisUrl,
        keyPrefix: 'br:',
        eventId,
        maxTicketsPerUser: rushSale.maxTicketsPerUser,
        idsFiles: [idsFile],
        extraIds: [],
        connections: options.connections,
      });
    const verdicts = {
      ...(maxSale ? { max: await verdictOf(maxSale.eventId, maxSale.idsFile) } : {}),
      rush: await verdictOf(rush.sale.eventId, rush.idsFile),
    };
    const { sale: _sale, idsFile: _ids, ...measured } = rush;
    return {
      variant: variant.name,
      summary: variant.summary,
      processes: processes.map((process) => ({ name: process.spec.name, pid: process.child.pid })),
      ...(max ? { max } : {}),
      rate,
      rateSource: options.rate === undefined ? 'half of the closed-loop max' : 'given',
      rush: measured,
      verdicts,
      allCaughtUp,
      mailsReceived: smtp.received.length,
      samples: probe.samples,
    };
  } finally {
    await session?.close();
    await smtp.close();
  }
}

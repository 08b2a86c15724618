import type { SaleSetup } from '../load/setup-event';
import { verify, type Verdict } from '../load/verify';
import { rushSale } from './measure-rush';
import { allCaughtUp } from './probe';
import type { SmtpSink } from './smtp-sink';
import type { VariantSession } from './variant-session';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Until every wave booking's expiry mail has arrived, the wave probe has finished, a sample finds every
 * follower caught up and a count of the saga's commands after the last saga timeout's due time finds
 * none due; the time (probe clock), or undefined at the deadline.
 */
export async function untilDrained(context: {
  session: VariantSession;
  sink: SmtpSink;
  waveMailIds: ReadonlySet<string>;
  lastSagaDue: number;
  deadline: number;
  probeDone: () => boolean;
  log: (line: string) => void;
}): Promise<number | undefined> {
  const { probe } = context.session;
  const arrived = new Set<string>();
  let seen = 0;
  let lastLog = probe.now();
  for (;;) {
    for (; seen < context.sink.arrivals.length; seen++) {
      const id = context.sink.arrivals[seen]!.messageId;
      if (context.waveMailIds.has(id)) arrived.add(id);
    }
    const last = probe.samples.findLast((sample) => !sample.error);
    const saga = probe.samples.findLast((sample) => !sample.error && sample.sagaCommands);
    const sagaClear = saga !== undefined && saga.t >= context.lastSagaDue && saga.sagaCommands!.due === 0;
    const mailsIn = arrived.size >= context.waveMailIds.size;
    if (context.probeDone() && mailsIn && sagaClear && last && allCaughtUp(last)) return probe.now();
    if (probe.now() > context.deadline) return undefined;
    if (probe.now() - lastLog >= 10_000) {
      lastLog = probe.now();
      context.log(
        `${arrived.size}/${context.waveMailIds.size} expiry mails, saga due ${saga?.sagaCommands?.due ?? '?'}, ` +
          `followers ${last && allCaughtUp(last) ? 'caught up' : 'behind'}`,
      );
    }
    await sleep(250);
  }
}

/**
 * The load benchmark's verdict for a sale, taken again (up to five times, a second apart) while it
 * fails: a hold swept a moment ago has its seats back before its `BookingExpired` is in the log.
 */
export async function settledVerdict(
  session: VariantSession,
  redisUrl: string,
  sale: SaleSetup,
  idsFiles: string[],
  connections: number,
): Promise<Verdict> {
  for (let attempt = 1; ; attempt++) {
    const verdict = await verify({
      databaseUrl: session.database.url,
      redisUrl,
      keyPrefix: 'br:',
      eventId: sale.eventId,
      maxTicketsPerUser: rushSale.maxTicketsPerUser,
      idsFiles,
      extraIds: [],
      connections,
    });
    if (verdict.ok || attempt >= 5) return verdict;
    await sleep(1000);
  }
}

// Draws one booking's trace — reserve → pay → confirm → e-mail — from real spans, for the README: runs
// the journey that connected-trace.test.ts checks (traced-journey.ts: the whole product in one process on
// the test servers' PostgreSQL, Redis and Kafka, SMTP on loopback), keeps the spans on the way to the
// e-ticket's send, and writes the waterfall as a PNG and as plain text beside it.
//
//   set -a; . .services/env; set +a     # the test servers (npm run services up)
//   npx tsx tests/observability/render-trace.ts docs/images/trace-reserve-to-email.png [--html page.html]
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import type { TraceSpan } from '../../infra/observability/trace-picture';

const usage =
  'usage: render-trace.ts <out.png> [--html FILE]  (needs the test servers: set -a; . .services/env; set +a)';

function fail(message: string, code: number): never {
  process.stderr.write(`render-trace: ${message}\n`);
  process.exit(code);
}

const { values, positionals } = (() => {
  try {
    return parseArgs({ allowPositionals: true, options: { html: { type: 'string' } } });
  } catch (error) {
    return fail(`${(error as Error).message}\n${usage}`, 2);
  }
})();
const [out] = positionals;
if (!out || positionals.length > 1 || !out.endsWith('.png')) fail(usage, 2);
const missing = ['TEST_DATABASE_URL', 'TEST_REDIS_URL', 'TEST_KAFKA_BROKERS'].filter(
  (name) => !process.env[name],
);
if (missing.length) fail(`${missing.join(', ')} not set\n${usage}`, 2);

// Loaded once the arguments are known to be good: the product is a large import.
const [{ causalPath, fromFinishedSpan, renderTracePicture, waterfall }, { eTicketSends, runTracedJourney }] =
  await Promise.all([import('../../infra/observability/trace-picture'), import('./traced-journey')]);
const { notifierGroup } = await import('../../infra/roles/modules/notifications-module');
const { paymentServiceGroup } = await import('../../infra/roles/modules/payment-service-module');

/** The process of the distributed deployment (infra/cli/roles.ts) that does a span's work. */
function roleOf(span: TraceSpan): string | undefined {
  const group = span.attributes['messaging.consumer.group.name'];
  const follower = span.attributes['booking_rush.follower'];
  if (span.kind === 'server') return 'command-api';
  if (group === paymentServiceGroup) return 'payment';
  if (group === notifierGroup) return 'notifier';
  if (follower === 'projection:booking-saga') return 'saga';
  if (typeof follower === 'string' && follower.startsWith('relay:')) return 'relay';
  if (typeof group === 'string') return group;
  return typeof follower === 'string' ? follower : undefined;
}

/** The same colour for a role in every run (the dashboard picture's palette). */
const roleColors = {
  browser: '#8ab8ff',
  'command-api': '#b877d9',
  saga: '#ff9830',
  relay: '#73bf69',
  payment: '#f2cc0c',
  notifier: '#ff7383',
};

const began = performance.now();
const journey = await runTracedJourney().catch((error: unknown) =>
  fail(`the journey failed: ${(error as Error).stack ?? String(error)}`, 1),
);
const recorded = journey.spans.map(fromFinishedSpan);
const [send] = eTicketSends(journey.spans, journey.bookingId);
await journey.close();
const journeyDone = performance.now();
try {
  if (!send) throw new Error("no span of the e-ticket's send");
  const request = (route: string) =>
    recorded.find(
      (span) =>
        span.kind === 'server' &&
        span.attributes['http.request.method'] === 'POST' &&
        span.attributes['http.route'] === route,
    );
  const reserve = request('/api/v1/bookings');
  const pay = request('/api/v1/bookings/:id/pay');
  if (!reserve || !pay) throw new Error('no span of the reserve or the pay request');

  // The e-ticket's send and every span before it on the way there (parents and links), with the
  // reserve request, and each of those spans' own work below it.
  const drawn = causalPath(recorded, [send.spanContext().spanId], [reserve.spanId, pay.spanId]);
  const picture = waterfall(drawn, {
    roleOf,
    callers: { [journey.client.spanId]: { label: "the buyer's browser", role: 'browser' } },
    recorded,
  });
  const rendered = await renderTracePicture({
    waterfall: picture,
    title: "One booking's trace: reserve → pay → confirm → e-mail",
    notes: [
      `booking ${journey.bookingId} · ${new Date(picture.origin).toISOString().slice(0, 19).replace('T', ' ')} UTC · one process (startEmbedded) on PostgreSQL, Redis, Kafka and loopback SMTP · the ${drawn.length} of ${recorded.length} recorded spans on the way to the e-ticket's send`,
      'drawn by tests/observability/render-trace.ts from the journey connected-trace.test.ts checks (traced-journey.ts) · roles: the processes of the distributed deployment',
    ],
    roleColors,
    out,
    ...(values.html ? { htmlOut: values.html } : {}),
  });
  const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  process.stdout.write(
    `${picture.rows.length} rows of ${drawn.length} spans (of ${recorded.length} recorded), trace ${picture.traceIds[0]} → ${rendered.png}, ${rendered.textFile} (journey ${seconds(journeyDone - began)}, picture ${seconds(performance.now() - journeyDone)})\n`,
  );
} catch (error) {
  fail((error as Error).stack ?? String(error), 1);
}

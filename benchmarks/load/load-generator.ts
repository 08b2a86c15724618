// The load generator, run as its own process so its CPU is attributed separately. It receives a
// LoadPlan over IPC, mints the buyers' tokens, tells the parent when the load starts and stops (the
// parent samples CPU then), runs autocannon, and answers with a LoadResult.
import type { EventEmitter } from 'node:events';
import { createWriteStream } from 'node:fs';
import autocannon from 'autocannon';
import { buyerId, mintTokens } from './buyers';
import { LatencyLog } from './latency';
import type { GeneratorMessage, LoadPlan, LoadResult } from './load-plan';

const send = (message: GeneratorMessage) =>
  new Promise<void>((resolve) => process.send!(message, undefined, undefined, () => resolve()));

const idPattern = /"id":"([^"]+)"/;
const codePattern = /"code":"([A-Z_]+)"/;

async function generate(plan: LoadPlan): Promise<LoadResult> {
  const tokens = await mintTokens(plan.jwtSecret, plan.buyers.tag, plan.buyers.first, plan.buyers.count);
  const buyers = tokens.map((token, index) => ({
    authorization: `Bearer ${token}`,
    id: buyerId(plan.buyers.tag, plan.buyers.first + index),
  }));
  const bodies = plan.zoneIds.map((zoneId) => JSON.stringify({ zoneId, quantity: plan.quantity }));
  const ids = createWriteStream(plan.idsFile);
  const codes: Record<string, number> = {};
  const log = new LatencyLog();
  let next = 0;
  let created = 0;

  let instance: autocannon.Instance | undefined;
  const finished = new Promise<autocannon.Result>((resolve, reject) => {
    instance = autocannon(
      {
        url: plan.url,
        connections: plan.connections,
        duration: plan.durationSeconds,
        ...(plan.amount === undefined ? {} : { amount: plan.amount }),
        ...(plan.overallRate === undefined ? {} : { overallRate: plan.overallRate }),
        timeout: plan.timeoutSeconds,
        requests: [
          {
            method: 'POST',
            path: '/api/v1/bookings',
            setupRequest: (request) => {
              const n = next++;
              const buyer = buyers[n % buyers.length]!;
              request.headers = {
                'content-type': 'application/json',
                authorization: buyer.authorization,
                'idempotency-key': `${plan.keyPrefix}${n}`,
                'x-buyer': buyer.id,
              };
              request.body = bodies[n % bodies.length]!;
              return request;
            },
            onResponse: (status, body) => {
              if (status === 201) {
                created++;
                const id = idPattern.exec(body)?.[1];
                if (id) ids.write(`${id}\n`);
              } else {
                const code = codePattern.exec(body)?.[1] ?? `HTTP_${status}`;
                codes[code] = (codes[code] ?? 0) + 1;
              }
            },
          },
        ],
      },
      (error, result) => (error ? reject(error as Error) : resolve(result)),
    );
  });
  // autocannon emits (client, status, bytes, ms); its type declarations leave out the client.
  (instance as unknown as EventEmitter).on(
    'response',
    (_client: unknown, status: number, _bytes: number, ms: number) => log.record(status, ms),
  );
  await send({ type: 'started' });
  const result = await finished;
  await send({ type: 'stopped' });
  await new Promise<void>((resolve, reject) =>
    ids.end((error?: Error | null) => (error ? reject(error) : resolve())),
  );

  const statuses: Record<string, number> = {};
  for (const [status, { count }] of Object.entries(result.statusCodeStats ?? {}))
    statuses[status] = count ?? 0;
  const latencyByStatus = Object.fromEntries(
    log.statusCodes().map((status) => [status, log.summary(status)]),
  );
  const requests = Object.values(statuses).reduce((sum, count) => sum + count, 0);
  return {
    seconds: result.duration,
    requests,
    rps: Math.round(requests / result.duration),
    statuses,
    codes,
    errors: result.errors - result.timeouts,
    timeouts: result.timeouts,
    latency: log.summary(),
    latencyByStatus,
    autocannon: {
      p50: result.latency.p50,
      p99: result.latency.p99,
      max: result.latency.max,
      rps: result.requests.average,
    },
    created,
  };
}

process.once('message', (plan: LoadPlan) => {
  generate(plan)
    .then((result) => send({ type: 'result', result }))
    .catch((error: unknown) =>
      send({ type: 'failed', message: error instanceof Error ? error.stack! : String(error) }),
    )
    .finally(() => process.disconnect());
});

import type { EventEmitter } from 'node:events';
import { createWriteStream } from 'node:fs';
import autocannon from 'autocannon';
import { LatencyLog } from './latency';
import type { LoadHooks, LoadPlan, LoadResult, PlanBuyer } from './load-plan';

const idPattern = /"id":"([^"]+)"/;
const codePattern = /"code":"([A-Z_]+)"/;

/**
 * The plan with autocannon in this process: every request its own buyer (round robin) and its own
 * Idempotency-Key; every answer's latency kept for exact percentiles, per status too.
 */
export async function runAutocannon(
  plan: LoadPlan,
  planBuyers: readonly PlanBuyer[],
  hooks: LoadHooks,
): Promise<LoadResult> {
  const buyers = planBuyers.map((buyer) => ({ authorization: `Bearer ${buyer.token}`, id: buyer.id }));
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
  await hooks.started();
  const result = await finished;
  await hooks.stopped();
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
    generator: 'autocannon',
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

import { Redis } from 'ioredis';
import type { Scenario } from './scenarios';

export type SaleSetup = {
  readonly eventId: string;
  readonly showId: string;
  readonly zoneIds: readonly string[];
  readonly price: number;
  readonly currency: string;
};

type Answer = { success: boolean; data?: { id?: string; accessToken?: string }; error?: unknown };

async function post(url: string, path: string, token: string | undefined, body?: unknown): Promise<Answer> {
  const response = await fetch(`${url}/api/v1${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const answer = (await response.json()) as Answer;
  if (!response.ok) throw new Error(`${path} answered ${response.status}: ${JSON.stringify(answer)}`);
  return answer;
}

const idOf = (answer: Answer) => {
  const id = answer.data?.id;
  if (!id) throw new Error(`no id in ${JSON.stringify(answer)}`);
  return id;
};

export async function adminToken(url: string, admin: { email: string; password: string }): Promise<string> {
  const answer = await post(url, '/auth/login', undefined, admin);
  const token = answer.data?.accessToken;
  if (!token) throw new Error('admin login gave no access token');
  return token;
}

/**
 * Through the API as the admin: an event on sale since a minute ago, one show in 30 days, the
 * scenario's zones, published.
 */
export async function createSale(
  url: string,
  token: string,
  scenario: Scenario,
  label: string,
): Promise<SaleSetup> {
  const now = Date.now();
  const startsAt = new Date(now + 30 * 86_400_000).toISOString();
  const eventId = idOf(
    await post(url, '/events', token, {
      name: `Load ${scenario.name} ${label}`,
      description: 'benchmarks/load',
      venue: 'Benchmark Arena',
      category: 'benchmark',
      startsAt,
      saleStartsAt: new Date(now - 60_000).toISOString(),
      maxTicketsPerUser: scenario.maxTicketsPerUser,
    }),
  );
  const showId = idOf(await post(url, `/events/${eventId}/shows`, token, { startsAt, name: 'Load night' }));
  const price = 150_000;
  const currency = 'THB';
  const zoneIds: string[] = [];
  for (let index = 0; index < scenario.zones; index++) {
    const zone = { name: `Zone ${index + 1}`, price, currency, capacity: scenario.capacityPerZone };
    zoneIds.push(idOf(await post(url, `/shows/${showId}/zones`, token, zone)));
  }
  await post(url, `/events/${eventId}/publish`, token);
  return { eventId, showId, zoneIds, price, currency };
}

/**
 * Until the zones can be sold: each has a seat counter in Redis (the provisioner followed the log) and,
 * when the process runs projections (`checkQueryModel`), `GET /shows/:id/zones` lists them.
 */
export async function waitUntilOnSale(
  url: string,
  redisUrl: string,
  sale: SaleSetup,
  options: { checkQueryModel: boolean; timeoutMs?: number },
): Promise<void> {
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  try {
    for (;;) {
      // A counter exists and is not being rebuilt (a new zone may be provisioned through a rebuild).
      const counters = await Promise.all(
        sale.zoneIds.map((zoneId) =>
          redis.hmget(`br:{evt:${sale.eventId}}:zone:${zoneId}`, 'capacity', 'rebuilding'),
        ),
      );
      const provisioned = counters.map(([capacity, rebuilding]) =>
        Number(capacity) > 0 && rebuilding !== '1' ? 1 : 0,
      );
      let listed = true;
      if (options.checkQueryModel) {
        const response = await fetch(`${url}/api/v1/shows/${sale.showId}/zones`);
        const body = response.ok ? ((await response.json()) as { data: { id: string }[] }) : { data: [] };
        listed = sale.zoneIds.every((zoneId) => body.data.some((zone) => zone.id === zoneId));
      }
      if (listed && provisioned.every((count) => count === 1)) return;
      if (Date.now() > deadline) throw new Error(`zones of event ${sale.eventId} not on sale in time`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } finally {
    await redis.quit().catch(() => redis.disconnect());
  }
}

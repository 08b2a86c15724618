// Request bodies and multi-step set-ups shared by the catalog API tests.
import assert from 'node:assert/strict';
import type { EventResource, ShowResource, ZoneResource } from '../../domain/catalog';
import type { CatalogApp, Reply } from './harness';

export const eventBody = (overrides: Record<string, unknown> = {}) => ({
  name: 'Rock Night',
  description: 'Three bands, one night',
  venue: 'Impact Arena',
  category: 'concert',
  startsAt: '2031-06-01T19:00:00Z',
  saleStartsAt: '2031-03-01T10:00:00+07:00',
  saleEndsAt: '2031-06-01T18:00:00Z',
  ...overrides,
});

export const zoneBody = (overrides: Record<string, unknown> = {}) => ({
  name: 'Floor',
  price: 150000,
  currency: 'THB',
  capacity: 100,
  ...overrides,
});

function expectStatus<T>(reply: Reply<T>, status: number): T {
  assert.equal(reply.status, status, JSON.stringify(reply.body));
  return reply.body.data;
}

export async function createEvent(app: CatalogApp, token: string, overrides: Record<string, unknown> = {}) {
  return expectStatus(
    await app.request<EventResource>('POST', '/events', { token, body: eventBody(overrides) }),
    201,
  );
}

export async function addShow(
  app: CatalogApp,
  token: string,
  eventId: string,
  startsAt = '2031-06-01T19:00:00Z',
) {
  return expectStatus(
    await app.request<ShowResource>('POST', `/events/${eventId}/shows`, {
      token,
      body: { startsAt, name: 'Night one' },
    }),
    201,
  );
}

export async function addZone(
  app: CatalogApp,
  token: string,
  showId: string,
  overrides: Record<string, unknown> = {},
) {
  return expectStatus(
    await app.request<ZoneResource>('POST', `/shows/${showId}/zones`, { token, body: zoneBody(overrides) }),
    201,
  );
}

/** An event with one show and one zone, published unless told otherwise. */
export async function eventOnSale(
  app: CatalogApp,
  token: string,
  overrides: Record<string, unknown> = {},
  publish = true,
): Promise<{ event: EventResource; show: ShowResource; zone: ZoneResource }> {
  const created = await createEvent(app, token, overrides);
  const show = await addShow(app, token, created.id, (overrides.startsAt as string | undefined) ?? undefined);
  const zone = await addZone(app, token, show.id);
  const event = publish
    ? expectStatus(await app.request<EventResource>('POST', `/events/${created.id}/publish`, { token }), 200)
    : created;
  return { event, show, zone };
}

/** Asserts the error envelope and returns its details. */
export function expectError(reply: Reply, status: number, code: string): unknown {
  assert.equal(reply.status, status, JSON.stringify(reply.body));
  assert.equal(reply.body.success, false);
  assert.equal(reply.body.error.code, code, reply.body.error.message);
  return reply.body.error.details;
}

import { randomUUID } from 'node:crypto';
import type { CatalogCommands } from '../catalog';
import { ensureUser, type IdentityDeps } from '../identity';

/** The demo accounts the README documents; they exist only in a store the demo seed filled. */
export const demoAccounts = {
  organizer: { email: 'organizer@demo.example', password: 'organizer-demo', name: 'Demo Organizer' },
  buyer: { email: 'buyer@demo.example', password: 'buyer-demo-pass', name: 'Demo Buyer' },
} as const;

const day = 24 * 60 * 60 * 1000;

export type DemoSeedDeps = {
  readonly identity: IdentityDeps;
  readonly catalog: CatalogCommands;
  readonly clock?: () => Date;
};

type Seeded = { eventId: string; slug: string };

/**
 * One organizer, one buyer and two published events, created through the same commands as the API:
 * one on sale now (sale opened a minute ago, the concert in 30 days) with three zones, and one behind a
 * waiting room whose pre-queue is open now and whose sale starts two minutes after the seed (drawn then,
 * first come first served after), letting in 30 buyers a minute for 60 seats.
 */
export async function seedDemo(deps: DemoSeedDeps): Promise<Seeded & { queued: Seeded }> {
  const now = (deps.clock ?? (() => new Date()))();
  const organizer = await ensureUser(
    deps.identity,
    { ...demoAccounts.organizer, role: 'organizer' },
    'demo-seed',
  );
  await ensureUser(deps.identity, { ...demoAccounts.buyer, role: 'customer' }, 'demo-seed');
  const issued = {
    actor: {
      userId: organizer.user.id,
      email: organizer.user.email,
      role: 'organizer',
      tenantId: organizer.user.tenantId,
    },
    metadata: { correlationId: randomUUID(), actor: 'system:demo-seed', userId: organizer.user.id },
  } as const;
  const startsAt = new Date(now.getTime() + 30 * day).toISOString();
  const event = await deps.catalog.createEvent(issued, {
    name: 'Bangkok Rock Night (demo)',
    description: 'A demo event: on sale now, three zones. Created by the demo seed.',
    venue: 'Impact Arena, Bangkok',
    category: 'concert',
    startsAt,
    saleStartsAt: new Date(now.getTime() - 60_000).toISOString(),
    maxTicketsPerUser: 4,
  });
  const { show } = await deps.catalog.addShow(issued, event.id, { startsAt, name: 'Opening night' });
  for (const zone of [
    { name: 'VIP', price: 500_000, capacity: 50 },
    { name: 'Floor', price: 250_000, capacity: 500 },
    { name: 'Balcony', price: 150_000, capacity: 300 },
  ]) {
    await deps.catalog.addZone(issued, show.id, { ...zone, currency: 'THB' });
  }
  const published = await deps.catalog.publishEvent(issued, event.id);
  const queued = await seedQueuedEvent(deps, issued, now);
  return { eventId: published.id, slug: published.slug, queued };
}

async function seedQueuedEvent(
  deps: DemoSeedDeps,
  issued: Parameters<CatalogCommands['createEvent']>[0],
  now: Date,
): Promise<Seeded> {
  const startsAt = new Date(now.getTime() + 45 * day).toISOString();
  const event = await deps.catalog.createEvent(issued, {
    name: 'Chiang Mai Lantern Night (demo, waiting room)',
    description:
      'A demo event behind a virtual waiting room: join the queue now, places are drawn when the sale starts, then first come first served.',
    venue: 'Three Kings Monument, Chiang Mai',
    category: 'festival',
    startsAt,
    saleStartsAt: new Date(now.getTime() + 2 * 60_000).toISOString(),
    maxTicketsPerUser: 2,
  });
  const { show } = await deps.catalog.addShow(issued, event.id, { startsAt, name: 'Lantern release' });
  await deps.catalog.addZone(issued, show.id, {
    name: 'Riverside',
    price: 90_000,
    capacity: 60,
    currency: 'THB',
  });
  await deps.catalog.configureWaitingRoom(issued, event.id, {
    enabled: true,
    preQueueOpensAt: now.toISOString(),
    admissionPerMinute: 30,
    maxInside: 20,
    passLifetimeSeconds: 300,
  });
  const published = await deps.catalog.publishEvent(issued, event.id);
  return { eventId: published.id, slug: published.slug };
}

import { readFile } from 'node:fs/promises';
import { checkInventory } from '../../command-side/inventory-recovery';
import { PostgresEventStore } from '../../infra/eventstore/postgres';
import { RedisInventoryActor } from '../../infra/inventory/redis';
import { PgSqlClient } from '../../infra/sql';

export type Verdict = {
  /** checkInventory (command-side/inventory-recovery): per zone confirmed + live holds ≤ capacity … */
  readonly withinCapacity: boolean;
  /** … and the Redis counters equal what the event store says. */
  readonly countersMatch: boolean;
  readonly zones: { zoneId: string; capacity: number; held: number; confirmed: number; available?: number }[];
  /** 201 answers received (load plus set-up requests) and BookingReserved events stored for the event. */
  readonly created: number;
  readonly reservedEvents: number;
  /** 201 answers whose booking has no BookingReserved: lost writes. Must be 0. */
  readonly lost: number;
  /** Stored but never answered 201 to us: requests cut off when the load stopped (≤ connections). */
  readonly unanswered: number;
  /** Largest number of seats one buyer holds in the event, and the event's limit. */
  readonly maxSeatsPerBuyer: number;
  readonly maxTicketsPerUser: number;
  readonly ok: boolean;
};

export type VerifyTarget = {
  readonly databaseUrl: string;
  readonly redisUrl: string;
  readonly keyPrefix: string;
  readonly eventId: string;
  readonly maxTicketsPerUser: number;
  /** Booking ids answered 201: files written by the load generator, plus ids from set-up requests. */
  readonly idsFiles: readonly string[];
  readonly extraIds: readonly string[];
  readonly connections: number;
};

type Reserved = { booking_id: string; user_id: string; quantity: number };

/**
 * Once traffic has settled (the store stops growing): the invariant checker's verdict, plus proof that
 * every 201 we received has its BookingReserved in the store and no buyer went past the limit.
 */
export async function verify(target: VerifyTarget): Promise<Verdict> {
  const sql = new PgSqlClient({ connectionString: target.databaseUrl, maxConnections: 2 });
  const store = await PostgresEventStore.open(sql);
  const actor = await RedisInventoryActor.open({ url: target.redisUrl, keyPrefix: target.keyPrefix });
  try {
    const reserved = await settledReservations(sql, target.eventId);
    const check = await checkInventory(store, actor, { eventIds: [target.eventId] });
    const answered = new Set(target.extraIds);
    for (const file of target.idsFiles) {
      for (const id of (await readFile(file, 'utf8')).split('\n')) if (id) answered.add(id);
    }
    const stored = new Set(reserved.map((row) => row.booking_id));
    let lost = 0;
    for (const id of answered) if (!stored.has(id)) lost++;
    const perBuyer = new Map<string, number>();
    for (const row of reserved) perBuyer.set(row.user_id, (perBuyer.get(row.user_id) ?? 0) + row.quantity);
    const maxSeatsPerBuyer = Math.max(0, ...perBuyer.values());
    const unanswered = stored.size - (answered.size - lost);
    return {
      withinCapacity: check.withinCapacity,
      countersMatch: check.consistent,
      zones: check.zones.map((zone) => ({
        zoneId: zone.zoneId,
        capacity: zone.capacity,
        held: zone.fromEvents.held,
        confirmed: zone.fromEvents.confirmed,
        available: zone.counters?.available,
      })),
      created: answered.size,
      reservedEvents: stored.size,
      lost,
      unanswered,
      maxSeatsPerBuyer,
      maxTicketsPerUser: target.maxTicketsPerUser,
      ok:
        check.ok &&
        check.zones.length > 0 &&
        lost === 0 &&
        unanswered <= target.connections &&
        maxSeatsPerBuyer <= target.maxTicketsPerUser,
    };
  } finally {
    await actor.close();
    await store.close();
    await sql.close();
  }
}

/** Reads the event's BookingReserved events until two reads 500 ms apart agree (appends in flight landed). */
async function settledReservations(sql: PgSqlClient, eventId: string): Promise<Reserved[]> {
  const read = () =>
    sql.query<Reserved>(
      `SELECT data->>'bookingId' AS booking_id, data->>'userId' AS user_id, (data->>'quantity')::int AS quantity
         FROM es_events WHERE type = 'BookingReserved' AND data->>'eventId' = $1`,
      [eventId],
    );
  let last = await read();
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    const now = await read();
    if (now.length === last.length) return now;
    last = now;
  }
  return last;
}

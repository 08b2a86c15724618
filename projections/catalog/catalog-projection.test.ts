import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { eventStreamId, type CatalogEvent, type WaitingRoomSettings } from '../../domain/catalog';
import {
  eventCancelled,
  eventCreated,
  eventId,
  eventPublished,
  showAdded,
  showId,
  zoneCreated,
  zoneId,
} from '../../domain/catalog/testing';
import type { AppendResult } from '../../infra/ports/event-store';
import type { SqlExecutor } from '../../infra/ports/sql';
import { databaseDrivers } from '../../infra/testing';
import { Harness } from '../testing';
import { catalogProjection } from './catalog-projection';
import { catalogTables } from './schema';

const draftId = '66666666-6666-4666-8666-666666666666';
const cancelledId = '77777777-7777-4777-8777-777777777777';
const movedShowStart = '2030-06-03T19:00:00.000Z';
const at = (minute: number) => `2030-01-01T00:${String(minute).padStart(2, '0')}:00.000Z`;

const roomSettings: WaitingRoomSettings = {
  enabled: true,
  preQueueOpensAt: '2030-03-01T09:00:00.000Z',
  admissionPerMinute: 600,
  maxInside: 1000,
  passLifetimeSeconds: 300,
};
const changedRoomSettings: WaitingRoomSettings = {
  ...roomSettings,
  enabled: false,
  admissionPerMinute: 120,
  maxInside: 50,
};
const roomEvent = (
  type: 'WaitingRoomPaused' | 'WaitingRoomResumed',
  id: string,
  minute: number,
): CatalogEvent => ({ type, data: { eventId: id, occurredAt: at(minute) } });
const roomConfigured = (id: string, settings: WaitingRoomSettings, minute: number): CatalogEvent => ({
  type: 'WaitingRoomConfigured',
  data: { eventId: id, settings, occurredAt: at(minute) },
});

/**
 * Three events: one published (then changed, its show moved, its waiting room configured, paused and
 * reconfigured while paused), one left as a draft (no room), one cancelled (its room paused and resumed).
 */
const history: Array<[string, CatalogEvent[]]> = [
  [eventId, [eventCreated, showAdded, zoneCreated]],
  [
    draftId,
    [
      {
        ...eventCreated,
        data: { ...eventCreated.data, eventId: draftId, slug: 'draft', name: '<b>Draft</b>' },
      },
    ],
  ],
  [eventId, [eventPublished]],
  [
    eventId,
    [
      {
        type: 'EventUpdated',
        data: { eventId, changes: { venue: "O'Brien's; DROP TABLE x", category: null }, occurredAt: at(5) },
      },
      {
        type: 'ShowUpdated',
        data: { eventId, showId, changes: { name: null, startsAt: movedShowStart }, occurredAt: at(5) },
      },
      {
        type: 'ZoneUpdated',
        data: {
          eventId,
          showId,
          zoneId,
          price: 1,
          currency: 'THB',
          capacity: 7,
          previousCapacity: 100,
          occurredAt: at(6),
        },
      },
    ],
  ],
  [
    cancelledId,
    [{ ...eventCreated, data: { ...eventCreated.data, eventId: cancelledId, slug: 'gone' } }, eventCancelled],
  ],
  [eventId, [roomConfigured(eventId, roomSettings, 7), roomEvent('WaitingRoomPaused', eventId, 8)]],
  [
    cancelledId,
    [
      roomConfigured(cancelledId, roomSettings, 7),
      roomEvent('WaitingRoomPaused', cancelledId, 8),
      roomEvent('WaitingRoomResumed', cancelledId, 9),
    ],
  ],
  [eventId, [roomConfigured(eventId, changedRoomSettings, 10)]],
];

async function appendHistory(h: Harness): Promise<AppendResult> {
  let last: AppendResult | undefined;
  for (const [id, events] of history) {
    const withOwnId = events.map((event) => ({ ...event, data: { ...event.data, eventId: id } }));
    last = await h.store.append(eventStreamId(id), withOwnId);
  }
  return last!;
}

async function dump(db: SqlExecutor): Promise<Record<string, unknown[]>> {
  const tables: Record<string, unknown[]> = {};
  for (const table of Object.values(catalogTables)) {
    const rows = await db.query<{ row: unknown }>(`SELECT to_jsonb(t) AS row FROM ${table} t ORDER BY id`);
    tables[table] = rows.map(({ row }) => row);
  }
  return tables;
}

for (const driver of databaseDrivers) {
  describe(`catalog projection on ${driver.name}`, () => {
    test('folds creates and later changes into event, show and zone rows, text stored verbatim', async () => {
      const h = await Harness.open(driver);
      try {
        const last = await appendHistory(h);
        const runner = h.runner(catalogProjection, { batchSize: 100 });
        await runner.start();
        await runner.waitFor(last.checkpoint);
        const tables = await dump(h.sql);
        const events = tables[catalogTables.events] as Array<Record<string, unknown>>;
        assert.deepEqual(
          events.map((row) => [row.id, row.status, row.name]),
          [
            [eventId, 'published', 'Rock Night'],
            [draftId, 'draft', '<b>Draft</b>'],
            [cancelledId, 'cancelled', 'Rock Night'],
          ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
        );
        const published = events.find((row) => row.id === eventId)!;
        assert.equal(published.venue, "O'Brien's; DROP TABLE x");
        assert.equal(published.category, null);
        assert.equal(new Date(String(published.updated_at)).toISOString(), at(10));
        assert.equal(new Date(String(published.published_at)).toISOString(), eventPublished.data.occurredAt);
        assert.deepEqual(
          published.waiting_room,
          { ...changedRoomSettings, paused: true },
          'settings changed while paused keep the room paused',
        );
        const cancelled = events.find((row) => row.id === cancelledId)!;
        assert.deepEqual(cancelled.waiting_room, { ...roomSettings, paused: false }, 'resumed after a pause');
        assert.equal(new Date(String(cancelled.updated_at)).toISOString(), at(9));
        const [draft] = await h.sql.query<{ none: boolean }>(
          `SELECT waiting_room IS NULL AS none FROM ${catalogTables.events} WHERE id = $1`,
          [draftId],
        );
        assert.deepEqual(draft, { none: true }, 'an event without a room has SQL NULL, not JSON null');
        const [zone] = tables[catalogTables.zones] as Array<Record<string, unknown>>;
        assert.deepEqual(
          { ...zone, created_position: undefined },
          {
            id: zoneId,
            show_id: showId,
            event_id: eventId,
            name: 'Floor',
            price: 1,
            currency: 'THB',
            capacity: 7,
            created_position: undefined,
          },
        );
        const shows = tables[catalogTables.shows] as Array<Record<string, unknown>>;
        assert.deepEqual(
          shows.map((show) => [show.id, show.name, new Date(String(show.starts_at)).toISOString()]),
          [[showId, null, movedShowStart]],
          'the show has its new start and its name cleared',
        );
      } finally {
        await h.close();
      }
    });

    test('gives the same rows whether it applies one event per batch or all at once, and after a rebuild', async () => {
      const dumps: Array<Record<string, unknown[]>> = [];
      for (const batchSize of [1, 100]) {
        const h = await Harness.open(driver);
        try {
          const last = await appendHistory(h);
          const runner = h.runner(catalogProjection, { batchSize });
          await runner.start();
          await runner.waitFor(last.checkpoint);
          dumps.push(await dump(h.sql));
          await runner.rebuild();
          assert.deepEqual(await dump(h.sql), dumps[0], 'a rebuild gives identical rows');
        } finally {
          await h.close();
        }
      }
      assert.deepEqual(dumps[1], dumps[0]);
    });
  });
}

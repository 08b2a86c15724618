import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { event, readCategory, uniqueCategory, type EventStoreFixture } from './contract-support';
import type { EventStore } from './event-store';

/** Waking watchers after appends, and waiting for appends in flight. */
export function describeWatchingContract(storeOf: () => EventStore, fixture: EventStoreFixture): void {
  let store: EventStore;
  before(() => {
    store = storeOf();
  });

  describe('wake-ups and appends in flight', () => {
    it('reports the head of the log and wakes watchers after an append', async () => {
      const stream = `${uniqueCategory()}-1`;
      let woken!: () => void;
      const wake = new Promise<void>((resolve) => (woken = resolve));
      const unwatch = store.watch(() => woken());
      try {
        const appended = await store.append(stream, [event('Watched')]);
        await wake;
        const head = await store.head();
        assert.ok(head.checkpoint >= appended.checkpoint);
        assert.ok(head.position >= appended.position);
      } finally {
        unwatch();
      }
    });

    it('wakes a watcher of some categories for appends to them', async () => {
      const mine = uniqueCategory();
      const others = uniqueCategory();
      let mineWoken = 0;
      let anyWoken = 0;
      let woken!: () => void;
      const wake = new Promise<void>((resolve) => (woken = resolve));
      const unwatchMine = store.watch(
        () => {
          mineWoken++;
          woken();
        },
        { categories: [mine] },
      );
      let othersSeen!: () => void;
      const sawOthers = new Promise<void>((resolve) => (othersSeen = resolve));
      const unwatchAny = store.watch(() => {
        anyWoken++;
        othersSeen();
      });
      try {
        await store.append(`${others}-1`, [event('NotMine')]);
        await sawOthers;
        const beforeMine = mineWoken;
        if (fixture.filtersWakeUps) assert.equal(beforeMine, 0, 'woken for another category');
        await store.append(`${mine}-1`, [event('Mine')]);
        await wake;
        assert.ok(mineWoken > beforeMine);
        assert.ok(anyWoken >= 1);
      } finally {
        unwatchMine();
        unwatchAny();
      }
    });

    it('waits for nothing when no append is in flight', async () => {
      await store.waitForAppendsInFlight(5_000);
    });

    it(
      'waits for an append in flight to become readable',
      {
        skip:
          !fixture.holdOpenAppend &&
          'this adapter cannot interleave transactions, or orders commits at write time',
      },
      async () => {
        const category = uniqueCategory();
        const held = await fixture.holdOpenAppend!(store, `${category}-slow`, [event('Slow')]);
        let settled = false;
        const waiting = store.waitForAppendsInFlight(10_000).then(() => (settled = true));
        try {
          // A window in which nothing may happen: the append is still open.
          await new Promise((resolve) => setTimeout(resolve, 150));
          assert.equal(settled, false);
        } finally {
          await held.commit();
        }
        await waiting;
        const readable = await readCategory(store, category);
        assert.deepEqual(
          readable.map((e) => e.type),
          ['Slow'],
        );
      },
    );
  });
}

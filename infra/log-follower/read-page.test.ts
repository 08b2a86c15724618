import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Checkpoint, EventStore, LogHead, ReadAllOptions, RecordedEvent } from '../ports/event-store';
import { readPage, type LogCursor } from './read-page';

const at = (value: number) => String(value).padStart(4, '0') as Checkpoint;
const event = (position: number) => ({ position }) as RecordedEvent;

/** A store that answers one page and one head, and counts what it was asked. */
function storeAnswering(
  page: { events: RecordedEvent[]; checkpoint: Checkpoint; endOfLog: boolean },
  head: LogHead,
) {
  const asked = { reads: [] as ReadAllOptions[], heads: 0 };
  const store = {
    readAll: async (options: ReadAllOptions) => {
      asked.reads.push(options);
      return page;
    },
    head: async () => {
      asked.heads += 1;
      return head;
    },
  } as unknown as EventStore;
  return { store, asked };
}

const from: LogCursor = { checkpoint: at(10), position: 10 };

describe('readPage, the one read of every follower of the log', () => {
  it('reads after the cursor with its limit and filter, and moves to the page’s checkpoint and last event', async () => {
    const { store, asked } = storeAnswering(
      { events: [event(11), event(12)], checkpoint: at(12), endOfLog: false },
      { position: 20, checkpoint: at(20) },
    );
    const page = await readPage(store, from, { limit: 2, filter: { categories: ['booking'] } });
    assert.deepEqual(asked.reads, [{ after: at(10), limit: 2, categories: ['booking'] }]);
    assert.deepEqual(page.next, { checkpoint: at(12), position: 12 });
    assert.equal(page.moved, true);
    assert.equal(page.endOfLog, false);
    assert.equal(asked.heads, 0, 'positions from the events cost no head');
  });

  it('stays where it was when nothing moved', async () => {
    const { store } = storeAnswering(
      { events: [], checkpoint: at(10), endOfLog: true },
      { position: 10, checkpoint: at(10) },
    );
    const page = await readPage(store, from, { limit: 5, positions: 'exact' });
    assert.deepEqual(page.next, from);
    assert.equal(page.moved, false);
  });

  it('takes the head’s position (exact) once a filtered page that skipped events ends at the head', async () => {
    const head = { position: 30, checkpoint: at(30) };
    const { store, asked } = storeAnswering(
      { events: [event(14)], checkpoint: at(30), endOfLog: true },
      head,
    );
    const page = await readPage(store, from, {
      limit: 5,
      filter: { types: ['BookingReserved'] },
      positions: 'exact',
    });
    assert.deepEqual(page.next, { checkpoint: at(30), position: 30 });
    assert.deepEqual(page.head, head);
    assert.equal(asked.heads, 1);
  });

  it('asks no head (exact) while more pages follow, or when an unfiltered page’s events say where it is', async () => {
    const head = { position: 30, checkpoint: at(30) };
    const midway = storeAnswering({ events: [], checkpoint: at(20), endOfLog: false }, head);
    const skipped = await readPage(midway.store, from, {
      limit: 5,
      filter: { categories: ['event'] },
      positions: 'exact',
    });
    assert.deepEqual(skipped.next, { checkpoint: at(20), position: 10 });
    assert.equal(midway.asked.heads, 0);
    const unfiltered = storeAnswering({ events: [event(11)], checkpoint: at(11), endOfLog: true }, head);
    await readPage(unfiltered.store, from, { limit: 5, positions: 'exact' });
    assert.equal(unfiltered.asked.heads, 0);
  });

  it('keeps its own position when the head was passed by a transaction still committing (exact)', async () => {
    // The store's horizon stops the page short of the head: the head's position is not yet readable.
    const { store } = storeAnswering(
      { events: [], checkpoint: at(25), endOfLog: true },
      { position: 30, checkpoint: at(30) },
    );
    const page = await readPage(store, from, {
      limit: 5,
      filter: { categories: ['event'] },
      positions: 'exact',
    });
    assert.deepEqual(page.next, { checkpoint: at(25), position: 10 });
  });

  it('reads the head with every page (with-head), for progress against it', async () => {
    const head = { position: 40, checkpoint: at(40) };
    const { store, asked } = storeAnswering(
      { events: [event(11)], checkpoint: at(11), endOfLog: false },
      head,
    );
    const page = await readPage(store, from, { limit: 1, positions: 'with-head' });
    assert.equal(asked.heads, 1);
    assert.deepEqual(page.head, head);
    assert.deepEqual(page.next, { checkpoint: at(11), position: 11 });
  });
});

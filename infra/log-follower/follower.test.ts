import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { PostgresEventStore } from '../eventstore/postgres';
import { CheckpointWaiters, type Checkpoint, type EventStore } from '../ports/event-store';
import { PGliteSqlClient, type PGliteSqlClient as Sql } from '../sql';
import { CheckpointConflictError, MemoryCheckpoints, type CheckpointStore } from './checkpoint-store';
import { Follower, type FollowerSettings } from './follower';
import type { LogCursor, Page } from './read-page';
import { rebuildBeside } from './rebuild-beside';

let sql: Sql;
let store: EventStore;

before(async () => {
  sql = await PGliteSqlClient.open();
  store = await PostgresEventStore.open(sql);
});
after(async () => {
  await store.close();
  await sql.close();
});

let streams = 0;
/** Appends `count` events to a new stream; resolves with the append's checkpoint. */
async function append(count: number, category = 'booking') {
  streams += 1;
  const events = Array.from({ length: count }, (_, index) => ({ type: 'TestHappened', data: { index } }));
  return store.append(`${category}-${streams}`, events);
}

function follower(
  overrides: Partial<FollowerSettings<LogCursor, void>> = {},
  checkpoints: CheckpointStore = new MemoryCheckpoints(),
) {
  const seen: number[] = [];
  const made = new Follower<LogCursor, void>({
    store,
    checkpoints,
    handle: (page: Page) => void seen.push(...page.events.map((event) => event.position)),
    description: 'test follower',
    batchSize: 4,
    pollIntervalMs: 10_000,
    retryDelayMs: () => 5,
    ...overrides,
  });
  madeInTest.push(made);
  return { made, seen };
}

/** Every follower a test made; stopped after it, also when the test failed or timed out. */
const madeInTest: Follower<LogCursor, void>[] = [];
afterEach(async () => {
  await Promise.all(madeInTest.splice(0).map((made) => made.stop()));
});

/** A promise and the callback that settles it, for waiting on what a follower reports. */
function signal(): { done: Promise<void>; settle: () => void } {
  let settle!: () => void;
  const done = new Promise<void>((resolve) => (settle = resolve));
  return { done, settle };
}

// An awaiter that never settles fails the test here instead of hanging the run.
const timeout = 10_000;

describe('Follower, the one engine that follows the log', () => {
  it(
    'catches up page by page before start resolves, then wakes on appends without polling',
    { timeout },
    async () => {
      const { position: head } = await append(10);
      const waiters = new CheckpointWaiters();
      const { made, seen } = follower({ onProgress: (cursor) => waiters.reached(cursor.checkpoint) });
      const taken = (checkpoint: Checkpoint) =>
        waiters.wait(
          checkpoint,
          made.cursor!.checkpoint,
          5000,
          () => new Error(`${checkpoint} not taken in`),
        );
      await made.start({ catchUpFirst: true });
      try {
        assert.ok(seen.length >= 10 && seen.at(-1) === head, 'every event up to the head, in order');
        assert.deepEqual(
          seen,
          [...seen].sort((a, b) => a - b),
        );
        assert.equal(made.phase, 'live');
        const later = await append(3);
        await taken(later.checkpoint);
        assert.equal(seen.at(-1), later.position);
      } finally {
        await made.stop();
      }
    },
  );

  it('reads only its categories', { timeout }, async () => {
    const streamsSeen: string[] = [];
    const { made } = follower({
      filter: { categories: ['payment'] },
      handle: (page) => void streamsSeen.push(...page.events.map((event) => event.streamId)),
    });
    await append(2, 'booking');
    await append(2, 'payment');
    await made.start({ catchUpFirst: true });
    await made.stop();
    assert.ok(streamsSeen.length >= 2);
    assert.deepEqual(
      streamsSeen.filter((streamId) => !streamId.startsWith('payment-')),
      [],
    );
  });

  it(
    'retries a page that failed and reports the failure, then goes on from the same place',
    { timeout },
    async () => {
      await append(3);
      let failures = 2;
      const phases: Array<string | null> = [];
      const seen: number[] = [];
      const { made } = follower({
        handle: (page) => {
          if (page.events.length > 0 && failures-- > 0) throw new Error('read model down');
          seen.push(...page.events.map((event) => event.position));
        },
        onPhase: (phase, error) => {
          phases.push(error ? `${phase}: ${error}` : phase);
          if (phase === 'live') live.settle();
        },
      });
      const live = signal();
      await made.start();
      try {
        await live.done;
        assert.deepEqual(phases.slice(0, 2), ['failed: read model down', 'failed: read model down']);
        assert.equal(new Set(seen).size, seen.length, 'no event taken in twice');
      } finally {
        await made.stop();
      }
    },
  );

  it(
    'a start that cannot catch up rejects, so the process is not ready before its view',
    { timeout },
    async () => {
      await append(1);
      const { made } = follower({
        handle: () => {
          throw new Error('cannot apply');
        },
      });
      await assert.rejects(made.start({ catchUpFirst: true }), /cannot apply/);
      await made.stop();
    },
  );

  it('stops following and says so when another instance moved the checkpoint', { timeout }, async () => {
    await append(2);
    const conflicted = signal();
    const phases: string[] = [];
    let commits = 0;
    const fenced: CheckpointStore = {
      load: async () => ({ checkpoint: '' as LogCursor['checkpoint'], position: 0 }),
      commit: async (cursor) => {
        commits += 1;
        throw new CheckpointConflictError('test follower', cursor.checkpoint);
      },
    };
    const { made } = follower(
      { onConflict: () => conflicted.settle(), onPhase: (phase) => phases.push(phase) },
      fenced,
    );
    await made.start();
    await conflicted.done;
    // A retry would report the failure before waiting to try again; stopping waits for the loop to end.
    await made.stop();
    assert.equal(commits, 1, 'no retry after a conflict');
    assert.deepEqual(phases, []);
  });

  it('rebuilds beside the live follower and swaps between two of its pages', { timeout }, async () => {
    await append(6);
    const live = follower();
    await live.made.start({ catchUpFirst: true });
    const rebuilding = follower();
    try {
      let swappedAt: LogCursor | undefined;
      const swapped = await rebuildBeside(live.made, rebuilding.made, async (rebuilt) => {
        swappedAt = rebuilt;
        live.made.resumeAt(rebuilt);
      });
      assert.equal(swapped, true);
      assert.deepEqual(rebuilding.seen, live.seen, 'the rebuild read what the live follower read');
      assert.equal(swappedAt?.checkpoint, live.made.cursor?.checkpoint);
    } finally {
      await rebuilding.made.stop();
      await live.made.stop();
    }
  });

  it('a stopped rebuild does not swap', { timeout }, async () => {
    const live = follower();
    await live.made.start({ catchUpFirst: true });
    const rebuilding = follower();
    await rebuilding.made.stop();
    let swaps = 0;
    assert.equal(await rebuildBeside(live.made, rebuilding.made, async () => void (swaps += 1)), false);
    assert.equal(swaps, 0);
    await live.made.stop();
  });
});

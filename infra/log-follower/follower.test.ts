import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { setTimeout as delay } from 'node:timers/promises';
import { PostgresEventStore } from '../eventstore/postgres';
import type { EventStore } from '../ports/event-store';
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
  return { made, seen };
}

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let waited = 0; !condition(); waited += 5) {
    if (waited > 5000) assert.fail(`timed out waiting for ${what}`);
    await delay(5);
  }
}

describe('Follower, the one engine that follows the log', () => {
  it('catches up page by page before start resolves, then wakes on appends without polling', async () => {
    const { position: head } = await append(10);
    const { made, seen } = follower();
    await made.start({ catchUpFirst: true });
    try {
      assert.ok(seen.length >= 10 && seen.at(-1) === head, 'every event up to the head, in order');
      assert.deepEqual(
        seen,
        [...seen].sort((a, b) => a - b),
      );
      assert.equal(made.phase, 'live');
      const later = await append(3);
      await until(() => seen.at(-1) === later.position, 'the appended events');
    } finally {
      await made.stop();
    }
  });

  it('reads only its categories', async () => {
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

  it('retries a page that failed and reports the failure, then goes on from the same place', async () => {
    await append(3);
    let failures = 2;
    const phases: Array<string | null> = [];
    const seen: number[] = [];
    const { made } = follower({
      handle: (page) => {
        if (page.events.length > 0 && failures-- > 0) throw new Error('read model down');
        seen.push(...page.events.map((event) => event.position));
      },
      onPhase: (phase, error) => phases.push(error ? `${phase}: ${error}` : phase),
    });
    await made.start();
    try {
      await until(() => made.phase === 'live', 'the follower to be live');
      assert.deepEqual(phases.slice(0, 2), ['failed: read model down', 'failed: read model down']);
      assert.equal(new Set(seen).size, seen.length, 'no event taken in twice');
    } finally {
      await made.stop();
    }
  });

  it('a start that cannot catch up rejects, so the process is not ready before its view', async () => {
    await append(1);
    const { made } = follower({
      handle: () => {
        throw new Error('cannot apply');
      },
    });
    await assert.rejects(made.start({ catchUpFirst: true }), /cannot apply/);
    await made.stop();
  });

  it('stops following and says so when another instance moved the checkpoint', async () => {
    await append(2);
    const conflicts: CheckpointConflictError[] = [];
    const fenced: CheckpointStore = {
      load: async () => ({ checkpoint: '' as LogCursor['checkpoint'], position: 0 }),
      commit: async (cursor) => {
        throw new CheckpointConflictError('test follower', cursor.checkpoint);
      },
    };
    const { made } = follower({ onConflict: (error) => conflicts.push(error) }, fenced);
    await made.start();
    await until(() => conflicts.length === 1, 'the conflict');
    await delay(30);
    assert.equal(conflicts.length, 1, 'no retry after a conflict');
    await made.stop();
  });

  it('rebuilds beside the live follower and swaps between two of its pages', async () => {
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

  it('a stopped rebuild does not swap', async () => {
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

import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { startOfLog, type EventStore } from '../ports/event-store';
import { CheckpointConflictError, type CheckpointStore } from './checkpoint-store';
import { readPage as readOnePage, type LogCursor, type PositionRule } from './read-page';

/** A checkpoint store on fresh storage, following a log of its own. */
export type CheckpointStoreSubject<Cursor extends LogCursor, Scope> = {
  readonly log: EventStore;
  /** A store on the same storage, as another process would open it. */
  checkpoints(): CheckpointStore<Cursor, Scope>;
  close(): Promise<void>;
};

/** What a store promises beyond the common contract. */
export type CheckpointStorePromises = {
  /** A store opened later loads what another one recorded. */
  readonly durable: boolean;
  /** A page taken in from a cursor another instance has moved past is refused. */
  readonly fenced: boolean;
  /** How its follower reads pages (a rebuild reads the head with each). */
  readonly positions?: PositionRule;
};

/** The contract of the log-following engine's checkpoint stores (in SQL, in a state document, after an ack, in memory). */
export function checkpointStoreContract<Cursor extends LogCursor, Scope>(
  name: string,
  promises: CheckpointStorePromises,
  open: () => Promise<CheckpointStoreSubject<Cursor, Scope>>,
): void {
  const { durable, fenced, positions } = promises;
  describe(`CheckpointStore contract: ${name}`, () => {
    let subject: CheckpointStoreSubject<Cursor, Scope>;
    beforeEach(async () => {
      subject = await open();
    });
    afterEach(() => subject.close());

    const readPage = (log: EventStore, cursor: LogCursor, options: { limit: number }) =>
      readOnePage(log, cursor, {
        ...options,
        ...(positions ? { positions } : {}),
      });
    const appendThree = async () => {
      for (const index of [1, 2, 3]) {
        await subject.log.append(`booking-${index}`, [{ type: 'TestHappened', data: { index } }]);
      }
    };

    it('loads the start of the log on fresh storage', async () => {
      const cursor = await subject.checkpoints().load();
      assert.equal(cursor.checkpoint, startOfLog);
      assert.equal(cursor.position, 0);
    });

    it("takes a page in: applies it once and moves to the page's end, for a store opened later too", async () => {
      await appendThree();
      const checkpoints = subject.checkpoints();
      const cursor = await checkpoints.load();
      const page = await readPage(subject.log, cursor, { limit: 10 });
      const applied: number[] = [];
      const next = await checkpoints.commit(cursor, page, async () => {
        applied.push(page.events.length);
      });
      assert.deepEqual(applied, [3]);
      assert.equal(next.checkpoint, page.next.checkpoint);
      assert.equal(next.position, page.next.position);
      if (durable) {
        const reloaded = await subject.checkpoints().load();
        assert.equal(reloaded.checkpoint, page.next.checkpoint);
      }
    });

    it('records nothing when the page cannot be applied, and takes it in when retried', async () => {
      await appendThree();
      const checkpoints = subject.checkpoints();
      const cursor = await checkpoints.load();
      const page = await readPage(subject.log, cursor, { limit: 10 });
      const failure = new Error('the read model is down');
      await assert.rejects(
        checkpoints.commit(cursor, page, () => Promise.reject(failure)),
        (error) => error === failure,
      );
      if (durable) assert.equal((await subject.checkpoints().load()).checkpoint, startOfLog);
      const next = await checkpoints.commit(cursor, page, async () => {});
      assert.equal(next.checkpoint, page.next.checkpoint);
    });

    it('takes a page without events in without moving past its end or its position', async () => {
      await appendThree();
      const checkpoints = subject.checkpoints();
      const first = await readPage(subject.log, await checkpoints.load(), { limit: 10 });
      const cursor = await checkpoints.commit(await checkpoints.load(), first, async () => {});
      // The read horizon may pass other transactions (a checkpoint write is one): moved, no events.
      const empty = await readPage(subject.log, cursor, { limit: 10 });
      assert.equal(empty.events.length, 0);
      const next = await checkpoints.commit(cursor, empty, async () => {});
      assert.ok(next.checkpoint >= cursor.checkpoint && next.checkpoint <= empty.next.checkpoint);
      assert.equal(next.position, cursor.position);
    });

    // A store without a fence relies on its follower's lock alone: nothing to check for it here.
    if (fenced)
      it('refuses a page from a cursor another instance has moved past', async () => {
        await appendThree();
        const [first, second] = [subject.checkpoints(), subject.checkpoints()];
        const [fromFirst, fromSecond] = [await first.load(), await second.load()];
        const page = await readPage(subject.log, fromFirst, { limit: 10 });
        await first.commit(fromFirst, page, async () => {});
        await assert.rejects(
          second.commit(fromSecond, page, async () => {}),
          (error) => error instanceof CheckpointConflictError,
        );
      });
  });
}

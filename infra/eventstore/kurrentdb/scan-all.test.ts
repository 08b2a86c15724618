import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Position } from '@kurrent/kurrentdb-client';
import { scanAll, type ScanOptions } from './scan-all';

type LogEvent = { readonly position: Position; readonly name: string };

/** A fake $all: reads are inclusive of `from`, like the server's, and apply a "server" filter. */
function fakeLog(names: string[], serverKeeps: (event: LogEvent) => boolean = () => true) {
  const log = names.map((name, i) => ({
    position: { commit: BigInt((i + 1) * 100), prepare: BigInt((i + 1) * 100) },
    name,
  }));
  const reads: Array<[bigint | undefined, number]> = [];
  const readPage = async (from: Position | undefined, count: number) => {
    reads.push([from?.commit, count]);
    return log
      .filter((event) => (!from || event.position.commit >= from.commit) && serverKeeps(event))
      .slice(0, count);
  };
  return {
    log,
    reads,
    readPage,
    at: (commit: number) => ({ commit: BigInt(commit), prepare: BigInt(commit) }),
  };
}

const options = (overrides: Partial<ScanOptions<LogEvent>>): ScanOptions<LogEvent> => ({
  after: undefined,
  limit: 10,
  lastBefore: undefined,
  keep: () => true,
  maxPages: 16,
  ...overrides,
});

const names = (events: LogEvent[]) => events.map((event) => event.name).join('');

describe('scanning $all for one readAll call', () => {
  it('returns events after the checkpoint, exclusive, and pages to the end', async () => {
    const { readPage, at } = fakeLog(['a', 'b', 'c', 'd', 'e']);
    const first = await scanAll(readPage, options({ limit: 2 }));
    assert.equal(names(first.events), 'ab');
    assert.deepEqual([first.checkpoint, first.endOfLog], [at(200), false]);
    const second = await scanAll(readPage, options({ after: first.checkpoint, limit: 2 }));
    assert.equal(names(second.events), 'cd');
    const third = await scanAll(
      readPage,
      options({ after: second.checkpoint, limit: 2, lastBefore: at(500) }),
    );
    assert.equal(names(third.events), 'e');
    assert.deepEqual([third.checkpoint, third.endOfLog], [at(500), true]);
  });

  it('asks for one more event when resuming, since the server includes the one at the checkpoint', async () => {
    const { readPage, reads, at } = fakeLog(['a', 'b', 'c']);
    await scanAll(readPage, options({ after: at(100), limit: 2 }));
    assert.deepEqual(reads, [[100n, 3]]);
  });

  it('keeps reading pages while the client-side filter drops events', async () => {
    const { readPage, reads } = fakeLog(['x', 'a', 'x', 'x', 'b', 'x', 'c']);
    const scan = await scanAll(readPage, options({ limit: 2, keep: (event) => event.name !== 'x' }));
    assert.equal(names(scan.events), 'ab');
    assert.equal(scan.endOfLog, false);
    assert.ok(reads.length >= 2);
  });

  it('moves the checkpoint past filtered-out events up to the last position read before the scan', async () => {
    const { readPage, at } = fakeLog(['a', 'x', 'x'], (event) => event.name === 'a');
    const scan = await scanAll(readPage, options({ after: at(100), lastBefore: at(300) }));
    assert.deepEqual(scan.events, []);
    assert.deepEqual([scan.checkpoint, scan.endOfLog], [at(300), true]);
  });

  it('never moves the checkpoint back, nor to the start when nothing was read', async () => {
    const { readPage, at } = fakeLog([]);
    assert.deepEqual(
      (await scanAll(readPage, options({ after: at(700), lastBefore: at(300) }))).checkpoint,
      at(700),
    );
    assert.equal((await scanAll(readPage, options({}))).checkpoint, undefined);
  });

  it('returns after a bounded number of pages with the checkpoint at the last event scanned', async () => {
    const { readPage, at } = fakeLog(['x', 'x', 'x', 'x', 'x', 'x', 'a']);
    const scan = await scanAll(
      readPage,
      options({ limit: 1, maxPages: 2, keep: (event) => event.name === 'a' }),
    );
    assert.deepEqual(scan.events, []);
    assert.equal(scan.endOfLog, false);
    assert.deepEqual(scan.checkpoint, at(200));
    const resumed = await scanAll(
      readPage,
      options({ after: scan.checkpoint, limit: 1, keep: (event) => event.name === 'a' }),
    );
    assert.equal(names(resumed.events), 'a');
  });
});

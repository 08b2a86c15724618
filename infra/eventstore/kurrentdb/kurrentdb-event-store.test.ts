import assert from 'node:assert/strict';
import { createServer, type Socket } from 'node:net';
import { describe, it } from 'node:test';
import { EventStoreUnavailableError, type EventStore } from '../../ports/event-store';
import { describeEventStoreContract } from '../../ports/event-store/contract';
import { DeadlineExceeded } from './deadline';
import { KurrentDbEventStore } from './kurrentdb-event-store';

const serverUrl = process.env.KURRENTDB_URL || process.env.ESDB_URL;

if (serverUrl) {
  describeEventStoreContract('KurrentDB', {
    open: () => KurrentDbEventStore.connect(serverUrl),
    close: (store) => store.close(),
    eventIdsUniqueAcrossStreams: false,
  });
} else {
  it('passes the EventStore contract against a KurrentDB server', {
    skip: 'KURRENTDB_URL is not set: no KurrentDB server can be installed on this machine',
  });
}

/** A TCP port with nothing listening on it (taken from the OS, then released). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const calls: Array<[string, (store: EventStore) => Promise<unknown>]> = [
  ['append', (store) => store.append('booking-1', [{ type: 'BookingReserved', data: {} }], 'no_stream')],
  ['readStream', (store) => store.readStream('booking-1')],
  ['streamExists', (store) => store.streamExists('booking-1')],
  ['readAll', (store) => store.readAll({ categories: ['booking'] })],
  ['head', (store) => store.head()],
];

describe('KurrentDbEventStore without a reachable server', () => {
  for (const [name, call] of calls) {
    it(`fails ${name} with EventStoreUnavailableError within seconds when nothing listens`, async () => {
      const store = await KurrentDbEventStore.connect(`kurrentdb://127.0.0.1:${await freePort()}?tls=false`, {
        deadlineMs: 3000,
      });
      try {
        const started = Date.now();
        await assert.rejects(call(store), (error: unknown) => {
          assert.ok(error instanceof EventStoreUnavailableError, `got ${String(error)}`);
          assert.equal(error.code, 'SERVICE_UNAVAILABLE');
          return true;
        });
        assert.ok(Date.now() - started < 4000, `took ${Date.now() - started} ms`);
      } finally {
        await store.close();
      }
    });
  }

  it('accepts an EventStoreDB esdb:// connection string', async () => {
    const store = await KurrentDbEventStore.connect(`esdb://127.0.0.1:${await freePort()}?tls=false`, {
      deadlineMs: 3000,
    });
    try {
      await assert.rejects(store.readStream('booking-1'), EventStoreUnavailableError);
    } finally {
      await store.close();
    }
  });

  it('fails within its own deadline when the server accepts connections but never answers', async () => {
    const sockets = new Set<Socket>();
    const silent = createServer((socket) => sockets.add(socket)); // holds connections open, says nothing
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as { port: number };
    const store = await KurrentDbEventStore.connect(`kurrentdb://127.0.0.1:${port}?tls=false`, {
      deadlineMs: 500,
    });
    try {
      for (const call of [
        () => store.readAll(),
        () => store.append('booking-1', [{ type: 'A', data: {} }]),
      ]) {
        const started = Date.now();
        await assert.rejects(call(), (error: unknown) => {
          assert.ok(error instanceof EventStoreUnavailableError);
          assert.ok(error.cause instanceof DeadlineExceeded, `caused by ${String(error.cause)}`);
          return true;
        });
        assert.ok(Date.now() - started < 2500, `took ${Date.now() - started} ms`);
      }
    } finally {
      await store.close();
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  });

  it('tries the server again after a failed call, once it starts listening', async () => {
    const port = await freePort();
    const store = await KurrentDbEventStore.connect(`kurrentdb://127.0.0.1:${port}?tls=false`, {
      deadlineMs: 3000,
      reconnectDelayMs: 0,
    });
    let attempts = 0;
    const server = createServer((socket) => {
      attempts += 1;
      socket.destroy();
    });
    try {
      await assert.rejects(store.readStream('booking-1'), EventStoreUnavailableError);
      await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
      await assert.rejects(store.readStream('booking-1'), EventStoreUnavailableError);
      assert.ok(attempts > 0, 'the store never tried to connect again');
    } finally {
      await store.close();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('keeps watching quietly while the server is down, and stops when unwatched', async () => {
    const store = await KurrentDbEventStore.connect(`kurrentdb://127.0.0.1:${await freePort()}?tls=false`);
    let woken = 0;
    const unwatch = store.watch(() => (woken += 1));
    await new Promise((resolve) => setTimeout(resolve, 300));
    unwatch();
    await store.close();
    assert.equal(woken, 0);
  });
});

// Shared by the failure proofs: an own redis-server that a test may kill and start again empty, the
// invariant checker run once the dust settled, and what the event store says about each booking.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, Socket } from 'node:net';
import { bookingCategory, type BookingEvent } from '../../domain/booking';
import { checkInventory, type InventoryCheck } from '../../command-side/inventory-recovery';
import type { Checkpoint } from '../../infra/ports/event-store';
import { waitFor, type BookingApp } from '../booking/harness';
import { reservedSeatsInLog } from '../booking/log-facts';

/** A port nobody listens on right now (the kernel's pick, released again). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Answers PONG to a raw RESP PING within `timeoutMs`: the server takes commands. */
function pings(port: number, timeoutMs = 500): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('error', () => done(false));
    socket.once('data', (data) => done(data.toString().startsWith('+PONG')));
    socket.connect(port, '127.0.0.1', () => socket.write('*1\r\n$4\r\nPING\r\n'));
  });
}

const running = new Set<ChildProcess>();
// Whatever happens to the test process, no redis-server of ours outlives it.
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/**
 * A redis-server of this test's own (never the shared one): no persistence, so a restart is empty.
 * `kill()` SIGKILLs it and waits until it is gone; `start()` starts it again on the same port.
 */
export class OwnRedis {
  #child: ChildProcess | undefined;

  private constructor(readonly port: number) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  static async start(): Promise<OwnRedis> {
    const redis = new OwnRedis(await freePort());
    await redis.start();
    return redis;
  }

  async start(): Promise<void> {
    assert.equal(this.#child, undefined, 'redis-server is already running');
    const child = spawn(
      '/usr/bin/redis-server',
      ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      { stdio: 'ignore' },
    );
    running.add(child);
    this.#child = child;
    await waitFor(() => pings(this.port), 10_000);
  }

  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    const child = this.#child;
    if (!child) return;
    this.#child = undefined;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    if (child.exitCode === null && child.signalCode === null) {
      child.kill(signal);
      await exited;
    }
    running.delete(child);
  }
}

/**
 * The invariant checker on the app's event store and actor, polled until the counters agree with the
 * log (appends and sweeps in flight settle first), then asserted: per zone confirmed + live holds ≤
 * capacity from the event store, and counters consistent with it.
 */
export async function assertInventoryHolds(
  app: BookingApp,
  eventIds: readonly string[],
  timeoutMs = 5_000,
): Promise<InventoryCheck> {
  let check: InventoryCheck | undefined;
  try {
    await waitFor(async () => {
      check = await checkInventory(app.store, app.actor, { eventIds });
      return check.ok && check.zones.length >= eventIds.length;
    }, timeoutMs);
  } catch {
    // Fall through to the assertions below, which say what disagrees.
  }
  assert.ok(check, 'the invariant checker never answered');
  assert.equal(check.zones.length >= eventIds.length, true, 'a zone is missing from the check');
  assert.ok(check.withinCapacity, `oversold by the event store: ${JSON.stringify(check.zones)}`);
  assert.ok(check.consistent, `counters disagree with the event store: ${JSON.stringify(check.zones)}`);
  return check;
}

/** Every booking event in the log, grouped by booking id in log order. */
export async function bookingHistories(app: BookingApp): Promise<Map<string, BookingEvent['type'][]>> {
  const histories = new Map<string, BookingEvent['type'][]>();
  let after: Checkpoint | undefined;
  for (;;) {
    const page = await app.store.readAll({ after, limit: 1000, categories: [bookingCategory] });
    for (const event of page.events) {
      const bookingId = (event.data as { bookingId: string }).bookingId;
      const history = histories.get(bookingId) ?? [];
      history.push(event.type as BookingEvent['type']);
      histories.set(bookingId, history);
    }
    after = page.checkpoint;
    if (page.endOfLog) return histories;
  }
}

/**
 * Seats of every BookingReserved for the zone, once the log shows at least `atLeast` of them: readers
 * follow the cluster-wide read horizon, so an append already answered may take a moment to be readable.
 */
export async function seatsReservedInLog(app: BookingApp, zoneId: string, atLeast: number): Promise<number> {
  let seats = 0;
  await waitFor(async () => (seats = await reservedSeatsInLog(app.store, zoneId)) >= atLeast, 10_000).catch(
    () => undefined,
  );
  return seats;
}

// GET /admin/system over HTTP on the whole embedded process: this process's traffic, holds and backlogs,
// every projection with its lag, who may read it, and what it still answers with METRICS=off.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { SystemView } from '../../query-side/admin';
import { openBookingApp, type BookingApp, type Person, type Reply } from '../booking/harness';

type Projection = { name: string; status: string };

function expectError(reply: Reply<unknown>, status: number, code: string): void {
  assert.equal(reply.status, status, JSON.stringify(reply.body));
  assert.equal(reply.body.success, false);
  assert.equal(reply.body.error.code, code);
}

function windowOf(view: SystemView, name: '1m' | '5m') {
  const found = view.traffic.find((traffic) => traffic.window === name);
  assert.ok(found, `the ${name} window`);
  return found;
}

const countOf = (counts: readonly { name: string; count: number }[], name: string) =>
  counts.find((count) => count.name === name)?.count ?? 0;

describe('GET /admin/system', () => {
  let app: BookingApp;
  let admin: Person;
  const read = async (): Promise<SystemView> => {
    const reply = await app.request<SystemView>('GET', '/admin/system', { token: admin.token });
    assert.equal(reply.status, 200, JSON.stringify(reply.body));
    assert.equal(reply.headers.get('cache-control'), 'no-store');
    return reply.body.data;
  };

  before(async () => {
    app = await openBookingApp({ inventory: 'in-process' });
    admin = await app.person('admin');
  });
  after(() => app.close());

  it("counts this process's requests, 404s and refused holds in its windows", async () => {
    const before = await read();
    assert.equal(before.scope, 'this-process');
    assert.equal(before.metrics, 'on');
    assert.equal(before.process.role, 'booking-rush');
    assert.equal(before.process.version, '0.1.0');
    assert.ok(before.process.rssBytes > before.process.heapUsedBytes && before.process.uptimeSeconds > 0);

    for (let index = 0; index < 3; index++) {
      const missing = await fetch(`${app.url}/no-such-thing/${index}`);
      assert.equal(missing.status, 404);
      await missing.body?.cancel();
    }
    const { zone } = await app.zoneOnSale({ capacity: 1 });
    assert.equal((await app.reserve(await app.person('customer'), zone.id, 1)).status, 201);
    expectError(await app.reserve(await app.person('customer'), zone.id, 1), 409, 'INSUFFICIENT_SEATS');
    const now = await read();

    // The process is younger than five minutes: both reads' 5m windows start at its first snapshot.
    const [was, is] = [windowOf(before, '5m'), windowOf(now, '5m')];
    assert.equal(is.clientErrors - was.clientErrors, 4, 'three 404s and one 409');
    assert.equal(is.serverErrors, 0);
    assert.ok(is.requests - was.requests >= 10, 'the reads, 404s, catalog writes and reservations');
    assert.equal(is.holds - was.holds, 1);
    assert.equal(
      countOf(is.rejections, 'INSUFFICIENT_SEATS') - countOf(was.rejections, 'INSUFFICIENT_SEATS'),
      1,
    );
    assert.ok(is.seconds > was.seconds, 'the window grows with the process');

    const minute = windowOf(now, '1m');
    assert.ok(minute.seconds > 0 && minute.seconds <= 65, `1m covers ${minute.seconds} s`);
    assert.ok((minute.requestsPerSecond ?? 0) > 0, 'a request rate');
    assert.ok((minute.holdsPerSecond ?? 0) > 0, 'a hold rate');
    assert.ok(minute.latencyP50Seconds !== null && minute.latencyP99Seconds !== null);
    assert.ok(minute.latencyP50Seconds <= minute.latencyP99Seconds);
  });

  it('lists every projection with its status and lag, and reads the backlogs of this process', async () => {
    const projections = await app.request<Projection[]>('GET', '/admin/projections', { token: admin.token });
    const view = await read();
    const byName = new Map(view.followers.map((follower) => [follower.name, follower]));
    for (const projection of projections.body.data) {
      const follower = byName.get(projection.name);
      assert.ok(follower, `${projection.name} is listed`);
      assert.equal(typeof follower.phase, 'string');
      assert.equal(typeof follower.lagEvents, 'number');
      assert.equal(typeof follower.lagSeconds, 'number');
      assert.equal(follower.failing, false);
    }
    assert.ok(byName.has('bookings') && byName.has('booking-saga') && byName.has('audit'));
    assert.equal(view.followerLagAlertSeconds, 30);

    const { backlogs } = view;
    assert.ok(backlogs, 'backlogs with metrics on');
    assert.equal(backlogs.sagaCommandsDue, 0, 'the saga runs here and nothing is overdue');
    assert.ok(backlogs.deadLetters && backlogs.deadLetters.length > 0, 'a count per dead-letter topic');
    assert.ok(backlogs.deadLetters.every((topic) => topic.count === 0));
    assert.deepEqual(backlogs.waitingRoomQueues, [], 'the admission runner runs here, no queue open');
  });

  it('is for admins only: 401 without a token, 403 FORBIDDEN for anyone else', async () => {
    expectError(await app.request('GET', '/admin/system'), 401, 'UNAUTHORIZED');
    for (const role of ['customer', 'organizer'] as const) {
      const someone = await app.person(role);
      expectError(await app.request('GET', '/admin/system', { token: someone.token }), 403, 'FORBIDDEN');
    }
  });
});

describe('GET /admin/system with METRICS=off', () => {
  let app: BookingApp;
  before(async () => {
    app = await openBookingApp({ inventory: 'in-process', saga: 'off', env: { METRICS: 'off' } });
  });
  after(() => app.close());

  it('says metrics are off and still lists the projections', async () => {
    const admin = await app.person('admin');
    const reply = await app.request<SystemView>('GET', '/admin/system', { token: admin.token });
    assert.equal(reply.status, 200, JSON.stringify(reply.body));
    const view = reply.body.data;
    assert.equal(view.metrics, 'off');
    assert.deepEqual(view.traffic, []);
    assert.equal(view.backlogs, null);
    assert.ok(view.followers.some((follower) => follower.name === 'bookings' && follower.phase !== null));
    assert.ok(view.process.rssBytes > 0);
  });
});

// The waiting room over HTTP, end to end in the embedded process: settings, join, status (ETag, long
// poll), admission with a pass used up by the hold, sold-out closing the queue, the shuffle's proof, the
// live view, rate limits. On real Redis + PostgreSQL and in-process.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { isDeepStrictEqual } from 'node:util';
import type { QueueFairness, QueueStatus, RoomLiveView } from '../../command-side/waiting-room';
import type { WaitingRoomResource } from '../../domain/catalog';
import { seedCommitment, shuffledOrder } from '../../domain/waiting-room';
import { CatalogTokens } from '../../infra/roles/modules/catalog-tokens';
import { inventories, openBookingApp, waitFor, type BookingApp, type Person } from '../booking/harness';

/**
 * Configures the room; once accepted, waits until the in-memory catalog the desk reads has followed it
 * (it follows the log: a join a moment after the answer could still find no room).
 */
async function room(app: BookingApp, admin: Person, eventId: string, settings: Record<string, unknown>) {
  const reply = await app.request<WaitingRoomResource>('PUT', `/events/${eventId}/waiting-room`, {
    token: admin.token,
    body: settings,
  });
  if (reply.status !== 200) return reply;
  const { eventId: _event, ...configured } = reply.body.data;
  const catalog = await app.running.container.getAsync(CatalogTokens.View);
  await waitFor(() => {
    const followed = catalog.view.event(eventId)?.waitingRoom;
    return followed !== undefined && followed !== null && isDeepStrictEqual(followed, configured);
  });
  return reply;
}

for (const inventory of inventories) {
  describe(`the waiting room over HTTP (${inventory})`, () => {
    let app: BookingApp;
    let admin: Person;
    before(async () => {
      app = await openBookingApp({
        inventory,
        env: {
          WAITING_ROOM_TICK_MS: '100',
          WAITING_ROOM_STATUS_MAX_AGE_MS: '100',
          RATE_LIMITS: 'queue-join=3/0.01',
        },
      });
      admin = await app.person('admin');
    });
    after(() => app.close());

    const status = (buyer: Person, eventId: string) =>
      app.request<QueueStatus>('GET', `/events/${eventId}/queue`, { token: buyer.token });
    const join = (buyer: Person, eventId: string) =>
      app.request<QueueStatus>('POST', `/events/${eventId}/queue`, { token: buyer.token });
    const reserveWith = (buyer: Person, zoneId: string, quantity: number, pass?: string) =>
      app.request('POST', '/bookings', {
        token: buyer.token,
        idempotencyKey: randomUUID(),
        body: { zoneId, quantity },
        ...(pass === undefined ? {} : { headers: { 'queue-pass': pass } }),
      });
    /** The admission worker has taken the room up (it turns the pass check on before anything else). */
    const roomRunning = (eventId: string) =>
      waitFor(
        async () =>
          (await app.request<QueueFairness>('GET', `/events/${eventId}/queue/fairness`)).body.data
            .seedCommitment !== null,
      );
    const admitted = async (buyer: Person, eventId: string) => {
      let pass: QueueStatus['pass'] = null;
      await waitFor(async () => {
        const reply = await status(buyer, eventId);
        pass = reply.body.data.pass;
        return reply.body.data.state === 'admitted';
      });
      return pass!;
    };

    it('configures the room with defaults and clear refusals; pause and resume are events too', async () => {
      const { event } = await app.zoneOnSale();
      const customer = await app.person();
      const refused = await app.request('PUT', `/events/${event.id}/waiting-room`, {
        token: customer.token,
        body: { enabled: true },
      });
      assert.equal(refused.status, 403);
      const invalid = await room(app, admin, event.id, { admissionPerMinute: 0, colour: 'red' });
      assert.equal(invalid.status, 400);
      assert.equal(invalid.body.error.code, 'VALIDATION_ERROR');
      const tooFast = await room(app, admin, event.id, { admissionPerMinute: 1_000_000 });
      assert.equal(tooFast.status, 400, JSON.stringify(tooFast.body));
      const late = await room(app, admin, event.id, { preQueueOpensAt: '2999-01-01T00:00:00Z' });
      assert.equal(late.status, 400, 'the pre-queue cannot open after the sale starts');

      const configured = await room(app, admin, event.id, { maxInside: 50 });
      assert.equal(configured.status, 200, JSON.stringify(configured.body));
      assert.deepEqual(configured.body.data, {
        eventId: event.id,
        enabled: true,
        preQueueOpensAt: new Date(Date.parse(event.saleStartsAt) - 3_600_000).toISOString(),
        admissionPerMinute: 600,
        maxInside: 50,
        passLifetimeSeconds: 300,
        paused: false,
      });
      const paused = await app.request('POST', `/events/${event.id}/waiting-room/pause`, {
        token: admin.token,
      });
      assert.equal((paused.body.data as { paused: boolean }).paused, true);
      const resumed = await app.request('POST', `/events/${event.id}/waiting-room/resume`, {
        token: admin.token,
      });
      assert.equal((resumed.body.data as { paused: boolean }).paused, false);
      await waitFor(
        async () =>
          (await app.request<{ waitingRoom: unknown }>('GET', `/events/${event.id}`)).body.data
            .waitingRoom !== null,
      );
    });

    it('refuses holds without a pass, admits in order, and the pass is used up by the one hold', async () => {
      const { event, zone } = await app.zoneOnSale({ capacity: 10, maxTicketsPerUser: 2 });
      assert.equal((await room(app, admin, event.id, { admissionPerMinute: 600 })).status, 200);
      const [ann, ben] = [await app.person(), await app.person()];
      await roomRunning(event.id);
      const bypass = await reserveWith(ann, zone.id, 1);
      assert.equal(bypass.status, 403);
      assert.equal(bypass.body.error.code, 'QUEUE_PASS_REQUIRED');

      const first = await join(ann, event.id);
      assert.equal(first.status, 201, JSON.stringify(first.body));
      assert.ok(['pre-queue', 'waiting', 'admitted'].includes(first.body.data.state));
      const again = await join(ann, event.id);
      assert.equal(again.status, 200, 'joining again (another tab) is no new place');
      assert.equal((await join(ben, event.id)).status, 201);

      const pass = await admitted(ann, event.id);
      const annPlace = (await status(ann, event.id)).body.data.place;
      const benPass = await admitted(ben, event.id);
      assert.ok(annPlace !== null && annPlace >= 1);

      assert.equal((await reserveWith(ben, zone.id, 1, pass.token)).body.error.code, 'QUEUE_PASS_FOREIGN');
      assert.equal(
        (await reserveWith(ann, zone.id, 1, `${pass.token}x`)).body.error.code,
        'QUEUE_PASS_INVALID',
      );
      const held = await reserveWith(ann, zone.id, 2, pass.token);
      assert.equal(held.status, 201, JSON.stringify(held.body));
      const replay = await reserveWith(ann, zone.id, 1, pass.token);
      assert.equal(replay.status, 403);
      assert.equal(replay.body.error.code, 'QUEUE_PASS_USED');
      assert.equal((await status(ann, event.id)).body.data.state, 'used');
      assert.equal((await reserveWith(ben, zone.id, 1, benPass.token)).status, 201);
    });

    it('answers 304 while nothing changed, and a long poll wakes when the event sells out', async () => {
      const { event, zone } = await app.zoneOnSale({ capacity: 2, maxTicketsPerUser: 2 });
      await room(app, admin, event.id, { admissionPerMinute: 600, maxInside: 1 });
      const [ann, ben, cat] = [await app.person(), await app.person(), await app.person()];
      await join(ann, event.id);
      await waitFor(async () => (await status(ann, event.id)).body.data.place !== null);
      await join(ben, event.id);
      const pass = await admitted(ann, event.id);

      const read = await fetch(`${app.url}/events/${event.id}/queue`, {
        headers: { authorization: `Bearer ${ben.token}` },
      });
      const etag = read.headers.get('etag')!;
      const body = (await read.json()) as { data: QueueStatus };
      assert.equal(body.data.state, 'waiting', 'one inside could take both seats: Ben waits');
      assert.equal(body.data.ahead, 0);
      const unchanged = await fetch(`${app.url}/events/${event.id}/queue`, {
        headers: { authorization: `Bearer ${ben.token}`, 'if-none-match': etag },
      });
      assert.equal(unchanged.status, 304);

      const poll = fetch(`${app.url}/events/${event.id}/queue?wait=20`, {
        headers: { authorization: `Bearer ${ben.token}`, 'if-none-match': etag },
      });
      assert.equal((await reserveWith(ann, zone.id, 2, pass.token)).status, 201);
      const woken = await poll;
      assert.equal(woken.status, 200);
      const told = ((await woken.json()) as { data: QueueStatus }).data;
      await waitFor(async () => (await status(ben, event.id)).body.data.state === 'sold-out');
      assert.ok(['waiting', 'sold-out'].includes(told.state));
      const closed = await join(cat, event.id);
      assert.equal(closed.status, 409);
      assert.equal(closed.body.error.code, 'QUEUE_CLOSED');
    });

    it('publishes the seed’s commitment and reveals the seed: the order recomputes from the recorded joins', async () => {
      const { event } = await app.zoneOnSale({ capacity: 100 });
      // The draw waits for the sale to start, so the joins below all land in the pre-queue it shuffles.
      const saleStartsAt = new Date(Date.now() + 3_000).toISOString();
      const moved = await app.request('PUT', `/events/${event.id}`, {
        token: admin.token,
        body: { saleStartsAt },
      });
      assert.equal(moved.status, 200, JSON.stringify(moved.body));
      await room(app, admin, event.id, {});
      const buyers = await Promise.all(Array.from({ length: 5 }, () => app.person()));
      for (const buyer of buyers) await join(buyer, event.id);
      let fairness: QueueFairness | undefined;
      await waitFor(async () => {
        fairness = (await app.request<QueueFairness>('GET', `/events/${event.id}/queue/fairness`)).body.data;
        return fairness.seed !== null;
      });
      assert.equal(seedCommitment(fairness!.seed!), fairness!.seedCommitment);
      const order = shuffledOrder(fairness!.prequeue, fairness!.seed!);
      assert.deepEqual(fairness!.order, order);
      for (const buyer of buyers) {
        assert.equal((await status(buyer, event.id)).body.data.place, order.indexOf(buyer.userId) + 1);
      }
    });

    it('shows the organizer the room live, and only the organizer or an admin', async () => {
      const { event } = await app.zoneOnSale({ capacity: 100 });
      await room(app, admin, event.id, { admissionPerMinute: 600 });
      const buyer = await app.person();
      await join(buyer, event.id);
      await admitted(buyer, event.id);
      const liveView = () =>
        app.request<RoomLiveView>('GET', `/events/${event.id}/waiting-room`, { token: admin.token });
      // The seats and buyers-inside counts may be up to WAITING_ROOM_STATUS_MAX_AGE_MS old.
      await waitFor(async () => (await liveView()).body.data.inside === 1);
      const view = await liveView();
      assert.equal(view.status, 200, JSON.stringify(view.body));
      assert.equal(view.body.data.admittedTotal, 1);
      assert.equal(view.body.data.seatsLeft, 100);
      assert.equal(view.body.data.inside, 1);
      assert.equal(view.body.data.targetPerMinute, 600);
      assert.equal(view.body.data.estimates.samples, 1);
      const stranger = await app.request('GET', `/events/${event.id}/waiting-room`, {
        token: buyer.token,
      });
      assert.equal(stranger.status, 403);
    });

    it('limits joins per account, and answers clear codes for events without a room or a bad wait', async () => {
      const { event } = await app.zoneOnSale({ capacity: 100 });
      const buyer = await app.person();
      const none = await join(buyer, event.id);
      assert.equal(none.status, 409);
      assert.equal(none.body.error.code, 'QUEUE_NOT_ENABLED');
      await room(app, admin, event.id, {});
      const replies = [];
      for (let attempt = 0; attempt < 3; attempt += 1) replies.push((await join(buyer, event.id)).status);
      assert.equal(replies.at(-1), 429, `four joins in a row: ${replies}`);
      const badWait = await app.request('GET', `/events/${event.id}/queue?wait=99`, { token: buyer.token });
      assert.equal(badWait.status, 400);
      const anonymous = await app.request('GET', `/events/${event.id}/queue`);
      assert.equal(anonymous.status, 401);
      const unknown = await join(await app.person(), randomUUID());
      assert.equal(unknown.status, 404);
    });
  });
}

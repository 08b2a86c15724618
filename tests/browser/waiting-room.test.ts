// The waiting room in a browser: two buyers queue for the last seat; one is let in, holds and pays, the
// other sees the queue close. The organizer sets the room up and watches it live; an admin watches too.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, it } from 'node:test';
import {
  api,
  apiToken,
  assertAccessibleBasics,
  assertNoHorizontalScroll,
  cards,
  demo,
  expectHeading,
  expectVisible,
  holdSeats,
  pay,
  signIn,
  signUp,
  useBrowserSuite,
} from './support';
import {
  eventWithRoom,
  figure,
  joinQueue,
  openQueuedEvent,
  queueStatus,
  queueStatusReaches,
  registerBuyer,
} from './support/queue-flows';

const admin = { email: 'admin@queue.example', password: 'admin-queue-pass' };

/** The shortest pass the API allows: the buyer ahead of A lets their turn run out, then A's comes. */
const passLifetimeSeconds = 30;

const newBuyer = (label: string) => ({
  name: `Queue Buyer ${label}`,
  email: `queue-${label}-${randomUUID().slice(0, 8)}@example.com`,
  password: 'browser-pass-1',
});

/** A point one browser waits for another to reach; a failure on either side releases the waiter. */
function milestone(name: string) {
  let reach!: () => void;
  let fail!: (error: unknown) => void;
  const reached = new Promise<void>((resolve, reject) => {
    reach = resolve;
    fail = reject;
  });
  reached.catch(() => undefined);
  return { name, reached, reach, fail };
}

type Booking = { status: string; quantity: number; eventId: string };

describe('a waiting room, in a browser', () => {
  const suite = useBrowserSuite({ admin });

  it('lets A in turn to hold and pay the last seat, while B behind A sees the queue close', async (t) => {
    const organizer = await apiToken(suite.url, demo.organizer);
    const event = await eventWithRoom(suite.url, organizer, {
      capacity: 1,
      room: { admissionPerMinute: 60, maxInside: 1, passLifetimeSeconds },
    });
    // Paused while the queue forms, so the places are known before anyone is let in.
    await api(suite.url, 'POST', `/events/${event.id}/waiting-room/pause`, { token: organizer });
    const early = await registerBuyer(suite.url, 'early');
    await api(suite.url, 'POST', `/events/${event.id}/queue`, { token: early.token });
    // The first join opens the queue; the admission worker numbers it on its next step (the sale is on).
    await queueStatusReaches(suite.url, event.id, early.token, (s) => s.place === 1, 'the early buyer first');

    const buyerA = newBuyer('a');
    const buyerB = newBuyer('b');
    const aJoined = milestone('A joined');
    const bJoined = milestone('B joined');
    const aHolds = milestone('A holds the seat');
    const milestones = [aJoined, bJoined, aHolds];
    const failAll = (error: unknown) => {
      for (const each of milestones) each.fail(error);
      throw error;
    };

    const buyerAJourney = suite
      .page(t, 'desktop', async ({ page, screenshot, consoleErrors }) => {
        await signUp(page, buyerA);
        await openQueuedEvent(page, event);
        assert.equal(
          await page.getByRole('button', { name: 'Reserve' }).count(),
          0,
          'no seat choice before the queue',
        );
        await screenshot('event-with-room');
        await assertAccessibleBasics(page, 'event page with a waiting room');

        await joinQueue(page);
        await expectVisible(page.getByText('1 person is ahead of you.'), 'one buyer ahead of A');
        await expectVisible(page.getByText(/Admission is paused/), 'admission paused, in words');
        assert.equal(await figure(page, 'Your place').innerText(), '2');
        assert.equal(
          await page.locator('[aria-live="polite"]').filter({ hasText: 'ahead of you' }).count(),
          1,
          'the position is in a polite live region',
        );
        await screenshot('queue-paused');
        await assertAccessibleBasics(page, 'queue page');

        await page.reload();
        await expectHeading(page, /^Waiting room: /);
        await expectVisible(page.getByText('1 person is ahead of you.'), 'the same place after a reload');
        assert.equal(await figure(page, 'Your place').innerText(), '2', 'the place survives a reload');
        aJoined.reach();

        await bJoined.reached;
        await expectVisible(
          page.getByText('Nobody is ahead of you: you are next.'),
          'the place falling as the buyer ahead is let in',
        );
        await expectVisible(
          figure(page, 'Estimated wait').getByText(/minute/),
          'an estimated wait once admission resumes',
        );
        await screenshot('queue-next');

        // Let in when the buyer ahead lets their pass run out: the page moves on to the seat choice.
        await expectHeading(page, 'Choose your seats', (passLifetimeSeconds + 30) * 1000);
        await expectVisible(page.getByText(/Time left to reserve/), 'the time left on the pass');
        await screenshot('admitted');
        await page.reload();
        await expectHeading(page, 'Choose your seats');
        await expectVisible(page.getByText(/Time left to reserve/), 'the pass kept across a reload');

        await holdSeats(page, event.zoneName, 1);
        aHolds.reach();
        await screenshot('hold');
        await pay(page, cards.succeeds);
        await expectHeading(page, 'Your ticket', 30_000);
        await screenshot('ticket');
        assert.deepEqual(consoleErrors(), [], 'no console errors for A');
      })
      .catch(failAll);

    const buyerBJourney = suite
      .page(t, 'phone', async ({ page, screenshot, consoleErrors }) => {
        await signUp(page, buyerB);
        await aJoined.reached;
        await openQueuedEvent(page, event);
        await assertNoHorizontalScroll(page, 'event page with a waiting room');
        await joinQueue(page);
        await expectVisible(page.getByText('2 people are ahead of you.'), 'two buyers ahead of B');
        assert.equal(await figure(page, 'Your place').innerText(), '3');
        bJoined.reach();
        await expectVisible(
          page.getByText(/^Chance of seats: (likely|possible|unlikely)\./),
          'the odds in words',
        );
        await screenshot('queue-behind');
        await assertNoHorizontalScroll(page, 'queue page');

        await aHolds.reached;
        await expectHeading(page, 'Sold out — the queue has closed', 30_000);
        await screenshot('sold-out');
        await assertNoHorizontalScroll(page, 'sold-out queue page');
        assert.deepEqual(consoleErrors(), [], 'no console errors for B');
      })
      .catch(failAll);

    const admission = (async () => {
      await bJoined.reached;
      await api(suite.url, 'POST', `/events/${event.id}/waiting-room/resume`, { token: organizer });
      await queueStatusReaches(
        suite.url,
        event.id,
        early.token,
        (s) => s.state === 'admitted',
        'early let in',
      );
    })().catch(failAll);

    await Promise.all([buyerAJourney, buyerBJourney, admission]);

    const tokenA = await apiToken(suite.url, buyerA);
    const bookings = await api<Booking[]>(suite.url, 'GET', '/bookings', { token: tokenA });
    assert.deepEqual(
      bookings.map((b) => [b.eventId, b.status, b.quantity]),
      [[event.id, 'confirmed', 1]],
      'A bought the one seat',
    );
    assert.equal((await queueStatus(suite.url, event.id, tokenA)).state, 'used', "A's pass made the hold");
    assert.equal((await queueStatus(suite.url, event.id, early.token)).state, 'expired');
    const tokenB = await apiToken(suite.url, buyerB);
    assert.equal((await queueStatus(suite.url, event.id, tokenB)).state, 'sold-out');
    assert.deepEqual(await api<Booking[]>(suite.url, 'GET', '/bookings', { token: tokenB }), []);
  });

  it('lets the organizer set up, pause and resume the room and watch it live; an admin watches too', async (t) => {
    const organizer = await apiToken(suite.url, demo.organizer);
    const event = await eventWithRoom(suite.url, organizer, {
      capacity: 50,
      room: { admissionPerMinute: 600, maxInside: 1000, passLifetimeSeconds: 300 },
    });
    await suite.page(t, 'desktop', async ({ page, screenshot, consoleErrors }) => {
      await signIn(page, demo.organizer);
      await page.goto(`/organizer/events/${event.id}`);
      await expectHeading(page, event.name);
      await expectHeading(page, 'Waiting room');
      const form = page.getByRole('form', { name: 'Waiting room settings' });
      assert.ok(await form.getByLabel('Waiting room on').isChecked(), 'the room is on');
      await expectHeading(page, 'Live view');

      // A value the API refuses: its message shows beside the field.
      const lifetime = form.getByLabel('Time to reserve (seconds)');
      await lifetime.fill('10');
      await form.getByRole('button', { name: 'Save waiting room' }).click();
      await expectVisible(form.locator('#room-lifetime-error'), "the API's reason beside the field");
      assert.equal(await lifetime.getAttribute('aria-invalid'), 'true');
      await screenshot('settings-refused');

      await lifetime.fill('120');
      await form.getByLabel('Admission per minute').fill('30');
      await form.getByRole('button', { name: 'Save waiting room' }).click();
      await expectVisible(form.getByText('Waiting room saved.'), 'the settings saved');
      assert.equal(await lifetime.getAttribute('aria-invalid'), null, 'the error is gone');

      await form.getByRole('button', { name: 'Pause admission' }).click();
      await expectVisible(form.getByRole('button', { name: 'Resume admission' }), 'the resume button');
      await expectVisible(page.getByText('Admission is paused.'), 'the live view says paused');

      // A buyer joins while paused: the live view counts them without a reload.
      const buyer = await registerBuyer(suite.url, 'watched');
      await api(suite.url, 'POST', `/events/${event.id}/queue`, { token: buyer.token });
      await expectVisible(
        figure(page, 'People waiting').getByText('1', { exact: true }),
        'one person waiting, refreshed live',
      );
      await screenshot('live-paused');
      await assertAccessibleBasics(page, 'manage event with a waiting room');

      await form.getByRole('button', { name: 'Resume admission' }).click();
      await expectVisible(form.getByRole('button', { name: 'Pause admission' }), 'the pause button again');
      await expectVisible(
        figure(page, 'Admitted in the last minute (target)').getByText('1 of 30', { exact: true }),
        'the buyer let in, against the target rate',
      );
      await screenshot('live-running');
      assert.deepEqual(consoleErrors(), [], 'no console errors for the organizer');
    });

    const { settings } = await api<{
      settings: { admissionPerMinute: number; passLifetimeSeconds: number; paused: boolean };
    }>(suite.url, 'GET', `/events/${event.id}/waiting-room`, { token: organizer });
    assert.deepEqual(
      [settings.admissionPerMinute, settings.passLifetimeSeconds, settings.paused],
      [30, 120, false],
    );

    await suite.page(t, 'phone', async ({ page, screenshot }) => {
      await signIn(page, admin);
      await page.goto('/admin');
      await page
        .getByRole('navigation', { name: 'Admin sections' })
        .getByRole('link', { name: 'Waiting rooms' })
        .click();
      await expectHeading(page, 'Waiting rooms');
      await page.getByLabel('Event id').fill(event.id);
      await page.getByRole('button', { name: 'Show live view' }).click();
      await expectHeading(page, 'Live view');
      await expectVisible(figure(page, 'People waiting'), 'the live view for an admin');
      await expectVisible(
        figure(page, 'Admitted in the last minute (target)').getByText('1 of 30', { exact: true }),
        'the same figures as the organizer',
      );
      await screenshot('admin-live-view');
      await assertNoHorizontalScroll(page, 'admin waiting rooms');
      await assertAccessibleBasics(page, 'admin waiting rooms');
    });
  });

  it('asks a signed-out visitor to sign in before joining the queue', async (t) => {
    const organizer = await apiToken(suite.url, demo.organizer);
    const event = await eventWithRoom(suite.url, organizer, {
      capacity: 5,
      room: { admissionPerMinute: 60, maxInside: 10, passLifetimeSeconds: 60 },
    });
    await suite.page(t, 'phone', async ({ page, screenshot }) => {
      await openQueuedEvent(page, event);
      await expectVisible(page.getByText('You will be asked to sign in first.'), 'the sign-in note');
      await assertNoHorizontalScroll(page, 'event page with a waiting room');
      await page.getByRole('button', { name: 'Join the queue' }).click();
      await expectHeading(page, 'Sign in');
      await screenshot('sign-in-first');
    });
  });
});

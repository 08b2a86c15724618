// E-mail notifications through the whole process: events cross real Kafka (and, once, the embedded
// in-process bus with in-memory documents) to the notifier, which sends through a real SMTP server on
// loopback; the tests read what that server received.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { bookingStreamId } from '../../domain/booking';
import { paymentStreamId } from '../../domain/payment';
import { toIntegrationMessage, topicOfStream } from '../../infra/integration-relay';
import { integrationHeaders } from '../../infra/ports/integration-bus';
import { IntegrationTokens } from '../../infra/roles/modules/integration-tokens';
import { NotificationTokens } from '../../infra/roles/modules/notification-tokens';
import { parseRelayedEvent } from '../../sagas/payment';
import type { Person } from '../booking/harness';
import { bookingWhen, cards, pay } from '../payments/support';
import { messageIdOf, openNotifyingApp, type NotifyingApp } from './support';

async function paidBooking(app: NotifyingApp, buyer: Person, options: { showInDays?: number } = {}) {
  const { zone } = await app.zoneOnSale({ capacity: 10, showInDays: options.showInDays ?? 2 });
  const held = (await app.reserve(buyer, zone.id, 2)).body.data;
  const accepted = await pay(app, buyer, held.id, cards.succeeds);
  assert.equal(accepted.status, 202, JSON.stringify(accepted.body));
  const booking = await bookingWhen(app, buyer, held.id, (b) => b.status === 'confirmed');
  return { booking, paymentId: accepted.body.data.paymentId };
}

const mailOfType = (mails: { messageId?: string }[], type: string) =>
  mails.find((mail) => messageIdOf(mail as never).startsWith(`<${type}.`));

describe('e-mail notifications (real Kafka, FerretDB, SMTP on loopback)', () => {
  let app: NotifyingApp;
  before(async () => {
    app = await openNotifyingApp({
      setup: 'kafka-ferretdb',
      // Six attempts 100 ms apart, doubling: a refusing server is retried for about three seconds.
      env: { NOTIFICATION_RETRY_ATTEMPTS: '6', NOTIFICATION_RETRY_BASE_MS: '100' },
    });
  });
  after(async () => {
    await app?.close();
  });

  it('sends one e-ticket with its QR code and one receipt when a buyer pays', async () => {
    const buyer = await app.buyer();
    const { booking, paymentId } = await paidBooking(app, buyer);
    const mails = await app.mailsWhen(booking.id, 2);
    const ticket = mailOfType(mails, 'booking-confirmed') as (typeof mails)[number];
    const receipt = mailOfType(mails, 'payment-receipt') as (typeof mails)[number];
    assert.ok(ticket && receipt, mails.map(messageIdOf).join(', '));

    assert.equal(messageIdOf(ticket), `<booking-confirmed.${booking.id}@notifications.booking-rush.local>`);
    assert.equal(
      ticket.to && !Array.isArray(ticket.to) ? ticket.to.value[0]?.address : undefined,
      buyer.email,
    );
    assert.equal(ticket.from?.value[0]?.address, 'tickets@booking-rush.local');
    assert.match(
      ticket.subject ?? '',
      new RegExp(`^Your e-ticket for Sale .+ \\(${booking.confirmationCode}\\)$`),
    );
    assert.match(ticket.text ?? '', new RegExp(`Confirmation code: ${booking.confirmationCode}`));
    assert.match(ticket.text ?? '', /Total: THB 3,000\.00/);
    const inline = ticket.attachments.find(
      (a) => a.contentId === '<e-ticket-qr@booking-rush>' || a.cid === 'e-ticket-qr@booking-rush',
    );
    assert.ok(
      inline,
      `inline QR among ${JSON.stringify(ticket.attachments.map((a) => [a.filename, a.cid]))}`,
    );
    assert.equal(inline.contentType, 'image/png');
    // mailparser swaps a `cid:` reference it could resolve for the image's data: the HTML shows the QR.
    assert.match(String(ticket.html), /<img src='data:image\/png;base64,/);
    const attached = ticket.attachments.find(
      (a) => a.filename === `e-ticket-${booking.confirmationCode}.png`,
    );
    assert.ok(attached, 'the QR code attached as a file too');
    assert.deepEqual([...attached.content.subarray(1, 4)], [...Buffer.from('PNG')]);

    assert.match(receipt.subject ?? '', /^Payment receipt: THB 3,000\.00 for Sale /);
    assert.match(receipt.text ?? '', new RegExp(`Payment reference: ${paymentId}`));

    const listed = await app.notifications({ bookingId: booking.id });
    assert.deepEqual(listed.map((n) => [n.type, n.status, n.attempts, n.recipient]).sort(), [
      ['booking-confirmed', 'sent', 1, buyer.email],
      ['payment-receipt', 'sent', 1, buyer.email],
    ]);
  });

  it('writes to a buyer who prefers Thai in Thai, with baht and Bangkok time', async () => {
    const buyer = await app.buyer({ acceptLanguage: 'th-TH,th;q=0.9,en;q=0.5' });
    const { booking } = await paidBooking(app, buyer);
    const mails = await app.mailsWhen(booking.id, 2);
    const ticket = mailOfType(mails, 'booking-confirmed') as (typeof mails)[number];
    const receipt = mailOfType(mails, 'payment-receipt') as (typeof mails)[number];
    assert.match(
      ticket.subject ?? '',
      new RegExp(`^ตั๋วอิเล็กทรอนิกส์ของคุณสำหรับ Sale .+ \\(${booking.confirmationCode}\\)$`),
    );
    assert.match(ticket.text ?? '', /การจองของคุณได้รับการยืนยันแล้ว/);
    assert.match(ticket.text ?? '', new RegExp(`รหัสยืนยัน: ${booking.confirmationCode}`));
    assert.match(ticket.text ?? '', /ยอดรวม: ฿3,000\.00/);
    assert.match(ticket.text ?? '', /เวลา \d\d:\d\d น\./);
    assert.match(receipt.subject ?? '', /^ใบเสร็จรับเงิน ฿3,000\.00 สำหรับ Sale /);
  });

  it('sends nothing more when the same events are delivered again or the consumer replays them', async () => {
    const buyer = await app.buyer();
    const { booking, paymentId } = await paidBooking(app, buyer);
    await app.mailsWhen(booking.id, 2);
    // A mail reaches the SMTP server a moment before its notification reads `sent`.
    for (const type of ['booking-confirmed', 'payment-receipt']) {
      await app.notificationWhen(booking.id, type, (notification) => notification.status === 'sent');
    }
    const before = await app.notifications({ bookingId: booking.id });

    const prefix = app.env.KAFKA_TOPIC_PREFIX!;
    const events = [
      ...(await app.store.readStream(bookingStreamId(booking.id))),
      ...(await app.store.readStream(paymentStreamId(paymentId))),
    ];
    const again = events.map((event) => toIntegrationMessage(event, topicOfStream(event.streamId, prefix)!));
    // A fresh booking id on the same key (so the same partition, after the copies): once its notification
    // exists, the consumer has handled every copy published before it.
    const markerId = randomUUID();
    const markerEventId = randomUUID();
    const marker = {
      topic: topicOfStream(bookingStreamId(booking.id), prefix)!,
      key: bookingStreamId(booking.id),
      value: {
        eventId: markerEventId,
        type: 'BookingExpired',
        streamId: bookingStreamId(booking.id),
        revision: 99,
        data: { bookingId: markerId, expiredAt: new Date().toISOString() },
        metadata: {},
      },
      headers: { [integrationHeaders.eventId]: markerEventId },
    };
    const bus = await app.running.container.getAsync(IntegrationTokens.Bus);
    await bus.publish([...again, marker]);
    await app.notificationWhen(markerId, 'hold-expired', () => true);

    const sender = await app.running.container.getAsync(NotificationTokens.Sender);
    const replayed = await Promise.all(
      again.map((message) => sender.handle(parseRelayedEvent(message.value))),
    );
    assert.deepEqual(
      replayed.filter((outcome) => outcome !== 'ignored'),
      ['duplicate', 'duplicate'],
    );

    assert.equal(app.mailsOf(booking.id).length, 2);
    assert.deepEqual(await app.notifications({ bookingId: booking.id }), before);
  });

  it('retries a mail the server refused, and sends it once the server heals', async () => {
    app.smtp.refuseWith('451 4.3.0 mailbox temporarily unavailable');
    const buyer = await app.buyer();
    try {
      const { booking } = await paidBooking(app, buyer);
      const retrying = await app.notificationWhen(booking.id, 'booking-confirmed', (n) => n.attempts >= 2);
      assert.equal(retrying.status, 'pending');
      assert.match(retrying.lastError ?? '', /mailbox temporarily unavailable/);
      assert.ok(retrying.nextAttemptAt, 'a pending notification says when it is tried next');
      assert.equal(app.mailsOf(booking.id).length, 0);
      app.smtp.refuseWith(undefined);
      const mails = await app.mailsWhen(booking.id, 2);
      const sent = await app.notificationWhen(booking.id, 'booking-confirmed', (n) => n.status === 'sent');
      assert.ok(sent.attempts >= 3, `attempts ${sent.attempts}`);
      assert.equal(sent.lastError, null);
      assert.equal(mails.filter((mail) => messageIdOf(mail).startsWith('<booking-confirmed.')).length, 1);
    } finally {
      app.smtp.refuseWith(undefined);
    }
  });

  /** A paid booking while the server refuses every mail with `refusal`, once both its mails ended failed. */
  async function failedWhileRefusing(refusal: string) {
    app.smtp.refuseWith(refusal);
    const buyer = await app.buyer();
    let bookingId: string;
    try {
      bookingId = (await paidBooking(app, buyer)).booking.id;
      await app.notificationWhen(bookingId, 'booking-confirmed', (n) => n.status === 'failed');
      await app.notificationWhen(bookingId, 'payment-receipt', (n) => n.status === 'failed');
    } finally {
      app.smtp.refuseWith(undefined);
    }
    return { buyer, bookingId, failed: await app.notifications({ status: 'failed', bookingId }) };
  }

  it('fails a mail at once when the server refuses it for good (a 5xx reply), without retrying it', async () => {
    const refusedBefore = app.smtp.refused();
    const { failed } = await failedWhileRefusing('550 5.1.1 no such mailbox');
    assert.deepEqual(failed.map((n) => [n.type, n.attempts]).sort(), [
      ['booking-confirmed', 1],
      ['payment-receipt', 1],
    ]);
    for (const notification of failed) assert.match(notification.lastError ?? '', /no such mailbox/);
    assert.equal(app.smtp.refused() - refusedBefore, 2);
  });

  it('marks a mail failed after its last attempt, shows it to admins only, and sends it after an admin retry', async () => {
    const { buyer, bookingId, failed } = await failedWhileRefusing(
      '452 4.2.2 mailbox unavailable (over quota)',
    );
    assert.deepEqual(failed.map((n) => [n.type, n.attempts]).sort(), [
      ['booking-confirmed', 6],
      ['payment-receipt', 6],
    ]);
    for (const notification of failed) {
      assert.match(notification.lastError ?? '', /mailbox unavailable/);
      assert.ok(notification.failedAt);
      assert.equal(notification.nextAttemptAt, null);
    }
    assert.equal(app.mailsOf(bookingId).length, 0);

    const asBuyer = await app.request('GET', '/admin/notifications?status=failed', { token: buyer.token });
    assert.equal(asBuyer.status, 403);
    assert.equal(asBuyer.body.error.code, 'FORBIDDEN');
    const id = `${bookingId}:booking-confirmed`;
    const retry = (notificationId: string, token = app.admin.token) =>
      app.request<{ status: string }>(
        'POST',
        `/admin/notifications/${encodeURIComponent(notificationId)}/retry`,
        {
          token,
        },
      );
    assert.equal((await retry(id, buyer.token)).status, 403);
    const unknown = await retry(`${randomUUID()}:booking-confirmed`);
    assert.deepEqual([unknown.status, unknown.body.error.code], [404, 'NOT_FOUND']);

    const retried = await retry(id);
    assert.equal(retried.status, 200, JSON.stringify(retried.body));
    assert.equal(retried.body.data.status, 'pending');
    const sent = await app.notificationWhen(bookingId, 'booking-confirmed', (n) => n.status === 'sent');
    assert.equal(sent.attempts, 1, 'a retried notification starts a fresh round of attempts');
    assert.equal(app.mailsOf(bookingId).length, 1, 'only the retried one went out');
    const again = await retry(id);
    assert.deepEqual([again.status, again.body.error.code], [409, 'INVALID_STATE']);
    assert.equal((await app.notifications({ bookingId, type: 'payment-receipt' }))[0]?.status, 'failed');
  });

  it('lists notifications newest first, a page at a time, and refuses a forged cursor', async () => {
    const first = await app.notifications({ limit: '2' });
    assert.equal(first.length, 2);
    const reply = await app.request<unknown[]>('GET', '/admin/notifications?limit=2', {
      token: app.admin.token,
    });
    const next = (reply.body as unknown as { meta: { next: string } }).meta.next;
    assert.ok(next);
    const second = await app.notifications({ limit: '2', after: next });
    assert.equal(second.length, 2);
    const all = await app.notifications({ limit: '500' });
    assert.deepEqual(
      [...first, ...second].map((n) => n.id),
      all.slice(0, 4).map((n) => n.id),
    );
    assert.ok(
      all.every((n, i) => i === 0 || all[i - 1]!.createdAt >= n.createdAt),
      'newest first',
    );
    for (const query of ['after=not-a-cursor', 'status=lost', 'limit=0'])
      assert.equal(
        (await app.request('GET', `/admin/notifications?${query}`, { token: app.admin.token })).status,
        400,
        query,
      );
  });

  it('tells the buyer a paid booking was cancelled and that the money went back', async () => {
    const buyer = await app.buyer();
    const { booking } = await paidBooking(app, buyer, { showInDays: 10 });
    const cancelled = await app.request('POST', `/bookings/${booking.id}/cancel`, {
      token: buyer.token,
      idempotencyKey: randomUUID(),
      body: {},
    });
    assert.equal(cancelled.status, 200, JSON.stringify(cancelled.body));
    const mails = await app.mailsWhen(booking.id, 4);
    const cancel = mailOfType(mails, 'booking-cancelled') as (typeof mails)[number];
    const refund = mailOfType(mails, 'booking-refunded') as (typeof mails)[number];
    assert.match(cancel.subject ?? '', /^Booking cancelled: Sale /);
    assert.match(cancel.text ?? '', /A refund of THB 3,000\.00 is on its way/);
    assert.match(refund.subject ?? '', /^Refund of THB 3,000\.00 for Sale /);
    assert.equal(mails.length, 4);
  });
});

describe('e-mail notifications (embedded: in-process bus, in-memory documents)', () => {
  let app: NotifyingApp;
  before(async () => {
    app = await openNotifyingApp({ setup: 'embedded', ttlSeconds: 4 });
  });
  after(async () => {
    await app?.close();
  });

  it('sends the e-ticket and the receipt of a paid booking', async () => {
    const buyer = await app.buyer({ locale: 'th' });
    const { booking } = await paidBooking(app, buyer);
    const mails = await app.mailsWhen(booking.id, 2);
    assert.deepEqual(mails.map(messageIdOf).sort(), [
      `<booking-confirmed.${booking.id}@notifications.booking-rush.local>`,
      `<payment-receipt.${booking.id}@notifications.booking-rush.local>`,
    ]);
    const ticket = mails.find((mail) => messageIdOf(mail).startsWith('<booking-confirmed.'));
    assert.match(ticket?.text ?? '', /สวัสดีคุณสมหญิง/);
  });

  it('tells the buyer when an unpaid hold expired', async () => {
    const buyer = await app.buyer();
    const { zone } = await app.zoneOnSale({ capacity: 5 });
    const held = (await app.reserve(buyer, zone.id, 1)).body.data;
    const [expired] = await app.mailsWhen(held.id, 1);
    assert.equal(messageIdOf(expired!), `<hold-expired.${held.id}@notifications.booking-rush.local>`);
    assert.match(expired!.subject ?? '', /^Your seat hold for Sale .+ has expired$/);
    assert.match(expired!.text ?? '', /1 seat\(s\) in Zone 1/);
    assert.equal(app.mailsOf(held.id).length, 1);
  });
});

// The `notifier` role as its own process (as deployed): booking and payment events from Kafka, e-mails
// through SMTP, notification documents in MongoDB (FerretDB); the test's process runs everything else.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startSmtpTestServer, type SmtpTestServer } from '../../infra/mail/testing/smtp-test-server';
import { openBookingApp, waitFor, type BookingApp } from '../booking/harness';
import { RoleProcess } from '../payments/role-process';
import { bookingWhen, cards, fastPayments, kafkaEnv, pay } from '../payments/support';
import { messageIdOf, ownMongoDatabase } from './support';

describe('the notifier role process', () => {
  let app: BookingApp;
  let smtp: SmtpTestServer;
  let notifier: RoleProcess;
  const mongo = ownMongoDatabase();
  before(async () => {
    smtp = await startSmtpTestServer();
    app = await openBookingApp({
      inventory: 'in-process',
      env: { ...kafkaEnv(), ...fastPayments, MONGO_URL: mongo.url, SMTP_URL: smtp.url },
    });
    notifier = RoleProcess.beside(app, 'notifier');
    await notifier.start();
  });
  after(async () => {
    await notifier?.stop();
    await app?.close();
    await smtp?.close();
    await mongo.drop();
  });

  it('sends the e-ticket and the receipt of a booking paid in another process', async () => {
    const { zone } = await app.zoneOnSale({ capacity: 5 });
    const email = `role-${Date.now()}@example.test`;
    const registered = await app.request<{ user: { id: string }; accessToken: string }>(
      'POST',
      '/auth/register',
      {
        body: { email, password: 'correct horse', name: 'Ann' },
      },
    );
    const buyer = { userId: registered.body.data.user.id, token: registered.body.data.accessToken };
    const held = (await app.reserve(buyer, zone.id, 1)).body.data;
    await pay(app, buyer, held.id, cards.succeeds);
    await bookingWhen(app, buyer, held.id, (b) => b.status === 'confirmed');
    const mailsOf = () => smtp.received.filter((mail) => messageIdOf(mail).includes(held.id));
    await waitFor(() => mailsOf().length >= 2, 20_000);
    assert.deepEqual(mailsOf().map(messageIdOf).sort(), [
      `<booking-confirmed.${held.id}@notifications.booking-rush.local>`,
      `<payment-receipt.${held.id}@notifications.booking-rush.local>`,
    ]);
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { BookingDetails } from '../../infra/ports/booking-directory';
import type { Recipient } from '../../infra/ports/recipients';
import { composeMail } from './compose-mail';
import { formatDateTime, formatMoney } from './formatting';
import { MailTemplates } from './mail-templates';
import { notificationTypes } from './notification-types';

const booking: BookingDetails = {
  bookingId: 'b-1',
  userId: 'u-1',
  eventTitle: 'Rock & Roll <Live>',
  venue: 'Impact Arena',
  showStartsAt: '2026-12-31T13:00:00.000Z',
  zoneName: 'VIP',
  quantity: 2,
  total: { amount: 300000, currency: 'THB' },
  confirmationCode: 'BR-ABCDEFGH23',
};
const en: Recipient = { email: 'ann@example.test', name: 'Ann', locale: 'en' };
const th: Recipient = { email: 'som@example.test', name: 'สมชาย', locale: 'th' };
const templates = MailTemplates.load();

describe('money and dates in e-mails', () => {
  it('formats minor units per locale: baht symbol in Thai, currency code in English', () => {
    assert.equal(formatMoney({ amount: 150000, currency: 'THB' }, 'th'), '฿1,500.00');
    assert.equal(formatMoney({ amount: 150000, currency: 'THB' }, 'en'), 'THB 1,500.00');
    assert.equal(
      formatMoney({ amount: 1500, currency: 'JPY' }, 'en'),
      'JPY 1,500',
      'a currency without minor units',
    );
  });

  it('shows times in Bangkok: Thai in the Buddhist era, English with the zone named', () => {
    assert.equal(formatDateTime('2026-12-31T13:00:00.000Z', 'th'), '31 ธันวาคม 2569 เวลา 20:00 น.');
    assert.equal(
      formatDateTime('2026-12-31T18:30:00.000Z', 'en'),
      'Fri, 1 January 2027, 01:30 (Bangkok time, UTC+7)',
    );
  });
});

describe('the mail templates', () => {
  it('render every type in both locales, with a subject, an HTML and a text part', () => {
    for (const type of notificationTypes)
      for (const recipient of [en, th]) {
        const facts = {
          at: '2026-12-01T03:00:00.000Z',
          money: { amount: 300000, currency: 'THB' },
          confirmationCode: 'BR-ABCDEFGH23',
        };
        const rendered = templates.render(type, recipient.locale, {
          name: recipient.name,
          bookingId: 'b-1',
          eventTitle: 'Show',
          venue: 'Hall',
          showTime: 'soon',
          zoneName: 'A',
          quantity: 1,
          total: 'THB 1.00',
          confirmationCode: facts.confirmationCode,
          qrCid: 'cid-1',
          amount: 'THB 3,000.00',
          refundDue: '',
          paymentId: 'p-1',
          reason: '',
          at: 'today',
        });
        assert.ok(rendered.subject.length > 5, `${recipient.locale}/${type} subject`);
        assert.match(rendered.html, new RegExp(recipient.name), `${recipient.locale}/${type} html`);
        assert.match(rendered.text, new RegExp(recipient.name), `${recipient.locale}/${type} text`);
        assert.doesNotMatch(rendered.text, /<p>/);
      }
  });

  it('writes the Thai e-ticket in Thai, with the QR inline and attached, and escapes HTML only in HTML', async () => {
    const subject = {
      bookingId: 'b-1',
      type: 'booking-confirmed' as const,
      facts: { confirmationCode: 'BR-ABCDEFGH23', at: '2026-12-01T03:00:00.000Z' },
    };
    const mail = await composeMail(templates, subject, booking, th);
    assert.equal(mail.subject, 'ตั๋วอิเล็กทรอนิกส์ของคุณสำหรับ Rock & Roll <Live> (BR-ABCDEFGH23)');
    assert.match(mail.html, /การจองของคุณได้รับการยืนยันแล้ว/);
    assert.match(mail.html, /Rock &amp; Roll &lt;Live&gt;/);
    assert.match(mail.html, /฿3,000\.00/);
    assert.match(mail.html, /31 ธันวาคม 2569 เวลา 20:00 น\./);
    assert.match(mail.text, /Rock & Roll <Live>/);
    assert.match(mail.text, /รหัสยืนยัน: BR-ABCDEFGH23/);
    assert.equal(mail.messageId, '<booking-confirmed.b-1@notifications.booking-rush.local>');
    assert.deepEqual(
      mail.attachments?.map((a) => [a.filename, a.contentType, a.cid]),
      [
        ['e-ticket-qr.png', 'image/png', 'e-ticket-qr@booking-rush'],
        ['e-ticket-BR-ABCDEFGH23.png', 'image/png', undefined],
      ],
    );
    assert.match(mail.html, /src=['"]cid:e-ticket-qr@booking-rush['"]/);
    assert.deepEqual([...mail.attachments![0]!.content.subarray(1, 4)], [...Buffer.from('PNG')]);
  });

  it('writes the English receipt with the amount paid and no attachments', async () => {
    const subject = {
      bookingId: 'b-1',
      type: 'payment-receipt' as const,
      facts: { paymentId: 'p-9', money: { amount: 300000, currency: 'THB' }, at: '2026-12-01T03:00:00.000Z' },
    };
    const mail = await composeMail(templates, subject, booking, en);
    assert.equal(mail.subject, 'Payment receipt: THB 3,000.00 for Rock & Roll <Live>');
    assert.match(mail.text, /Amount paid: THB 3,000\.00/);
    assert.match(mail.text, /Payment reference: p-9/);
    assert.match(mail.text, /Tue, 1 December 2026, 10:00 \(Bangkok time, UTC\+7\)/);
    assert.equal(mail.attachments, undefined);
  });

  it('mentions the refund owed in a cancellation only when one is owed', async () => {
    const at = '2026-12-01T03:00:00.000Z';
    const owed = await composeMail(
      templates,
      {
        bookingId: 'b-1',
        type: 'booking-cancelled',
        facts: { at, reason: null, money: { amount: 150000, currency: 'THB' } },
      },
      booking,
      th,
    );
    assert.match(owed.text, /คืนเงิน ฿1,500\.00/);
    const unpaid = await composeMail(
      templates,
      { bookingId: 'b-1', type: 'booking-cancelled', facts: { at, reason: null } },
      booking,
      en,
    );
    assert.doesNotMatch(unpaid.text, /refund/i);
  });
});

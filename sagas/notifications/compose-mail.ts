import QRCode from 'qrcode';
import { ticketPayload } from '../../domain/booking';
import type { BookingDetails } from '../../infra/ports/booking-directory';
import type { MailAttachment, MailMessage } from '../../infra/ports/mailer';
import type { Recipient } from '../../infra/ports/recipients';
import { formatDateTime, formatMoney } from './formatting';
import type { MailModel, MailTemplates } from './mail-templates';
import { notificationMessageId } from './message-id';
import type { NotificationFacts, NotificationType } from './notification-types';

/** The content id of the e-ticket's QR image, referenced from the HTML as `cid:`. */
export const ticketQrCid = 'e-ticket-qr@booking-rush';

export type MailSubject = {
  readonly bookingId: string;
  readonly type: NotificationType;
  readonly facts: NotificationFacts;
};

/** Everything a template may show, formatted for the reader (every key present: templates are strict). */
export function mailModel(subject: MailSubject, booking: BookingDetails, recipient: Recipient): MailModel {
  const { locale } = recipient;
  const { facts } = subject;
  return {
    name: recipient.name,
    bookingId: booking.bookingId,
    eventTitle: booking.eventTitle,
    venue: booking.venue ?? '',
    showTime: formatDateTime(booking.showStartsAt, locale),
    zoneName: booking.zoneName,
    quantity: booking.quantity,
    total: formatMoney(booking.total, locale),
    confirmationCode: facts.confirmationCode ?? booking.confirmationCode ?? '',
    qrCid: ticketQrCid,
    amount: facts.money ? formatMoney(facts.money, locale) : '',
    refundDue: subject.type === 'booking-cancelled' && facts.money ? formatMoney(facts.money, locale) : '',
    paymentId: facts.paymentId ?? '',
    reason: facts.reason ?? '',
    at: formatDateTime(facts.at, locale),
  };
}

/** The e-ticket: its QR code inline (for the HTML) and again as a plain attachment. */
async function ticketAttachments(bookingId: string, confirmationCode: string): Promise<MailAttachment[]> {
  const png = await QRCode.toBuffer(ticketPayload(bookingId, confirmationCode), {
    type: 'png',
    errorCorrectionLevel: 'M',
    margin: 2,
    width: 480,
  });
  return [
    { filename: 'e-ticket-qr.png', content: png, contentType: 'image/png', cid: ticketQrCid },
    { filename: `e-ticket-${confirmationCode}.png`, content: png, contentType: 'image/png' },
  ];
}

/** The mail of one notification, under its deterministic Message-ID. */
export async function composeMail(
  templates: MailTemplates,
  subject: MailSubject,
  booking: BookingDetails,
  recipient: Recipient,
): Promise<MailMessage> {
  const model = mailModel(subject, booking, recipient);
  const rendered = templates.render(subject.type, recipient.locale, model);
  const confirmationCode = String(model.confirmationCode);
  if (subject.type === 'booking-confirmed' && !confirmationCode)
    throw new Error(`booking ${subject.bookingId} is confirmed without a confirmation code`);
  const attachments =
    subject.type === 'booking-confirmed' ? await ticketAttachments(subject.bookingId, confirmationCode) : [];
  return {
    to: { name: recipient.name, address: recipient.email },
    ...rendered,
    messageId: notificationMessageId(subject.bookingId, subject.type),
    ...(attachments.length > 0 ? { attachments } : {}),
  };
}

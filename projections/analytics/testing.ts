// Fixtures shared by the analytics tests: one small sale written as recorded events.
import type { Checkpoint, RecordedEvent } from '../../infra/ports/event-store';

/** The wall clock of the tests: a day after the sale, within the minute retention. */
export const testNow = Date.parse('2030-03-02T12:00:00.000Z');

export const ids = {
  rockNight: 'event-rock',
  jazzDay: 'event-jazz',
  front: 'zone-front',
  back: 'zone-back',
  lounge: 'zone-lounge',
} as const;

let position = 0;

export function recorded(
  streamId: string,
  type: string,
  data: Record<string, unknown>,
  at?: string,
): RecordedEvent {
  position += 1;
  return {
    id: `evt-${position}`,
    streamId,
    type,
    data,
    metadata: {},
    revision: 0,
    position,
    checkpoint: String(position).padStart(12, '0') as Checkpoint,
    // The log records events a little after they happened; analytics must bucket by the domain time.
    createdAt: new Date(Date.parse(at ?? '2030-03-01T09:00:00.000Z') + 45_000),
  };
}

const t = (time: string) => `2030-03-01T${time}.000Z`;

export function eventCreated(eventId: string, organizerId: string, name: string): RecordedEvent {
  return recorded(`event-${eventId}`, 'EventCreated', {
    eventId,
    organizerId,
    name,
    slug: eventId,
    description: 'd',
    venue: 'v',
    category: null,
    startsAt: '2030-04-01T19:00:00.000Z',
    saleStartsAt: t('09:00:00'),
    saleEndsAt: '2030-03-31T00:00:00.000Z',
    maxTicketsPerUser: 4,
    tenantId: null,
    occurredAt: t('08:00:00'),
  });
}

export function zoneCreated(eventId: string, zoneId: string, price: number, currency: string): RecordedEvent {
  return recorded(`event-${eventId}`, 'ZoneCreated', {
    eventId,
    showId: `show-${eventId}`,
    zoneId,
    name: `Zone ${zoneId}`,
    price,
    currency,
    capacity: 100,
    occurredAt: t('08:01:00'),
  });
}

export function reserved(
  bookingId: string,
  eventId: string,
  zoneId: string,
  quantity: number,
  unitPrice: number,
  currency: string,
  reservedAt: string,
): RecordedEvent {
  return recorded(
    `booking-${bookingId}`,
    'BookingReserved',
    {
      bookingId,
      userId: 'buyer',
      eventId,
      showId: `show-${eventId}`,
      zoneId,
      quantity,
      unitPrice,
      totalPrice: unitPrice * quantity,
      currency,
      expiresAt: reservedAt,
      reservedAt,
    },
    reservedAt,
  );
}

export const confirmed = (bookingId: string, confirmedAt: string) =>
  recorded(
    `booking-${bookingId}`,
    'BookingConfirmed',
    { bookingId, confirmationCode: 'BR-1', confirmedAt, paymentId: 'p' },
    confirmedAt,
  );
export const expired = (bookingId: string, expiredAt: string) =>
  recorded(`booking-${bookingId}`, 'BookingExpired', { bookingId, expiredAt }, expiredAt);
export const cancelled = (bookingId: string, cancelledAt: string) =>
  recorded(
    `booking-${bookingId}`,
    'BookingCancelled',
    { bookingId, reason: null, cancelledAt, by: 'buyer', refund: null },
    cancelledAt,
  );
export const refunded = (bookingId: string, amount: number, currency: string, refundedAt: string) =>
  recorded(
    `booking-${bookingId}`,
    'BookingRefunded',
    { bookingId, paymentId: 'p', refundId: 'r', amount, currency, reason: 'test', refundedAt },
    refundedAt,
  );

/**
 * Rock Night (organizer-1, THB): b1 paid, b2 expired, b3 cancelled, b5 expired then its late payment
 * refunded, b6 reserved the next day. Jazz Day (organizer-2, USD): b4 paid, cancelled and half refunded.
 * Plus a confirmation of a booking the log never reserved, and a rename.
 */
export function saleHistory(): RecordedEvent[] {
  const { rockNight, jazzDay, front, back, lounge } = ids;
  return [
    eventCreated(rockNight, 'organizer-1', 'Rock Night'),
    zoneCreated(rockNight, front, 1000, 'THB'),
    zoneCreated(rockNight, back, 500, 'THB'),
    recorded(`event-${rockNight}`, 'EventPublished', { eventId: rockNight, occurredAt: t('08:02:00') }),
    eventCreated(jazzDay, 'organizer-2', 'Jazz Day'),
    zoneCreated(jazzDay, lounge, 2000, 'USD'),
    reserved('b1', rockNight, front, 2, 1000, 'THB', t('10:00:10')),
    reserved('b2', rockNight, front, 1, 1000, 'THB', t('10:00:40')),
    reserved('b3', rockNight, back, 4, 500, 'THB', t('10:01:05')),
    confirmed('b1', t('10:01:30')),
    reserved('b4', jazzDay, lounge, 1, 2000, 'USD', t('10:02:00')),
    cancelled('b3', t('10:02:00')),
    confirmed('b4', t('10:03:00')),
    reserved('b5', rockNight, front, 1, 1000, 'THB', t('10:05:00')),
    expired('b2', t('10:10:40')),
    expired('b5', t('10:15:00')),
    refunded('b5', 1000, 'THB', t('10:16:00')),
    confirmed('b9', t('10:20:00')),
    cancelled('b4', t('10:30:00')),
    refunded('b4', 1000, 'USD', t('10:31:00')),
    recorded(`event-${rockNight}`, 'EventUpdated', {
      eventId: rockNight,
      changes: { name: 'Rock Night II' },
      occurredAt: t('11:00:00'),
    }),
    reserved('b6', rockNight, back, 2, 500, 'THB', '2030-03-02T00:00:30.000Z'),
  ];
}

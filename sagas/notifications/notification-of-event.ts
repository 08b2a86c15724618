import type {
  BookingCancelled,
  BookingConfirmed,
  BookingExpired,
  BookingRefunded,
} from '../../domain/booking';
import type { PaymentSucceeded } from '../../domain/payment';
import type { NotificationRequest } from './notification-types';
import type { RelayedEvent } from '../payment';

/**
 * The e-mail an integration event asks for, or undefined for events no one is told about. Pure: the
 * recipient and the booking's details are looked up when the mail is sent.
 */
export function notificationOf(event: RelayedEvent): NotificationRequest | undefined {
  const sourceEventId = event.eventId;
  switch (event.type) {
    case 'BookingConfirmed': {
      const data = event.data as BookingConfirmed['data'];
      return {
        bookingId: data.bookingId,
        type: 'booking-confirmed',
        sourceEventId,
        facts: { confirmationCode: data.confirmationCode, at: data.confirmedAt },
      };
    }
    case 'PaymentSucceeded': {
      const data = event.data as PaymentSucceeded['data'];
      return {
        bookingId: data.bookingId,
        type: 'payment-receipt',
        sourceEventId,
        facts: {
          paymentId: data.paymentId,
          money: { amount: data.amount, currency: data.currency },
          at: data.succeededAt,
        },
      };
    }
    case 'BookingExpired': {
      const data = event.data as BookingExpired['data'];
      return {
        bookingId: data.bookingId,
        type: 'hold-expired',
        sourceEventId,
        facts: { at: data.expiredAt },
      };
    }
    case 'BookingCancelled': {
      const data = event.data as BookingCancelled['data'];
      const refund = data.refund ? { amount: data.refund.amount, currency: data.refund.currency } : undefined;
      return {
        bookingId: data.bookingId,
        type: 'booking-cancelled',
        sourceEventId,
        facts: { reason: data.reason, at: data.cancelledAt, ...(refund ? { money: refund } : {}) },
      };
    }
    case 'BookingRefunded': {
      const data = event.data as BookingRefunded['data'];
      return {
        bookingId: data.bookingId,
        type: 'booking-refunded',
        sourceEventId,
        facts: {
          paymentId: data.paymentId,
          money: { amount: data.amount, currency: data.currency },
          reason: data.reason,
          at: data.refundedAt,
        },
      };
    }
    default:
      return undefined;
  }
}

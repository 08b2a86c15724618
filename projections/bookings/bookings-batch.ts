import type { BookingEvent } from '../../domain/booking';
import type { BookingRow } from './schema';

export type Applied = { readonly event: BookingEvent; readonly revision: number; readonly position: number };

/**
 * The batch's changes, folded in log order over the rows that existed before it; the same transitions
 * as `bookingView` in domain/booking, so the query side shows what the event stream shows.
 */
export class BookingsBatch {
  private readonly rows = new Map<string, BookingRow>();
  private readonly changed = new Set<string>();

  constructor(existing: readonly BookingRow[]) {
    for (const row of existing) this.rows.set(row.id, row);
  }

  apply({ event, revision, position }: Applied): void {
    const id = event.data.bookingId;
    const row = this.rows.get(id);
    if (row && revision <= Number(row.revision)) return; // replayed: already in the row
    const next = this.next(row, event);
    if (!next) return; // an event of a booking whose reservation this read model never saw
    this.rows.set(id, { ...next, revision, updated_position: position });
    this.changed.add(id);
  }

  /** The rows this batch changed, to be written back. */
  changedRows(): BookingRow[] {
    return [...this.changed].map((id) => this.rows.get(id)!);
  }

  private next(row: BookingRow | undefined, event: BookingEvent): BookingRow | undefined {
    if (event.type === 'BookingReserved') {
      const { data } = event;
      return {
        id: data.bookingId,
        user_id: data.userId,
        event_id: data.eventId,
        show_id: data.showId,
        zone_id: data.zoneId,
        quantity: data.quantity,
        unit_price: data.unitPrice,
        total_price: data.totalPrice,
        currency: data.currency,
        status: 'reserved',
        expires_at: data.expiresAt,
        reserved_at: data.reservedAt,
        ended_at: null,
        confirmation_code: null,
        payment_id: null,
        payment_status: null,
        payment_failure_reason: null,
        refund_due: null,
        refunded_amount: 0,
        revision: 0,
        updated_position: 0,
      };
    }
    if (!row) return undefined;
    switch (event.type) {
      case 'BookingPaymentRequested':
        return {
          ...row,
          payment_id: event.data.paymentId,
          payment_status: 'pending',
          payment_failure_reason: null,
        };
      case 'BookingPaymentFailed':
        return { ...row, payment_status: 'failed', payment_failure_reason: event.data.reason };
      case 'BookingConfirmed':
        return {
          ...row,
          status: 'confirmed',
          ended_at: event.data.confirmedAt,
          confirmation_code: event.data.confirmationCode,
          ...(event.data.paymentId ? { payment_id: event.data.paymentId, payment_status: 'succeeded' } : {}),
        };
      case 'BookingCancelled':
        return {
          ...row,
          status: 'cancelled',
          ended_at: event.data.cancelledAt,
          refund_due: event.data.refund ?? null,
        };
      case 'BookingExpired':
        return { ...row, status: 'expired', ended_at: event.data.expiredAt };
      case 'BookingRefunded':
        return {
          ...row,
          status: 'refunded',
          refunded_amount: Number(row.refunded_amount) + event.data.amount,
        };
    }
  }
}

import type { EventStatus } from '../catalog';
import { AppError } from '../shared';

/** What the catalog says about a zone's sale, as far as a reservation cares. */
export type SaleTerms = {
  readonly eventStatus: EventStatus;
  readonly saleStartsAt: string;
  readonly saleEndsAt: string;
  readonly showStartsAt: string;
  readonly maxTicketsPerUser: number;
};

/**
 * Whether a buyer may ask for `quantity` seats of a zone at `now`: the event is published, the sale
 * window is open (start inclusive, end exclusive) and the show has not begun, and the quantity fits the
 * per-buyer limit. Seats and the buyer's earlier holds are the inventory actor's to judge.
 */
export function checkReservable(terms: SaleTerms, quantity: number, now: Date): void {
  if (terms.eventStatus !== 'published') {
    throw new AppError('SALE_NOT_OPEN', `This event is ${terms.eventStatus}; it is not on sale`, {
      eventStatus: terms.eventStatus,
    });
  }
  const at = now.getTime();
  const closesAt = Math.min(Date.parse(terms.saleEndsAt), Date.parse(terms.showStartsAt));
  if (at < Date.parse(terms.saleStartsAt)) {
    throw new AppError('SALE_NOT_OPEN', `The sale opens at ${terms.saleStartsAt}`, {
      saleStartsAt: terms.saleStartsAt,
    });
  }
  if (at >= closesAt) {
    throw new AppError('SALE_NOT_OPEN', `The sale closed at ${new Date(closesAt).toISOString()}`, {
      saleEndsAt: terms.saleEndsAt,
      showStartsAt: terms.showStartsAt,
    });
  }
  if (quantity > terms.maxTicketsPerUser) {
    throw new AppError(
      'TICKET_LIMIT_EXCEEDED',
      `At most ${terms.maxTicketsPerUser} tickets per buyer for this event`,
      { maxTicketsPerUser: terms.maxTicketsPerUser, requested: quantity },
    );
  }
}

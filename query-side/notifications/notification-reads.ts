import type { DocumentCollection, Filter } from '../../infra/ports/document-store';
import { decodeNotificationCursor, encodeNotificationCursor } from './notification-cursor';
import type { NotificationStatusName } from './notification-list-query';

/** An e-mail about a booking, as the admin API shows it: one per booking and type, and its send state. */
export type NotificationView = {
  /** `<bookingId>:<type>`. */
  readonly id: string;
  readonly bookingId: string;
  /** `booking-confirmed`, `payment-receipt`, `hold-expired`, `booking-cancelled` or `booking-refunded`. */
  readonly type: string;
  /** `pending` (due at `nextAttemptAt`), `sent`, or `failed` once every attempt has failed. */
  readonly status: NotificationStatusName;
  /** Sends tried in this round (a retry starts a new round). */
  readonly attempts: number;
  readonly lastError: string | null;
  /** The address it went (or was to go) to, once known. */
  readonly recipient: string | null;
  /** The Message-ID the mail goes out under, the same on every attempt. */
  readonly messageId: string;
  /** The event that caused it. */
  readonly sourceEventId: string;
  /** @format date-time */
  readonly createdAt: string;
  /** @format date-time */
  readonly updatedAt: string;
  /**
   * When the next attempt is due; null unless pending.
   * @format date-time
   */
  readonly nextAttemptAt: string | null;
  /** @format date-time */
  readonly sentAt: string | null;
  /** @format date-time */
  readonly failedAt: string | null;
};

export type NotificationFilter = {
  readonly status?: string;
  readonly bookingId?: string;
  readonly type?: string;
  readonly limit: number;
  readonly after?: string;
};

export type NotificationPage = { readonly items: NotificationView[]; readonly next: string | null };

/** `meta` of a page of `GET /admin/notifications`. */
export type NotificationPageMeta = {
  readonly limit: number;
  /** Pass as `after` for the next page; null when this page is the last. */
  readonly next: string | null;
};

type StoredNotification = Omit<NotificationView, 'id' | 'nextAttemptAt'> & {
  readonly _id: string;
  readonly nextAttemptAt: string;
};

function toView(doc: StoredNotification): NotificationView {
  return {
    id: doc._id,
    bookingId: doc.bookingId,
    type: doc.type,
    status: doc.status,
    attempts: doc.attempts,
    lastError: doc.lastError,
    recipient: doc.recipient,
    messageId: doc.messageId,
    sourceEventId: doc.sourceEventId,
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
    nextAttemptAt: doc.status === 'pending' ? doc.nextAttemptAt : null,
    sentAt: doc.sentAt,
    failedAt: doc.failedAt,
  };
}

/** Reads the notifier's documents, newest first, a page at a time. */
export class NotificationReads {
  constructor(private readonly collection: DocumentCollection) {}

  async get(id: string): Promise<NotificationView | undefined> {
    const [doc] = (await this.collection.find({ _id: id })) as unknown as StoredNotification[];
    return doc && toView(doc);
  }

  async list(filter: NotificationFilter): Promise<NotificationPage> {
    const conditions: Filter[] = [];
    if (filter.status) conditions.push({ status: filter.status });
    if (filter.bookingId) conditions.push({ bookingId: filter.bookingId });
    if (filter.type) conditions.push({ type: filter.type });
    const cursor = filter.after === undefined ? undefined : decodeNotificationCursor(filter.after);
    if (cursor)
      conditions.push({
        $or: [
          { createdAt: { $lt: cursor.createdAt } },
          { createdAt: cursor.createdAt, _id: { $lt: cursor.id } },
        ],
      });
    const docs = (await this.collection.find(conditions.length > 0 ? { $and: conditions } : {}, {
      sort: { createdAt: -1, _id: -1 },
      limit: filter.limit + 1,
    })) as unknown as StoredNotification[];
    const items = docs.slice(0, filter.limit).map(toView);
    const last = items.at(-1);
    const next =
      docs.length > filter.limit && last
        ? encodeNotificationCursor({ createdAt: last.createdAt, id: last.id })
        : null;
    return { items, next };
  }
}

import type { DocumentCollection, Filter } from '../../infra/ports/document-store';
import { decodeNotificationCursor, encodeNotificationCursor } from './notification-cursor';

/** A notification as the admin API shows it. */
export type NotificationView = {
  readonly id: string;
  readonly bookingId: string;
  readonly type: string;
  readonly status: string;
  readonly attempts: number;
  readonly lastError: string | null;
  readonly recipient: string | null;
  readonly messageId: string;
  readonly sourceEventId: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  /** When the next attempt is due; null unless pending. */
  readonly nextAttemptAt: string | null;
  readonly sentAt: string | null;
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

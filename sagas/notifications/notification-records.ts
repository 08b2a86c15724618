import type { DocumentCollection, DocumentStore } from '../../infra/ports/document-store';
import { notificationId, notificationMessageId } from './message-id';
import type {
  NotificationFacts,
  NotificationRequest,
  NotificationStatus,
  NotificationType,
} from './notification-types';

export const notificationsCollection = 'notifications';

/** One e-mail of a booking: its durable send state (times are ISO 8601 strings, which sort as times). */
export type NotificationDocument = {
  /** `<bookingId>:<type>`. */
  readonly _id: string;
  readonly bookingId: string;
  readonly type: NotificationType;
  readonly status: NotificationStatus;
  readonly facts: NotificationFacts;
  readonly sourceEventId: string;
  /** The deterministic Message-ID the mail goes out under. */
  readonly messageId: string;
  readonly attempts: number;
  readonly lastError: string | null;
  /** The address it went (or was to go) to, once known. */
  readonly recipient: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
  /** When a sender may next pick it up (a claim moves it forward by the lease). */
  readonly nextAttemptAt: string;
  readonly sentAt: string | null;
  readonly failedAt: string | null;
};

export type ClaimResult = 'claimed' | 'duplicate';
export type RetryResult = 'retried' | 'not-found' | 'not-failed';

/** The `notifications` collection: one document per booking and type, under a unique index. */
export class NotificationRecords {
  readonly collection: DocumentCollection<NotificationDocument>;

  constructor(store: DocumentStore) {
    this.collection = store.collection<NotificationDocument>(notificationsCollection);
  }

  async ensureIndexes(): Promise<void> {
    await this.collection.ensureIndexes([
      { fields: { bookingId: 1, type: 1 }, unique: true },
      { fields: { status: 1, nextAttemptAt: 1 } },
      { fields: { createdAt: -1, _id: -1 } },
    ]);
  }

  /** Records a notification to send; `duplicate` when this booking already has one of this type. */
  async claim(request: NotificationRequest, now: Date): Promise<ClaimResult> {
    const at = now.toISOString();
    const inserted = await this.collection.insertOne({
      _id: notificationId(request.bookingId, request.type),
      bookingId: request.bookingId,
      type: request.type,
      status: 'pending',
      facts: request.facts,
      sourceEventId: request.sourceEventId,
      messageId: notificationMessageId(request.bookingId, request.type),
      attempts: 0,
      lastError: null,
      recipient: null,
      createdAt: at,
      updatedAt: at,
      nextAttemptAt: at,
      sentAt: null,
      failedAt: null,
    });
    return inserted.ok ? 'claimed' : 'duplicate';
  }

  /**
   * Takes a due pending notification for one attempt: moves its next attempt `leaseMs` ahead, so no other
   * sender takes it meanwhile (and one that died mid-attempt is picked up again after the lease).
   * Resolves to the document as taken, or undefined when it was not due or someone else took it.
   */
  async take(id: string, now: Date, leaseMs: number): Promise<NotificationDocument | undefined> {
    const at = now.toISOString();
    const [due] = await this.collection.find({ _id: id, status: 'pending', nextAttemptAt: { $lte: at } });
    if (!due) return undefined;
    const leasedUntil = new Date(now.getTime() + leaseMs).toISOString();
    const taken = await this.collection.updateOne(
      { _id: id, status: 'pending', nextAttemptAt: due.nextAttemptAt },
      { set: { nextAttemptAt: leasedUntil, updatedAt: at } },
    );
    return taken === 1 ? { ...due, nextAttemptAt: leasedUntil } : undefined;
  }

  /** Ids of pending notifications due at `now`, the longest waiting first. */
  async due(now: Date, limit: number): Promise<string[]> {
    const docs = await this.collection.find(
      { status: 'pending', nextAttemptAt: { $lte: now.toISOString() } },
      { sort: { nextAttemptAt: 1 }, limit, projection: { _id: 1 } },
    );
    return docs.map((doc) => doc._id);
  }

  async markSent(id: string, recipient: string, now: Date): Promise<void> {
    const at = now.toISOString();
    await this.collection.updateOne(
      { _id: id, status: 'pending' },
      {
        set: { status: 'sent', sentAt: at, updatedAt: at, recipient, lastError: null },
        inc: { attempts: 1 },
      },
    );
  }

  /** A failed attempt: pending again at `retryAt`, or `failed` for good when `retryAt` is undefined. */
  async markAttemptFailed(
    id: string,
    error: string,
    recipient: string | null,
    now: Date,
    retryAt: Date | undefined,
  ): Promise<void> {
    const at = now.toISOString();
    const outcome = retryAt
      ? { nextAttemptAt: retryAt.toISOString() }
      : { status: 'failed' as const, failedAt: at };
    await this.collection.updateOne(
      { _id: id, status: 'pending' },
      { set: { ...outcome, lastError: error, recipient, updatedAt: at }, inc: { attempts: 1 } },
    );
  }

  /** Puts a `failed` notification back in the queue with a fresh round of attempts. */
  async retry(id: string, now: Date): Promise<RetryResult> {
    const at = now.toISOString();
    const matched = await this.collection.updateOne(
      { _id: id, status: 'failed' },
      { set: { status: 'pending', attempts: 0, nextAttemptAt: at, failedAt: null, updatedAt: at } },
    );
    if (matched === 1) return 'retried';
    return (await this.collection.count({ _id: id })) > 0 ? 'not-failed' : 'not-found';
  }

  async get(id: string): Promise<NotificationDocument | undefined> {
    const [doc] = await this.collection.find({ _id: id });
    return doc;
  }
}

import type { Span } from '@opentelemetry/api';
import type { BookingDirectory } from '../../infra/ports/booking-directory';
import type { Logger } from '../../infra/ports/logger';
import type { Metrics } from '../../infra/ports/metrics';
import { MailRefused, type Mailer } from '../../infra/ports/mailer';
import type { Recipients } from '../../infra/ports/recipients';
import { inSpan, productAttr, recordFailure, tracingActive } from '../../infra/tracing';
import { notificationRetryDelayMs, type NotificationRetry } from './backoff';
import { composeMail } from './compose-mail';
import type { MailTemplates } from './mail-templates';
import { notificationId } from './message-id';
import { notificationOf } from './notification-of-event';
import type { NotificationDocument, NotificationRecords } from './notification-records';
import type { RelayedEvent } from '../payment';
import { SendSlots } from './send-slots';

export type NotificationSenderDeps = {
  readonly records: NotificationRecords;
  readonly mailer: Mailer;
  readonly templates: MailTemplates;
  readonly recipients: Recipients;
  readonly bookings: BookingDirectory;
  readonly retry: NotificationRetry;
  /** How long one attempt holds a notification before another sender may take it (covers an SMTP send). */
  readonly leaseMs: number;
  readonly clock: () => Date;
  readonly logger: Logger;
  /** Mails worked on at once (default 16; the config says 64): a wave goes out in parallel, never unbounded. */
  readonly concurrency?: number;
  /** Where each attempt's outcome is counted: sent, retrying, failed (for good). */
  readonly metrics?: Pick<Metrics, 'notification'>;
};

export type Handled = 'ignored' | 'duplicate' | 'claimed';

/**
 * A mail that cannot be sent however often we try (no account, no booking, a template that cannot render,
 * an address or message the server refuses for good): it fails at once, without retries.
 */
class Undeliverable extends Error {}

const isPermanent = (error: unknown) =>
  error instanceof Undeliverable || (error instanceof MailRefused && error.permanent);

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Sends each booking's e-mails exactly once per (booking, type), as far as the notification documents
 * can tell. An integration event claims its notification by inserting the document (the unique index
 * makes a redelivered or replayed event a `duplicate`) and then makes one attempt right away.
 *
 * Retries do not happen in the bus consumer: a consumer that waited out minutes of backoff would hold up
 * every later event of its partition. The document is the durable retry state instead: a failed attempt
 * sets `nextAttemptAt`, and `sendDue` (run by a sweeper) takes due documents one lease at a time, so
 * retries survive restarts and several notifier processes share the work without sending twice.
 *
 * The window: a process that dies after the server accepted a mail and before `markSent` leaves the
 * document pending; once the lease lapses it is sent again, under the same Message-ID, which receivers
 * that dedupe by Message-ID drop. Delivery is at-least-once in that window and exactly-once otherwise.
 */
export class NotificationSender {
  private readonly slots: SendSlots;

  constructor(private readonly deps: NotificationSenderDeps) {
    this.slots = new SendSlots(deps.concurrency ?? 16);
  }

  /**
   * Handles one integration event: claims the notification it asks for and starts its first attempt,
   * resolving once the attempt holds a send slot (not when the mail is out), so the consumer moves on to
   * the next event while up to `concurrency` mails are being sent. A process that stops before the
   * attempt ends leaves the claimed document pending: the sweeper sends it.
   */
  async handle(event: RelayedEvent): Promise<Handled> {
    const request = notificationOf(event);
    if (!request) return 'ignored';
    if ((await this.deps.records.claim(request, this.deps.clock())) === 'duplicate') return 'duplicate';
    await this.slots.acquire();
    void this.attemptInSlot(notificationId(request.bookingId, request.type));
    return 'claimed';
  }

  /** One attempt for each due pending notification (up to `limit`); resolves to how many were taken. */
  async sendDue(limit = 50): Promise<number> {
    const ids = await this.deps.records.due(this.deps.clock(), limit);
    const attempts = [];
    for (const id of ids) {
      await this.slots.acquire();
      attempts.push(this.attemptInSlot(id));
    }
    return (await Promise.all(attempts)).filter(Boolean).length;
  }

  /** Resolves once every attempt started so far has finished (shutdown, tests). */
  settled(): Promise<void> {
    return this.slots.settled();
  }

  private async attemptInSlot(id: string): Promise<boolean> {
    try {
      return await this.attempt(id);
    } catch (error) {
      // The records could not be reached: the document stays pending and a later sweep takes it.
      this.deps.logger.warn('notification attempt could not run; the sweeper retries it', {
        notificationId: id,
        error: messageOf(error),
      });
      return false;
    } finally {
      this.slots.release();
    }
  }

  /** Takes the notification (unless another sender has it or it is not due) and tries to send it once. */
  async attempt(id: string): Promise<boolean> {
    const { records, clock, leaseMs } = this.deps;
    const doc = await records.take(id, clock(), leaseMs);
    if (!doc) return false;
    if (!tracingActive()) await this.send(doc);
    else await inSpan('send email', { attributes: spanAttributes(doc) }, (span) => this.send(doc, span));
    return true;
  }

  /**
   * One attempt at a taken notification: compose, send, mark sent, or record why not. Traced, it runs in
   * the `send email` span (under the consumer's span for a first attempt, on its own for a retry).
   */
  private async send(doc: NotificationDocument, span?: Span): Promise<void> {
    const { records, clock } = this.deps;
    const id = doc._id;
    let recipientAddress: string | null = null;
    try {
      const booking = await this.deps.bookings.find(doc.bookingId);
      if (!booking) throw new Undeliverable(`no booking ${doc.bookingId}`);
      const recipient = await this.deps.recipients.find(booking.userId);
      if (!recipient) throw new Undeliverable(`no account for user ${booking.userId}`);
      recipientAddress = recipient.email;
      const message = await composeMail(this.deps.templates, doc, booking, recipient).catch(
        (error: unknown) => {
          throw new Undeliverable(`the mail cannot be composed: ${messageOf(error)}`);
        },
      );
      await this.deps.mailer.send(message);
      await records.markSent(id, recipient.email, clock());
      this.deps.metrics?.notification('sent');
      this.deps.logger.info('notification sent', { notificationId: id, attempt: doc.attempts + 1 });
    } catch (error) {
      if (span) recordFailure(span, error);
      await this.recordFailure(doc, error, recipientAddress);
    }
  }

  private async recordFailure(doc: NotificationDocument, error: unknown, recipient: string | null) {
    const attempt = doc.attempts + 1;
    const lastAttempt = isPermanent(error) || attempt >= this.deps.retry.attempts;
    const now = this.deps.clock();
    const retryAt = lastAttempt
      ? undefined
      : new Date(now.getTime() + notificationRetryDelayMs(attempt, this.deps.retry));
    await this.deps.records.markAttemptFailed(doc._id, messageOf(error), recipient, now, retryAt);
    const meta = {
      notificationId: doc._id,
      attempt,
      error: messageOf(error),
      retryAt: retryAt?.toISOString(),
    };
    this.deps.metrics?.notification(lastAttempt ? 'failed' : 'retrying');
    if (lastAttempt) this.deps.logger.error('notification failed for good', meta);
    else this.deps.logger.warn('notification attempt failed; will retry', meta);
  }
}

const spanAttributes = (doc: NotificationDocument) => ({
  [productAttr.notificationId]: doc._id,
  [productAttr.notificationType]: doc.type,
  [productAttr.notificationAttempt]: doc.attempts + 1,
});

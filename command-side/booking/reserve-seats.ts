import { randomUUID } from 'node:crypto';
import {
  bookingDecider,
  bookingStreamId,
  bookingView,
  checkReservable,
  type BookingEvent,
  type BookingView,
} from '../../domain/booking';
import { AppError, type EventMetadata } from '../../domain/shared';
import { WrongExpectedVersionError, type EventStore } from '../../infra/ports/event-store';
import type {
  Hold,
  HoldBucket,
  HoldRefusal,
  HoldRejection,
  HoldResult,
  InventoryActor,
} from '../../infra/ports/inventory-actor';
import type { Metrics } from '../../infra/ports/metrics';
import type { TakeResult } from '../../infra/ports/rate-limiter';
import type { ZoneForSale } from '../catalog';
import { rateLimitedError } from '../rate-limit';
import type { QueuePasses } from '../waiting-room';

export type ReserveSeatsDeps = {
  readonly store: EventStore;
  readonly actor: InventoryActor;
  readonly catalog: { zone(zoneId: string): ZoneForSale | undefined };
  /** Rebuilds a zone counter the actor lost (Redis restarted empty) from the event store. */
  readonly recovery?: { recover(zone: { eventId: string; zoneId: string }): Promise<unknown> };
  readonly holdTtlMs: number;
  /** The buyer's reservation rate limit per event, taken in the actor's one call; none when absent. */
  readonly bucket?: HoldBucket;
  /** Checks the signature of waiting-room passes; without it (no waiting rooms here) a pass is ignored. */
  readonly passes?: QueuePasses;
  readonly clock?: () => Date;
  readonly newBookingId?: () => string;
  readonly onWarning?: (message: string, details: Record<string, unknown>) => void;
  /** Where each hold's outcome is counted (held, or rejected with its reason). */
  readonly metrics?: Pick<Metrics, 'hold'>;
};

export type ReserveSeats = {
  readonly userId: string;
  readonly zoneId: string;
  readonly quantity: number;
  /** The client's Idempotency-Key: the actor answers a repeated key with its first outcome. */
  readonly idempotencyKey: string;
  /** The waiting-room pass the buyer presented (`Queue-Pass` header), if any. */
  readonly queuePass?: string;
  readonly metadata: EventMetadata;
};

/**
 * A reservation's outcome. Rejections decided by the actor's one call (sold out, over the limit, rate
 * limited, a reused key) are results, not throws, so the route can still send the bucket's headers;
 * `replayed` marks the first outcome under this key given back again.
 */
export type Reservation = {
  readonly replayed: boolean;
  /** The buyer's bucket for this event after the call (when reservations have a rate limit). */
  readonly bucket?: TakeResult;
} & ({ readonly ok: true; readonly booking: BookingView } | { readonly ok: false; readonly error: AppError });

const unavailable = (message: string, cause?: unknown) =>
  Object.assign(new AppError('SERVICE_UNAVAILABLE', message), cause === undefined ? {} : { cause });

function rejected(
  reason: HoldRejection | HoldRefusal,
  available: number,
  zone: ZoneForSale,
  bucket: TakeResult | undefined,
): AppError {
  switch (reason) {
    case 'RATE_LIMITED':
      return bucket ? rateLimitedError(bucket) : new AppError('RATE_LIMITED', 'Too many requests');
    case 'IDEMPOTENCY_KEY_REUSED':
      return new AppError(
        'IDEMPOTENCY_KEY_REUSED',
        'This Idempotency-Key was used with a different request body',
      );
    case 'INSUFFICIENT_SEATS':
      return new AppError('INSUFFICIENT_SEATS', `Only ${available} seats left in this zone`, { available });
    case 'TICKET_LIMIT_EXCEEDED':
      return new AppError(
        'TICKET_LIMIT_EXCEEDED',
        `At most ${zone.maxTicketsPerUser} tickets per buyer for this event, counting holds and purchases`,
        { maxTicketsPerUser: zone.maxTicketsPerUser },
      );
    case 'QUEUE_PASS_REQUIRED':
      return new AppError(
        'QUEUE_PASS_REQUIRED',
        'This sale has a waiting room: join the queue and reserve with the pass it gives you',
        { eventId: zone.eventId },
      );
    case 'QUEUE_PASS_INVALID':
      return new AppError('QUEUE_PASS_INVALID', 'This queue pass is not valid (forged, altered or replaced)');
    case 'QUEUE_PASS_EXPIRED':
      return new AppError('QUEUE_PASS_EXPIRED', 'This queue pass has expired: join the queue again');
    case 'QUEUE_PASS_USED':
      return new AppError('QUEUE_PASS_USED', 'This queue pass has already been used for a hold');
    case 'ZONE_REBUILDING':
    case 'ZONE_NOT_PROVISIONED':
      return unavailable('Seats for this zone are being counted again; retry in a moment');
  }
}

/**
 * The hot path (docs/architecture.md, "The hot path: reserving seats"): sale terms from the in-memory catalog, one actor
 * call that decides everything else (the buyer's bucket, the Idempotency-Key, seats and the buyer's
 * limit), one append of `BookingReserved` through group commit. Rejections cost the actor call and
 * nothing else. An append that fails gives the seats back and answers 503.
 */
export class SeatReservations {
  private readonly clock: () => Date;
  private readonly newBookingId: () => string;

  constructor(private readonly deps: ReserveSeatsDeps) {
    this.clock = deps.clock ?? (() => new Date());
    this.newBookingId = deps.newBookingId ?? randomUUID;
  }

  async reserve(request: ReserveSeats): Promise<Reservation> {
    const zone = this.deps.catalog.zone(request.zoneId);
    if (!zone) throw new AppError('ZONE_NOT_FOUND', 'No such zone on sale', { zoneId: request.zoneId });
    const now = this.clock();
    checkReservable(zone, request.quantity, now);
    const pass = this.passOf(request, zone);
    if (pass instanceof AppError) return { ok: false, error: pass, replayed: false };
    const held = await this.deps.actor.hold({
      bookingId: this.newBookingId(),
      eventId: zone.eventId,
      zoneId: zone.zoneId,
      userId: request.userId,
      quantity: request.quantity,
      unitPrice: zone.price,
      currency: zone.currency,
      idempotencyKey: `${request.userId}:${request.idempotencyKey}`,
      fingerprint: `${zone.zoneId}:${request.quantity}`,
      maxPerUser: zone.maxTicketsPerUser,
      ttlMs: this.deps.holdTtlMs,
      now: now.getTime(),
      ...(this.deps.bucket ? { bucket: this.deps.bucket } : {}),
      ...(pass ? { pass } : {}),
    });
    // A retry given the first answer back again is not another hold.
    if (!('replayed' in held && held.replayed))
      this.deps.metrics?.hold(held.ok ? 'held' : 'rejected', held.ok ? 'none' : held.reason);
    if (!held.ok) return this.refused(held, zone);
    // The hold's own times: a replayed hold (the first answer to this key) keeps its original ones.
    const reservedAt = held.replayed ? new Date(held.hold.expiresAt - this.deps.holdTtlMs) : now;
    const [event] = bookingDecider.decide(this.reserveCommand(zone, held.hold, reservedAt), undefined);
    const reserved = event as BookingEvent;
    try {
      await this.deps.store.append(
        bookingStreamId(held.hold.bookingId),
        [{ type: reserved.type, data: reserved.data, metadata: request.metadata }],
        'no_stream',
      );
    } catch (error) {
      if (held.replayed) this.alreadyRecorded(error);
      else await this.afterFailedAppend(held.hold, error);
    }
    // A replay answers exactly what the first call answered: the booking as it was reserved.
    const booking = bookingView([reserved], reservedAt)!;
    return { ok: true, booking, replayed: held.replayed, ...(held.bucket ? { bucket: held.bucket } : {}) };
  }

  /** The presented pass's place in line once its signature, buyer and event check out (the actor does the rest). */
  private passOf(request: ReserveSeats, zone: ZoneForSale): { seq: number } | AppError | undefined {
    if (request.queuePass === undefined || !this.deps.passes) return undefined;
    const checked = this.deps.passes.check(request.queuePass, {
      eventId: zone.eventId,
      userId: request.userId,
    });
    if (checked.ok) return { seq: checked.pass.seq };
    if (checked.reason === 'QUEUE_PASS_FOREIGN') {
      return new AppError('QUEUE_PASS_FOREIGN', 'This queue pass belongs to another buyer or another event');
    }
    return rejected(checked.reason, 0, zone, undefined);
  }

  private refused(held: Extract<HoldResult, { ok: false }>, zone: ZoneForSale): Reservation {
    if (held.reason === 'ZONE_NOT_PROVISIONED') this.recover(zone);
    return {
      ok: false,
      error: rejected(held.reason, held.available, zone, held.bucket),
      replayed: 'replayed' in held && held.replayed === true,
      ...(held.bucket ? { bucket: held.bucket } : {}),
    };
  }

  private reserveCommand(zone: ZoneForSale, hold: Hold, reservedAt: Date) {
    return {
      type: 'Reserve' as const,
      bookingId: hold.bookingId,
      userId: hold.userId,
      eventId: zone.eventId,
      showId: zone.showId,
      zoneId: zone.zoneId,
      quantity: hold.quantity,
      unitPrice: hold.unitPrice,
      currency: hold.currency,
      expiresAt: new Date(hold.expiresAt),
      now: reservedAt,
    };
  }

  /** A retry's append refused because the first attempt recorded the booking: that booking stands. */
  private alreadyRecorded(error: unknown): void {
    if (!(error instanceof WrongExpectedVersionError)) {
      throw unavailable('The booking could not be recorded yet; retry with the same key', error);
    }
  }

  /**
   * An append can fail after its commit landed (the answer was lost with the connection). So before the
   * seats go back, ask the store: if the booking is there, it stands and the caller answers 201; if it
   * is surely not, the hold is released; if the store cannot say, the hold is kept and expires with its
   * TTL — a bounded leak, never a live reservation in the log on seats sold again.
   */
  private async afterFailedAppend(hold: Hold, error: unknown): Promise<void> {
    const stream = bookingStreamId(hold.bookingId);
    const recorded = await this.deps.store.streamExists(stream).catch(() => undefined);
    if (recorded === true) return;
    if (recorded === false) await this.giveBack(hold, error);
    else {
      this.deps.onWarning?.('an append failed and the store cannot say whether it landed; the hold expires', {
        bookingId: hold.bookingId,
        error,
      });
    }
    throw unavailable(
      'The booking could not be recorded; no seats were taken. Retry with the same key',
      error,
    );
  }

  private async giveBack(hold: Hold, cause: unknown): Promise<void> {
    try {
      await this.deps.actor.release({
        eventId: hold.eventId,
        bookingId: hold.bookingId,
        forgetOutcome: true,
      });
    } catch (error) {
      // The hold stays until it expires; the sweeper then returns the seats (a bounded leak, no oversell).
      this.deps.onWarning?.('a hold whose booking was not recorded could not be released; it will expire', {
        bookingId: hold.bookingId,
        error,
        cause,
      });
    }
  }

  private recover(zone: ZoneForSale): void {
    const recovery = this.deps.recovery;
    if (!recovery) return;
    recovery.recover({ eventId: zone.eventId, zoneId: zone.zoneId }).catch((error: unknown) => {
      this.deps.onWarning?.('rebuilding a lost zone counter failed; the next request retries', {
        zoneId: zone.zoneId,
        error,
      });
    });
  }
}

import { createHash } from 'node:crypto';
import {
  bookingDecider,
  bookingStreamId,
  type BookingCommand,
  type BookingEvent,
} from '../../domain/booking';
import { eventDecider, eventStreamId, type CatalogCommand, type CatalogEvent } from '../../domain/catalog';
import {
  paymentDecider,
  paymentStreamId,
  type PaymentCommand,
  type PaymentEvent,
} from '../../domain/payment';
import type { Decider, Event, EventMetadata } from '../../domain/shared';
import type { AppendResult, EventStore } from '../ports/event-store';

export type SimulatedSaleOptions = {
  /** Bookings to simulate; about 4.4 events each (bookings, payments), plus the catalog. */
  readonly bookings: number;
  readonly zones?: number;
  readonly buyers?: number;
  /** Varies ids and outcomes; the same seed gives the same log. Default 1. */
  readonly seed?: number;
  /** When the sale opened; bookings spread over the following `minutes`. Default: 30 minutes ago. */
  readonly openedAt?: Date;
  readonly minutes?: number;
  /** Appends in flight at once (group commit gathers them). Default 64. */
  readonly concurrency?: number;
};

export type SimulatedSale = {
  readonly eventId: string;
  readonly organizerId: string;
  readonly zoneIds: readonly string[];
  readonly events: number;
  readonly last: AppendResult;
};

type Step = { readonly streamId: string; readonly events: Event[] };

/**
 * Appends a flash sale's log the way the product writes it, through the domain deciders: an organizer's
 * event with zones, then buyers' holds that get paid and confirmed, declined and expire, lapse, are
 * cancelled, or are paid, cancelled and refunded; each booking's steps are appended in time order,
 * interleaved with every other booking's (replay tests and benchmarks).
 */
export async function simulateSale(store: EventStore, options: SimulatedSaleOptions): Promise<SimulatedSale> {
  const seed = options.seed ?? 1;
  const id = (label: string) => uuidFrom(`${seed}:${label}`);
  const random = mulberry32(seed);
  const minutes = options.minutes ?? 30;
  const openedAt = options.openedAt ?? new Date(Date.now() - minutes * 60_000);
  const organizerId = id('organizer');
  const eventId = id('event');
  const showId = id('show');
  const zoneIds = Array.from({ length: options.zones ?? 4 }, (_, index) => id(`zone-${index}`));
  const showStartsAt = new Date(openedAt.getTime() + 30 * 86_400_000);
  let appended = 0;
  let last: AppendResult | undefined;
  const append = async (step: Step) => {
    last = latest(last, await store.append(step.streamId, step.events));
    appended += step.events.length;
  };

  const organizer = { userId: organizerId, role: 'organizer' as const };
  const catalog = new Aggregate<CatalogCommand, CatalogEvent, unknown>(eventDecider, eventStreamId(eventId), {
    userId: organizerId,
    role: 'organizer',
    correlationId: id('catalog'),
  });
  const issued = { actor: organizer, now: new Date(openedAt.getTime() - 3_600_000).toISOString() };
  const catalogSteps = [
    catalog.run({
      type: 'CreateEvent',
      ...issued,
      eventId,
      slug: `simulated-sale-${seed}`,
      tenantId: null,
      details: {
        name: `Simulated sale ${seed}`,
        description: 'A flash sale replayed by tests and benchmarks',
        venue: 'Impact Arena',
        category: 'concert',
        startsAt: showStartsAt.toISOString(),
        saleStartsAt: openedAt.toISOString(),
        maxTicketsPerUser: 4,
      },
    }),
    catalog.run({ type: 'AddShow', ...issued, showId, startsAt: showStartsAt.toISOString() }),
    ...zoneIds.map((zoneId, index) =>
      catalog.run({
        type: 'AddZone',
        ...issued,
        showId,
        zoneId,
        name: `Zone ${String.fromCharCode(65 + index)}`,
        price: 150_000 - index * 25_000,
        currency: 'THB',
        capacity: options.bookings * 4,
      }),
    ),
    catalog.run({ type: 'PublishEvent', ...issued }),
  ];
  for (const step of catalogSteps) await append(step);

  const buyers = Array.from(
    { length: options.buyers ?? Math.max(1, Math.ceil(options.bookings / 3)) },
    (_, n) => id(`buyer-${n}`),
  );
  const stories = Array.from({ length: options.bookings }, (_, n) => {
    const at = new Date(openedAt.getTime() + Math.floor((n / options.bookings) * minutes * 60_000));
    const zoneIndex = Math.floor(random() * zoneIds.length);
    return bookingStory({
      id: (label) => id(`booking-${n}-${label}`),
      outcome: random(),
      userId: buyers[Math.floor(random() * buyers.length)]!,
      eventId,
      showId,
      zoneId: zoneIds[zoneIndex]!,
      unitPrice: 150_000 - zoneIndex * 25_000,
      quantity: 1 + Math.floor(random() * 4),
      at,
      showStartsAt,
    });
  });
  for (let round = 0; stories.some((story) => round < story.length); round += 1) {
    const steps = stories.flatMap((story) => (round < story.length ? [story[round]!] : []));
    await inParallel(steps, options.concurrency ?? 64, append);
  }
  if (!last) throw new Error('nothing appended');
  return { eventId, organizerId, zoneIds, events: appended, last };
}

type StoryInput = {
  readonly id: (label: string) => string;
  readonly outcome: number;
  readonly userId: string;
  readonly eventId: string;
  readonly showId: string;
  readonly zoneId: string;
  readonly unitPrice: number;
  readonly quantity: number;
  readonly at: Date;
  readonly showStartsAt: Date;
};

/** One booking's steps in time order: 55 % paid, 10 % declined then expired, 20 % lapse, 10 % cancelled, 5 % refunded. */
function bookingStory(input: StoryInput): Step[] {
  const { id, at } = input;
  const after = (seconds: number) => new Date(at.getTime() + seconds * 1000);
  const buyer: EventMetadata = {
    userId: input.userId,
    role: 'customer',
    ip: `203.0.113.${(input.userId.charCodeAt(0) % 200) + 1}`,
    userAgent: 'Mozilla/5.0 (simulated buyer)',
    correlationId: id('correlation'),
  };
  const system: EventMetadata = { correlationId: buyer.correlationId };
  const bookingId = id('booking');
  const paymentId = id('payment');
  const booking = new Aggregate<BookingCommand, BookingEvent, unknown>(
    bookingDecider,
    bookingStreamId(bookingId),
    buyer,
  );
  const payment = new Aggregate<PaymentCommand, PaymentEvent, unknown>(
    paymentDecider,
    paymentStreamId(paymentId),
    system,
  );
  const card = { token: id('card'), last4: '4242', brand: 'visa' };
  const steps: Step[] = [
    booking.run({
      type: 'Reserve',
      bookingId,
      userId: input.userId,
      eventId: input.eventId,
      showId: input.showId,
      zoneId: input.zoneId,
      quantity: input.quantity,
      unitPrice: input.unitPrice,
      currency: 'THB',
      expiresAt: after(600),
      now: at,
    }),
  ];
  const pay = () => {
    steps.push(
      booking.run({ type: 'RequestPayment', userId: input.userId, paymentId, card, now: after(60) }),
    );
    const amount = input.unitPrice * input.quantity;
    steps.push(
      payment.run({
        type: 'Request',
        paymentId,
        bookingId,
        userId: input.userId,
        amount,
        currency: 'THB',
        card,
        now: after(61),
      }),
    );
  };
  const succeed = () => {
    steps.push(payment.run({ type: 'RecordSuccess', chargeId: id('charge'), now: after(63) }));
    steps.push(
      booking.run(
        {
          type: 'Confirm',
          paymentId,
          confirmationCode: id('code').slice(0, 8).toUpperCase(),
          now: after(64),
        },
        system,
      ),
    );
  };
  if (input.outcome < 0.55) {
    pay();
    succeed();
  } else if (input.outcome < 0.65) {
    pay();
    steps.push(
      payment.run({
        type: 'RecordFailure',
        reason: 'DECLINED',
        message: 'card declined',
        attempts: 1,
        now: after(62),
      }),
    );
    steps.push(
      booking.run({ type: 'RecordPaymentFailure', paymentId, reason: 'DECLINED', now: after(63) }, system),
    );
    steps.push(booking.run({ type: 'Expire', now: after(601) }, system));
  } else if (input.outcome < 0.85) {
    steps.push(booking.run({ type: 'Expire', now: after(601) }, system));
  } else if (input.outcome < 0.95) {
    steps.push(
      booking.run({ type: 'Cancel', userId: input.userId, reason: 'changed my mind', now: after(120) }),
    );
  } else {
    pay();
    succeed();
    steps.push(
      booking.run({
        type: 'Cancel',
        userId: input.userId,
        reason: 'cannot attend',
        showStartsAt: input.showStartsAt,
        now: after(300),
      }),
    );
    const amount = input.unitPrice * input.quantity;
    const refundId = id('refund');
    steps.push(
      payment.run(
        { type: 'RequestRefund', refundId, amount, reason: 'BOOKING_CANCELLED', now: after(301) },
        system,
      ),
    );
    steps.push(
      payment.run({ type: 'RecordRefund', refundId, gatewayRefundId: id('gateway-refund'), now: after(302) }),
    );
    steps.push(
      booking.run(
        {
          type: 'RecordRefund',
          paymentId,
          refundId,
          amount,
          currency: 'THB',
          reason: 'BOOKING_CANCELLED',
          now: after(303),
        },
        system,
      ),
    );
  }
  return steps;
}

/** Decides commands in memory and chains each event's causation to the one before it. */
class Aggregate<Command, E extends Event, State> {
  private state: State;
  private causationId: string | undefined;
  private count = 0;

  constructor(
    private readonly decider: Decider<Command, E, State>,
    readonly streamId: string,
    private readonly metadata: EventMetadata,
  ) {
    this.state = decider.initialState;
  }

  run(command: Command, metadata: EventMetadata = this.metadata): Step {
    const events = this.decider.decide(command, this.state);
    this.state = events.reduce(this.decider.evolve, this.state);
    return {
      streamId: this.streamId,
      events: events.map((event) => {
        const eventId = uuidFrom(`${this.streamId}:${this.count++}`);
        const withMetadata = {
          ...event,
          id: eventId,
          metadata: { ...metadata, eventId, ...(this.causationId ? { causationId: this.causationId } : {}) },
        };
        this.causationId = eventId;
        return withMetadata;
      }),
    };
  }
}

function latest(current: AppendResult | undefined, next: AppendResult): AppendResult {
  return !current || next.checkpoint > current.checkpoint ? next : current;
}

async function inParallel<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

function uuidFrom(text: string): string {
  const hex = createHash('sha256').update(text).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** A small seeded PRNG: the same seed gives the same sale. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

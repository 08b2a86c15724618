// Recorded events for the audit projection's tests: a buyer's booking with its saga and payment in one
// correlation, sign-ups and sign-ins that carry secrets, and a longer mixed history for batching.
import type { EventMetadata } from '../../domain/shared';
import type { Checkpoint, RecordedEvent } from '../../infra/ports/event-store';

export const buyer = { userId: 'buyer-1', role: 'customer', tenantId: 'default' };
export const request = { ip: '203.0.113.7', userAgent: 'Mozilla/5.0 (audit test)' };
export const bookingId = 'b0000000-0000-4000-8000-000000000001';
export const paymentId = 'p0000000-0000-4000-8000-000000000001';
export const correlationId = 'corr-booking-1';

/** Secrets that appear in the history below and must never reach the audit log. */
export const secrets = {
  passwordHash: '$2b$12$abcdefghijklmnopqrstuuN9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92',
  tokenHash: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
  newTokenHash: '60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752',
  cardToken: 'tok_9a8b7c6d5e4f',
  cardNumber: '4242424242424242',
  groupedCardNumber: '4000 0000 0000 0002',
  accessToken: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJidXllci0xIn0.c2lnbmF0dXJl',
};

export class History {
  readonly events: RecordedEvent[] = [];
  private readonly revisions = new Map<string, number>();
  private clock = Date.UTC(2030, 2, 1, 10, 0, 0);

  append(
    streamId: string,
    type: string,
    data: Record<string, unknown>,
    metadata: EventMetadata = {},
  ): string {
    const position = this.events.length + 1;
    const revision = (this.revisions.get(streamId) ?? -1) + 1;
    this.revisions.set(streamId, revision);
    const id = `e0000000-0000-4000-8000-${String(position).padStart(12, '0')}`;
    this.clock += 1000;
    this.events.push({
      id,
      streamId,
      type,
      data,
      metadata: { eventId: id, ...metadata },
      revision,
      position,
      checkpoint: String(position).padStart(20, '0') as Checkpoint,
      createdAt: new Date(this.clock),
    });
    return id;
  }
}

/** Reserve, pay (saga and payment service in the same correlation), then a sign-up and a sign-in. */
export function bookingAndSignIn(): History {
  const h = new History();
  const byBuyer = { ...buyer, ...request, correlationId, traceparent: '00-abc-def-01' };
  const reserved = h.append(
    `booking-${bookingId}`,
    'BookingReserved',
    { bookingId, userId: buyer.userId, quantity: 2, totalPrice: 300000, currency: 'THB' },
    byBuyer,
  );
  const requested = h.append(
    `booking-${bookingId}`,
    'BookingPaymentRequested',
    { bookingId, paymentId, card: { token: secrets.cardToken, last4: '4242', brand: 'visa' } },
    { ...byBuyer, causationId: reserved },
  );
  h.append(
    `bookingSaga-${bookingId}`,
    'SagaPaymentRequested',
    { bookingId, paymentId, cardNumber: secrets.cardNumber, note: secrets.groupedCardNumber },
    { correlationId, causationId: requested, userId: 'system:booking-saga' },
  );
  h.append(
    `payment-${paymentId}`,
    'PaymentRequested',
    { paymentId, bookingId, card: { token: secrets.cardToken, last4: '4242', brand: 'visa' } },
    { correlationId, causationId: requested, userId: buyer.userId, tenantId: buyer.tenantId },
  );
  const signUp = { correlationId: 'corr-signup', ...request };
  h.append(
    'userCredentials-c1',
    'CredentialsCreated',
    { credentialsId: 'c1', userId: 'u2', passwordHash: secrets.passwordHash },
    signUp,
  );
  h.append(
    'user-u2',
    'UserRegistered',
    { userId: 'u2', email: 'u2@example.com', credentialsId: 'c1' },
    signUp,
  );
  h.append(
    'userSession-s1',
    'SessionStarted',
    { sessionId: 's1', userId: 'u2', tokenHash: secrets.tokenHash },
    { correlationId: 'corr-login', ...request, userId: 'u2', role: 'customer' },
  );
  h.append(
    'userSession-s1',
    'RefreshTokenRotated',
    {
      sessionId: 's1',
      tokenHash: secrets.tokenHash,
      newTokenHash: secrets.newTokenHash,
      nested: [{ authorization: `Bearer ${secrets.accessToken}`, raw: secrets.accessToken }],
    },
    { correlationId: 'corr-refresh', ...request },
  );
  h.append('event-x1', 'EventCreated', { name: 'Seeded' }, { actor: 'system:demo-seed' });
  return h;
}

/** `bookings` buyers each reserving and cancelling, with the sweeper expiring every third booking. */
export function mixedHistory(bookings: number): History {
  const h = bookingAndSignIn();
  for (let n = 0; n < bookings; n++) {
    const stream = `booking-mixed-${n}`;
    const who = { userId: `buyer-${n % 5}`, role: 'customer', correlationId: `corr-mixed-${n}`, ...request };
    h.append(stream, 'BookingReserved', { bookingId: `mixed-${n}`, quantity: 1 + (n % 4) }, who);
    if (n % 3 === 0) {
      h.append(stream, 'BookingExpired', { bookingId: `mixed-${n}` }, { userId: 'system:expiry-sweeper' });
    } else {
      h.append(stream, 'BookingCancelled', { bookingId: `mixed-${n}`, by: who.userId }, who);
    }
  }
  return h;
}

import { buyerId, mintTokens } from './buyers';

/**
 * Reserves `seats` single seats before the measurement (to empty the sold-out zone), each by its own
 * buyer, and returns the booking ids answered 201 (they count toward the store's BookingReserved).
 */
export async function preSell(options: {
  url: string;
  zoneId: string;
  seats: number;
  jwtSecret: string;
  tag: string;
  firstBuyer: number;
  keyPrefix: string;
}): Promise<string[]> {
  const tokens = await mintTokens(options.jwtSecret, options.tag, options.firstBuyer, options.seats);
  const ids: string[] = [];
  for (const [index, token] of tokens.entries()) {
    const response = await fetch(`${options.url}/api/v1/bookings`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${token}`,
        'idempotency-key': `${options.keyPrefix}pre-${index}`,
        'x-buyer': buyerId(options.tag, options.firstBuyer + index),
      },
      body: JSON.stringify({ zoneId: options.zoneId, quantity: 1 }),
    });
    const body = (await response.json()) as { data?: { id?: string } };
    if (response.status !== 201 || !body.data?.id) {
      throw new Error(`pre-sale reservation answered ${response.status}: ${JSON.stringify(body)}`);
    }
    ids.push(body.data.id);
  }
  return ids;
}

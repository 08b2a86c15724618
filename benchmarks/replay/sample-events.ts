const types = ['BookingReserved', 'PaymentRequested', 'BookingConfirmed', 'BookingExpired'];

/** `count` booking-shaped events (about 200 bytes each) numbered from `first`. */
export function sampleEvents(first: number, count: number) {
  return Array.from({ length: count }, (_, offset) => {
    const i = first + offset;
    return {
      type: types[i % types.length]!,
      data: {
        bookingId: `b${i}`,
        zoneId: `z${i % 50}`,
        userId: `u${i % 5000}`,
        quantity: 1 + (i % 4),
        unitPrice: 150000,
      },
      metadata: { correlationId: `c${first}`, userId: `u${i % 5000}` },
    };
  });
}

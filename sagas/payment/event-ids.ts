import { createHash } from 'node:crypto';

/** A name-based (version 5 style, SHA-1) uuid: the same name always gives the same id. */
export function nameUuid(name: string): string {
  const bytes = createHash('sha1').update(`booking-rush:payment:${name}`).digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * Ids of the events the payment service appends: one per payment outcome and one per refund, so a
 * redelivered message, or two processes handling it at once, append it once.
 */
export const outcomeEventId = (paymentId: string, outcome: 'succeeded' | 'failed'): string =>
  nameUuid(`${paymentId}|${outcome}`);
export const refundEventId = (paymentId: string, refundId: string): string =>
  nameUuid(`${paymentId}|refund|${refundId}`);

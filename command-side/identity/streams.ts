import { createHash } from 'node:crypto';
import { emailClaimStream, normaliseEmail } from '../../domain/identity';

/** The claim stream of an address: sha-256 of its normalised form, so any address makes a valid id. */
export function emailClaimStreamOf(email: string): string {
  return emailClaimStream(createHash('sha256').update(normaliseEmail(email)).digest('hex'));
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids identity generates are uuids; anything else from a URL or a token is unknown, never a stream name. */
export function isUuid(value: string): boolean {
  return uuid.test(value);
}

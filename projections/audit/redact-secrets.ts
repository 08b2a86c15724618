/** What an audit entry shows in place of a secret: the field stays, so an auditor sees it was there. */
export const redacted = '[REDACTED]';

// Field names of secrets: passwords and their hashes, session and card tokens, card numbers and codes,
// keys. Matched anywhere in the name (`passwordHash`, `newTokenHash`, `card.token`, `apiKey`).
const secretKey =
  /password|passwd|secret|token|hash|card_?number|^pan$|cvc|cvv|pin$|api_?key|private_?key|authorization|cookie/i;

// Values that are secrets whatever their field is called: password hashes (bcrypt, argon2, scrypt),
// card numbers (13–19 digits, optionally grouped) and signed tokens (JWT).
const secretValue = /^\$(2[abxy]?|argon2(id|i|d)?|scrypt)\$|^(\d[ -]?){12,18}\d$|^eyJ[\w-]+\.[\w-]+\.[\w-]*$/;

/** Nothing from a user or a client may turn a field into a MongoDB operator or a dotted path. */
const safeKey = (key: string): string => key.replace(/^\$/, '\uff04').replace(/\./g, '\uff0e');

/**
 * A copy of event data fit for the audit log: secret fields and secret-looking values replaced by
 * `[REDACTED]`, at any depth; keys made safe to store.
 */
export function redactSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactSecrets);
  if (typeof value === 'string') return secretValue.test(value) ? redacted : value;
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Date) return value;
  const copy: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    copy[safeKey(key)] = secretKey.test(key) ? redacted : redactSecrets(field);
  }
  return copy;
}

/** What a redacted secret reads as: the field stays, so a reader sees that it was there. */
export const redacted = '[REDACTED]';

// Field names of secrets: passwords and their hashes, session and card tokens, card numbers and codes,
// keys. Matched anywhere in the name (`passwordHash`, `newTokenHash`, `card.token`, `apiKey`).
const secretKey =
  /password|passwd|secret|token|hash|card_?number|^pan$|cvc|cvv|pin$|api_?key|private_?key|authorization|cookie/i;

// Values that are secrets whatever their field is called: password hashes (bcrypt, argon2, scrypt),
// card numbers (13–19 digits, optionally grouped) and signed tokens (JWT).
const secretValue = /^\$(2[abxy]?|argon2(id|i|d)?|scrypt)\$|^(\d[ -]?){12,18}\d$|^eyJ[\w-]+\.[\w-]+\.[\w-]*$/;

// In a stream of secrets (`secretStreamCategories`), only ids, times and reasons are known to be safe:
// a text field added later is hidden until someone decides otherwise.
const publicInSecretStream = /(Id|At)$|^id$|^reason$/;

export type RedactOptions = {
  /** The data comes from a stream whose category holds secrets: every other text value is hidden too. */
  readonly secretStream?: boolean;
  /** Renames every key of the copy (the audit log makes keys safe to store in MongoDB). */
  readonly renameKey?: (key: string) => string;
};

/**
 * A copy of event data fit to leave the write side (audit log, admin stream browser, feed, CLI):
 * secret fields and secret-looking values replaced by `[REDACTED]`, at any depth. The one redaction
 * every reader of raw events applies.
 */
export function redactSecrets(value: unknown, options: RedactOptions = {}): unknown {
  return redact(value, undefined, options);
}

function redact(value: unknown, key: string | undefined, options: RedactOptions): unknown {
  if (key !== undefined && secretKey.test(key)) return redacted;
  if (Array.isArray(value)) return value.map((item) => redact(item, undefined, options));
  if (typeof value === 'string') {
    if (secretValue.test(value)) return redacted;
    const hidden = options.secretStream && !(key !== undefined && publicInSecretStream.test(key));
    return hidden ? redacted : value;
  }
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Date) return value;
  const copy: Record<string, unknown> = {};
  for (const [field, inner] of Object.entries(value)) {
    copy[options.renameKey ? options.renameKey(field) : field] = redact(inner, field, options);
  }
  return copy;
}

import { positionField, type Filter, type GuardedUpdate } from './document-store';

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;

/**
 * Checks that a guarded key is equality on plain values: an operator could match several documents or
 * none that an upsert can create, and the derived `_id` must name one document.
 */
export function assertGuardedKey(key: Filter): void {
  const entries = Object.entries(key);
  if (entries.length === 0) throw new TypeError('upsertWithGuard needs a non-empty key');
  for (const [field, value] of entries) {
    if (field.startsWith('$') || field === positionField) {
      throw new TypeError(`upsertWithGuard key may not use ${field}`);
    }
    if (isPlainObject(value) || Array.isArray(value) || value === undefined) {
      throw new TypeError(`upsertWithGuard key field ${field} must be a plain value`);
    }
  }
}

/** Rejects updates that write the guard field itself, or one field twice (MongoDB refuses those). */
export function assertGuardedUpdate(update: GuardedUpdate): void {
  if (!Number.isFinite(update.position)) throw new TypeError('upsertWithGuard needs a finite position');
  const seen = new Set<string>([positionField]);
  for (const part of [update.inc, update.set, update.setOnInsert]) {
    for (const field of Object.keys(part ?? {})) {
      if (seen.has(field)) throw new TypeError(`upsertWithGuard writes ${field} twice or writes the guard`);
      seen.add(field);
    }
  }
}

const encode = (value: unknown): string =>
  value instanceof Date ? `D${value.toISOString()}` : JSON.stringify(value);

/**
 * The `_id` of a document created by `upsertWithGuard`: the key's fields in name order, so every
 * adapter and every racing writer derive the same one.
 */
export function guardedDocumentId(key: Filter): unknown {
  if ('_id' in key) return key._id;
  return Object.keys(key)
    .sort()
    .map((field) => `${field}=${encode(key[field])}`)
    .join('|');
}

/**
 * The filter that selects the document of `key` only while its stored position is below `position`:
 * every adapter tests exactly this, so a stored document it does not match means "already applied".
 */
export function guardFilter(key: Filter, position: number): Filter {
  return {
    ...key,
    _id: guardedDocumentId(key),
    $or: [{ [positionField]: { $lt: position } }, { [positionField]: { $exists: false } }],
  };
}

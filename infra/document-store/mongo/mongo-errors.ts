const duplicateKey = 11000;
const notImplemented = 238;
const namespaceNotFound = 26;

const codeOf = (error: unknown): unknown =>
  typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;

/** A write refused by a unique index (including `_id`). */
export const isDuplicateKey = (error: unknown): boolean => codeOf(error) === duplicateKey;

/** FerretDB answers a TTL index with NotImplemented: it cannot expire documents. */
export const isTtlNotImplemented = (error: unknown): boolean =>
  codeOf(error) === notImplemented && error instanceof Error && /expireAfterSeconds/.test(error.message);

/**
 * How many documents an unordered bulk insert left out when every refusal was a unique-index violation;
 * undefined for any other error (it must surface).
 */
export function duplicatesOnly(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const writeErrors = (error as { writeErrors?: unknown }).writeErrors;
  const refusals = Array.isArray(writeErrors) ? writeErrors : writeErrors ? [writeErrors] : [];
  if (refusals.length === 0) return isDuplicateKey(error) ? 1 : undefined;
  return refusals.every(isDuplicateKey) ? refusals.length : undefined;
}

export const isNamespaceNotFound = (error: unknown): boolean => codeOf(error) === namespaceNotFound;

/** The URL without its password, fit for an error message. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}

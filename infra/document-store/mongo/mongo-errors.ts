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

export const isNamespaceNotFound = (error: unknown): boolean => codeOf(error) === namespaceNotFound;

/** The URL without its password, fit for an error message. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}

import type { Doc, Fields, IndexSpec } from '../../ports/document-store';

const encode = (value: unknown): string =>
  value instanceof Date ? `D${value.getTime()}` : JSON.stringify(value === undefined ? null : value);

const valueAt = (doc: Doc, path: string): unknown =>
  path
    .split('.')
    .reduce<unknown>((value, part) => (value as Record<string, unknown> | undefined)?.[part], doc);

/** The index key of a document; like MongoDB, a missing field counts as null. */
const keyOf = (doc: Doc, fields: Fields): string =>
  Object.keys(fields)
    .map((path) => encode(valueAt(doc, path)))
    .join('\u0000');

export const idKey = (id: unknown): string => encode(id);

export const idIndex: IndexSpec = { fields: { _id: 1 }, unique: true };

/** The first declared unique index `doc` would violate beside `others` (`_id` is checked by key). */
export function violatedDeclaredIndex(
  doc: Doc,
  others: readonly Doc[],
  specs: readonly IndexSpec[],
): IndexSpec | undefined {
  for (const spec of specs) {
    if (!spec.unique) continue;
    const key = keyOf(doc, spec.fields);
    if (others.some((other) => other !== doc && keyOf(other, spec.fields) === key)) return spec;
  }
  return undefined;
}

export class DuplicateKeyError extends Error {
  constructor(collection: string, spec: IndexSpec) {
    super(`duplicate key in ${collection} on ${Object.keys(spec.fields).join(', ')}`);
  }
}

export const sameFields = (a: Fields, b: Fields): boolean => JSON.stringify(a) === JSON.stringify(b);

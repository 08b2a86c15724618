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

/**
 * The declared unique indexes' keys, each mapped to the `idKey` of the document holding it, so a write
 * checks its keys in constant time instead of comparing against every stored document.
 */
export class UniqueKeys {
  private readonly owners = new Map<IndexSpec, Map<string, string>>();

  /** Starts tracking `spec` over `docs`; undefined when two of them already share a key. */
  track(spec: IndexSpec, docs: Iterable<Doc>): IndexSpec | undefined {
    const owners = new Map<string, string>();
    for (const doc of docs) {
      const key = keyOf(doc, spec.fields);
      if (owners.has(key)) return spec;
      owners.set(key, idKey(doc._id));
    }
    this.owners.set(spec, owners);
    return undefined;
  }

  /** The first index on which `doc` would take a key another document holds (`replacing` excluded). */
  violation(doc: Doc, replacing: Doc | undefined): IndexSpec | undefined {
    const replacedId = replacing === undefined ? undefined : idKey(replacing._id);
    for (const [spec, owners] of this.owners) {
      const owner = owners.get(keyOf(doc, spec.fields));
      if (owner !== undefined && owner !== replacedId) return spec;
    }
    return undefined;
  }

  add(doc: Doc): void {
    for (const [spec, owners] of this.owners) owners.set(keyOf(doc, spec.fields), idKey(doc._id));
  }

  remove(doc: Doc): void {
    const id = idKey(doc._id);
    for (const [spec, owners] of this.owners) {
      const key = keyOf(doc, spec.fields);
      if (owners.get(key) === id) owners.delete(key);
    }
  }

  /** Recomputes every tracked index over `docs` (after documents left in bulk). */
  reset(docs: readonly Doc[]): void {
    for (const spec of [...this.owners.keys()]) this.track(spec, docs);
  }

  clear(): void {
    this.owners.clear();
  }
}

export class DuplicateKeyError extends Error {
  constructor(collection: string, spec: IndexSpec) {
    super(`duplicate key in ${collection} on ${Object.keys(spec.fields).join(', ')}`);
  }
}

export const sameFields = (a: Fields, b: Fields): boolean => JSON.stringify(a) === JSON.stringify(b);

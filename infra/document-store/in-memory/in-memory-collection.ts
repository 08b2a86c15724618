import { randomBytes } from 'node:crypto';
import { aggregate, find, Query, update as applyModifier } from 'mingo';
import {
  assertGuardedKey,
  assertGuardedUpdate,
  guardedDocumentId,
  guardFilter,
  positionField,
  type Doc,
  type DocumentCollection,
  type EnsureIndexesResult,
  type Filter,
  type FindOptions,
  type GuardedResult,
  type GuardedUpdate,
  type IndexSpec,
  type InsertManyResult,
  type InsertResult,
  type PipelineStage,
  type Update,
} from '../../ports/document-store';
import { unexpired } from './expiry';
import { compileSimpleFilter, type DocumentTest } from './simple-filter';
import { applySimpleUpdate } from './simple-update';
import { DuplicateKeyError, idIndex, idKey, sameFields, UniqueKeys } from './unique-indexes';

/**
 * One collection held in memory with MongoDB query semantics (mingo). Every method does its work
 * synchronously before resolving, so concurrent calls cannot interleave (the atomicity MongoDB gives
 * per document). Documents are deep-copied in and out. Documents are kept by `_id`, so inserts and
 * guarded upserts (what projections do per event) take constant time, declared unique indexes are kept
 * as maps of their keys (checked in constant time too), and a filter that names an `_id` reads that one
 * document: only other queries and TTL indexes scan, so a replay or a burst of notifications stays linear.
 */
export class InMemoryCollection<T extends Doc> implements DocumentCollection<T> {
  /** By `idKey(_id)`, in insertion order (MongoDB's natural order). */
  private docs = new Map<string, Doc>();
  private indexes: IndexSpec[] = [];
  private readonly uniqueKeys = new UniqueKeys();

  constructor(
    readonly name: string,
    private readonly now: () => number,
  ) {}

  async ensureIndexes(specs: readonly IndexSpec[]): Promise<EnsureIndexesResult> {
    for (const spec of specs) {
      const existing = this.indexes.find((index) => sameFields(index.fields, spec.fields));
      if (existing) {
        if (!!existing.unique !== !!spec.unique || existing.expireAfterSeconds !== spec.expireAfterSeconds) {
          throw new Error(`index on ${Object.keys(spec.fields).join(', ')} exists with other options`);
        }
        continue;
      }
      const index = { ...spec };
      if (index.unique && this.uniqueKeys.track(index, this.docs.values())) {
        throw new DuplicateKeyError(this.name, spec);
      }
      this.indexes.push(index);
    }
    return { expiresDocuments: true };
  }

  async insertOne(doc: T): Promise<InsertResult> {
    this.purgeExpired();
    return this.insert(doc) ? { ok: true } : { ok: false, reason: 'DUPLICATE' };
  }

  async insertMany(docs: readonly T[]): Promise<InsertManyResult> {
    this.purgeExpired();
    const inserted = docs.filter((doc) => this.insert(doc)).length;
    return { inserted, duplicates: docs.length - inserted };
  }

  async upsertWithGuard(key: Filter, update: GuardedUpdate): Promise<GuardedResult> {
    assertGuardedKey(key);
    assertGuardedUpdate(update);
    this.purgeExpired();
    const id = guardedDocumentId(key);
    const existing = this.docs.get(idKey(id));
    if (existing && !testOf(guardFilter(key, update.position))(existing)) return { applied: false };
    const next: Doc = existing ? structuredClone(existing) : { ...structuredClone(key), _id: id };
    const set = { ...(existing ? {} : update.setOnInsert), ...update.set, [positionField]: update.position };
    modify(next, { $set: structuredClone(set), ...(update.inc ? { $inc: { ...update.inc } } : {}) });
    if (this.uniqueKeys.violation(next, existing)) return { applied: false };
    this.replace(existing, next);
    return { applied: true };
  }

  async updateOne(filter: Filter, update: Update): Promise<number> {
    this.purgeExpired();
    const existing = this.firstMatch(filter);
    if (!existing) return 0;
    const next = structuredClone(existing);
    modify(next, {
      ...(update.set ? { $set: structuredClone({ ...update.set }) } : {}),
      ...(update.inc ? { $inc: { ...update.inc } } : {}),
    });
    if (idKey(next._id) !== idKey(existing._id)) throw new DuplicateKeyError(this.name, idIndex);
    const violated = this.uniqueKeys.violation(next, existing);
    if (violated) throw new DuplicateKeyError(this.name, violated);
    this.replace(existing, next);
    return 1;
  }

  async find(filter: Filter = {}, options: FindOptions = {}): Promise<T[]> {
    this.purgeExpired();
    const test = testOf(filter);
    const matched = this.candidates(filter).filter(test);
    if (!options.sort && !options.projection) {
      const from = options.skip ?? 0;
      const to = options.limit !== undefined && options.limit > 0 ? from + options.limit : undefined;
      return structuredClone(matched.slice(from, to)) as T[];
    }
    let cursor = find(matched, {}, options.projection ? { ...options.projection } : undefined);
    if (options.sort) cursor = cursor.sort({ ...options.sort });
    if (options.skip !== undefined) cursor = cursor.skip(options.skip);
    if (options.limit !== undefined && options.limit > 0) cursor = cursor.limit(options.limit);
    return structuredClone(cursor.all()) as T[];
  }

  async count(filter: Filter = {}): Promise<number> {
    this.purgeExpired();
    const test = testOf(filter);
    return this.stored().filter(test).length;
  }

  async aggregate<R extends Doc = Doc>(pipeline: readonly PipelineStage[]): Promise<R[]> {
    this.purgeExpired();
    const stages = pipeline.map((stage) => ({ ...stage }));
    return structuredClone(aggregate(structuredClone(this.stored()), stages)) as R[];
  }

  async deleteMany(filter: Filter): Promise<number> {
    this.purgeExpired();
    const test = testOf(filter);
    let deleted = 0;
    for (const [key, doc] of this.docs) {
      if (test(doc)) {
        this.docs.delete(key);
        this.uniqueKeys.remove(doc);
        deleted += 1;
      }
    }
    return deleted;
  }

  async drop(): Promise<void> {
    this.docs = new Map();
    this.indexes = [];
    this.uniqueKeys.clear();
  }

  /** False when a unique index refuses the document. */
  private insert(doc: T): boolean {
    const stored: Doc = structuredClone(doc);
    if (stored._id === undefined) stored._id = randomBytes(12).toString('hex');
    const key = idKey(stored._id);
    if (this.docs.has(key)) return false;
    if (this.uniqueKeys.violation(stored, undefined)) return false;
    this.docs.set(key, stored);
    this.uniqueKeys.add(stored);
    return true;
  }

  /** Puts `next` where `existing` was (or adds it), keeping the unique keys in step. */
  private replace(existing: Doc | undefined, next: Doc): void {
    if (existing) this.uniqueKeys.remove(existing);
    this.docs.set(idKey(next._id), next);
    this.uniqueKeys.add(next);
  }

  /** The documents a filter can match: the one its plain `_id` names, else all of them. */
  private candidates(filter: Filter): Doc[] {
    const id = filter._id;
    if (id === undefined || isOperatorObject(id)) return this.stored();
    const doc = this.docs.get(idKey(id));
    return doc ? [doc] : [];
  }

  private stored(): Doc[] {
    return [...this.docs.values()];
  }

  /** A filter naming a plain `_id` reads that document; any other filter scans in natural order. */
  private firstMatch(filter: Filter): Doc | undefined {
    const keys = Object.keys(filter);
    const id = filter._id;
    if (keys.length === 1 && keys[0] === '_id' && !isOperatorObject(id)) return this.docs.get(idKey(id));
    const test = testOf(filter);
    for (const doc of id === undefined || isOperatorObject(id)
      ? this.docs.values()
      : this.candidates(filter)) {
      if (test(doc)) return doc;
    }
    return undefined;
  }

  /** Like MongoDB's TTL monitor, but run before every read and write, so expiry is exact. */
  private purgeExpired(): void {
    if (!this.indexes.some((index) => index.expireAfterSeconds !== undefined)) return;
    const stored = this.stored();
    const left = unexpired(stored, this.indexes, this.now());
    if (left.length === stored.length) return;
    this.docs = new Map(left.map((doc) => [idKey(doc._id), doc]));
    this.uniqueKeys.reset(left);
  }
}

/** A plain function for the common filters, else mingo's compiled query. */
function testOf(filter: Filter): DocumentTest {
  const simple = compileSimpleFilter(filter);
  if (simple) return simple;
  const query = new Query(filter);
  return (doc) => query.test(doc);
}

/** `$set` and `$inc` of top-level fields directly, anything else through mingo. */
function modify(doc: Doc, modifier: Parameters<typeof applySimpleUpdate>[1]): void {
  if (!applySimpleUpdate(doc, modifier)) applyModifier(doc, modifier);
}

function isOperatorObject(value: unknown): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    !(value instanceof Date) &&
    Object.keys(value).some((key) => key.startsWith('$'))
  );
}

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
import { DuplicateKeyError, idKey, sameFields, violatedDeclaredIndex, violatedIndex } from './unique-indexes';

/**
 * One collection held in memory with MongoDB query semantics (mingo). Every method does its work
 * synchronously before resolving, so concurrent calls cannot interleave (the atomicity MongoDB gives
 * per document). Documents are deep-copied in and out.
 */
export class InMemoryCollection<T extends Doc> implements DocumentCollection<T> {
  private docs: Doc[] = [];
  /** `idKey` of every stored `_id`: inserts check `_id` in constant time, so a replay stays linear. */
  private ids = new Set<string>();
  private indexes: IndexSpec[] = [];

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
      const clash = spec.unique && this.docs.find((doc) => violatedIndex(doc, this.docs, [spec]));
      if (clash) throw new DuplicateKeyError(this.name, spec);
      this.indexes.push({ ...spec });
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
    const index = this.docs.findIndex((doc) => idKey(doc._id) === idKey(id));
    const existing = this.docs[index];
    if (existing && !new Query(guardFilter(key, update.position)).test(existing)) return { applied: false };
    const next: Doc = existing ? structuredClone(existing) : { ...structuredClone(key), _id: id };
    const set = { ...(existing ? {} : update.setOnInsert), ...update.set, [positionField]: update.position };
    applyModifier(next, { $set: structuredClone(set), ...(update.inc ? { $inc: { ...update.inc } } : {}) });
    if (violatedIndex(next, this.othersThan(existing), this.indexes)) return { applied: false };
    if (existing) this.docs[index] = next;
    else this.push(next);
    return { applied: true };
  }

  async updateOne(filter: Filter, update: Update): Promise<number> {
    this.purgeExpired();
    const query = new Query(filter);
    const index = this.docs.findIndex((doc) => query.test(doc));
    const existing = this.docs[index];
    if (!existing) return 0;
    const next = structuredClone(existing);
    applyModifier(next, {
      ...(update.set ? { $set: structuredClone({ ...update.set }) } : {}),
      ...(update.inc ? { $inc: { ...update.inc } } : {}),
    });
    const violated = violatedIndex(next, this.othersThan(existing), this.indexes);
    if (violated) throw new DuplicateKeyError(this.name, violated);
    this.docs[index] = next;
    return 1;
  }

  async find(filter: Filter = {}, options: FindOptions = {}): Promise<T[]> {
    this.purgeExpired();
    let cursor = find(this.docs, filter, options.projection ? { ...options.projection } : undefined);
    if (options.sort) cursor = cursor.sort({ ...options.sort });
    if (options.skip !== undefined) cursor = cursor.skip(options.skip);
    if (options.limit !== undefined && options.limit > 0) cursor = cursor.limit(options.limit);
    return structuredClone(cursor.all()) as T[];
  }

  async count(filter: Filter = {}): Promise<number> {
    this.purgeExpired();
    const query = new Query(filter);
    return this.docs.filter((doc) => query.test(doc)).length;
  }

  async aggregate<R extends Doc = Doc>(pipeline: readonly PipelineStage[]): Promise<R[]> {
    this.purgeExpired();
    const stages = pipeline.map((stage) => ({ ...stage }));
    return structuredClone(aggregate(structuredClone(this.docs), stages)) as R[];
  }

  async deleteMany(filter: Filter): Promise<number> {
    this.purgeExpired();
    const query = new Query(filter);
    const before = this.docs.length;
    this.replaceAll(this.docs.filter((doc) => !query.test(doc)));
    return before - this.docs.length;
  }

  async drop(): Promise<void> {
    this.replaceAll([]);
    this.indexes = [];
  }

  /** False when a unique index refuses the document. */
  private insert(doc: T): boolean {
    const stored: Doc = structuredClone(doc);
    if (stored._id === undefined) stored._id = randomBytes(12).toString('hex');
    if (this.ids.has(idKey(stored._id))) return false;
    if (violatedDeclaredIndex(stored, this.docs, this.indexes)) return false;
    this.push(stored);
    return true;
  }

  private push(doc: Doc): void {
    this.docs.push(doc);
    this.ids.add(idKey(doc._id));
  }

  private replaceAll(docs: Doc[]): void {
    this.docs = docs;
    this.ids = new Set(docs.map((doc) => idKey(doc._id)));
  }

  private othersThan(replaced: Doc | undefined): Doc[] {
    return this.docs.filter((doc) => doc !== replaced);
  }

  /** Like MongoDB's TTL monitor, but run before every read and write, so expiry is exact. */
  private purgeExpired(): void {
    const left = unexpired(this.docs, this.indexes, this.now());
    if (left.length !== this.docs.length) this.replaceAll(left);
  }
}

import { aggregate as aggregateInProcess } from 'mingo';
import type mongoose from 'mongoose';
import {
  assertGuardedKey,
  assertGuardedUpdate,
  guardFilter,
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
import { guardedModifier, plainModifier } from './modifiers';
import { duplicatesOnly, isDuplicateKey, isNamespaceNotFound, isTtlNotImplemented } from './mongo-errors';
import type { SerialQueue, ServerTraits } from './server-traits';

type NativeCollection = mongoose.mongo.Collection<mongoose.mongo.Document>;
type NativeFilter = mongoose.mongo.Filter<mongoose.mongo.Document>;

/** One collection through the native driver under mongoose (read models need no schemas). */
export class MongoCollection<T extends Doc> implements DocumentCollection<T> {
  constructor(
    private readonly native: NativeCollection,
    private readonly traits: ServerTraits,
    private readonly updates: SerialQueue,
  ) {}

  get name(): string {
    return this.native.collectionName;
  }

  async ensureIndexes(specs: readonly IndexSpec[]): Promise<EnsureIndexesResult> {
    let expiresDocuments = true;
    for (const spec of specs) {
      const options = spec.unique ? { unique: true } : {};
      if (spec.expireAfterSeconds === undefined) {
        await this.native.createIndex({ ...spec.fields }, options);
        continue;
      }
      try {
        await this.native.createIndex(
          { ...spec.fields },
          { ...options, expireAfterSeconds: spec.expireAfterSeconds },
        );
      } catch (error) {
        if (!isTtlNotImplemented(error)) throw error;
        // The index still serves the owner's own clean-up queries on the date field.
        await this.native.createIndex({ ...spec.fields }, options);
        expiresDocuments = false;
      }
    }
    return { expiresDocuments };
  }

  async insertOne(doc: T): Promise<InsertResult> {
    try {
      // A copy: the driver writes the generated `_id` into the object it is given.
      await this.native.insertOne({ ...doc });
      return { ok: true };
    } catch (error) {
      if (isDuplicateKey(error)) return { ok: false, reason: 'DUPLICATE' };
      throw error;
    }
  }

  async insertMany(docs: readonly T[]): Promise<InsertManyResult> {
    if (docs.length === 0) return { inserted: 0, duplicates: 0 };
    try {
      // Copies, as in insertOne.
      const result = await this.native.insertMany(
        docs.map((doc) => ({ ...doc })),
        { ordered: false },
      );
      return { inserted: result.insertedCount, duplicates: 0 };
    } catch (error) {
      const refused = duplicatesOnly(error);
      if (refused === undefined) throw error;
      return { inserted: docs.length - refused, duplicates: refused };
    }
  }

  async upsertWithGuard(key: Filter, update: GuardedUpdate): Promise<GuardedResult> {
    assertGuardedKey(key);
    assertGuardedUpdate(update);
    // One atomic update with the guard in its filter. When the document exists but the guard fails, the
    // upsert tries to insert a second one with the same `_id`, and the unique `_id` index refuses it:
    // that refusal (like losing a race to create the document) means "already applied".
    const filter = guardFilter(key, update.position) as NativeFilter;
    try {
      const result = await this.update(() =>
        this.native.updateOne(filter, guardedModifier(update), { upsert: true }),
      );
      return { applied: result.matchedCount + result.upsertedCount > 0 };
    } catch (error) {
      if (isDuplicateKey(error)) return { applied: false };
      throw error;
    }
  }

  async updateOne(filter: Filter, update: Update): Promise<number> {
    const modifier = plainModifier(update);
    if (!modifier) return this.native.countDocuments(filter, { limit: 1 });
    const result = await this.update(() => this.native.updateOne(filter, modifier));
    return result.matchedCount;
  }

  async find(filter: Filter = {}, options: FindOptions = {}): Promise<T[]> {
    let cursor = this.native.find(filter);
    if (options.projection) cursor = cursor.project({ ...options.projection });
    if (options.sort) cursor = cursor.sort({ ...options.sort });
    if (options.skip !== undefined) cursor = cursor.skip(options.skip);
    if (options.limit !== undefined) cursor = cursor.limit(options.limit);
    return (await cursor.toArray()) as unknown as T[];
  }

  count(filter: Filter = {}): Promise<number> {
    return this.native.countDocuments(filter);
  }

  async aggregate<R extends Doc = Doc>(pipeline: readonly PipelineStage[]): Promise<R[]> {
    const stages = pipeline.map((stage) => ({ ...stage }));
    if (this.traits.fullAggregation) return (await this.native.aggregate(stages).toArray()) as R[];
    const onServer = stages.findIndex((stage) => !('$match' in stage));
    const split = onServer === -1 ? stages.length : onServer;
    const matched = await this.native.aggregate(stages.slice(0, split)).toArray();
    return aggregateInProcess(matched, stages.slice(split)) as R[];
  }

  async deleteMany(filter: Filter): Promise<number> {
    return (await this.native.deleteMany(filter)).deletedCount;
  }

  private update<R>(write: () => Promise<R>): Promise<R> {
    return this.traits.atomicUpdates ? write() : this.updates.run(write);
  }

  async drop(): Promise<void> {
    try {
      await this.native.drop();
    } catch (error) {
      if (!isNamespaceNotFound(error)) throw error;
    }
  }
}

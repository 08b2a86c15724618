/** A stored document: plain data (strings, numbers, booleans, null, Dates, arrays, nested objects). */
export type Doc = Record<string, unknown>;

/**
 * A query in MongoDB syntax. Adapters support at least equality, `$eq`, `$ne`, `$gt`, `$gte`, `$lt`,
 * `$lte`, `$in`, `$nin`, `$exists`, `$regex`, `$and` and `$or`, on dotted paths.
 */
export type Filter = Record<string, unknown>;

/** 1 ascending, -1 descending; key order is significant (compound index or sort). */
export type Direction = 1 | -1;
export type Fields = Readonly<Record<string, Direction>>;

export type IndexSpec = {
  readonly fields: Fields;
  readonly unique?: boolean;
  /** TTL index: a document expires this long after the Date in its (single) indexed field. */
  readonly expireAfterSeconds?: number;
};

export type EnsureIndexesResult = {
  /**
   * False when a TTL index was created as a plain index because the server cannot expire documents
   * (FerretDB): the owner must then delete old documents itself (`deleteMany` on the date field).
   */
  readonly expiresDocuments: boolean;
};

export type InsertResult = { readonly ok: true } | { readonly ok: false; readonly reason: 'DUPLICATE' };

export type InsertManyResult = {
  readonly inserted: number;
  /** Documents refused by a unique index (including `_id`); the stored ones stay as they were. */
  readonly duplicates: number;
};

/**
 * The field holding the position (see `GuardedUpdate.position`) of the last event folded into a guarded document. Readers
 * may see it on returned documents; writers must never set or increment it themselves.
 */
export const positionField = '_position';

export type GuardedUpdate = {
  /**
   * Where the event being folded in stands in the order its projection reads the log (a document
   * projection's `sequence`: it only grows, unlike global positions committed out of order).
   */
  readonly position: number;
  readonly inc?: Readonly<Record<string, number>>;
  readonly set?: Readonly<Record<string, unknown>>;
  /** Fields written only when the document is created (must not overlap `set` or `inc`). */
  readonly setOnInsert?: Readonly<Record<string, unknown>>;
};

export type GuardedResult = { readonly applied: boolean };

export type Update = {
  readonly set?: Readonly<Record<string, unknown>>;
  readonly inc?: Readonly<Record<string, number>>;
};

export type FindOptions = {
  readonly sort?: Fields;
  readonly limit?: number;
  readonly skip?: number;
  /** Inclusion (1) or exclusion (0) projection, MongoDB style; `_id` is included unless excluded. */
  readonly projection?: Readonly<Record<string, 0 | 1>>;
};

/** Aggregation stages the read models need: enough for dashboard totals, nothing more. */
export type PipelineStage =
  | { readonly $match: Filter }
  | { readonly $group: { readonly _id: unknown } & Readonly<Record<string, unknown>> }
  | { readonly $sort: Fields }
  | { readonly $limit: number }
  | { readonly $project: Readonly<Record<string, unknown>> };

export interface DocumentCollection<T extends Doc = Doc> {
  readonly name: string;
  /** Creates missing indexes; running it again with the same specs changes nothing. */
  ensureIndexes(specs: readonly IndexSpec[]): Promise<EnsureIndexesResult>;
  /** Reports a unique-index violation as `DUPLICATE` (the stored document stays as it was). */
  insertOne(doc: T): Promise<InsertResult>;
  /**
   * Inserts many documents in one round trip, unordered: a document refused by a unique index is
   * counted in `duplicates` and the others are still inserted (a re-applied batch inserts nothing twice).
   */
  insertMany(docs: readonly T[]): Promise<InsertManyResult>;
  /**
   * Folds one event into the document selected by `key` (equality on plain values only), creating it
   * when absent; applies only when the stored position is lower than `update.position` (or absent), so
   * replays and redeliveries apply once, even when they race. A document created here gets an `_id`
   * derived from `key` (unless `key` names `_id`), whose unique index settles a racing first apply.
   */
  upsertWithGuard(key: Filter, update: GuardedUpdate): Promise<GuardedResult>;
  /** Updates the first matching document; resolves to the number matched (0 or 1). */
  updateOne(filter: Filter, update: Update): Promise<number>;
  find(filter?: Filter, options?: FindOptions): Promise<T[]>;
  count(filter?: Filter): Promise<number>;
  aggregate<R extends Doc = Doc>(pipeline: readonly PipelineStage[]): Promise<R[]>;
  /** Resolves to the number deleted. */
  deleteMany(filter: Filter): Promise<number>;
  /** Removes the collection with its documents and indexes; dropping a missing one is not an error. */
  drop(): Promise<void>;
}

/**
 * The narrow document port behind the Mongo read models (analytics counters, daily aggregates, audit
 * documents, notification records). Adapters: MongoDB (mongoose driver) and in-memory (mingo).
 */
export interface DocumentStore {
  collection<T extends Doc = Doc>(name: string): DocumentCollection<T>;
  /** Drops every collection (rebuilds and tests). */
  dropDatabase(): Promise<void>;
  close(): Promise<void>;
}

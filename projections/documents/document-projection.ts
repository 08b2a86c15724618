import type { DocumentCollection, Doc } from '../../infra/ports/document-store';
import type { RecordedEvent } from '../../infra/ports/event-store';
import type { ProjectionFilter } from '../../infra/log-follower';

/**
 * An event as a document projection sees it: `sequence` numbers the events this projection has read,
 * 1, 2, 3… in read order. Unlike the global position (which concurrent appends may commit out of
 * order), it only grows, so it is the value for position guards.
 */
export type SequencedEvent = RecordedEvent & { readonly sequence: number };

/** The collections of one generation of a document projection, by logical name. */
export interface GenerationCollections {
  readonly generation: number;
  /**
   * Identifies the store these collections live in (the same object for every batch on it): a
   * projection that caches what it wrote keys the cache by it, never sharing one between stores.
   */
  readonly scope: object;
  /** `analytics_minutes` → `analytics_minutes_g3`; throws for a name the projection does not own. */
  get<T extends Doc = Doc>(logical: string): DocumentCollection<T>;
}

/**
 * A read model in the document store (MongoDB; in memory in the embedded mode), fed from the global log.
 *
 * Exactly-once effect without transactions: `apply` must be idempotent for a repeated batch. The runner
 * guarantees that a batch interrupted by a crash is re-applied first and with exactly the same events,
 * so a projection folds each batch into per-document changes and writes them with
 * `upsertWithGuard(key, { position: <highest sequence folded into that document>, … })`, and inserts
 * documents whose `_id` derives from the event (a duplicate is then a no-op).
 */
export interface DocumentProjection {
  /** Stable name, e.g. `analytics`; keys the state document and the single-instance lock. */
  readonly name: string;
  /** Bump when the documents or the logic change: the next start rebuilds from the first event. */
  readonly version: number;
  /** Logical collection names it owns; each generation gets its own physical collections. */
  readonly collections: readonly string[];
  readonly filter?: ProjectionFilter;
  /** Creates the indexes of one generation's collections (idempotent). */
  setup(collections: GenerationCollections): Promise<void>;
  apply(events: readonly SequencedEvent[], collections: GenerationCollections): Promise<void>;
}

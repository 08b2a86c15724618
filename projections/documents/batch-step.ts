import { readPage } from '../../infra/log-follower';
import type { EventStore } from '../../infra/ports/event-store';
import type { DocumentStore } from '../../infra/ports/document-store';
import type { DocumentProjection } from './document-projection';
import type { GenerationCursor } from './document-state';
import { collectionsOf } from './generation-collections';

export type StepResult = {
  readonly cursor: GenerationCursor;
  readonly applied: number;
  readonly endOfLog: boolean;
};

export type StepDeps = {
  readonly store: EventStore;
  readonly documents: DocumentStore;
  readonly projection: DocumentProjection;
  readonly batchSize: number;
  /** Persists the cursor of this generation (live or rebuild). */
  readonly save: (cursor: GenerationCursor) => Promise<void>;
};

/**
 * Reads and applies the next batch to one generation. The batch size is recorded before the writes and
 * the checkpoint after them; a batch recorded as in flight is read again with exactly that size.
 */
export async function applyNextBatch(deps: StepDeps, cursor: GenerationCursor): Promise<StepResult> {
  const { projection } = deps;
  const read = await readPage(deps.store, cursor, {
    limit: cursor.inFlight ?? deps.batchSize,
    ...(projection.filter ? { filter: projection.filter } : {}),
  });
  const events = read.events.map((event, index) => ({ ...event, sequence: cursor.sequence + index + 1 }));
  if (events.length === 0) {
    if (!read.moved && cursor.inFlight === null) {
      return { cursor, applied: 0, endOfLog: read.endOfLog };
    }
    const moved = { ...cursor, checkpoint: read.next.checkpoint, inFlight: null };
    await deps.save(moved);
    return { cursor: moved, applied: 0, endOfLog: read.endOfLog };
  }
  if (cursor.inFlight !== events.length) await deps.save({ ...cursor, inFlight: events.length });
  await projection.apply(events, collectionsOf(deps.documents, projection, cursor.generation));
  const next: GenerationCursor = {
    generation: cursor.generation,
    ...read.next,
    sequence: cursor.sequence + events.length,
    inFlight: null,
  };
  await deps.save(next);
  return { cursor: next, applied: events.length, endOfLog: read.endOfLog };
}

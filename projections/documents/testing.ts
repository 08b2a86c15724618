import type { DocumentStore } from '../../infra/ports/document-store';
import { categoryOf, type RecordedEvent } from '../../infra/ports/event-store';
import type { DocumentProjection, GenerationCollections, SequencedEvent } from './document-projection';
import { collectionsOf, dropGeneration } from './generation-collections';

/** Numbers events 1, 2, 3… in the given order, as the runner does for the events it reads. */
export function sequenced(events: readonly RecordedEvent[], first = 1): SequencedEvent[] {
  return events.map((event, index) => ({ ...event, sequence: first + index }));
}

/**
 * Unit-test driver: sets up generation 1 of `projection` in `store` and applies `events` in batches of
 * `batchSize`, the way the runner does (without checkpoints or locks). Returns the generation's
 * collections for assertions.
 */
export async function applyInBatches(
  projection: DocumentProjection,
  store: DocumentStore,
  events: readonly RecordedEvent[],
  options: { batchSize?: number; generation?: number } = {},
): Promise<GenerationCollections> {
  const collections = collectionsOf(store, projection, options.generation ?? 1);
  await projection.setup(collections);
  const all = sequenced(events.filter((event) => passesFilter(projection, event)));
  const size = options.batchSize ?? 100;
  for (let start = 0; start < all.length; start += size) {
    await projection.apply(all.slice(start, start + size), collections);
  }
  return collections;
}

export async function dropProjection(
  projection: DocumentProjection,
  store: DocumentStore,
  generation = 1,
): Promise<void> {
  await dropGeneration(store, projection, generation);
}

function passesFilter(projection: DocumentProjection, event: RecordedEvent): boolean {
  const { filter } = projection;
  if (!filter) return true;
  if (filter.categories && !filter.categories.includes(categoryOf(event.streamId))) return false;
  if (filter.types && !filter.types.includes(event.type)) return false;
  return true;
}

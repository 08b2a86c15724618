// Shared by the EventStore contract's parts: the fixture an adapter provides, and small helpers.
import { randomBytes } from 'node:crypto';
import { startOfLog, type EventStore, type NewEvent, type RecordedEvent } from './event-store';

/** An append held open in its transaction: written, not yet committed. */
export type HeldAppend = { commit(): Promise<void> };

export type EventStoreFixture = {
  /** A connected store. Tests use unique categories, so a shared server works. */
  open(): Promise<EventStore>;
  close(store: EventStore): Promise<void>;
  /** Adapters whose readers could see commits out of order provide this to prove they never skip. */
  holdOpenAppend?: (store: EventStore, streamId: string, events: NewEvent[]) => Promise<HeldAppend>;
  /** False for stores that index event ids per stream only (KurrentDB): a reuse elsewhere is not caught. */
  eventIdsUniqueAcrossStreams?: boolean;
  /** True for stores that wake a category watcher only for its categories (checked, not just allowed). */
  filtersWakeUps?: boolean;
};

export const uniqueCategory = () => `c${randomBytes(5).toString('hex')}`;
export const event = (type: string, data: Record<string, unknown> = {}): NewEvent => ({ type, data });

export async function readCategory(store: EventStore, category: string): Promise<RecordedEvent[]> {
  const all: RecordedEvent[] = [];
  let checkpoint = startOfLog;
  for (;;) {
    const page = await store.readAll({ after: checkpoint, categories: [category], limit: 100 });
    all.push(...page.events);
    checkpoint = page.checkpoint;
    if (page.endOfLog) return all;
  }
}

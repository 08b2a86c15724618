import type { DocumentCollection, IndexSpec } from '../../infra/ports/document-store';
import { minuteRetentionHours, type MinuteDocument } from './schema';

export const minuteRetentionMs = minuteRetentionHours * 3_600_000;

/** Where the store cannot expire documents itself, the projection purges old minutes every this many batches. */
export const minutePurgeEveryBatches = 100;

export const minuteIndexes: readonly IndexSpec[] = [
  { fields: { eventId: 1, minute: 1 } },
  { fields: { minute: 1 }, expireAfterSeconds: minuteRetentionMs / 1000 },
];

/**
 * Keeps per-minute counters within the retention on stores without TTL indexes (FerretDB). It reads
 * the wall clock, like a TTL index does, so it only removes documents a TTL index would also have
 * removed: a rebuild done within the retention still gives identical documents.
 */
export class MinuteRetention {
  /** Per physical collection: whether the store expires documents, and batches since the last purge. */
  private readonly collections = new Map<string, { expires: boolean; batches: number }>();

  constructor(private readonly now: () => number) {}

  async ensureIndexes(minutes: DocumentCollection<MinuteDocument>): Promise<void> {
    const { expiresDocuments } = await minutes.ensureIndexes(minuteIndexes);
    this.collections.set(minutes.name, { expires: expiresDocuments, batches: 0 });
  }

  /** Called once per applied batch; purges on the first batch and then every `minutePurgeEveryBatches`. */
  async afterBatch(minutes: DocumentCollection<MinuteDocument>): Promise<void> {
    if (!this.collections.has(minutes.name)) await this.ensureIndexes(minutes);
    const state = this.collections.get(minutes.name)!;
    if (state.expires) return;
    const due = state.batches % minutePurgeEveryBatches === 0;
    state.batches += 1;
    if (due) await minutes.deleteMany({ minute: { $lt: new Date(this.now() - minuteRetentionMs) } });
  }
}

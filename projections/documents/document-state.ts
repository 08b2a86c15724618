import { startOfLog, type Checkpoint } from '../../infra/ports/event-store';
import { projectionStateCollection, type DocumentStore } from '../../infra/ports/document-store';

/** Where one generation stands in the log. */
export type GenerationCursor = {
  readonly generation: number;
  readonly checkpoint: Checkpoint;
  /** Global position of the last event read (for lag and progress). */
  readonly position: number;
  /** Events applied so far: the next event's sequence is this plus one. */
  readonly sequence: number;
  /**
   * Size of the batch being applied after `checkpoint`, recorded before its writes: after a crash the
   * same events are read and applied again, so position guards see exactly the batch they saw.
   */
  readonly inFlight: number | null;
};

export type StoredRebuild = GenerationCursor & {
  readonly version: number;
  /** Head position when last measured. */
  readonly total: number;
  readonly startedAt: Date;
};

/** The state document of one document projection (`_id` = its name). */
export type StoredDocumentState = {
  readonly _id: string;
  /** Version of the logic that built the live generation. */
  readonly version: number;
  /** The live generation: what `liveCollection` resolves for readers. */
  readonly generation: number;
  readonly live: GenerationCursor;
  readonly rebuild: StoredRebuild | null;
  /** What the active runner last reported (read by processes that only observe it, like the CLI). */
  readonly status?: string;
  readonly error?: string | null;
  readonly updatedAt: Date;
};

/** The cursor of a rebuilt generation, as the live one it becomes. */
export function cursorOf(rebuild: StoredRebuild): GenerationCursor {
  const { generation, checkpoint, position, sequence, inFlight } = rebuild;
  return { generation, checkpoint, position, sequence, inFlight };
}

export const firstCursor = (generation: number): GenerationCursor => ({
  generation,
  checkpoint: startOfLog,
  position: 0,
  sequence: 0,
  inFlight: null,
});

export class DocumentStateStore {
  constructor(
    private readonly store: DocumentStore,
    private readonly name: string,
  ) {}

  private get states() {
    return this.store.collection<StoredDocumentState>(projectionStateCollection);
  }

  async load(): Promise<StoredDocumentState | undefined> {
    const [state] = await this.states.find({ _id: this.name });
    return state;
  }

  /** The stored state, creating generation 1 at the start of the log for a projection seen first. */
  async loadOrCreate(version: number): Promise<StoredDocumentState> {
    const existing = await this.load();
    if (existing) return existing;
    await this.states.insertOne({
      _id: this.name,
      version,
      generation: 1,
      live: firstCursor(1),
      rebuild: null,
      updatedAt: new Date(),
    });
    const created = await this.load();
    if (!created) throw new Error(`State of document projection ${this.name} disappeared`);
    return created;
  }

  async saveLive(live: GenerationCursor): Promise<void> {
    await this.set({ live });
  }

  async saveRebuild(rebuild: StoredRebuild | null): Promise<void> {
    await this.set({ rebuild });
  }

  async saveStatus(status: string, error: string | null): Promise<void> {
    await this.set({ status, error });
  }

  /** Readers switch to the rebuilt generation with this one write. */
  async swap(rebuilt: StoredRebuild): Promise<void> {
    await this.set({
      version: rebuilt.version,
      generation: rebuilt.generation,
      live: cursorOf(rebuilt),
      rebuild: null,
    });
  }

  private async set(fields: Partial<Omit<StoredDocumentState, '_id'>>): Promise<void> {
    const matched = await this.states.updateOne(
      { _id: this.name },
      { set: { ...fields, updatedAt: new Date() } },
    );
    if (matched === 0) throw new Error(`State of document projection ${this.name} disappeared`);
  }
}

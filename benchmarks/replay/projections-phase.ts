import type { DocumentStore } from '../../infra/ports/document-store';
import type { EventStore } from '../../infra/ports/event-store';
import type { SqlClient } from '../../infra/ports/sql';
import { ProjectionRunner, type SqlProjection } from '../../projections';
import { DocumentProjectionRunner, type DocumentProjection } from '../../projections/documents';
import { progressBar } from '../shared';

/** What a rebuild is timed on: either runner kind (both start, wait for a checkpoint, rebuild, status). */
type Rebuildable = Pick<ProjectionRunner, 'start' | 'stop' | 'waitFor' | 'rebuild' | 'status'>;

export type TimedProjection =
  | { readonly label: string; readonly kind: 'sql'; readonly projection: SqlProjection }
  | {
      readonly label: string;
      readonly kind: 'document';
      readonly projection: DocumentProjection;
      readonly documents: DocumentStore;
    };

/**
 * Builds one projection from position 0 (untimed), then times `rebuild()`: a new generation built from
 * position 0 beside the live one and swapped in. Returns seconds.
 */
export async function timeRebuild(
  sql: SqlClient,
  store: EventStore,
  timed: TimedProjection,
  batchSize: number,
): Promise<number> {
  const options = { batchSize, pollIntervalMs: 50 };
  const runner: Rebuildable =
    timed.kind === 'sql'
      ? new ProjectionRunner(sql, store, timed.projection, options)
      : new DocumentProjectionRunner(store, timed.documents, timed.projection, options);
  const head = await store.head();
  try {
    await runner.start();
    await runner.waitFor(head.checkpoint, 60 * 60_000);
    const bar = progressBar(`rebuild ${timed.label}`, head.position);
    const timer = setInterval(() => {
      void runner.status().then((status) => bar.update(status.rebuild?.processed ?? 0));
    }, 500);
    const started = performance.now();
    await runner.rebuild();
    const seconds = (performance.now() - started) / 1000;
    clearInterval(timer);
    bar.update(head.position);
    bar.stop();
    return seconds;
  } finally {
    await runner.stop();
  }
}

/** Reads the whole log and applies nothing: the floor each SQL projection's rebuild is compared with. */
export const readOnlySqlProjection: SqlProjection = {
  name: 'bench-read-only',
  version: 1,
  tables: [],
  async setup() {},
  async apply() {},
};

/** The same floor for document projections: reads, checkpoints in the state document, writes nothing else. */
export const readOnlyDocumentProjection: DocumentProjection = {
  name: 'bench-read-only-documents',
  version: 1,
  collections: [],
  async setup() {},
  async apply() {},
};

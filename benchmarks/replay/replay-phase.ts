import type { EventStore } from '../../infra/ports/event-store';
import type { SqlClient } from '../../infra/ports/sql';
import { ProjectionRunner } from '../../projections/runner';
import { streamIndexProjection } from '../../projections/stream-index';
import { progressBar } from '../shared';

export type ReplayTimes = { readonly catchUpSeconds: number; readonly rebuildSeconds: number };

/**
 * Builds the stream-index projection from position 0 (a first catch-up), then rebuilds it as a new
 * generation beside the live one and swaps it in. Both read the whole log through the event store.
 */
export async function replayPhase(
  sql: SqlClient,
  store: EventStore,
  batchSize: number,
): Promise<ReplayTimes> {
  const head = await store.head();
  const runner = new ProjectionRunner(sql, store, streamIndexProjection, { batchSize, pollIntervalMs: 50 });
  const watch = watchProgress('replay', runner, head.position);
  const started = performance.now();
  await runner.start();
  await runner.waitFor(head.checkpoint, 60 * 60_000);
  const catchUpSeconds = (performance.now() - started) / 1000;
  watch.stop();

  const rebuildWatch = watchProgress('rebuild', runner, head.position);
  const rebuildStarted = performance.now();
  await runner.rebuild();
  const rebuildSeconds = (performance.now() - rebuildStarted) / 1000;
  rebuildWatch.stop();
  await runner.stop();
  return { catchUpSeconds, rebuildSeconds };
}

function watchProgress(label: string, runner: ProjectionRunner, total: number) {
  const bar = progressBar(label, total);
  const timer = setInterval(() => {
    void runner.status().then((status) => bar.update(status.rebuild?.processed ?? status.position));
  }, 500);
  return {
    stop() {
      clearInterval(timer);
      bar.update(total);
      bar.stop();
    },
  };
}

import type { EventStore } from '../../infra/ports/event-store';
import { progressBar } from '../shared';
import { sampleEvents } from './sample-events';

export type AppendPhaseOptions = {
  readonly events: number;
  readonly streams: number;
  readonly eventsPerAppend: number;
  readonly concurrency: number;
};

/** Appends `events` events across `streams` streams from `concurrency` concurrent callers; returns seconds. */
export async function appendPhase(store: EventStore, options: AppendPhaseOptions): Promise<number> {
  const progress = progressBar('append', options.events);
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < options.events) {
      const first = next;
      const count = Math.min(options.eventsPerAppend, options.events - first);
      next += count;
      const events = sampleEvents(first, count);
      await store.append(`bench-${first % options.streams}`, events);
      if ((first / options.eventsPerAppend) % 1000 === 0) progress.update(next);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  progress.update(options.events);
  progress.stop();
  return seconds;
}

import type { SqlProjection } from '../runner';

/**
 * A projection that crashes mid-batch: it writes the events up to the `afterEvents`-th one it has
 * successfully applied in total, then throws, every time it is retried.
 */
export function failingAfter(
  projection: SqlProjection,
  afterEvents: number,
): SqlProjection & { readonly failures: () => number } {
  let applied = 0;
  let failures = 0;
  return {
    ...projection,
    failures: () => failures,
    async apply(tx, events, tables) {
      const room = afterEvents - applied;
      if (events.length <= room) {
        await projection.apply(tx, events, tables);
        applied += events.length;
        return;
      }
      if (room > 0) await projection.apply(tx, events.slice(0, room), tables);
      failures += 1;
      throw new Error(`simulated crash after ${afterEvents} events`);
    },
  };
}

/** A projection whose every batch fails until `heal()` is called. */
export function failingUntilHealed(
  projection: SqlProjection,
): SqlProjection & { heal(): void; attempts(): number } {
  let healed = false;
  let attempts = 0;
  return {
    ...projection,
    heal: () => void (healed = true),
    attempts: () => attempts,
    async apply(tx, events, tables) {
      attempts += 1;
      if (!healed) throw new Error('read model unavailable (simulated)');
      await projection.apply(tx, events, tables);
    },
  };
}

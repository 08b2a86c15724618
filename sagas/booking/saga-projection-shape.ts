import type { RecordedEvent } from '../../infra/ports/event-store';
import type { SqlExecutor } from '../../infra/ports/sql';

/**
 * The saga runs under the projections' runner (checkpoint in the same transaction as its state, one
 * active instance, catch-up then live). sagas/ may not import projections/, so this restates the shape
 * the runner takes (`SqlProjection` in projections/runner); TypeScript checks they agree where infra
 * wires one into the other.
 */
export interface SagaTableNames {
  readonly generation: number;
  get(logical: string): string;
}

export interface SagaProjection {
  readonly name: string;
  readonly version: number;
  readonly tables: readonly string[];
  readonly filter?: { readonly categories?: readonly string[]; readonly types?: readonly string[] };
  setup(tx: SqlExecutor, tables: SagaTableNames): Promise<void>;
  apply(tx: SqlExecutor, events: readonly RecordedEvent[], tables: SagaTableNames): Promise<void>;
}

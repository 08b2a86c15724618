import { analyticsProjection } from '../../projections/analytics';
import { auditProjection } from '../../projections/audit';
import type { DocumentProjection } from '../../projections/documents';
import type { SqlProjection } from '../../projections';
import { bookingSagaProjection } from '../../sagas/booking';
import { sqlProjections } from '../roles/modules/projections-module';

/** Every read model the product builds from the log (replay tests and benchmarks rebuild them all). */
export const everyProjection: {
  readonly sql: readonly SqlProjection[];
  readonly documents: readonly DocumentProjection[];
} = {
  sql: [...sqlProjections, bookingSagaProjection({ expiryGraceMs: 5_000 })],
  documents: [analyticsProjection, auditProjection],
};

import type { ServiceIdentifier } from 'inversify';
import type { DocumentProjection, DocumentProjectionSupervisor } from '../../../projections/documents';

export const DocumentProjectionTokens = {
  /** many: each feature binds its document read model; the document projections module runs them all. */
  Projection: Symbol('DocumentProjection') as ServiceIdentifier<DocumentProjection>,
  /** The runners of the bound document projections (admin status, rebuilds, awaiters). */
  Supervisor: Symbol('DocumentProjectionSupervisor') as ServiceIdentifier<DocumentProjectionSupervisor>,
} as const;

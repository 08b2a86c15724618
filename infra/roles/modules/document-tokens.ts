import type { ServiceIdentifier } from 'inversify';
import type { DocumentProjection, DocumentProjectionSupervisor } from '../../../projections/documents';
import type { DocumentStore } from '../../ports/document-store';

/**
 * What the document modules bind: `document-store-module.ts` the store, `document-projections-module.ts`
 * the supervisor, and each feature with a document read model (audit, analytics) its projection.
 */
export const DocumentTokens = {
  /** MongoDB when `MONGO_URL` is set; else in memory (its read models rebuilt from the log at boot). */
  Store: Symbol('DocumentStore') as ServiceIdentifier<DocumentStore>,
  /** True when the store is shared by processes (MongoDB): its projections then run once, under a lock. */
  Shared: Symbol('DocumentStoreShared') as ServiceIdentifier<boolean>,
  /** many: each feature binds its document read model; the document projections module runs them all. */
  Projection: Symbol('DocumentProjection') as ServiceIdentifier<DocumentProjection>,
  /** The runners of the bound document projections (admin status, rebuilds, awaiters). */
  Supervisor: Symbol('DocumentProjectionSupervisor') as ServiceIdentifier<DocumentProjectionSupervisor>,
} as const;

import { ContainerModule } from 'inversify';
import { auditProjection } from '../../../projections/audit';
import { auditOperations, auditRoutes } from '../../../query-side/admin';
import { TOKENS } from '../../di';
import type { DocumentStore } from '../../ports/document-store';
import { DocumentTokens } from './document-tokens';

/**
 * The audit log (a document projection of every event) and its admin search under `/api/v1`. Needs the
 * document store module and the document projections module, which runs the projection.
 */
export const auditModule = new ContainerModule(({ bind }) => {
  bind(DocumentTokens.Projection).toConstantValue(auditProjection);
  bind(TOKENS.ApiRoute).toResolvedValue(
    (store: DocumentStore) => ({
      path: '',
      handler: auditRoutes(store),
      operations: auditOperations,
    }),
    [DocumentTokens.Store],
  );
});

import { ContainerModule } from 'inversify';
import { analyticsProjection } from '../../../projections/analytics';
import { analyticsOperations, analyticsRoutes } from '../../../query-side/analytics';
import { TOKENS } from '../../di';
import type { DocumentStore } from '../../ports/document-store';
import { DocumentTokens } from './document-tokens';

/**
 * The analytics read models (run by `documentProjectionsModule`) and `GET /analytics/…` under `/api/v1`.
 * Load after the document store module.
 */
export const analyticsModule = new ContainerModule(({ bind }) => {
  bind(DocumentTokens.Projection).toConstantValue(analyticsProjection);
  bind(TOKENS.ApiRoute).toResolvedValue(
    (store: DocumentStore) => ({
      path: '',
      handler: analyticsRoutes(store),
      operations: analyticsOperations,
    }),
    [DocumentTokens.Store],
  );
});

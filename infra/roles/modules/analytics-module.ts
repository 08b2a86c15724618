import { ContainerModule } from 'inversify';
import { analyticsProjection } from '../../../projections/analytics';
import { analyticsOperations, analyticsRoutes } from '../../../query-side/analytics';
import { TOKENS } from '../../di';
import type { DocumentStore } from '../../ports/document-store';
import { DocumentProjectionTokens } from './document-projection-tokens';
import { DocumentTokens } from './document-store-module';

/**
 * The analytics read models (run by `documentProjectionsModule`) and `GET /analytics/…` under `/api/v1`.
 * Load after the document store module.
 */
export const analyticsModule = new ContainerModule(({ bind }) => {
  bind(DocumentProjectionTokens.Projection).toConstantValue(analyticsProjection);
  bind(TOKENS.ApiRoute).toResolvedValue(
    (store: DocumentStore) => ({
      path: '',
      handler: analyticsRoutes(store),
      operations: analyticsOperations,
    }),
    [DocumentTokens.Store],
  );
});

import { ContainerModule } from 'inversify';
import { bookingQueryOperations, bookingQueryRoutes } from '../../../query-side/bookings';
import { TOKENS } from '../../di';
import type { EventStore } from '../../ports/event-store';
import type { SqlClient } from '../../ports/sql';

/**
 * `GET /bookings`, `/bookings/pending` (over the `bookings` projection in `projections-module.ts`) and
 * `/bookings/:id` (from the event store) under `/api/v1`.
 */
export const bookingQueriesModule = new ContainerModule(({ bind }) => {
  bind(TOKENS.ApiRoute).toResolvedValue(
    (sql: SqlClient, store: EventStore) => ({
      path: '',
      handler: bookingQueryRoutes(sql, store),
      operations: bookingQueryOperations,
    }),
    [TOKENS.SqlClient, TOKENS.EventStore],
  );
});

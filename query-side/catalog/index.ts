export { catalogQueryOperations } from './catalog-query-operations';
export { catalogQueryRoutes } from './catalog-query-routes';
export {
  findEvent,
  findShowZones,
  listOwnEvents,
  listPublishedEvents,
  type EventDetail,
  type EventListQuery,
  type OwnEventListQuery,
  type ShowZones,
} from './catalog-queries';
export {
  type EventSummary,
  type EventWithAvailability,
  type ShowWithAvailability,
  type ZoneWithAvailability,
} from './read-model';
export { ListEventsQuery, defaultPageSize, maxPageSize } from './list-events-query';
export { OwnEventsQuery } from './own-events-query';

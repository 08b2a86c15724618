export { catalogQueryRoutes } from './catalog-query-routes';
export {
  findEvent,
  findShowZones,
  listPublishedEvents,
  type EventDetail,
  type EventListQuery,
  type ShowZones,
} from './catalog-queries';
export { catalogViews, type EventSummary, type ZoneWithAvailability } from './read-model';
export { capacityUntilBookingsExist, type ZoneAvailability } from './zone-availability';
export { ListEventsQuery, defaultPageSize, maxPageSize } from './list-events-query';

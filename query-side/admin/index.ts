export { adminEventRoutes } from './admin-event-routes';
export { adminProjectionRoutes } from './admin-projection-routes';
export {
  EventFeedQuery,
  StreamEventsQuery,
  defaultEventLimit,
  isFeedCursor,
  maxEventLimit,
  splitList,
} from './admin-queries';
export { readFeedPage, readStreamPage, type FeedPage, type FeedQuery, type StreamPage } from './event-reads';
export { toFeedEventView, toStreamEventView, type FeedEventView, type StreamEventView } from './event-views';
export {
  ProjectionControl,
  toProjectionView,
  type ProjectionState,
  type ProjectionSupervisorPort,
  type ProjectionView,
} from './projection-control';
export { AuditLogQuery, defaultAuditLimit, maxAuditLimit } from './audit-log-query';
export {
  auditLogCollection,
  auditProjectionName,
  type AuditActorView,
  type AuditEntryDocument,
  type AuditEntryView,
} from './audit-read-model';
export { auditRoutes } from './audit-routes';
export { auditFilter, readAuditEntry, searchAuditLog, type AuditPage } from './audit-search';

export { adminEventOperations } from './admin-event-operations';
export { adminEventRoutes } from './admin-event-routes';
export { adminProjectionOperations } from './admin-projection-operations';
export { adminProjectionRoutes } from './admin-projection-routes';
export { adminSystemOperations } from './admin-system-operations';
export { adminSystemRoutes } from './admin-system-routes';
export {
  EventFeedQuery,
  StreamEventsQuery,
  defaultEventLimit,
  isFeedCursor,
  maxEventLimit,
  splitList,
} from './admin-queries';
export {
  readFeedPage,
  readStreamPage,
  type AdminFeedPageMeta,
  type AdminStreamPageMeta,
  type FeedPage,
  type FeedQuery,
  type StreamPage,
} from './event-reads';
export {
  toFeedEventView,
  toStreamEventView,
  type FeedEventView,
  type RecordedEventData,
  type StreamEventView,
} from './event-views';
export {
  ProjectionControl,
  toProjectionView,
  type ProjectionRebuildStarted,
  type ProjectionView,
} from './projection-control';
export { AuditLogQuery, defaultAuditLimit, maxAuditLimit } from './audit-log-query';
export { type AuditActorView, type AuditChanges, type AuditEntryView } from './audit-read-model';
export { auditOperations } from './audit-operations';
export { auditRoutes } from './audit-routes';
export {
  auditFilter,
  readAuditEntry,
  searchAuditLog,
  type AuditLogPageMeta,
  type AuditPage,
} from './audit-search';
export {
  SystemOverview,
  followerLagAlertSeconds,
  type SystemFollowerView,
  type SystemView,
} from './system-overview';

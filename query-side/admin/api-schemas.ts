// The admin reads' answers, as the OpenAPI document names them (`npm run openapi`).
export type { AdminFeedPageMeta, AdminStreamPageMeta } from './event-reads';
export type { FeedEventView, StreamEventView } from './event-views';
export type { ProjectionRebuildStarted, ProjectionView } from './projection-control';
export type { AuditEntryView } from './audit-read-model';
export type { AuditLogPageMeta } from './audit-search';
export type { SystemView } from './system-overview';

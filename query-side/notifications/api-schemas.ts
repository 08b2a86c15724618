// The notification reads' answers, as the OpenAPI document names them (`npm run openapi`).
export type { NotificationPageMeta, NotificationView } from './notification-reads';

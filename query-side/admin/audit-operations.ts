import type { ApiOperation } from '../../infra/http-edge';
import { AuditLogQuery } from './audit-log-query';

/** What `auditRoutes` serves, for the OpenAPI document (mounted at the API root). */
export const auditOperations: readonly ApiOperation[] = [
  {
    method: 'get',
    path: '/admin/audit-logs',
    operationId: 'searchAuditLog',
    tag: 'Admin',
    summary: 'Search the audit log',
    description:
      'One entry per event, newest first. Filters combine: the user (`system:<name>` for the saga, the ' +
      'sweeper and seeding), the action (event type), the entity (stream category and id) or the stream, ' +
      'the correlation id (everything one request caused), and a time range (`from` inclusive, `to` ' +
      'exclusive). Pass `meta.next` as `after` for older entries. The log is a projection that follows ' +
      'the event store, so the newest events may show a moment later.',
    access: ['admin'],
    query: AuditLogQuery,
    responses: {
      200: { description: 'A page of entries', data: ['AuditEntryView'], meta: 'AuditLogPageMeta' },
    },
    errors: [],
  },
  {
    method: 'get',
    path: '/admin/audit-logs/:eventId',
    operationId: 'readAuditEntry',
    tag: 'Admin',
    summary: 'Read the audit entry of one event',
    description: 'A 404 may also mean the audit log has not reached the event yet.',
    access: ['admin'],
    params: { eventId: { description: 'The event', format: 'uuid' } },
    responses: { 200: { description: 'The entry', data: 'AuditEntryView' } },
    errors: ['NOT_FOUND'],
  },
];

import type { Request } from 'express';
import type { EventMetadata } from '../../domain/shared';
import { traceparentOf } from '../tracing';
import { principalOf } from './principal';

/**
 * The audit part of every event a request causes: who (user, tenant, ip, user agent) and the
 * correlation and trace ids that tie it to the request. The trace context is this server's span for the
 * request (which continues the caller's), never the caller's header as sent.
 */
export function requestMetadata(req: Request): EventMetadata {
  const principal = principalOf(req);
  const metadata: EventMetadata = {
    // The correlation middleware answers with the id it settled on (the caller's if sane, else a new one).
    correlationId: (req.res?.getHeader('x-correlation-id') as string | undefined) ?? undefined,
    ip: req.ip,
    userAgent: req.get('user-agent') ?? undefined,
    traceparent: traceparentOf(),
  };
  if (principal) {
    metadata.userId = principal.userId;
    metadata.tenantId = principal.tenantId;
    metadata.role = principal.role;
  }
  return metadata;
}

import type { EventMetadata } from '../../domain/shared';
import { traceparentFor } from '../../infra/tracing';
import type { RelayedEvent } from './relayed-event';

/**
 * Metadata of what the payment service appends: the incoming event caused it, in the same correlation;
 * its trace context is the span handling the message (the consumer's), else the incoming event's.
 */
export function causedBy(incoming: RelayedEvent): EventMetadata {
  const { correlationId, userId, tenantId } = incoming.metadata;
  const traceparent = traceparentFor(incoming.metadata.traceparent);
  return {
    correlationId: correlationId ?? incoming.eventId,
    causationId: incoming.eventId,
    ...(userId !== undefined && { userId }),
    ...(tenantId !== undefined && { tenantId }),
    ...(traceparent !== undefined && { traceparent }),
  };
}

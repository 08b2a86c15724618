import type { EventMetadata } from '../../domain/shared';
import type { RelayedEvent } from './relayed-event';

/** Metadata of what the payment service appends: the incoming event caused it, in the same correlation. */
export function causedBy(incoming: RelayedEvent): EventMetadata {
  const { correlationId, userId, tenantId, traceparent } = incoming.metadata;
  return {
    correlationId: correlationId ?? incoming.eventId,
    causationId: incoming.eventId,
    ...(userId !== undefined && { userId }),
    ...(tenantId !== undefined && { tenantId }),
    ...(traceparent !== undefined && { traceparent }),
  };
}

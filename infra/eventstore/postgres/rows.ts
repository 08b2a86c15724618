import type { EventMetadata } from '../../../domain/shared';
import type { RecordedEvent } from '../../ports/event-store';
import { formatPgCheckpoint } from './checkpoint';

/** One es_events row as both drivers return it (int8 may arrive as string or number). */
export type EventRow = {
  position: string | number;
  txid: string;
  event_id: string;
  stream_id: string;
  revision: string | number;
  type: string;
  data: unknown;
  metadata: EventMetadata;
  created_at: Date;
};

export const eventColumns =
  'position, transaction_id::text AS txid, event_id, stream_id, revision, type, data, metadata, created_at';

export function toRecordedEvent(row: EventRow): RecordedEvent {
  return {
    id: row.event_id,
    streamId: row.stream_id,
    type: row.type,
    data: row.data,
    metadata: row.metadata,
    revision: Number(row.revision),
    position: Number(row.position),
    checkpoint: formatPgCheckpoint({ transactionId: BigInt(row.txid), position: BigInt(row.position) }),
    createdAt: row.created_at,
  };
}

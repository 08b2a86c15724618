import type { Checkpoint } from '../../ports/event-store';

/**
 * PostgreSQL checkpoints are (transaction id, position) pairs, zero-padded so that string order is
 * log order: `00000000000000000752:00000000000000000042`.
 */
export type PgLogPoint = { readonly transactionId: bigint; readonly position: bigint };

const width = 20;

export function formatPgCheckpoint(point: PgLogPoint): Checkpoint {
  return `${point.transactionId.toString().padStart(width, '0')}:${point.position.toString().padStart(width, '0')}` as Checkpoint;
}

export function parsePgCheckpoint(checkpoint: Checkpoint | undefined): PgLogPoint {
  if (!checkpoint) return { transactionId: 0n, position: 0n };
  const match = /^(\d{1,20}):(\d{1,20})$/.exec(checkpoint);
  if (!match) throw new TypeError(`Not a PostgreSQL event store checkpoint: ${JSON.stringify(checkpoint)}`);
  return { transactionId: BigInt(match[1]!), position: BigInt(match[2]!) };
}

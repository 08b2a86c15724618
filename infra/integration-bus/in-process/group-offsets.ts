import type { SqlExecutor } from '../../ports/sql';
import type { PartitionRef } from './sql-messages';

/**
 * Where `groupId` resumes on a partition. A group new to it starts at offset 0, or, when it asked for
 * new messages only, at the partition's current end, recorded at once so a restart does not skip ahead.
 */
export async function committedOffset(
  sql: SqlExecutor,
  groupId: string,
  ref: PartitionRef,
  fromBeginning: boolean,
): Promise<bigint> {
  if (!fromBeginning) {
    await sql.query(
      `INSERT INTO integration_bus_group_offsets (group_id, topic, partition, next_offset)
       SELECT $1, topic, partition, next_offset FROM integration_bus_partitions WHERE topic = $2 AND partition = $3
       ON CONFLICT (group_id, topic, partition) DO NOTHING`,
      [groupId, ref.topic, ref.partition],
    );
  }
  const [row] = await sql.query<{ next_offset: string }>(
    `SELECT next_offset::text AS next_offset FROM integration_bus_group_offsets
     WHERE group_id = $1 AND topic = $2 AND partition = $3`,
    [groupId, ref.topic, ref.partition],
  );
  return row ? BigInt(row.next_offset) : 0n;
}

/** Commits `nextOffset`; never moves a group back (a late commit of a replaced consumer is harmless). */
export async function commitOffset(
  sql: SqlExecutor,
  groupId: string,
  ref: PartitionRef,
  nextOffset: bigint,
): Promise<void> {
  await sql.query(
    `INSERT INTO integration_bus_group_offsets (group_id, topic, partition, next_offset) VALUES ($1, $2, $3, $4::bigint)
     ON CONFLICT (group_id, topic, partition) DO UPDATE
       SET next_offset = GREATEST(integration_bus_group_offsets.next_offset, EXCLUDED.next_offset), updated_at = now()`,
    [groupId, ref.topic, ref.partition, nextOffset.toString()],
  );
}

import { CheckpointConflictError, type CheckpointStore, type LogCursor, type Page } from '../log-follower';
import { startOfLog, type Checkpoint } from '../ports/event-store';
import type { SqlExecutor } from '../ports/sql';

export type RelayCursor = LogCursor;

/**
 * The relay's checkpoint, in its own row: moved only after the bus acknowledged the page's messages
 * (at least once), by compare-and-set, which fences a relay that lost its lock.
 */
export class RelayCheckpoints implements CheckpointStore {
  constructor(
    private readonly sql: SqlExecutor,
    private readonly relay: string,
    /** Runs before the checkpoint is first read: the topics must exist before anything is published. */
    private readonly prepare: () => Promise<void>,
  ) {}

  async load(): Promise<RelayCursor> {
    await this.prepare();
    await this.sql.query(
      `INSERT INTO integration_relay_checkpoints (name, checkpoint) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING`,
      [this.relay, startOfLog],
    );
    const [row] = await this.sql.query<{ checkpoint: string; position: string }>(
      'SELECT checkpoint, position::text AS position FROM integration_relay_checkpoints WHERE name = $1',
      [this.relay],
    );
    return { checkpoint: row!.checkpoint as Checkpoint, position: Number(row!.position) };
  }

  async commit(cursor: RelayCursor, page: Page, publish: () => Promise<void>): Promise<RelayCursor> {
    await publish();
    if (!page.moved) return page.next;
    const rows = await this.sql.query(
      `UPDATE integration_relay_checkpoints SET checkpoint = $3, position = $4, updated_at = now()
       WHERE name = $1 AND checkpoint = $2 RETURNING name`,
      [this.relay, cursor.checkpoint, page.next.checkpoint, page.next.position],
    );
    if (rows.length === 0)
      throw new CheckpointConflictError(`integration relay ${this.relay}`, cursor.checkpoint);
    return page.next;
  }
}

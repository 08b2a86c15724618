import { PostgresEventStore } from '../eventstore/postgres';
import { PGliteSqlClient } from '../sql';
import { MemoryCheckpoints } from './checkpoint-store';
import { checkpointStoreContract } from './checkpoint-store-contract';
import type { LogCursor } from './read-page';

checkpointStoreContract<LogCursor, void>('in memory', async () => {
  const sql = await PGliteSqlClient.open();
  const log = await PostgresEventStore.open(sql);
  const checkpoints = new MemoryCheckpoints();
  return {
    log,
    checkpoints: () => checkpoints,
    durable: false,
    fenced: false,
    close: async () => (await log.close(), await sql.close()),
  };
});

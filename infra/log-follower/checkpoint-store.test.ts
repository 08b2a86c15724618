import { PostgresEventStore } from '../eventstore/postgres';
import { PGliteSqlClient } from '../sql';
import { MemoryCheckpoints } from './checkpoint-store';
import { checkpointStoreContract } from './checkpoint-store-contract';
import type { LogCursor } from './read-page';

checkpointStoreContract<LogCursor, void>('in memory', { durable: false, fenced: false }, async () => {
  const sql = await PGliteSqlClient.open();
  const log = await PostgresEventStore.open(sql);
  const checkpoints = new MemoryCheckpoints();
  return {
    log,
    checkpoints: () => checkpoints,
    close: async () => (await log.close(), await sql.close()),
  };
});

import { checkpointStoreContract } from '../../infra/log-follower';
import { databaseDrivers } from '../../infra/testing';
import { insertState } from './projection-state';
import { beginRebuild } from './rebuild-state';
import { LiveCheckpoints, RebuildCheckpoints } from './sql-checkpoints';
import { ensureStateTable } from './state-schema';

for (const driver of databaseDrivers) {
  const open = async () => {
    const database = await driver.open();
    await ensureStateTable(database.sql);
    await insertState(database.sql, 'counter', 1);
    return database;
  };

  checkpointStoreContract(
    `a SQL projection's live generation on ${driver.name}`,
    { durable: true, fenced: true },
    async () => {
      const { sql, store, close } = await open();
      return {
        log: store,
        checkpoints: () => new LiveCheckpoints(sql, 'counter'),
        close,
      };
    },
  );

  checkpointStoreContract(
    `a SQL projection's rebuild on ${driver.name}`,
    { durable: true, fenced: true, positions: 'with-head' },
    async () => {
      const { sql, store, close } = await open();
      await sql.transaction((tx) => beginRebuild(tx, 'counter', { generation: 2, version: 1, total: 0 }));
      return {
        log: store,
        checkpoints: () => new RebuildCheckpoints(sql, 'counter'),
        close,
      };
    },
  );
}

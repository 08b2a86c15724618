import { checkpointStoreContract } from '../log-follower';
import { databaseDrivers } from '../testing';
import { RelayCheckpoints, type RelayCursor } from './relay-checkpoint';
import { ensureRelaySchema } from './relay-schema';

for (const driver of databaseDrivers) {
  checkpointStoreContract<RelayCursor, void>(
    `the integration relay (after the ack) on ${driver.name}`,
    { durable: true, fenced: true },
    async () => {
      const { sql, store, close } = await driver.open();
      await ensureRelaySchema(sql);
      return {
        log: store,
        checkpoints: () => new RelayCheckpoints(sql, 'relay', async () => {}),
        close,
      };
    },
  );
}

import { ContainerModule } from 'inversify';
import type { CatalogCommands } from '../../../command-side/catalog';
import type { IdentityDeps } from '../../../command-side/identity';
import { seedDemo } from '../../../command-side/demo-seed';
import type { Config } from '../../config';
import { TOKENS, type BackgroundService } from '../../di';
import type { Logger } from '../../logging';
import type { EventStore } from '../../ports/event-store';
import { CatalogTokens } from './catalog-tokens';
import { IdentityTokens } from './identity-tokens';

/**
 * Fills an empty store with the README's demo accounts and on-sale event (DEMO_SEED=on, the default).
 * Listed before identity in `roleModules.start`, so it looks before the bootstrap admin writes anything.
 */
export const demoSeedModule = new ContainerModule(({ bind }) => {
  bind(TOKENS.BackgroundService).toResolvedValue(
    (
      config: Config,
      logger: Logger,
      store: EventStore,
      identity: IdentityDeps,
      catalog: CatalogCommands,
    ): BackgroundService => ({
      name: 'demo-seed',
      async start() {
        if (!config.demoSeed) return;
        if ((await store.head()).position > 0) {
          logger.info('demo seed skipped: the event store is not empty');
          return;
        }
        const seeded = await seedDemo({ identity, catalog });
        logger.info('demo seed created', seeded);
      },
      stop: async () => {},
    }),
    [TOKENS.Config, TOKENS.Logger, TOKENS.EventStore, IdentityTokens.Deps, CatalogTokens.Commands],
  );
});

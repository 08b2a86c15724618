import { createHmac } from 'node:crypto';
import { ContainerModule, type ServiceIdentifier } from 'inversify';
import type { CatalogViewFollower } from '../../../command-side/catalog';
import {
  AdmissionWorker,
  QueuePasses,
  RoomSnapshots,
  WaitingRoomDesk,
  roomOfEvent,
  waitingRoomOperations,
  waitingRoomRoutes,
  type RoomOfEvent,
} from '../../../command-side/waiting-room';
import type { Config } from '../../config';
import { TOKENS } from '../../di';
import type { Logger } from '../../logging';
import type { EventStore } from '../../ports/event-store';
import type { Metrics } from '../../ports/metrics';
import type { InventoryActor } from '../../ports/inventory-actor';
import type { RateLimiter } from '../../ports/rate-limiter';
import type { SqlClient } from '../../ports/sql';
import type { WaitingLine } from '../../ports/waiting-line';
import { AdmissionRunner, InProcessWaitingLine, RedisWaitingLine } from '../../waiting-room';
import { CatalogTokens } from './catalog-tokens';
import { IdentityTokens } from './identity-tokens';
import { InventoryTokens } from './inventory-tokens';
import { connectLimitsRedis } from './limits-module';
import { LimitsTokens } from './limits-tokens';
import { WaitingRoomTokens } from './waiting-room-tokens';

type Secrets = { readonly passes: string; readonly seeds: string };
const SecretsToken = Symbol('WaitingRoomSecrets') as ServiceIdentifier<Secrets>;
const SnapshotsToken = Symbol('RoomSnapshots') as ServiceIdentifier<RoomSnapshots>;

/** Each derived from the access-token key, so a deployment has one secret to keep and rotate. */
function secrets(secret: string): Secrets {
  const derive = (purpose: string) => createHmac('sha256', secret).update(purpose).digest('base64url');
  return { passes: derive('waiting-room:queue-pass'), seeds: derive('waiting-room:shuffle-seed') };
}

/** Connected before the process goes on (an unreachable Redis stops the start-up, naming it). */
async function openLine(config: Config, logger: Logger): Promise<WaitingLine> {
  const target = config.redis;
  if (!target) return new InProcessWaitingLine();
  // Slow steps (a restore of 100,000 places) are chunked; 2 s bounds one chunk.
  const redis = await connectLimitsRedis(target, logger, { commandTimeoutMs: 2_000 });
  return new RedisWaitingLine(redis, config.redisKeyPrefix);
}

function* roomsOf(catalog: CatalogViewFollower): Iterable<RoomOfEvent> {
  for (const event of catalog.view.eventsWithWaitingRoom()) {
    const room = roomOfEvent(event);
    if (room) yield room;
  }
}

/**
 * The virtual waiting room: buyers' join and status routes, the organizer's live view, the admission
 * worker (one active instance, under a lock), and the pass checker the reservations use. Needs the
 * identity, catalog, inventory and limits modules.
 */
export const waitingRoomModule = new ContainerModule(({ bind }) => {
  bind(SecretsToken).toResolvedValue(secrets, [IdentityTokens.JwtSecret]).inSingletonScope();
  bind(WaitingRoomTokens.Passes)
    .toResolvedValue((keys: Secrets) => new QueuePasses(keys.passes), [SecretsToken])
    .inSingletonScope();
  bind(WaitingRoomTokens.Line)
    .toResolvedValue(
      (config: Config, logger: Logger) => openLine(config, logger.child({ component: 'waiting-room' })),
      [TOKENS.Config, TOKENS.Logger],
    )
    .inSingletonScope();
  bind(SnapshotsToken)
    .toResolvedValue(
      (config: Config, actor: InventoryActor, line: WaitingLine, catalog: CatalogViewFollower) =>
        new RoomSnapshots({
          actor,
          line,
          zonesOf: (eventId) =>
            catalog.view.event(eventId)?.shows.flatMap((show) => show.zones.map((zone) => zone.id)) ?? [],
          clock: Date.now,
          maxAgeMs: config.waitingRoom.statusMaxAgeMs,
        }),
      [TOKENS.Config, InventoryTokens.Actor, WaitingRoomTokens.Line, CatalogTokens.View],
    )
    .inSingletonScope();
  bind(WaitingRoomTokens.Desk)
    .toResolvedValue(
      (
        store: EventStore,
        actor: InventoryActor,
        line: WaitingLine,
        passes: QueuePasses,
        snapshots: RoomSnapshots,
        catalog: CatalogViewFollower,
      ) =>
        new WaitingRoomDesk({
          catalog: catalog.view,
          line,
          actor,
          passes,
          snapshots,
          store,
          clock: Date.now,
        }),
      [
        TOKENS.EventStore,
        InventoryTokens.Actor,
        WaitingRoomTokens.Line,
        WaitingRoomTokens.Passes,
        SnapshotsToken,
        CatalogTokens.View,
      ],
    )
    .inSingletonScope();
  bind(WaitingRoomTokens.Runner)
    .toResolvedValue(
      (
        config: Config,
        logger: Logger,
        sql: SqlClient,
        store: EventStore,
        actor: InventoryActor,
        line: WaitingLine,
        keys: Secrets,
        catalog: CatalogViewFollower,
        metrics: Metrics,
      ) =>
        new AdmissionRunner(
          sql,
          new AdmissionWorker({ store, line, actor, seedSecret: keys.seeds, clock: Date.now, metrics }),
          () => roomsOf(catalog),
          {
            tickMs: config.waitingRoom.tickMs,
            lockRetryMs: config.projections.pollMs * 4,
            logger: logger.child({ component: 'admission' }),
            metrics,
          },
        ),
      [
        TOKENS.Config,
        TOKENS.Logger,
        TOKENS.SqlClient,
        TOKENS.EventStore,
        InventoryTokens.Actor,
        WaitingRoomTokens.Line,
        SecretsToken,
        CatalogTokens.View,
        TOKENS.Metrics,
      ],
    )
    .inSingletonScope();
  bind(TOKENS.BackgroundService).toResolvedValue(
    (runner: AdmissionRunner, snapshots: RoomSnapshots, line: WaitingLine) => ({
      name: 'waiting-room',
      start: () => runner.start(),
      stop: async () => {
        await runner.stop();
        snapshots.close();
        await line.close();
      },
    }),
    [WaitingRoomTokens.Runner, SnapshotsToken, WaitingRoomTokens.Line],
  );
  bind(TOKENS.ApiRoute).toResolvedValue(
    (config: Config, desk: WaitingRoomDesk, rateLimiter: RateLimiter) => ({
      path: '',
      handler: waitingRoomRoutes({ desk, rateLimiter, rateLimits: config.rateLimits }),
      operations: waitingRoomOperations,
    }),
    [TOKENS.Config, WaitingRoomTokens.Desk, LimitsTokens.RateLimiter],
  );
});

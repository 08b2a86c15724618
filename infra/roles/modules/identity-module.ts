import { ContainerModule, type ServiceIdentifier } from 'inversify';
import {
  ensureUser,
  identityOperations,
  identityRouter,
  type IdentityDeps,
} from '../../../command-side/identity';
import {
  Argon2PasswordHasher,
  InMemoryLoginThrottle,
  InProcessAccessTokenRevocations,
  JwtAccessTokens,
  RedisAccessTokenRevocations,
  accessTokenTtlSeconds,
  resolveJwtSecret,
} from '../../auth';
import type { Config } from '../../config';
import { TOKENS, type BackgroundService } from '../../di';
import type { Logger } from '../../logging';
import type { AccessTokenRevocations, AccessTokens, PasswordHasher } from '../../ports/auth';
import type { EventStore } from '../../ports/event-store';
import { IdentityTokens } from './identity-tokens';
import { connectLimitsRedis } from './limits-module';

/** The revocations and how to run them: shared through Redis when configured, else this process's. */
type Revocations = { revocations: AccessTokenRevocations } & Pick<BackgroundService, 'start' | 'stop'>;
const RevocationsToken = Symbol('AccessTokenRevocations') as ServiceIdentifier<Revocations>;

/** The login throttle's window, which sign-ups share. */
const throttleWindowMs = 15 * 60_000;

async function openRevocations(config: Config, logger: Logger): Promise<Revocations> {
  const ttlMs = accessTokenTtlSeconds * 1000;
  if (!config.redis) {
    const revocations = new InProcessAccessTokenRevocations({ ttlMs });
    return { revocations, start: async () => {}, stop: async () => {} };
  }
  const log = logger.child({ component: 'identity' });
  const redis = await connectLimitsRedis(config.redis, log);
  const revocations = new RedisAccessTokenRevocations(redis, {
    ttlMs,
    pollMs: config.accessTokenRevocationPollMs,
    keyPrefix: config.redisKeyPrefix,
    logger: log,
  });
  return {
    revocations,
    start: () => revocations.start(),
    async stop() {
      await revocations.stop();
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}

async function jwtSecret(config: Config, logger: Logger): Promise<string> {
  const { secret, source, file } = await resolveJwtSecret(config);
  if (source !== 'JWT_SECRET') logger.info('access tokens signed with the key in DATA_DIR', { file, source });
  return secret;
}

/** Makes sure BOOTSTRAP_ADMIN_EMAIL is an admin before the server accepts requests. */
function bootstrapAdmin(config: Config, deps: IdentityDeps, logger: Logger): BackgroundService {
  return {
    name: 'bootstrap-admin',
    async start() {
      const admin = config.bootstrapAdmin;
      if (!admin) return;
      const input = {
        email: admin.email,
        password: admin.password,
        name: 'Administrator',
        role: 'admin',
      } as const;
      const { user, created } = await ensureUser(deps, input, 'bootstrap-admin');
      logger.info(created ? 'bootstrap admin created' : 'bootstrap admin present', { userId: user.id });
    },
    stop: async () => {},
  };
}

/**
 * Accounts and sign-in: `/auth/*`, `/admin/users/*`, the token and password adapters, the revocations
 * that withdraw access tokens on logout and role change, the start-up admin.
 */
export const identityModule = new ContainerModule(({ bind }) => {
  bind(TOKENS.PasswordHasher).toConstantValue(new Argon2PasswordHasher());
  bind(RevocationsToken).toResolvedValue(openRevocations, [TOKENS.Config, TOKENS.Logger]).inSingletonScope();
  bind(IdentityTokens.JwtSecret)
    .toResolvedValue(jwtSecret, [TOKENS.Config, TOKENS.Logger])
    .inSingletonScope();
  bind(TOKENS.AccessTokens)
    .toResolvedValue(
      (secret: string, revoked: Revocations) =>
        new JwtAccessTokens(secret, { revocations: revoked.revocations }),
      [IdentityTokens.JwtSecret, RevocationsToken],
    )
    .inSingletonScope();
  bind(IdentityTokens.Deps)
    .toResolvedValue(
      (
        config: Config,
        store: EventStore,
        hasher: PasswordHasher,
        tokens: AccessTokens,
        revoked: Revocations,
      ): IdentityDeps => ({
        store,
        hasher,
        tokens,
        revocations: revoked.revocations,
        throttle: new InMemoryLoginThrottle({
          rules: { signup: { maxFailures: config.signupsPerIp, windowMs: throttleWindowMs } },
        }),
        clock: () => new Date(),
      }),
      [TOKENS.Config, TOKENS.EventStore, TOKENS.PasswordHasher, TOKENS.AccessTokens, RevocationsToken],
    )
    .inSingletonScope();
  // Mounted at the API root: the router holds `/auth` and `/admin/users` itself.
  bind(TOKENS.ApiRoute).toResolvedValue(
    (deps: IdentityDeps) => ({
      path: '',
      handler: identityRouter(deps),
      operations: identityOperations,
    }),
    [IdentityTokens.Deps],
  );
  bind(TOKENS.BackgroundService).toResolvedValue(
    (revoked: Revocations): BackgroundService => ({
      name: 'access-token-revocations',
      start: () => revoked.start(),
      stop: () => revoked.stop(),
    }),
    [RevocationsToken],
  );
  bind(TOKENS.BackgroundService).toResolvedValue(
    (config: Config, deps: IdentityDeps, logger: Logger) =>
      bootstrapAdmin(config, deps, logger.child({ component: 'identity' })),
    [TOKENS.Config, IdentityTokens.Deps, TOKENS.Logger],
  );
});

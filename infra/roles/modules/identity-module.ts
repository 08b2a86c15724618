import { ContainerModule, type ServiceIdentifier } from 'inversify';
import { ensureUser, identityRouter, type IdentityDeps } from '../../../command-side/identity';
import { Argon2PasswordHasher, InMemoryLoginThrottle, JwtAccessTokens, resolveJwtSecret } from '../../auth';
import type { Config } from '../../config';
import { TOKENS, type BackgroundService } from '../../di';
import type { Logger } from '../../logging';
import type { AccessTokens, PasswordHasher } from '../../ports/auth';
import type { EventStore } from '../../ports/event-store';

/** Identity's commands with this process's adapters; the catalog's demo seed uses it to create accounts. */
export const IdentityDepsToken = Symbol('IdentityDeps') as ServiceIdentifier<IdentityDeps>;

async function accessTokens(config: Config, logger: Logger): Promise<AccessTokens> {
  const { secret, source, file } = await resolveJwtSecret(config);
  if (source !== 'JWT_SECRET') logger.info('access tokens signed with the key in DATA_DIR', { file, source });
  return new JwtAccessTokens(secret);
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

/** Accounts and sign-in: `/auth/*`, `/admin/users/*`, the token and password adapters, the start-up admin. */
export const identityModule = new ContainerModule(({ bind }) => {
  bind(TOKENS.PasswordHasher).toConstantValue(new Argon2PasswordHasher());
  bind(TOKENS.AccessTokens).toResolvedValue(accessTokens, [TOKENS.Config, TOKENS.Logger]).inSingletonScope();
  bind(IdentityDepsToken)
    .toResolvedValue(
      (store: EventStore, hasher: PasswordHasher, tokens: AccessTokens): IdentityDeps => ({
        store,
        hasher,
        tokens,
        throttle: new InMemoryLoginThrottle(),
        clock: () => new Date(),
      }),
      [TOKENS.EventStore, TOKENS.PasswordHasher, TOKENS.AccessTokens],
    )
    .inSingletonScope();
  // Mounted at the API root: the router holds `/auth` and `/admin/users` itself.
  bind(TOKENS.ApiRoute).toResolvedValue(
    (deps: IdentityDeps) => ({ path: '', handler: identityRouter(deps) }),
    [IdentityDepsToken],
  );
  bind(TOKENS.BackgroundService).toResolvedValue(
    (config: Config, deps: IdentityDeps, logger: Logger) =>
      bootstrapAdmin(config, deps, logger.child({ component: 'identity' })),
    [TOKENS.Config, IdentityDepsToken, TOKENS.Logger],
  );
});

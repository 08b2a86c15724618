import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ContainerModule, type Container, type ServiceIdentifier } from 'inversify';
import { roles } from '../../cli/roles';
import { loadConfig, type Config } from '../../config';
import { TOKENS } from '../../di';
import { PostgresEventStore } from '../../eventstore/postgres';
import { recordingLogger } from '../../http/test-support';
import type { EventStore } from '../../ports/event-store';
import type { SqlClient } from '../../ports/sql';
import { PGliteSqlClient } from '../../sql';
import { startTelemetry } from '../../telemetry';
import { buildEmbeddedContainer } from '../embedded-container';
import { DocumentTokens } from './document-tokens';
import { roleModules, type ContainerRole } from './role-modules';

/** Tokens every feature adds to (one binding per contribution); any other token has one owner. */
const manyTokens: ReadonlySet<ServiceIdentifier> = new Set<ServiceIdentifier>([
  TOKENS.BackgroundService,
  TOKENS.ApiRoute,
  TOKENS.ReadinessCheck,
  TOKENS.SiteHandler,
  DocumentTokens.Projection,
]);

const containerRoles = Object.keys(roleModules) as ContainerRole[];

/** The modules as loaded, counting each token's bindings; a module that rebinds or unbinds throws. */
function counting(modules: readonly ContainerModule[], bindings: Map<ServiceIdentifier, number>) {
  const refuse = (what: string) => () => {
    throw new Error(`a feature module calls ${what}: it would replace another module's binding`);
  };
  return modules.map(
    (module) =>
      new ContainerModule((options) =>
        module.load({
          ...options,
          bind: (serviceIdentifier) => {
            bindings.set(serviceIdentifier, (bindings.get(serviceIdentifier) ?? 0) + 1);
            return options.bind(serviceIdentifier);
          },
          rebind: refuse('rebind'),
          rebindAsync: refuse('rebindAsync'),
          unbind: refuse('unbind'),
          unbindAsync: refuse('unbindAsync'),
        }),
      ),
  );
}

type Resolved = { readonly background: string[]; readonly readiness: string[]; readonly operations: number };

describe('the modules of each role', () => {
  let dataDir: string;
  let sql: SqlClient;
  let store: EventStore;
  let config: Config;
  before(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'booking-rush-role-modules-'));
    // The embedded defaults: every adapter in process, so the graph resolves without servers.
    config = loadConfig({ DATA_DIR: dataDir, JWT_SECRET: 'a-test-secret-of-at-least-thirty-two-chars' });
    sql = await PGliteSqlClient.open();
    store = await PostgresEventStore.open(sql);
  });
  after(async () => {
    await store.close();
    await sql.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  /** The role's container from `modules`, each token's bindings counted as they load. */
  async function build(modules: readonly ContainerModule[], bindings: Map<ServiceIdentifier, number>) {
    const logger = recordingLogger();
    const telemetry = await startTelemetry(config, logger);
    const container = await buildEmbeddedContainer(config, logger, telemetry, counting(modules, bindings));
    // One in-memory database for every container of this file, instead of one PGlite per container.
    container.rebind(TOKENS.SqlClient).toConstantValue(sql);
    container.rebind(TOKENS.EventStore).toConstantValue(store);
    return container;
  }

  /** What a started process resolves (its background services, its HTTP app), left unstarted. */
  async function resolve(container: Container): Promise<Resolved> {
    const services = await container.getAllAsync(TOKENS.BackgroundService);
    try {
      await container.getAsync(TOKENS.HttpApp);
      const routes = await container.getAllAsync(TOKENS.ApiRoute, { optional: true });
      const checks = await container.getAllAsync(TOKENS.ReadinessCheck);
      return {
        background: services.map((service) => service.name).sort(),
        readiness: checks.map((check) => check.name).sort(),
        operations: routes.reduce((sum, route) => sum + route.operations.length, 0),
      };
    } finally {
      // Never started, but some opened what they close (counters, connections, timers).
      for (const service of [...services].reverse()) await service.stop();
    }
  }

  it('names only roles the command line knows', () => {
    for (const role of containerRoles) assert.ok(Object.hasOwn(roles, role), `${role} is a CLI role`);
  });

  for (const role of containerRoles) {
    it(`${role}: binds each token in one module, never rebinding, and resolves the same in reverse order`, async () => {
      const modules = roleModules[role];
      const bindings = new Map<ServiceIdentifier, number>();
      const inOrder = await build(modules, bindings);
      const twice = [...bindings]
        .filter(([token, count]) => count > 1 && !manyTokens.has(token))
        .map(([token]) => String(token));
      assert.deepEqual(twice, [], 'no token bound by two modules');
      const resolved = await resolve(inOrder);
      assert.ok(resolved.background.length > 0, 'the role runs background services');

      const bindingsInReverse = new Map<ServiceIdentifier, number>();
      const reversed = await build([...modules].reverse(), bindingsInReverse);
      assert.deepEqual(bindingsInReverse, bindings);
      assert.deepEqual(await resolve(reversed), resolved);
    });
  }
});

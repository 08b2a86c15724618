import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import express from 'express';
import { errorHandler } from '../../infra/http';
import { setPrincipal } from '../../infra/http-edge';
import { recordingLogger, serve } from '../../infra/http/test-support';
import { InProcessInventoryActor } from '../../infra/inventory/in-process';
import type { Role } from '../../infra/ports/auth';
import { databaseDrivers } from '../../infra/testing';
import { LedgerReader, adminInventoryRoutes } from './index';
import { reserve, zoneInLog } from './testing';

const [pglite] = databaseDrivers;
type OpenedDatabase = Awaited<ReturnType<NonNullable<typeof pglite>['open']>>;

describe('GET /admin/inventory/:zoneId', () => {
  let db: OpenedDatabase;
  let server: Awaited<ReturnType<typeof serve>>;
  const actor = new InProcessInventoryActor();
  before(async () => {
    db = await pglite!.open();
    const app = express();
    app.use((req, _res, next) => {
      const role = req.header('x-test-role') as Role | undefined;
      if (role) setPrincipal(req, { userId: 'u1', email: 'u1@x.test', role, tenantId: 't' });
      next();
    });
    app.use(adminInventoryRoutes({ actor, reader: new LedgerReader(db.store) }));
    app.use(errorHandler(recordingLogger()));
    server = await serve(app);
  });
  after(async () => {
    await server.close();
    await db.close();
  });

  const get = (zoneId: string, role?: Role) =>
    fetch(`${server.url}/admin/inventory/${zoneId}`, { headers: role ? { 'x-test-role': role } : {} });

  it('shows an admin the zone’s counters beside the event store’s view', async () => {
    const zone = await zoneInLog(db.store, 10);
    await actor.provisionZone({ ...zone, capacity: 10 });
    await reserve(db.store, actor, zone, { quantity: 3, now: Date.now(), ttlMs: 60_000 });
    const response = await get(zone.zoneId, 'admin');
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), {
      success: true,
      data: {
        capacity: 10,
        available: 7,
        held: 3,
        confirmed: 0,
        fromEvents: { held: 3, confirmed: 0 },
        consistent: true,
      },
    });
  });

  it('says when the counter disagrees with the event store', async () => {
    const zone = await zoneInLog(db.store, 10);
    await actor.provisionZone({ ...zone, capacity: 9 });
    const body = (await (await get(zone.zoneId, 'admin')).json()) as { data: { consistent: boolean } };
    assert.equal(body.data.consistent, false);
  });

  it('answers 404 ZONE_NOT_FOUND for a zone the event store does not know', async () => {
    const response = await get(randomUUID(), 'admin');
    assert.equal(response.status, 404);
    assert.equal(((await response.json()) as { error: { code: string } }).error.code, 'ZONE_NOT_FOUND');
  });

  it('answers 403 to an organizer or customer and 401 to nobody', async () => {
    const zone = await zoneInLog(db.store, 10);
    for (const role of ['organizer', 'customer'] as const) {
      const response = await get(zone.zoneId, role);
      assert.equal(response.status, 403, role);
      assert.equal(((await response.json()) as { error: { code: string } }).error.code, 'FORBIDDEN');
    }
    assert.equal((await get(zone.zoneId)).status, 401);
  });
});

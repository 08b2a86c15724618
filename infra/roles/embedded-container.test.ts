import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { Router } from 'express';
import { ContainerModule } from 'inversify';
import { TOKENS, type BackgroundService } from '../di';
import { ok } from '../http-edge';
import { EventStoreSql, startEmbedded, type RunningProcess } from './index';

describe('the embedded composition root', () => {
  const events: string[] = [];
  const service = (name: string): BackgroundService => ({
    name,
    start: async () => void events.push(`start ${name}`),
    stop: async () => void events.push(`stop ${name}`),
  });
  const feature = new ContainerModule(({ bind }) => {
    bind(TOKENS.BackgroundService).toConstantValue(service('projector'));
    bind(TOKENS.BackgroundService).toConstantValue(service('saga'));
    bind(TOKENS.ReadinessCheck).toConstantValue({ name: 'catalog', check: async () => true });
    const router = Router().get('/', (_req, res) => ok(res, { pong: true }));
    bind(TOKENS.ApiRoute).toConstantValue({ path: '/ping', handler: router, operations: [] });
  });

  let dataDir: string;
  let running: RunningProcess;
  before(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'booking-rush-container-'));
    running = await startEmbedded(
      { PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'error' },
      { modules: [feature], logStream: new PassThrough().resume() },
    );
  });
  after(() => rm(dataDir, { recursive: true, force: true }));

  it('shares one PGlite client between the event store and the read models', async () => {
    const sql = await running.container.getAsync(TOKENS.SqlClient);
    assert.equal(sql.driver, 'pglite');
    assert.equal(await running.container.getAsync(EventStoreSql), sql);
    const eventStore = await running.container.getAsync(TOKENS.EventStore);
    await eventStore.append('booking-1', [{ type: 'BookingReserved', data: { seats: 2 } }], 'no_stream');
    const [row] = await sql.query<{ count: number }>('SELECT count(*)::int AS count FROM es_events');
    assert.equal(row?.count, 1);
  });

  it('mounts contributed API routes and readiness checks', async () => {
    const base = `http://127.0.0.1:${running.port}`;
    assert.deepEqual(await (await fetch(`${base}/api/v1/ping`)).json(), {
      success: true,
      data: { pong: true },
    });
    const ready = (await (await fetch(`${base}/ready`)).json()) as { checks: Record<string, unknown> };
    assert.deepEqual(Object.keys(ready.checks).sort(), ['catalog', 'eventStore', 'sql']);
  });

  it('starts background services in order and stops them in reverse', async () => {
    assert.deepEqual(events, ['start projector', 'start saga']);
    await running.stop();
    assert.deepEqual(events, ['start projector', 'start saga', 'stop saga', 'stop projector']);
    await assert.rejects(fetch(`http://127.0.0.1:${running.port}/health`), 'the server no longer accepts');
  });
});

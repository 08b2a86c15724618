import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { demoAccounts } from '../../../command-side/demo-seed';
import type { ProjectionSupervisor } from '../../../projections';
import { TOKENS } from '../../di';
import { roleModules } from './role-modules';
import { startEmbedded, type RunningProcess } from '../index';

async function start(dataDir: string, env: Record<string, string> = {}): Promise<RunningProcess> {
  return startEmbedded(
    {
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'error',
      API_RESPONSE_VALIDATION: 'on',
      ...env,
    },
    { modules: roleModules.start, logStream: new PassThrough().resume() },
  );
}

/** The published events as the list endpoint shows them, once every projection has read the whole log. */
async function listedEvents(running: RunningProcess) {
  const store = running.container.get(TOKENS.EventStore);
  const projections: ProjectionSupervisor = running.container.get(TOKENS.Projections);
  await projections.waitForAll((await store.head()).checkpoint);
  const response = await fetch(`http://127.0.0.1:${running.port}/api/v1/events`);
  const body = (await response.json()) as {
    data: Array<{ slug: string; shows: unknown }>;
    meta: { total: number };
  };
  return body;
}

async function zonesOf(running: RunningProcess, slug: string) {
  const response = await fetch(`http://127.0.0.1:${running.port}/api/v1/events/${slug}`);
  const body = (await response.json()) as {
    data: { shows: Array<{ zones: Array<{ name: string; capacity: number }> }> };
  };
  return body.data.shows.flatMap((show) => show.zones.map((zone) => `${zone.name}:${zone.capacity}`));
}

describe('demo seed in the embedded process', () => {
  let dataDir: string;
  before(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'booking-rush-seed-'));
  });
  after(() => rm(dataDir, { recursive: true, force: true }));

  it('fills an empty store with an on-sale event, one behind a waiting room, and accounts that sign in', async () => {
    const running = await start(dataDir);
    try {
      const listed = await listedEvents(running);
      assert.equal(listed.meta.total, 2);
      const bySlug = new Map(listed.data.map((event) => [event.slug, event]));
      assert.deepEqual(await zonesOf(running, 'bangkok-rock-night-demo'), [
        'VIP:50',
        'Floor:500',
        'Balcony:300',
      ]);
      const queued = bySlug.get('chiang-mai-lantern-night-demo-waiting-room') as
        { waitingRoom: { enabled: boolean; admissionPerMinute: number } | null } | undefined;
      assert.equal(queued?.waitingRoom?.enabled, true);
      assert.equal(queued?.waitingRoom?.admissionPerMinute, 30);
      for (const account of Object.values(demoAccounts)) {
        const login = await fetch(`http://127.0.0.1:${running.port}/api/v1/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: account.email, password: account.password }),
        });
        assert.equal(login.status, 200, `${account.email} should sign in`);
      }
    } finally {
      await running.stop();
    }
  });

  it('leaves a store that already holds events alone on the next start', async () => {
    const running = await start(dataDir);
    try {
      assert.equal((await listedEvents(running)).meta.total, 2);
    } finally {
      await running.stop();
    }
  });

  it('seeds nothing with DEMO_SEED=off', async () => {
    const empty = await mkdtemp(path.join(tmpdir(), 'booking-rush-noseed-'));
    const running = await start(empty, { DEMO_SEED: 'off' });
    try {
      assert.equal((await listedEvents(running)).meta.total, 0);
      assert.equal((await running.container.get(TOKENS.EventStore).head()).position, 0);
    } finally {
      await running.stop();
      await rm(empty, { recursive: true, force: true });
    }
  });
});

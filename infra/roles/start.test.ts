import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { spawnRole } from './test-support';

describe('the start role, as a process', () => {
  let dataDir: string;
  before(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'booking-rush-start-'));
  });
  after(() => rm(dataDir, { recursive: true, force: true }));

  it('listens on a free port, answers /health and /ready, and exits 0 on SIGTERM', async () => {
    const role = spawnRole(['start'], { PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir });
    try {
      const listening = await role.waitForLine((line) => line.msg === 'listening');
      assert.equal(listening.service, 'booking-rush');
      assert.equal(typeof listening.port, 'number');
      assert.notEqual(listening.port, 0);
      const base = `http://127.0.0.1:${listening.port as number}`;

      const health = await fetch(`${base}/health`);
      assert.equal(health.status, 200);
      assert.deepEqual(await health.json(), { status: 'ok' });
      const ready = await fetch(`${base}/ready`);
      assert.equal(ready.status, 200);
      const body = (await ready.json()) as { status: string; checks: Record<string, { status: string }> };
      assert.equal(body.status, 'ready');
      assert.deepEqual(Object.keys(body.checks).sort(), ['eventStore', 'inventory', 'sql']);

      role.child.kill('SIGTERM');
      assert.equal(await role.exitCode(10_000), 0);
      assert.ok(
        role.lines.some((line) => line.msg === 'stopped'),
        'logs that it stopped',
      );
      assert.equal(role.stderr(), '');
    } finally {
      role.child.kill('SIGKILL');
    }
  });

  it('exits 1 naming DATABASE_URL when EVENT_STORE=postgres has no server address', async () => {
    const role = spawnRole(['start'], { PORT: '0', DATA_DIR: dataDir, EVENT_STORE: 'postgres' });
    assert.equal(await role.exitCode(), 1);
    assert.match(role.stderr(), /DATABASE_URL is required when EVENT_STORE=postgres/);
  });

  it('exits 1 naming DATABASE_URL when the PostgreSQL server cannot be reached, without the password', async () => {
    const role = spawnRole(['start'], {
      PORT: '0',
      DATA_DIR: dataDir,
      SQL_DRIVER: 'postgres',
      DATABASE_URL: 'postgres://app:hunter2@127.0.0.1:1/rush',
    });
    assert.equal(await role.exitCode(), 1);
    assert.match(role.stderr(), /DATABASE_URL: cannot connect to 127\.0\.0\.1:1 \(ECONNREFUSED\)/);
    assert.doesNotMatch(role.stderr(), /hunter2/);
    assert.doesNotMatch(JSON.stringify(role.lines), /hunter2/);
    assert.ok(
      role.lines.some((line) => line.msg === 'startup failed'),
      'logs the failure as JSON too',
    );
  });

  it('exits 1 naming KURRENTDB_URL when the KurrentDB server cannot be reached', async () => {
    const role = spawnRole(['start'], {
      PORT: '0',
      DATA_DIR: dataDir,
      EVENT_STORE: 'kurrentdb',
      KURRENTDB_URL: 'kurrentdb://127.0.0.1:1?tls=false',
    });
    assert.equal(await role.exitCode(30_000), 1);
    assert.match(role.stderr(), /KURRENTDB_URL: cannot connect to 127\.0\.0\.1:1 \(/);
  });
});

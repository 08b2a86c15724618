// PGlite would open a data directory a running server has open (and the two would corrupt it): the CLI
// refuses with what to do instead, and works once the server has stopped.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { spawnTsx } from '../../infra/roles/test-support';
import { cli } from './support';

describe('the CLI on the embedded database', () => {
  let dataDir: string;
  before(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'cli-embedded-'));
  });
  after(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('refuses while the server has it open, saying to stop it or use PostgreSQL, and works after', async () => {
    const server = spawnTsx(['tests/cli/fixtures/hold-embedded-database.ts'], { DATA_DIR: dataDir });
    try {
      const opened = await server.waitForLine((line) => line.msg === 'opened', 60_000);
      const refused = await cli({ DATA_DIR: dataDir }, 'streams', 'show', 'booking-x');
      assert.equal(refused.code, 1);
      assert.match(
        refused.err,
        new RegExp(`open in process ${String(opened.pid)} \\(a running server\\?\\)`),
      );
      assert.match(refused.err, /stop that process, or use PostgreSQL \(.*DATABASE_URL\)/);
    } finally {
      server.child.kill('SIGTERM');
      await server.exitCode(30_000);
    }
    const afterwards = await cli({ DATA_DIR: dataDir }, 'streams', 'show', 'booking-x');
    assert.deepEqual([afterwards.code, afterwards.err], [1, 'streams: stream booking-x not found\n']);
  });
});

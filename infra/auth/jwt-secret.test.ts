import assert from 'node:assert/strict';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { resolveJwtSecret } from './index';

describe('the access-token secret', () => {
  let root: string;
  before(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'jwt-secret-'));
  });
  after(() => rm(root, { recursive: true, force: true }));

  it('is JWT_SECRET when set, and then no file is written', async () => {
    const dataDir = path.join(root, 'configured');
    const resolved = await resolveJwtSecret({ jwtSecret: 'x'.repeat(32), dataDir });
    assert.deepEqual(resolved, { secret: 'x'.repeat(32), source: 'JWT_SECRET' });
    await assert.rejects(stat(dataDir), /ENOENT/);
  });

  it('is generated into <DATA_DIR>/jwt-secret with mode 0600 and read back on the next start', async () => {
    const dataDir = path.join(root, 'generated');
    const first = await resolveJwtSecret({ jwtSecret: undefined, dataDir });
    assert.equal(first.source, 'generated');
    assert.ok(first.secret.length >= 32);
    const file = path.join(dataDir, 'jwt-secret');
    assert.equal((await stat(file)).mode & 0o777, 0o600);
    const again = await resolveJwtSecret({ jwtSecret: undefined, dataDir });
    assert.deepEqual(again, { secret: first.secret, source: 'file', file });
  });

  it('is the same for processes starting together on one DATA_DIR', async () => {
    const dataDir = path.join(root, 'racing');
    const all = await Promise.all(
      Array.from({ length: 5 }, () => resolveJwtSecret({ jwtSecret: undefined, dataDir })),
    );
    assert.equal(new Set(all.map((resolved) => resolved.secret)).size, 1);
    assert.equal(all.filter((resolved) => resolved.source === 'generated').length, 1);
  });

  it('refuses a file holding a key too short to sign with', async () => {
    const dataDir = path.join(root, 'short');
    await resolveJwtSecret({ jwtSecret: undefined, dataDir });
    await writeFile(path.join(dataDir, 'jwt-secret'), 'short\n');
    await assert.rejects(resolveJwtSecret({ jwtSecret: undefined, dataDir }), /JWT_SECRET: .*fewer than 32/);
  });
});

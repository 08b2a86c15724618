import assert from 'node:assert/strict';
import { it } from 'node:test';
import { spawnTsx } from './test-support';

it('forces exit 1 on a second signal while the graceful stop is still running', async () => {
  const proc = spawnTsx(['infra/roles/fixtures/stuck-stop.ts'], {});
  try {
    await proc.waitForLine((line) => line.msg === 'ready');
    proc.child.kill('SIGTERM');
    await proc.waitForLine((line) => line.msg === 'shutting down');
    proc.child.kill('SIGINT');
    assert.equal(await proc.exitCode(), 1);
    assert.ok(
      proc.lines.some((line) => line.msg === 'second signal: forcing exit' && line.signal === 'SIGINT'),
    );
  } finally {
    proc.child.kill('SIGKILL');
  }
});

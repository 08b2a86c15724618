// render-trace.ts's arguments, without servers (the journey it draws is connected-trace.test.ts's; the
// drawing is infra/observability/trace-picture.test.ts's).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, it } from 'node:test';

const script = path.join(import.meta.dirname, 'render-trace.ts');
const tsx = path.resolve(import.meta.dirname, '../../node_modules/.bin/tsx');
const run = (args: string[], env: NodeJS.ProcessEnv = {}) =>
  spawnSync(tsx, [script, ...args], { env: { ...process.env, ...env }, encoding: 'utf8' });

describe('render-trace.ts', () => {
  it('asks for a PNG to write, and says it needs the test servers', () => {
    for (const args of [[], ['trace.svg'], ['a.png', 'b.png']]) {
      const result = run(args);
      assert.equal(result.status, 2, args.join(' '));
      assert.match(result.stderr, /usage: render-trace\.ts <out\.png> .*needs the test servers/);
    }
  });

  it('refuses to start without the test servers', () => {
    const result = run(['trace.png'], { TEST_DATABASE_URL: '', TEST_REDIS_URL: '', TEST_KAFKA_BROKERS: '' });
    assert.equal(result.status, 2);
    assert.match(result.stderr, /TEST_DATABASE_URL, TEST_REDIS_URL, TEST_KAFKA_BROKERS not set/);
  });
});

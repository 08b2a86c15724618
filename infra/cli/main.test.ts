import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, it } from 'node:test';
import { roles, runCli } from './index';

const root = path.resolve(import.meta.dirname, '../..');

function capture() {
  const io = {
    outText: '',
    errText: '',
    out: (text: string) => void (io.outText += text),
    err: (text: string) => void (io.errText += text),
  };
  return io;
}

describe('the command line', () => {
  it('prints usage listing every role for help, and for no role at all', async () => {
    for (const argv of [['help'], [], ['--help']]) {
      const io = capture();
      assert.equal(await runCli(argv, io), 0);
      assert.match(io.outText, /^Usage: tsx infra\/cli\/main\.ts <role>/);
      for (const name of [...Object.keys(roles), 'help'])
        assert.match(io.outText, new RegExp(`^  ${name} `, 'm'));
      assert.equal(io.errText, '');
    }
  });

  it('treats inherited object keys as unknown roles', async () => {
    const io = capture();
    assert.equal(await runCli(['constructor'], io), 2);
  });

  it('answers an unknown role with usage on stderr and exit code 2', () => {
    const result = spawnSync(path.join(root, 'node_modules/.bin/tsx'), ['infra/cli/main.ts', 'teleport'], {
      cwd: root,
      encoding: 'utf8',
      env: {
        ...process.env,
        PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH ?? ''}`,
      },
    });
    assert.equal(result.status, 2);
    assert.match(result.stderr, /Unknown role "teleport"/);
    assert.match(result.stderr, /Usage:/);
    assert.equal(result.stdout, '');
  });

  it('reports a configuration error as its message and exit code 1', async () => {
    const io = capture();
    assert.equal(await runCli(['start'], io, { PORT: 'abc' }), 1);
    assert.equal(
      io.errText,
      'start: Invalid configuration:\n  - PORT must be an integer 0–65535, got "abc"\n',
    );
  });
});

// Schemathesis (PyPI, installed by infra/services/lib/schemathesis.sh) generates requests from the published
// document and runs them against the embedded process, with every answer also held to the document by the
// server itself (API_RESPONSE_VALIDATION=on): no 500s, every answer conforms. The number of generated cases
// goes to the test's output and .test-artifacts/schemathesis.txt.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { repositoryRoot, startDocumentedApp } from '../../infra/http/openapi/published-document';

const schemathesis = path.join(repositoryRoot, '.services/schemathesis/bin/st');
const admin = { email: 'root@example.com', password: 'bootstrap-password' };
/** Cases per operation and phase: the whole run stays near a minute on two cores. */
const maxExamples = 50;

describe('Schemathesis against the published document', () => {
  let app: Awaited<ReturnType<typeof startDocumentedApp>>;
  before(async () => {
    // The demo seed gives the run events, shows and zones to find.
    app = await startDocumentedApp({
      DEMO_SEED: 'on',
      API_RESPONSE_VALIDATION: 'on',
      BOOTSTRAP_ADMIN_EMAIL: admin.email,
      BOOTSTRAP_ADMIN_PASSWORD: admin.password,
    });
  });
  after(() => app?.stop());

  it('finds no server error and no answer that differs from the document', async (t) => {
    const base = app.url;
    const login = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(admin),
    });
    const { data } = (await login.json()) as { data: { accessToken: string } };
    const args = [
      '--config-file',
      path.join(import.meta.dirname, 'schemathesis.toml'),
      '--no-color',
      'run',
      `${base}/api/v1/openapi.json`,
      '--header',
      `Authorization: Bearer ${data.accessToken}`,
      '--max-examples',
      String(maxExamples),
      '--workers',
      '1',
      '--seed',
      '20261207',
    ];
    const artifacts = path.join(repositoryRoot, '.test-artifacts');
    await mkdir(artifacts, { recursive: true });
    // Its cache of crashes goes where the run's other artifacts go, not into the repository.
    const options = { cwd: artifacts, maxBuffer: 64 * 1024 * 1024 };
    const run = await promisify(execFile)(schemathesis, args, options).catch(
      (failure: { stdout: string; stderr: string; code: number }) => failure,
    );
    const output = `${run.stdout}${run.stderr}`;
    await writeFile(path.join(artifacts, 'schemathesis.txt'), output);
    const generated = Number(/(\d+) generated/.exec(output)?.[1] ?? 0);
    t.diagnostic(`Schemathesis ran ${generated} generated cases`);
    assert.equal('code' in run ? run.code : 0, 0, output.slice(-6000));
    assert.ok(generated >= 1000, `only ${generated} cases were generated`);
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createHttpApp, type ReadinessCheck } from './index';
import { recordingLogger, serve } from './test-support';

async function withApp(checks: ReadinessCheck[], test: (url: string) => Promise<void>): Promise<void> {
  const server = await serve(
    createHttpApp({
      logger: recordingLogger(),
      bodyLimitBytes: 1024,
      readinessChecks: checks,
      readinessTimeoutMs: 100,
    }),
  );
  try {
    await test(server.url);
  } finally {
    await server.close();
  }
}

const healthy = (name: string): ReadinessCheck => ({ name, check: async () => 1 });

describe('health and readiness', () => {
  it('answers GET /health with 200 {status:"ok"} while the process is up', async () => {
    await withApp([{ name: 'sql', check: () => Promise.reject(new Error('down')) }], async (url) => {
      const response = await fetch(`${url}/health`);
      assert.equal(response.status, 200);
      assert.deepEqual(await response.json(), { status: 'ok' });
    });
  });

  it('answers GET /ready with 200 when every check passes', async () => {
    await withApp([healthy('sql'), healthy('eventStore')], async (url) => {
      const response = await fetch(`${url}/ready`);
      assert.equal(response.status, 200);
      const body = (await response.json()) as { status: string; checks: Record<string, { status: string }> };
      assert.equal(body.status, 'ready');
      assert.deepEqual(Object.keys(body.checks), ['sql', 'eventStore']);
      assert.equal(body.checks.sql?.status, 'ok');
    });
  });

  it('answers 503 naming the check that failed or did not answer in time', async () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 10.0.0.5:5432'), { code: 'ECONNREFUSED' });
    const checks: ReadinessCheck[] = [
      healthy('sql'),
      { name: 'eventStore', check: () => Promise.reject(refused) },
      { name: 'redis', check: () => new Promise(() => {}) },
    ];
    await withApp(checks, async (url) => {
      const response = await fetch(`${url}/ready`);
      assert.equal(response.status, 503);
      const body = (await response.json()) as {
        status: string;
        checks: Record<string, { status: string; error?: string }>;
      };
      assert.equal(body.status, 'not_ready');
      assert.equal(body.checks.sql?.status, 'ok');
      assert.deepEqual(
        { ...body.checks.eventStore, durationMs: 0 },
        { status: 'failed', error: 'ECONNREFUSED', durationMs: 0 },
      );
      assert.equal(body.checks.redis?.status, 'failed');
      assert.equal(body.checks.redis?.error, 'timed out after 100 ms');
    });
  });

  it('is ready with no checks registered', async () => {
    await withApp([], async (url) => {
      assert.equal((await fetch(`${url}/ready`)).status, 200);
    });
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Router } from 'express';
import { ok } from '../http-edge';
import { createHttpApp } from './index';
import { recordingLogger, serve } from './test-support';

const router = Router();
router.get('/fine', (_req, res) => ok(res, 'fine'));
router.get('/bug', () => {
  throw new Error('a bug');
});

async function headersOf(servedOverTls: boolean | undefined, paths: readonly string[]) {
  const app = createHttpApp({
    logger: recordingLogger(),
    bodyLimitBytes: 1024,
    servedOverTls,
    routes: [{ path: '/t', handler: router, operations: [] }],
  });
  const server = await serve(app);
  try {
    return await Promise.all(paths.map(async (path) => (await fetch(`${server.url}${path}`)).headers));
  } finally {
    await server.close();
  }
}

describe('security headers', () => {
  const answers = ['/api/v1/t/fine', '/api/v1/t/bug', '/api/v1/nowhere', '/api/v1/t/%', '/health', '/ready'];

  it('are on every answer: success, error, 404, refusal and probes', async () => {
    for (const [index, headers] of (await headersOf(undefined, answers)).entries()) {
      const path = answers[index];
      assert.equal(
        headers.get('content-security-policy'),
        "default-src 'none'; frame-ancestors 'none'",
        path,
      );
      assert.equal(headers.get('x-frame-options'), 'DENY', path);
      assert.equal(headers.get('x-content-type-options'), 'nosniff', path);
      assert.equal(headers.get('referrer-policy'), 'no-referrer', path);
      assert.equal(headers.get('strict-transport-security'), null, `${path}: no HSTS over plain HTTP`);
    }
  });

  it('add Strict-Transport-Security when the service is served over TLS', async () => {
    for (const headers of await headersOf(true, answers)) {
      assert.equal(headers.get('strict-transport-security'), 'max-age=31536000; includeSubDomains');
    }
  });
});

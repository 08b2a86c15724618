import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Router } from 'express';
import { ok } from '../http-edge';
import { createHttpApp } from './index';
import { recordingLogger, serve } from './test-support';

describe('URLs the app cannot take', () => {
  const logger = recordingLogger();
  const seen: unknown[] = [];
  const router = Router();
  router.get('/things/:id', (req, res) => {
    seen.push(req.params.id);
    ok(res, req.params.id);
  });
  router.get('/things', (req, res) => {
    seen.push(req.query.search);
    ok(res, req.query.search ?? null);
  });
  let server: Awaited<ReturnType<typeof serve>>;
  before(async () => {
    server = await serve(
      createHttpApp({
        logger,
        bodyLimitBytes: 1024,
        routes: [{ path: '', handler: router, operations: [] }],
      }),
    );
  });
  after(() => server.close());

  const get = async (path: string) => {
    const response = await fetch(`${server.url}${path}`);
    return {
      status: response.status,
      body: (await response.json()) as { data?: unknown; error?: { code: string } },
    };
  };

  it('refuses a path that is not valid percent-encoding with 400 VALIDATION_ERROR, before any route', async () => {
    for (const path of [
      '/api/v1/things/%',
      '/api/v1/things/%zz',
      '/api/v1/things/%E0%A4%A',
      '/%',
      '/api/v1/%',
    ]) {
      const reply = await get(path);
      assert.equal(reply.status, 400, path);
      assert.equal(reply.body.error?.code, 'VALIDATION_ERROR', path);
    }
    assert.deepEqual(seen, []);
    assert.equal(
      logger.lines.filter((line) => line.level === 'error').length,
      0,
      'nothing logged as a failure',
    );
  });

  it('refuses a NUL character in a path parameter or the query with 400 VALIDATION_ERROR, before any route', async () => {
    for (const path of [
      '/api/v1/things/a%00b',
      '/api/v1/things?search=%00',
      '/api/v1/things?search=a&x=%00',
    ]) {
      const reply = await get(path);
      assert.equal(reply.status, 400, path);
      assert.equal(reply.body.error?.code, 'VALIDATION_ERROR', path);
    }
    assert.deepEqual(seen, [], 'no handler (and so no query) saw the value');
  });

  it('still decodes a well-formed path and query', async () => {
    assert.deepEqual(await get('/api/v1/things/caf%C3%A9'), {
      status: 200,
      body: { success: true, data: 'café' },
    });
    assert.deepEqual(await get('/api/v1/things?search=100%25%20sure'), {
      status: 200,
      body: { success: true, data: '100% sure' },
    });
  });
});

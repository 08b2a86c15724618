import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Router } from 'express';
import { ok } from '../http-edge';
import { createHttpApp } from './index';
import { recordingLogger, serve } from './test-support';

describe('a known path asked with another method', () => {
  const events = Router();
  events.get('/', (_req, res) => ok(res, []));
  events.post('/', (_req, res) => ok(res, 'created'));
  events.get('/:id', (req, res) => ok(res, req.params.id));
  events.patch('/:id', (req, res) => ok(res, req.params.id));
  events.post('/:id/publish', (req, res) => ok(res, req.params.id));
  let server: Awaited<ReturnType<typeof serve>>;
  before(async () => {
    server = await serve(
      createHttpApp({
        logger: recordingLogger(),
        bodyLimitBytes: 1024,
        routes: [{ path: '/events', handler: events, operations: [] }],
      }),
    );
  });
  after(() => server.close());

  const send = (method: string, path: string) => fetch(`${server.url}${path}`, { method });

  it('answers 405 METHOD_NOT_ALLOWED with Allow listing the methods of that path', async () => {
    for (const [method, path, allow] of [
      ['DELETE', '/api/v1/events', 'GET, HEAD, POST'],
      ['PUT', '/api/v1/events/e1', 'GET, HEAD, PATCH'],
      ['GET', '/api/v1/events/e1/publish', 'POST'],
      ['POST', '/health', 'GET, HEAD'],
    ] as const) {
      const response = await send(method, path);
      assert.equal(response.status, 405, `${method} ${path}`);
      assert.equal(response.headers.get('allow'), allow, `${method} ${path}`);
      assert.deepEqual(await response.json(), {
        success: false,
        error: {
          code: 'METHOD_NOT_ALLOWED',
          message: `${method} is not allowed on ${path}`,
          details: { allowed: allow.split(', ') },
        },
      });
    }
  });

  it('keeps 404 NOT_FOUND for a path no route knows', async () => {
    for (const path of ['/api/v1/nothing', '/api/v1/events/e1/unpublish']) {
      const response = await send('DELETE', path);
      assert.equal(response.status, 404, path);
      assert.equal(response.headers.get('allow'), null);
    }
  });

  it('answers the methods a path has as before', async () => {
    assert.equal((await send('PATCH', '/api/v1/events/e1')).status, 200);
    assert.equal((await send('HEAD', '/api/v1/events/e1')).status, 200);
  });
});

describe('OPTIONS on a path served by two routers', () => {
  const reads = Router();
  reads.get('/events', (_req, res) => ok(res, []));
  const writes = Router();
  writes.post('/events', (_req, res) => ok(res, 'created'));
  let server: Awaited<ReturnType<typeof serve>>;
  before(async () => {
    server = await serve(
      createHttpApp({
        logger: recordingLogger(),
        bodyLimitBytes: 1024,
        routes: [
          { path: '', handler: reads, operations: [] },
          { path: '', handler: writes, operations: [] },
        ],
      }),
    );
  });
  after(() => server.close());

  it('answers 204 with Allow listing the methods of both (express alone named only the first router’s)', async () => {
    const response = await fetch(`${server.url}/api/v1/events`, { method: 'OPTIONS' });
    assert.equal(response.status, 204);
    assert.equal(response.headers.get('allow'), 'GET, HEAD, POST, OPTIONS');
  });

  it('leaves an unknown path to the 404', async () => {
    const response = await fetch(`${server.url}/api/v1/nowhere`, { method: 'OPTIONS' });
    assert.equal(response.status, 404);
  });
});

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Router } from 'express';
import { AppError } from '../../domain/shared';
import { created, ok, pageMeta } from '../http-edge';
import { createHttpApp } from './index';
import { recordingLogger, serve } from './test-support';

const logger = recordingLogger();
const router = Router();
router.post('/echo', (req, res) => created(res, req.body));
router.get('/list', (_req, res) => ok(res, ['a'], pageMeta(1, 20, 41)));
router.get('/ip', (req, res) => ok(res, req.ip));
router.get('/conflict', () => {
  throw new AppError('INSUFFICIENT_SEATS', 'Only 2 seats left', { available: 2 });
});
router.get('/async-bug', async () => {
  await Promise.resolve();
  throw new Error('SELECT secret FROM users blew up');
});

describe('the HTTP app', () => {
  let server: Awaited<ReturnType<typeof serve>>;
  before(async () => {
    server = await serve(
      createHttpApp({
        logger,
        bodyLimitBytes: 1024,
        routes: [{ path: '/test', handler: router, operations: [] }],
      }),
    );
  });
  after(() => server.close());

  const post = (path: string, body: string) =>
    fetch(`${server.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });

  it('answers the success envelope, with meta when given', async () => {
    const echo = await post('/api/v1/test/echo', '{"zoneId":"z1","quantity":2}');
    assert.equal(echo.status, 201);
    assert.deepEqual(await echo.json(), { success: true, data: { zoneId: 'z1', quantity: 2 } });
    const list = await fetch(`${server.url}/api/v1/test/list`);
    assert.deepEqual(await list.json(), {
      success: true,
      data: ['a'],
      meta: { page: 1, pageSize: 20, total: 41, totalPages: 3 },
    });
  });

  it('answers an unknown route with the 404 envelope', async () => {
    const response = await fetch(`${server.url}/api/v1/nowhere`);
    assert.equal(response.status, 404);
    assert.deepEqual(await response.json(), {
      success: false,
      error: { code: 'NOT_FOUND', message: 'No route for GET /api/v1/nowhere' },
    });
  });

  it('rejects malformed JSON with 400 VALIDATION_ERROR', async () => {
    const response = await post('/api/v1/test/echo', '{"zoneId": ');
    assert.equal(response.status, 400);
    assert.deepEqual(await response.json(), {
      success: false,
      error: { code: 'VALIDATION_ERROR', message: 'Request body is not valid JSON' },
    });
  });

  it('rejects a body over the limit with 413 PAYLOAD_TOO_LARGE', async () => {
    const response = await post('/api/v1/test/echo', JSON.stringify({ padding: 'x'.repeat(2048) }));
    assert.equal(response.status, 413);
    const body = (await response.json()) as { error: { code: string } };
    assert.equal(body.error.code, 'PAYLOAD_TOO_LARGE');
  });

  it('turns an AppError into its status, code, message and details', async () => {
    const response = await fetch(`${server.url}/api/v1/test/conflict`);
    assert.equal(response.status, 409);
    assert.deepEqual(await response.json(), {
      success: false,
      error: { code: 'INSUFFICIENT_SEATS', message: 'Only 2 seats left', details: { available: 2 } },
    });
  });

  it('turns any other error into 500 INTERNAL_ERROR without stack or SQL, and logs it with the correlation id', async () => {
    const response = await fetch(`${server.url}/api/v1/test/async-bug`, {
      headers: { 'x-correlation-id': 'bug-1' },
    });
    assert.equal(response.status, 500);
    const text = await response.text();
    assert.deepEqual(JSON.parse(text), {
      success: false,
      error: { code: 'INTERNAL_ERROR', message: 'Internal server error' },
    });
    assert.doesNotMatch(text, /SELECT|at |\.ts/);
    const line = logger.lines.find((entry) => entry.msg === 'unhandled error');
    assert.ok(line, 'the error is logged');
    assert.equal(line.level, 'error');
    assert.equal(line.correlationId, 'bug-1');
    assert.match(String((line.meta.error as Error).message), /SELECT secret/);
  });

  it('echoes a sane correlation id and replaces a missing or unsafe one', async () => {
    const given = await fetch(`${server.url}/api/v1/test/list`, {
      headers: { 'x-correlation-id': 'abc-123.x:y_z' },
    });
    assert.equal(given.headers.get('x-correlation-id'), 'abc-123.x:y_z');
    const missing = await fetch(`${server.url}/api/v1/test/list`);
    assert.match(missing.headers.get('x-correlation-id') ?? '', /^[0-9a-f-]{36}$/);
    const unsafe = await fetch(`${server.url}/api/v1/test/list`, {
      headers: { 'x-correlation-id': 'x'.repeat(200) },
    });
    assert.match(unsafe.headers.get('x-correlation-id') ?? '', /^[0-9a-f-]{36}$/);
    const spaced = await fetch(`${server.url}/api/v1/test/list`, {
      headers: { 'x-correlation-id': 'a b<script>' },
    });
    assert.match(spaced.headers.get('x-correlation-id') ?? '', /^[0-9a-f-]{36}$/);
  });

  it('does not announce express', async () => {
    const response = await fetch(`${server.url}/health`);
    assert.equal(response.headers.get('x-powered-by'), null);
  });
});

describe('the HTTP app behind a reverse proxy', () => {
  const ipSeen = async (trustProxyHops: number | undefined, forwardedFor: string) => {
    const server = await serve(
      createHttpApp({
        logger,
        bodyLimitBytes: 1024,
        trustProxyHops,
        routes: [{ path: '/test', handler: router, operations: [] }],
      }),
    );
    try {
      const response = await fetch(`${server.url}/api/v1/test/ip`, {
        headers: { 'x-forwarded-for': forwardedFor },
      });
      return ((await response.json()) as { data: string }).data;
    } finally {
      await server.close();
    }
  };

  it('takes the client address from X-Forwarded-For only for the configured number of proxies', async () => {
    assert.match(
      await ipSeen(undefined, '203.0.113.7'),
      /127\.0\.0\.1$/,
      'no proxy trusted: a header is not believed',
    );
    assert.equal(await ipSeen(1, '203.0.113.7'), '203.0.113.7');
    assert.equal(
      await ipSeen(1, '198.51.100.1, 203.0.113.7'),
      '203.0.113.7',
      'a forged left part is ignored',
    );
  });
});

import 'reflect-metadata';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { gzipSync } from 'node:zlib';
import { after, before, describe, it } from 'node:test';
import { Transform } from 'class-transformer';
import { IsString } from 'class-validator';
import { Router } from 'express';
import { created, validateBody } from '../http-edge';
import { createHttpApp } from './index';
import { recordingLogger, serve } from './test-support';

/** A DTO with a class-transformer decorator: validateBody hands it to plainToInstance, which recurses. */
class TrimmedDto {
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  name!: string;
}

const router = Router();
router.post('/echo', (req, res) => created(res, req.body ?? null));
router.post('/dto', async (req, res) => created(res, await validateBody(TrimmedDto, req.body)));

type Sent = {
  status: number;
  body: {
    success: boolean;
    data?: unknown;
    error?: { code: string; message: string; details?: unknown };
  };
};

type Headers = Record<string, string | number>;

/** The app on a free port and raw requests to it, so a test sets Content-Length and the other headers itself. */
async function openApp(bodyLimitBytes: number) {
  const app = createHttpApp({
    logger: recordingLogger(),
    bodyLimitBytes,
    routes: [{ path: '/t', handler: router, operations: [] }],
  });
  const server = await serve(app);
  const { hostname, port } = new URL(server.url);
  const send = (body: Buffer | string, headers: Headers, path = '/api/v1/t/echo'): Promise<Sent> =>
    new Promise((resolve, reject) => {
      const req = request({ hostname, port, path, method: 'POST', headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode!,
            body: JSON.parse(Buffer.concat(chunks).toString()) as Sent['body'],
          }),
        );
      });
      req.on('error', reject);
      req.end(body);
    });
  const to = (path: string, text: string, headers: Headers = {}) =>
    send(
      text,
      { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers },
      path,
    );
  return { send, to, close: () => server.close() };
}

describe('JSON request bodies', () => {
  let app: Awaited<ReturnType<typeof openApp>>;
  before(async () => {
    app = await openApp(1024);
  });
  after(() => app.close());

  const send = (body: Buffer | string, headers: Headers) => app.send(body, headers);
  const to = (path: string, text: string, headers: Headers = {}) => app.to(path, text, headers);
  const json = (text: string, type = 'application/json') =>
    send(text, { 'content-type': type, 'content-length': Buffer.byteLength(text) });

  it('parses an object or an array, with or without charset=utf-8, and drops a byte-order mark', async () => {
    assert.deepEqual((await json('{"a":[1,{"b":null}]}')).body.data, { a: [1, { b: null }] });
    assert.deepEqual((await json('[1,2]', 'application/json; charset=UTF-8')).body.data, [1, 2]);
    assert.deepEqual((await json('\uFEFF{"bom":true}')).body.data, { bom: true });
    assert.deepEqual((await json('{"thai":"ภาษาไทย"}')).body.data, { thai: 'ภาษาไทย' });
  });

  it('takes an empty body as an empty object', async () => {
    assert.deepEqual((await json('')).body.data, {});
  });

  it('refuses malformed JSON and a bare value at the top with 400 VALIDATION_ERROR', async () => {
    for (const text of ['{"a": ', '"just a string"', '42', 'null']) {
      const sent = await json(text);
      assert.equal(sent.status, 400, text);
      assert.equal(sent.body.error?.code, 'VALIDATION_ERROR', text);
    }
  });

  it('refuses a Content-Length over the limit with 413 before reading the body', async () => {
    const sent = await json(JSON.stringify({ padding: 'x'.repeat(2000) }));
    assert.equal(sent.status, 413);
    assert.equal(sent.body.error?.code, 'PAYLOAD_TOO_LARGE');
  });

  it('leaves compressed, chunked and other bodies to express.json, with its answers', async () => {
    const gz = gzipSync('{"zipped":true}');
    const zipped = await send(gz, {
      'content-type': 'application/json',
      'content-encoding': 'gzip',
      'content-length': gz.length,
    });
    assert.deepEqual(zipped.body.data, { zipped: true });
    const chunked = await send('{"chunked":true}', {
      'content-type': 'application/json',
      'transfer-encoding': 'chunked',
    });
    assert.deepEqual(chunked.body.data, { chunked: true });
    const latin = await send(Buffer.from('{"é":1}', 'latin1'), {
      'content-type': 'application/json; charset=iso-8859-1',
      'content-length': 7,
    });
    // body-parser refuses JSON in other charsets (415), answered as the API's 400.
    assert.equal(latin.status, 400);
    assert.equal(latin.body.error?.code, 'VALIDATION_ERROR');
    const text = await send('plain', { 'content-type': 'text/plain', 'content-length': 5 });
    assert.equal(text.body.data, null);
  });

  it('refuses a compressed Content-Encoding over a body that is not compressed with 400 VALIDATION_ERROR', async () => {
    for (const encoding of ['gzip', 'deflate', 'br']) {
      const sent = await to('/api/v1/t/echo', '{"plain":true}', { 'content-encoding': encoding });
      assert.equal(sent.status, 400, encoding);
      assert.equal(sent.body.error?.code, 'VALIDATION_ERROR', encoding);
      assert.match(sent.body.error?.message ?? '', /could not be decoded/, encoding);
    }
  });

  it('refuses a string or key with a NUL character or a lone surrogate, naming the field', async () => {
    for (const [text, field, reason] of [
      ['{"name":"a\\u0000b"}', 'name', 'must not contain the NUL character (\\u0000)'],
      [
        '{"shows":[{"name":"x"},{"name":"\\ud800"}]}',
        'shows.1.name',
        'must not contain a lone UTF-16 surrogate',
      ],
      ['{"a\\u0000":1}', 'a\u0000', 'key must not contain the NUL character (\\u0000)'],
    ] as const) {
      const sent = await to('/api/v1/t/echo', text);
      assert.equal(sent.status, 400, text);
      assert.deepEqual(sent.body.error, {
        code: 'VALIDATION_ERROR',
        message: `Invalid request body: ${field}: ${reason}`,
        details: [{ field, reasons: [reason] }],
      });
    }
    const pair = await to('/api/v1/t/echo', '{"name":"\\ud83c\\udfab ticket"}');
    assert.deepEqual(pair.body.data, { name: '🎫 ticket' }, 'a surrogate pair is a character like any other');
  });
});

describe('deeply nested JSON bodies', () => {
  let app: Awaited<ReturnType<typeof openApp>>;
  before(async () => {
    app = await openApp(64 * 1024);
  });
  after(() => app.close());

  const nested = (levels: number) => '{"a":'.repeat(levels - 1) + '{}' + '}'.repeat(levels - 1);

  it('refuses JSON nested deeper than 32 levels with 400 VALIDATION_ERROR, before a DTO is built from it', async () => {
    assert.equal((await app.to('/api/v1/t/echo', nested(32))).status, 201, '32 levels pass');
    for (const [levels, path] of [
      [33, '/api/v1/t/echo'],
      [3000, '/api/v1/t/dto'],
      [3000, '/api/v1/t/echo'],
    ] as const) {
      const sent = await app.to(path, nested(levels));
      assert.equal(sent.status, 400, `${levels} levels to ${path}`);
      assert.deepEqual(sent.body.error, {
        code: 'VALIDATION_ERROR',
        message: 'Request body is nested deeper than 32 levels',
      });
    }
    const arrays = await app.to('/api/v1/t/dto', `{"name":${'['.repeat(3000)}${']'.repeat(3000)}}`);
    assert.equal(arrays.status, 400, 'arrays count as nesting too');
    const chunked = await app.send(nested(3000), {
      'content-type': 'application/json',
      'transfer-encoding': 'chunked',
    });
    assert.equal(chunked.status, 400, 'a body read by express.json is checked the same way');
  });
});

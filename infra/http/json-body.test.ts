import assert from 'node:assert/strict';
import { request } from 'node:http';
import { gzipSync } from 'node:zlib';
import { after, before, describe, it } from 'node:test';
import { Router } from 'express';
import { created } from '../ports/http';
import { createHttpApp } from './index';
import { recordingLogger, serve } from './test-support';

const router = Router();
router.post('/echo', (req, res) => created(res, req.body ?? null));

type Sent = { status: number; body: { success: boolean; data?: unknown; error?: { code: string } } };

describe('JSON request bodies', () => {
  let server: Awaited<ReturnType<typeof serve>>;
  before(async () => {
    const app = createHttpApp({
      logger: recordingLogger(),
      bodyLimitBytes: 1024,
      routes: [{ path: '/t', handler: router }],
    });
    server = await serve(app);
  });
  after(() => server.close());

  /** A raw request, so the test sets Content-Length and the other headers itself. */
  function send(body: Buffer | string, headers: Record<string, string | number>): Promise<Sent> {
    const { hostname, port } = new URL(server.url);
    return new Promise((resolve, reject) => {
      const req = request({ hostname, port, path: '/api/v1/t/echo', method: 'POST', headers }, (res) => {
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
  }
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
});

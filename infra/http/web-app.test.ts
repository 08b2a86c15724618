import assert from 'node:assert/strict';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Router } from 'express';
import { ok } from '../http-edge';
import { createHttpApp } from './index';
import { recordingLogger, serve } from './test-support';
import { webApp } from './web-app';

const html = { accept: 'text/html,application/xhtml+xml' };

/** The policy SvelteKit writes into the page (web/vite.config.ts `csp`), with its start-up script's hash. */
const buildPolicy = "default-src 'self'; script-src 'self' 'sha256-abc='; style-src 'self'";

async function builtApp(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'web-build-'));
  await mkdir(join(dir, '_app/immutable'), { recursive: true });
  await writeFile(
    join(dir, 'index.html'),
    `<!doctype html><title>app shell</title><meta http-equiv="content-security-policy" content="${buildPolicy}">`,
  );
  await writeFile(join(dir, '_app/immutable/entry.abc123.js'), 'console.log(1)');
  await writeFile(join(dir, 'favicon.svg'), '<svg/>');
  return dir;
}

function appServing(dir: string) {
  const router = Router();
  router.get('/events', (_req, res) => ok(res, ['an event']));
  return createHttpApp({
    logger: recordingLogger(),
    bodyLimitBytes: 1024,
    routes: [{ path: '', handler: router, operations: [] }],
    siteHandlers: [webApp(dir)],
  });
}

describe('the web app on the API port', () => {
  let server: Awaited<ReturnType<typeof serve>>;
  before(async () => {
    server = await serve(appServing(await builtApp()));
  });
  after(() => server.close());

  it('serves hashed assets cached for a year and other files revalidated', async () => {
    const asset = await fetch(`${server.url}/_app/immutable/entry.abc123.js`);
    assert.equal(asset.status, 200);
    assert.equal(asset.headers.get('cache-control'), 'public, max-age=31536000, immutable');
    assert.equal(await asset.text(), 'console.log(1)');
    const icon = await fetch(`${server.url}/favicon.svg`);
    assert.equal(icon.headers.get('cache-control'), 'no-cache');
  });

  it('answers the app shell for any page a browser asks for (deep links)', async () => {
    for (const path of ['/', '/events/rock-night', '/bookings/123?status=reserved']) {
      const page = await fetch(`${server.url}${path}`, { headers: html });
      assert.equal(page.status, 200, path);
      assert.match(await page.text(), /app shell/);
      assert.equal(page.headers.get('cache-control'), 'no-cache');
    }
  });

  it('answers the app shell at the site root whatever the client accepts (curl, no Accept)', async () => {
    for (const headers of [{ accept: '*/*' }, {}, { accept: 'application/json' }]) {
      const page = await fetch(`${server.url}/`, { headers });
      assert.equal(page.status, 200, JSON.stringify(headers));
      assert.match(page.headers.get('content-type') ?? '', /^text\/html/, JSON.stringify(headers));
      assert.match(await page.text(), /app shell/);
    }
    const head = await fetch(`${server.url}/`, { method: 'HEAD', headers: { accept: '*/*' } });
    assert.equal(head.status, 200);
  });

  it('keeps unknown pages outside the API a 404 for clients that do not ask for HTML', async () => {
    const page = await fetch(`${server.url}/events/rock-night`, { headers: { accept: '*/*' } });
    assert.equal(page.status, 404);
    const api = await fetch(`${server.url}/api/v1/nothing-here`, { headers: { accept: '*/*' } });
    assert.equal(api.status, 404);
    assert.equal(((await api.json()) as { error: { code: string } }).error.code, 'NOT_FOUND');
  });

  it('keeps a missing asset a 404 instead of the shell', async () => {
    const missing = await fetch(`${server.url}/_app/immutable/gone.js`, { headers: { accept: '*/*' } });
    assert.equal(missing.status, 404);
  });

  it('leaves the API, its 404 envelope and the probes alone', async () => {
    const events = await fetch(`${server.url}/api/v1/events`, { headers: html });
    assert.deepEqual(await events.json(), { success: true, data: ['an event'] });
    const unknown = await fetch(`${server.url}/api/v1/nothing-here`, { headers: html });
    assert.equal(unknown.status, 404);
    assert.equal(((await unknown.json()) as { error: { code: string } }).error.code, 'NOT_FOUND');
    const health = await fetch(`${server.url}/health`, { headers: html });
    assert.equal(health.headers.get('content-type')?.includes('application/json'), true);
  });

  it("sends the page's own policy with frame-ancestors, and the other security headers, with the app", async () => {
    for (const [path, accept] of [
      ['/events/rock-night', html],
      ['/index.html', html],
      ['/_app/immutable/entry.abc123.js', { accept: '*/*' }],
    ] as const) {
      const response = await fetch(`${server.url}${path}`, { headers: accept });
      assert.equal(response.status, 200, path);
      assert.equal(
        response.headers.get('content-security-policy'),
        `${buildPolicy}; frame-ancestors 'none'`,
        path,
      );
      assert.equal(response.headers.get('x-frame-options'), 'DENY', path);
      assert.equal(response.headers.get('x-content-type-options'), 'nosniff', path);
      assert.equal(response.headers.get('referrer-policy'), 'no-referrer', path);
    }
    const api = await fetch(`${server.url}/api/v1/events`, { headers: html });
    assert.equal(api.headers.get('content-security-policy'), "default-src 'none'; frame-ancestors 'none'");
  });

  it('does not answer writes outside the API with the shell', async () => {
    const post = await fetch(`${server.url}/events`, { method: 'POST', headers: html });
    assert.equal(post.status, 404);
  });
});

describe('the web app built without a policy of its own', () => {
  it("falls back to default-src 'self' for its page, under which the app visibly fails to start", async () => {
    const dir = await builtApp();
    await writeFile(join(dir, 'index.html'), '<!doctype html><title>app shell</title>');
    const server = await serve(appServing(dir));
    try {
      const page = await fetch(`${server.url}/`, { headers: html });
      assert.equal(page.headers.get('content-security-policy'), "default-src 'self'; frame-ancestors 'none'");
    } finally {
      await server.close();
    }
  });
});

describe('the web app before it is built', () => {
  it('answers a page saying how to build it, and the API keeps working', async () => {
    const server = await serve(appServing(join(tmpdir(), 'no-such-web-build')));
    try {
      for (const headers of [html, { accept: '*/*' }]) {
        const page = await fetch(`${server.url}/`, { headers });
        assert.equal(page.status, 503);
        assert.match(await page.text(), /npm run build:web/);
      }
      const api = await fetch(`${server.url}/api/v1/events`);
      assert.equal(api.status, 200);
    } finally {
      await server.close();
    }
  });
});

// The published contract: the document the embedded process serves against its own routing table, the
// committed reference (docs/openapi.json) and the types generated from it, and Swagger UI.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Express } from 'express';
import { TOKENS } from '../../infra/di';
import { routeTable } from '../../infra/http/allowed-methods';
import type { OpenApiDocument } from '../../infra/http/openapi/openapi-document';
import {
  documentText,
  publishedDocumentFile,
  repositoryRoot,
  responseSchemasFile,
  startDocumentedApp,
  webTypes,
  webTypesFile,
} from '../../infra/http/openapi/published-document';
import { generateResponseSchemas, responseSchemasModule } from '../../infra/http/openapi/response-schemas';

const stale = 'is stale: run `npm run openapi` and commit what it writes';

describe('the OpenAPI document', () => {
  let app: Awaited<ReturnType<typeof startDocumentedApp>>;
  let document: OpenApiDocument;
  before(async () => {
    app = await startDocumentedApp();
    document = (await (await fetch(`${app.url}/api/v1/openapi.json`)).json()) as OpenApiDocument;
  });
  after(() => app?.stop());

  it('describes every route of the app under /api/v1, and no route the app lacks', async () => {
    const express = (await app.running.container.getAsync(TOKENS.HttpApp)) as Express;
    const served = routeTable(express)
      .filter((route) => route.path.startsWith('/api/v1/'))
      .map((route) => `${route.method} ${route.path.replace(/:([A-Za-z0-9_]+)/g, '{$1}')}`);
    const described = Object.entries(document.paths).flatMap(([route, item]) =>
      Object.keys(item).map((method) => `${method.toUpperCase()} ${route}`),
    );
    assert.deepEqual([...new Set(served)].sort(), described.sort());
    assert.equal(served.length, new Set(served).size, 'no route is served twice');
    assert.ok(served.length >= 40, `express's routing table read as ${served.length} routes`);
  });

  it('never names one path twice with different parameter names (OpenAPI calls them identical)', () => {
    const shapes = Object.keys(document.paths).map((route) => route.replace(/\{[^}]+\}/g, '{}'));
    assert.equal(
      new Set(shapes).size,
      shapes.length,
      shapes.filter((shape, i) => shapes.indexOf(shape) !== i).join(', '),
    );
  });

  it('gives every operation an id, a summary, a tag and its errors', () => {
    for (const [route, item] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(item)) {
        const { operationId, summary, tags, responses } = operation as {
          operationId?: string;
          summary?: string;
          tags?: string[];
          responses: Record<string, unknown>;
        };
        assert.ok(operationId && summary && tags?.length === 1, `${method} ${route}`);
        assert.ok(
          Object.keys(responses).some((status) => status.startsWith('2')),
          `${method} ${route} succeeds`,
        );
        assert.ok(responses['400'] && responses['503'], `${method} ${route} documents its errors`);
      }
    }
  });

  it('is the committed reference, docs/openapi.json', async () => {
    assert.equal(
      await readFile(publishedDocumentFile, 'utf8'),
      documentText(document),
      `docs/openapi.json ${stale}`,
    );
  });

  it('matches the response types it was generated from', async () => {
    const fresh = responseSchemasModule(generateResponseSchemas(path.join(repositoryRoot, 'tsconfig.json')));
    assert.equal(
      await readFile(responseSchemasFile, 'utf8'),
      fresh,
      `${path.basename(responseSchemasFile)} ${stale}`,
    );
  });

  it("is where the web app's API types come from", async () => {
    assert.equal(
      await readFile(webTypesFile, 'utf8'),
      await webTypes(document),
      `${path.basename(webTypesFile)} ${stale}`,
    );
  });

  it('is browsable in Swagger UI at /api/docs, served from this server under a policy without inline scripts', async () => {
    const bare = await fetch(`${app.url}/api/docs`, { redirect: 'manual' });
    assert.equal(bare.status, 301);
    assert.equal(bare.headers.get('location'), '/api/docs/');
    const page = await fetch(`${app.url}/api/docs/`);
    assert.equal(page.status, 200);
    const html = await page.text();
    assert.match(html, /<title>Booking Rush API<\/title>/);
    assert.match(html, /src="\.\/swagger-ui-bundle\.js"/);
    assert.doesNotMatch(html, /https?:\/\//, 'nothing from another origin');
    const policy = page.headers.get('content-security-policy') ?? '';
    assert.match(policy, /script-src 'self';/);
    assert.match(policy, /frame-ancestors 'none'/);
    const bundle = await fetch(`${app.url}/api/docs/swagger-ui-bundle.js`);
    assert.equal(bundle.status, 200);
    assert.match(bundle.headers.get('content-type') ?? '', /javascript/);
    const initializer = await (await fetch(`${app.url}/api/docs/swagger-initializer.js`)).text();
    assert.match(initializer, /url: "\/api\/v1\/openapi\.json"/);
  });
});

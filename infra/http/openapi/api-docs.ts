import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import express, { Router, type RequestHandler } from 'express';
import type { ApiOperation } from '../../http-edge';
import type { OpenApiDocument } from './openapi-document';

export const apiDocsPath = '/api/docs';

/** The document's own operation: the API describes where its description is. */
export const openApiOperation: ApiOperation = {
  method: 'get',
  path: '/openapi.json',
  operationId: 'getOpenApiDocument',
  tag: 'API',
  summary: 'This OpenAPI 3.1 document',
  description: `Generated from the routes and their DTOs; browse it with Swagger UI at ${apiDocsPath}.`,
  access: 'public',
  responses: { 200: { description: 'The document', raw: 'object' } },
  errors: [],
};

/** Swagger UI draws with inline styles; its scripts are files of this origin, so scripts stay strict. */
const docsContentSecurityPolicy =
  "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
  "connect-src 'self'; frame-ancestors 'none'";

const initializer = (documentUrl: string) =>
  `window.onload = function () {
  window.ui = SwaggerUIBundle({
    url: ${JSON.stringify(documentUrl)},
    dom_id: '#swagger-ui',
    deepLinking: true,
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
    layout: 'StandaloneLayout',
  });
};
`;

/** `GET <base>/openapi.json`, mounted under the API with the other routers. */
export function openApiRoutes(document: OpenApiDocument): Router {
  const body = JSON.stringify(document);
  return Router().get('/openapi.json', (_req, res) => {
    res.type('application/json').send(body);
  });
}

/**
 * Swagger UI at `/api/docs`, from the swagger-ui-dist package on this server (no CDN), pointed at the
 * document of this app.
 */
export function apiDocsRoutes(documentUrl: string): RequestHandler {
  const assets = path.dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
  const router = Router();
  router.use((_req, res, next) => {
    res.setHeader('Content-Security-Policy', docsContentSecurityPolicy);
    next();
  });
  let page: Promise<string> | undefined;
  router.get('/', async (req, res) => {
    // Relative asset URLs need the trailing slash.
    if (!req.originalUrl.split('?')[0]!.endsWith('/')) return res.redirect(301, `${apiDocsPath}/`);
    page ??= readFile(path.join(assets, 'index.html'), 'utf8').then((html) =>
      html.replace('<title>Swagger UI</title>', '<title>Booking Rush API</title>'),
    );
    res.type('html').send(await page);
  });
  router.get('/swagger-initializer.js', (_req, res) => {
    res.type('application/javascript').send(initializer(documentUrl));
  });
  router.use(express.static(assets, { index: false }));
  return router;
}

import express, { type Express, type RequestHandler } from 'express';
import packageJson from '../../package.json';
import type { ApiOperation } from '../http-edge';
import type { Logger } from '../logging';
import type { AccessTokens } from '../ports/auth';
import { answerOptions } from './allowed-methods';
import { authenticate } from './authenticate';
import { correlationId } from './correlation-id';
import { errorHandler, notFound } from './error-handler';
import { jsonBody } from './json-body';
import { apiDocsPath, apiDocsRoutes, openApiOperation, openApiRoutes } from './openapi/api-docs';
import { buildOpenApiDocument } from './openapi/openapi-document';
import { validateResponses } from './openapi/response-validation';
import { healthRoutes, type ReadinessCheck } from './readiness';
import { refuseMalformedUrls } from './request-url';
import { securityHeaders } from './security-headers';
import { traceRequests } from './trace-requests';

export const apiBasePath = '/api/v1';

/** A router mounted at `/api/v1<path>`, with the operations it serves as the OpenAPI document tells them. */
export type ApiRoute = {
  readonly path: string;
  readonly handler: RequestHandler;
  readonly operations: readonly ApiOperation[];
};

/** The API's version in its document: the package's. */
export const apiVersion = packageJson.version;

export type HttpAppOptions = {
  readonly logger: Logger;
  readonly bodyLimitBytes: number;
  /** Proxies in front whose X-Forwarded-For names the client (`req.ip`); 0 or absent trusts none. */
  readonly trustProxyHops?: number;
  readonly readinessChecks?: readonly ReadinessCheck[];
  readonly readinessTimeoutMs?: number;
  readonly routes?: readonly ApiRoute[];
  /** One server span per API request (only when telemetry is on). */
  readonly tracing?: boolean;
  /** Verifies bearer tokens on API requests; without it every request is anonymous. */
  readonly accessTokens?: AccessTokens;
  /** Handlers on the same port behind the API (the web app); each passes on what it does not serve. */
  readonly siteHandlers?: readonly RequestHandler[];
  /** Clients reach the service over HTTPS: answers carry Strict-Transport-Security. */
  readonly servedOverTls?: boolean;
  /** Hold every JSON answer to the OpenAPI document (the test suites): a drifted one becomes a 500. */
  readonly validateResponses?: boolean;
  /** Records every request's duration (infra/metrics); absent when metrics are off. */
  readonly measureRequests?: RequestHandler;
  /** `GET /metrics`, outside the API like `/health`; absent when metrics are off. */
  readonly metricsPage?: RequestHandler;
};

/**
 * The express app every HTTP role serves: request durations measured, security headers on every
 * answer, `/health`, `/ready` and `/metrics` outside the API, then correlation ids, the refusal of malformed URLs, JSON bodies and the API routes
 * under `/api/v1` with their OpenAPI document (`/api/v1/openapi.json`, Swagger UI at `/api/docs`), the
 * 404 (or 405) envelope and the one error handler.
 */
export function createHttpApp(options: HttpAppOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  // Hashing every body for an ETag costs the hot path and buys API clients nothing.
  app.set('etag', false);
  if (options.trustProxyHops) app.set('trust proxy', options.trustProxyHops);
  if (options.measureRequests) app.use(options.measureRequests);
  app.use(securityHeaders({ servedOverTls: options.servedOverTls ?? false }));
  app.use(healthRoutes(options.readinessChecks ?? [], options.readinessTimeoutMs ?? 2_000, options.logger));
  if (options.metricsPage) app.use(options.metricsPage);
  if (options.tracing) app.use(traceRequests());
  const routes = options.routes ?? [];
  const described = [...routes, { path: '', operations: [openApiOperation] }];
  const document = buildOpenApiDocument(apiBasePath, described, { version: apiVersion });
  if (options.validateResponses) app.use(validateResponses(document, options.logger));
  app.use(correlationId());
  app.use(refuseMalformedUrls());
  // Parsed under the API only: other handlers on this port (the web app) read their own bodies.
  app.use(apiBasePath, jsonBody(options.bodyLimitBytes));
  app.use(apiBasePath, answerOptions());
  if (options.accessTokens) app.use(apiBasePath, authenticate(options.accessTokens));
  // Routers under a path of their own go first: a request for `/bookings` (the hot path) then skips the
  // matching of every router mounted at the API root, which is measurable per request.
  for (const route of [...routes].sort((a, b) => b.path.length - a.path.length)) {
    app.use(`${apiBasePath}${route.path}`, route.handler);
  }
  app.use(apiBasePath, openApiRoutes(document));
  app.use(apiDocsPath, apiDocsRoutes(`${apiBasePath}/openapi.json`));
  for (const handler of options.siteHandlers ?? []) app.use(handler);
  app.use(notFound());
  app.use(errorHandler(options.logger));
  return app;
}

import { readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { Router, type RequestHandler, type Response } from 'express';
import { apiBasePath } from './create-app';

/** Where `npm run build:web` writes the SvelteKit app (adapter-static). */
export const defaultWebBuildDir = resolve(fileURLToPath(new URL('../../web/build', import.meta.url)));

/** SvelteKit names these by content hash: a changed file gets a new name, so caching forever is safe. */
const immutablePrefix = '/_app/immutable/';
const oneYearSeconds = 31_536_000;

const missingBuildPage = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Booking Rush</title></head>
<body><main><h1>The web app is not built yet</h1>
<p>Run <code>npm run build:web</code> (or <code>npm start</code>, which builds it when needed), then reload.
The API is up at <a href="${apiBasePath}/events">${apiBasePath}</a>.</p></main></body></html>
`;

/** Not the web app's to answer: the API (its 404 envelope included) and the probes. */
function isServerPath(path: string): boolean {
  return path === '/api' || path.startsWith('/api/') || path === '/health' || path === '/ready';
}

// The app's page, not a missing file: what a browser navigates to, and the site root whatever it asks
// for (`curl localhost:3000/` sends `*/*`). Scripts, images and fetches send `*/*` too: a missing asset
// deeper in must stay a 404, not become the app's page.
function wantsPage(path: string, accept: string | undefined): boolean {
  return path === '/' || (accept?.includes('text/html') ?? false);
}

function noCache(res: Response): void {
  res.setHeader('Cache-Control', 'no-cache');
}

const metaPolicy = /<meta http-equiv="content-security-policy" content="([^"]*)"/i;

/**
 * The app page's Content-Security-Policy: the build's own, which SvelteKit writes into index.html with
 * the hash of its inline start-up script (web/vite.config.ts `csp`), and `frame-ancestors`, which a
 * `<meta>` cannot carry. A build without one gets `default-src 'self'`, under which the app does not
 * start: a missing policy shows at once instead of leaving the page open.
 */
function pagePolicyOf(indexHtml: string): string {
  return `${metaPolicy.exec(indexHtml)?.[1] ?? "default-src 'self'"}; frame-ancestors 'none'`;
}

/**
 * The built single-page app on the API's port: its files (hashed ones cached for a year, the rest
 * revalidated), and `index.html` for any other page a browser asks for, so deep links load the app.
 * Without a build it answers a page saying how to make one, and the API keeps working.
 */
export function webApp(buildDir: string = defaultWebBuildDir): RequestHandler {
  const indexFile = join(buildDir, 'index.html');
  // The page's policy, read again only when a new build replaces index.html.
  let page: { builtAt: number; policy: string } | undefined;
  const pagePolicy = (): string | undefined => {
    const builtAt = statSync(indexFile, { throwIfNoEntry: false })?.mtimeMs;
    if (builtAt === undefined) return undefined;
    if (page?.builtAt !== builtAt) page = { builtAt, policy: pagePolicyOf(readFileSync(indexFile, 'utf8')) };
    return page.policy;
  };
  const files = express.static(buildDir, {
    index: false,
    redirect: false,
    setHeaders: (res, _path) => {
      const url = res.req.originalUrl;
      if (url.startsWith(immutablePrefix)) {
        res.setHeader('Cache-Control', `public, max-age=${oneYearSeconds}, immutable`);
      } else noCache(res);
    },
  });
  const router = Router();
  router.use((req, res, next) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || isServerPath(req.path)) return next();
    const policy = pagePolicy();
    if (policy === undefined) {
      if (!wantsPage(req.path, req.headers.accept)) return next();
      res.status(503).type('html').send(missingBuildPage);
      return;
    }
    // On its files too: `/index.html` asked by name is the same page.
    res.setHeader('Content-Security-Policy', policy);
    files(req, res, () => {
      if (!wantsPage(req.path, req.headers.accept)) return next();
      noCache(res);
      res.sendFile(indexFile);
    });
  });
  return router;
}

import type { Application, RequestHandler } from 'express';

/** The parts of express's router layers this needs (its published types describe express 4's). */
type Layer = {
  match(path: string): { path: string } | false;
  route?: { path: string; methods: Record<string, unknown> };
  handle: { stack?: readonly Layer[] };
  /** The path the layer was mounted or routed at (`'/'` for middleware without one). */
  rawPath?: unknown;
};

const methodsOf = (route: NonNullable<Layer['route']>) =>
  Object.keys(route.methods)
    .filter((method) => method !== '_all')
    .map((method) => method.toUpperCase());

function collect(stack: readonly Layer[], path: string, methods: Set<string>): void {
  for (const layer of stack) {
    const match = layer.match(path);
    if (!match) continue;
    if (layer.route) {
      for (const method of methodsOf(layer.route)) methods.add(method);
    } else if (layer.handle.stack) {
      // A mounted router sees the path without its mount point, as express hands it on.
      const rest = path.slice(match.path.length);
      collect(layer.handle.stack, rest.startsWith('/') ? rest : `/${rest}`, methods);
    }
  }
}

export type RouteEntry = { readonly method: string; readonly path: string };

function entries(stack: readonly Layer[], prefix: string): RouteEntry[] {
  return stack.flatMap((layer) => {
    if (layer.route) {
      const path = `${prefix}${layer.route.path}`.replace(/(.)\/$/, '$1');
      return methodsOf(layer.route).map((method) => ({ method, path }));
    }
    if (!layer.handle.stack) return [];
    const mount = typeof layer.rawPath === 'string' && layer.rawPath !== '/' ? layer.rawPath : '';
    return entries(layer.handle.stack, `${prefix}${mount}`);
  });
}

/** Every route the app serves, as express paths (`/api/v1/bookings/:id/pay`), from its routing table. */
export function routeTable(app: Application): RouteEntry[] {
  return entries((app.router as unknown as { stack: readonly Layer[] }).stack, '');
}

/**
 * The methods some route of the app answers on `path` (HEAD wherever GET is), sorted; empty for a
 * path no route knows. Read from express's own routing table, so it cannot drift from the routes.
 */
export function allowedMethods(app: Application, path: string): string[] {
  const methods = new Set<string>();
  collect((app.router as unknown as { stack: readonly Layer[] }).stack, path, methods);
  if (methods.has('GET')) methods.add('HEAD');
  return [...methods].sort();
}

/**
 * `OPTIONS` on a known path: 204 with `Allow` listing every method the app answers there. Express's own
 * answer lists only the methods of the first router that knows the path, and a path's reads and writes
 * live in different routers (`GET /events` in the query side, `POST /events` in the command side).
 * An unknown path goes on to the 404.
 */
export function answerOptions(): RequestHandler {
  return (req, res, next) => {
    if (req.method !== 'OPTIONS') return next();
    const allowed = allowedMethods(req.app, `${req.baseUrl}${req.path}`);
    if (allowed.length === 0) return next();
    res.setHeader('Allow', [...allowed, 'OPTIONS'].join(', '));
    res.status(204).end();
  };
}

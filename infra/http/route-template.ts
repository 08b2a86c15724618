import type { Request } from 'express';

/** One path segment per `/`; a route with a wildcard or an optional part has no fixed count. */
function segmentsOf(path: string): number | undefined {
  if (/[*{}()?]/.test(path)) return undefined;
  return path.split('/').filter(Boolean).length;
}

/**
 * The matched route's template (`/api/v1/bookings/:id/pay`; a router's root is its mount path,
 * `/api/v1/bookings`), once express has routed the request: the label of its metrics and its span's
 * `http.route`, never the URL (ids would make a series per booking).
 *
 * The mount path is read off the URL rather than `req.baseUrl`: a request answered through `next(error)`
 * (every refusal) reaches the error handler after express has put `baseUrl` back to its mount's parent.
 */
export function routeTemplateOf(req: Request): string | undefined {
  const path = (req.route as { path?: unknown } | undefined)?.path;
  if (typeof path !== 'string') return undefined;
  const segments = segmentsOf(path);
  if (segments === undefined) return `${req.baseUrl}${path}`;
  const urlSegments = (req.originalUrl.split('?')[0] ?? '').split('/').filter(Boolean);
  const mount = urlSegments.slice(0, urlSegments.length - segments).map((segment) => `/${segment}`);
  const template = `${mount.join('')}${path === '/' ? '' : path}`;
  return template === '' ? '/' : template;
}

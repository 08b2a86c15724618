import type { RequestHandler } from 'express';
import { routeTemplateOf } from '../http/route-template';
import type { Metrics } from '../ports/metrics';

/**
 * Records every answered request's duration by method, route template and status. The label is the
 * route the request matched (`/api/v1/bookings/:id`), never its URL: ids would make a series per booking.
 * What matched no route is `unmatched` under the API and `site` elsewhere (the web app's pages).
 */
export function measureRequests(metrics: Pick<Metrics, 'httpRequest'>, apiBasePath: string): RequestHandler {
  return (req, res, next) => {
    const started = performance.now();
    res.once('finish', () => {
      const route = routeTemplateOf(req) ?? (req.originalUrl.startsWith(apiBasePath) ? 'unmatched' : 'site');
      metrics.httpRequest(req.method, route, res.statusCode, (performance.now() - started) / 1_000);
    });
    next();
  };
}

import { timingSafeEqual } from 'node:crypto';
import { Router } from 'express';
import type { PrometheusMetrics } from './prometheus-metrics';

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * `GET /metrics`: the process's series in Prometheus's text format. With a token, only a scraper that
 * presents it as a bearer token reads them (the page names routes, topics and followers).
 */
export function metricsRoutes(metrics: PrometheusMetrics, bearerToken: string | undefined): Router {
  const router = Router();
  router.get('/metrics', async (req, res) => {
    if (bearerToken !== undefined) {
      const given = /^Bearer (.+)$/.exec(req.get('authorization') ?? '')?.[1];
      if (given === undefined || !sameSecret(given, bearerToken)) {
        res
          .status(401)
          .set('www-authenticate', 'Bearer realm="metrics"')
          .type('text/plain')
          .send('metrics need the bearer token of METRICS_BEARER_TOKEN\n');
        return;
      }
    }
    const page = await metrics.scrape();
    res.set('cache-control', 'no-store').type(page.contentType).send(page.body);
  });
  return router;
}

import { SpanKind, SpanStatusCode, context, propagation, trace } from '@opentelemetry/api';
import type { RequestHandler } from 'express';
import { attr, tracer } from '../tracing';
import { routeTemplateOf } from './route-template';

/**
 * One server span per request, continuing the caller's `traceparent` (a child of the caller's span,
 * never the caller's span itself: what the request writes records this span). Installed only when
 * telemetry is on, so the disabled hot path pays nothing for it.
 */
export function traceRequests(): RequestHandler {
  return (req, res, next) => {
    const parent = propagation.extract(context.active(), req.headers);
    const span = tracer.startSpan(
      req.method,
      {
        kind: SpanKind.SERVER,
        attributes: {
          [attr.httpRequestMethod]: req.method,
          [attr.urlPath]: req.path,
          [attr.urlScheme]: req.protocol,
        },
      },
      parent,
    );
    // `close` fires after the response ends and also when the caller hangs up first.
    res.once('close', () => {
      const route = routeTemplateOf(req);
      if (route !== undefined) {
        span.updateName(`${req.method} ${route}`);
        span.setAttribute(attr.httpRoute, route);
      }
      span.setAttribute(attr.httpResponseStatusCode, res.statusCode);
      if (res.statusCode >= 500) {
        span.setStatus({ code: SpanStatusCode.ERROR });
        span.setAttribute(attr.errorType, String(res.statusCode));
      }
      span.end();
    });
    const active = trace.setSpan(parent, span);
    // The body is read in the socket's async context: its listeners (the JSON parser, which then calls
    // the routes) are bound to the request's, or nothing a POST does would be in its span.
    context.bind(active, req);
    context.bind(active, res);
    context.with(active, next);
  };
}

import type { RequestHandler } from 'express';

/**
 * The policy of every answer that is not a page of the web app: JSON loads nothing and is framed by
 * nobody. The web app's pages carry their own (web-app.ts).
 */
export const apiContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";

const oneYearSeconds = 31_536_000;

export type SecurityHeaderOptions = {
  /** Clients reach the service over HTTPS (here or at a proxy in front): browsers are told to keep to it. */
  readonly servedOverTls: boolean;
};

/**
 * What every answer tells a browser: no framing (clickjacking), no guessing a type other than the one
 * sent, no Referer (a page's address may hold a booking id), the policy above, and HSTS only when
 * served over TLS (a local `npm start` over plain HTTP must stay reachable).
 */
export function securityHeaders(options: SecurityHeaderOptions): RequestHandler {
  const headers: [string, string][] = [
    ['Content-Security-Policy', apiContentSecurityPolicy],
    ['X-Frame-Options', 'DENY'],
    ['X-Content-Type-Options', 'nosniff'],
    ['Referrer-Policy', 'no-referrer'],
  ];
  if (options.servedOverTls) {
    headers.push(['Strict-Transport-Security', `max-age=${oneYearSeconds}; includeSubDomains`]);
  }
  return (_req, res, next) => {
    for (const [name, value] of headers) res.setHeader(name, value);
    next();
  };
}

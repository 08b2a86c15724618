import type { RequestHandler } from 'express';
import { AppError } from '../../domain/shared';

/**
 * Refuses, before any routing, a URL the rest of the app cannot take: a path that is not valid
 * percent-encoded UTF-8 (the router would fail decoding an `:id`), and a NUL character anywhere in the
 * path or the query (PostgreSQL can neither store nor compare text holding one). A URL without `%`
 * has neither, which keeps the common case to one `includes`.
 */
export function refuseMalformedUrls(): RequestHandler {
  return (req, _res, next) => {
    const { url } = req;
    if (!url.includes('%')) return next();
    if (url.includes('%00')) {
      return next(new AppError('VALIDATION_ERROR', 'The request URL may not contain a NUL character (%00)'));
    }
    const queryStart = url.indexOf('?');
    try {
      decodeURIComponent(queryStart === -1 ? url : url.slice(0, queryStart));
    } catch {
      return next(new AppError('VALIDATION_ERROR', 'The request path is not valid percent-encoded UTF-8'));
    }
    next();
  };
}

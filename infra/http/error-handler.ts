import type { ErrorRequestHandler, RequestHandler } from 'express';
import { AppError } from '../../domain/shared';
import { sendError } from '../http-edge';
import type { Logger } from '../logging';
import { allowedMethods } from './allowed-methods';

type BodyParserError = Error & { type?: unknown; status?: unknown; expose?: unknown; limit?: unknown };

/** Errors raised by the JSON body parser, as the API's codes; undefined for anything else. */
function fromBodyParser(error: BodyParserError | null | undefined): AppError | undefined {
  if (!error || typeof error.status !== 'number') return undefined;
  if (error.type === 'entity.too.large') {
    return new AppError('PAYLOAD_TOO_LARGE', `Request body is larger than ${String(error.limit)} bytes`, {
      limit: error.limit,
    });
  }
  if (error.type === 'entity.parse.failed') {
    return new AppError('VALIDATION_ERROR', 'Request body is not valid JSON');
  }
  if (error.status < 400 || error.status >= 500) return undefined;
  if (typeof error.type === 'string') return new AppError('VALIDATION_ERROR', error.message);
  // Without a type: the decompression stream failed (`Content-Encoding: gzip` on a plain body, say).
  if (error.expose === true) {
    return new AppError('VALIDATION_ERROR', `Request body could not be decoded: ${error.message}`);
  }
  return undefined;
}

/** The one place errors become responses: AppError → its envelope; anything else → 500, details logged only. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    const known = error instanceof AppError ? error : fromBodyParser(error as BodyParserError);
    if (res.headersSent) {
      logger.error('request failed after its response started', {
        error,
        method: req.method,
        path: req.path,
      });
      req.socket.destroy();
      return;
    }
    if (known) {
      // A 5xx AppError is an outage (database down): worth a line, with its cause.
      if (known.status >= 500) {
        logger.warn('request failed', { error: known, method: req.method, path: req.path });
      }
      // API.md: a 503 is safe to retry with the same key; say when.
      if (known.code === 'SERVICE_UNAVAILABLE' && !res.hasHeader('Retry-After'))
        res.setHeader('Retry-After', '1');
      sendError(res, known);
      return;
    }
    logger.error('unhandled error', { error, method: req.method, path: req.path });
    sendError(res, new AppError('INTERNAL_ERROR', 'Internal server error'));
  };
}

/** Unknown routes answer the 404 envelope; a known path asked with a method it has no route for, 405 with `Allow`. */
export function notFound(): RequestHandler {
  return (req, res) => {
    const allowed = allowedMethods(req.app, req.path);
    if (allowed.length > 0 && !allowed.includes(req.method)) {
      res.setHeader('Allow', allowed.join(', '));
      sendError(
        res,
        new AppError('METHOD_NOT_ALLOWED', `${req.method} is not allowed on ${req.path}`, { allowed }),
      );
      return;
    }
    sendError(res, new AppError('NOT_FOUND', `No route for ${req.method} ${req.path}`));
  };
}

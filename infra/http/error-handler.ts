import type { ErrorRequestHandler, RequestHandler } from 'express';
import { AppError } from '../../domain/shared';
import type { Logger } from '../logging';
import { sendError } from '../ports/http';

type BodyParserError = Error & { type?: unknown; status?: unknown; limit?: unknown };

/** Errors raised by the JSON body parser, as the API's codes; undefined for anything else. */
function fromBodyParser(error: BodyParserError | null | undefined): AppError | undefined {
  if (!error || typeof error.type !== 'string' || typeof error.status !== 'number') return undefined;
  if (error.type === 'entity.too.large') {
    return new AppError('PAYLOAD_TOO_LARGE', `Request body is larger than ${String(error.limit)} bytes`, {
      limit: error.limit,
    });
  }
  if (error.type === 'entity.parse.failed') {
    return new AppError('VALIDATION_ERROR', 'Request body is not valid JSON');
  }
  if (error.status >= 400 && error.status < 500) return new AppError('VALIDATION_ERROR', error.message);
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

/** Unknown routes answer the 404 envelope. */
export function notFound(): RequestHandler {
  return (req, res) => sendError(res, new AppError('NOT_FOUND', `No route for ${req.method} ${req.path}`));
}

import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import { runWithContext } from '../logging';

export const correlationHeader = 'x-correlation-id';

/** Short and header-safe: uuids, ULIDs, trace-like ids. Anything else is replaced, never echoed. */
const sane = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * Takes the caller's `X-Correlation-Id` when it is sane, otherwise makes one; echoes it on the
 * response and runs the rest of the request inside a logging context that carries it.
 */
export function correlationId(): RequestHandler {
  return (req, res, next) => {
    const given = req.headers[correlationHeader];
    const id = typeof given === 'string' && sane.test(given) ? given : randomUUID();
    res.setHeader(correlationHeader, id);
    runWithContext({ correlationId: id }, next);
  };
}

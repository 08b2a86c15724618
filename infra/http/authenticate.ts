import type { RequestHandler } from 'express';
import { AppError } from '../../domain/shared';
import { setPrincipal } from '../http-edge';
import type { AccessTokens } from '../ports/auth';

const bearer = /^Bearer ([A-Za-z0-9._~+/=-]+)$/;

/**
 * Verifies `Authorization: Bearer <token>` when present and records the principal on the request.
 * No header: the request goes on anonymously (each route decides what it needs). A header that is
 * malformed, expired or wrongly signed: 401 UNAUTHORIZED.
 */
export function authenticate(tokens: AccessTokens): RequestHandler {
  return (req, _res, next) => {
    const header = req.headers.authorization;
    if (header === undefined) return next();
    const match = bearer.exec(header);
    if (!match)
      return next(new AppError('UNAUTHORIZED', 'Authorization header must be "Bearer <accessToken>"'));
    tokens.verify(match[1]!).then(
      (principal) => {
        setPrincipal(req, principal);
        next();
      },
      (error: unknown) => next(error),
    );
  };
}

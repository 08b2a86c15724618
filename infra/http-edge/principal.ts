import type { Request } from 'express';
import { AppError } from '../../domain/shared';
import type { Principal, Role } from '../ports/auth';

const principalKey = Symbol('principal');
type WithPrincipal = Request & { [principalKey]?: Principal };

/** Set by the authentication middleware once a bearer token verified. */
export function setPrincipal(req: Request, principal: Principal): void {
  (req as WithPrincipal)[principalKey] = principal;
}

export function principalOf(req: Request): Principal | undefined {
  return (req as WithPrincipal)[principalKey];
}

/** The signed-in user, or 401 UNAUTHORIZED. */
export function requireUser(req: Request): Principal {
  const principal = principalOf(req);
  if (!principal)
    throw new AppError('UNAUTHORIZED', 'Sign in first: send Authorization: Bearer <accessToken>');
  return principal;
}

/** The signed-in user if their role is one of `allowed` (admin may do all an organizer may), else 403. */
export function requireRole(req: Request, ...allowed: Role[]): Principal {
  const principal = requireUser(req);
  const permitted =
    allowed.includes(principal.role) || (principal.role === 'admin' && allowed.includes('organizer'));
  if (!permitted) throw new AppError('FORBIDDEN', `This needs the role ${allowed.join(' or ')}`);
  return principal;
}

import { randomUUID } from 'node:crypto';
import type { User, UserRole } from '../../domain/identity';
import { AppError, type EventMetadata } from '../../domain/shared';
import { findUserByEmail } from './accounts';
import type { AccountDeps } from './identity-deps';
import { setUserRole } from './profile';
import { registerUser, type RegisterUserInput } from './register-user';

export type EnsureUserInput = RegisterUserInput & { readonly role: UserRole };

/**
 * Makes sure an account with this address exists and has `role`, through the same commands as the API
 * (register, then a role change by the system). For the start-up admin, demo seeds and tests. An
 * existing account keeps its password and name. `actorName` is written as `system:<actorName>`.
 */
export async function ensureUser(
  deps: AccountDeps,
  input: EnsureUserInput,
  actorName: string,
): Promise<{ user: User; created: boolean }> {
  const metadata: EventMetadata = { correlationId: randomUUID(), actor: `system:${actorName}` };
  let user = await findUserByEmail(deps.store, input.email);
  let created = false;
  if (!user) {
    try {
      user = await registerUser(deps, input, metadata);
      created = true;
    } catch (error) {
      // Another process starting at the same moment registered it first.
      if (!(error instanceof AppError && error.code === 'EMAIL_TAKEN')) throw error;
      user = await findUserByEmail(deps.store, input.email);
      if (!user) throw error;
    }
  }
  if (user.role !== input.role) {
    user = await setUserRole(deps, user.id, input.role, { kind: 'system', name: actorName }, metadata);
  }
  return { user, created };
}

import type { User } from '../../domain/identity';
import type { Principal } from '../../infra/ports/auth';

/** An account as the API shows it (API.md, "Identity"). */
export type UserView = {
  /** @format uuid */
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly role: User['role'];
  /** The language of the account's e-mails. */
  readonly locale: User['locale'];
};

export function toUserView(user: User): UserView {
  return { id: user.id, email: user.email, name: user.name, role: user.role, locale: user.locale };
}

export function principalOfUser(user: User): Principal {
  return { userId: user.id, email: user.email, role: user.role, tenantId: user.tenantId };
}

/** What an account may do; admin may do all that an organizer may (API.md, "Conventions"). */
export const userRoles = ['customer', 'organizer', 'admin'] as const;
export type UserRole = (typeof userRoles)[number];

export function isUserRole(value: unknown): value is UserRole {
  return typeof value === 'string' && (userRoles as readonly string[]).includes(value);
}

/** Every account belongs to one tenant; the product runs a single one until multi-tenancy arrives. */
export const defaultTenantId = 'default';

/** Who asked for a change: a signed-in user, or the system itself (start-up bootstrap, seeds). */
export type Actor =
  | { readonly kind: 'user'; readonly userId: string; readonly role: UserRole }
  | { readonly kind: 'system'; readonly name: string };

/** How an actor is written into events (`changedBy`). */
export function actorLabel(actor: Actor): string {
  return actor.kind === 'user' ? actor.userId : `system:${actor.name}`;
}

/** Languages the product writes to a user in (e-mails); `en` unless the user chose otherwise. */
export const userLocales = ['en', 'th'] as const;
export type UserLocale = (typeof userLocales)[number];
export const defaultLocale: UserLocale = 'en';

export function isUserLocale(value: unknown): value is UserLocale {
  return typeof value === 'string' && (userLocales as readonly string[]).includes(value);
}

/** Roles as the catalog sees them (the identity context owns the accounts). */
export type ActorRole = 'customer' | 'organizer' | 'admin';

/** Who asks for a catalog change; commands carry it so the decider can check ownership. */
export type Actor = { readonly userId: string; readonly role: ActorRole };

/** Organizers (and admins, who may do all an organizer may) create events. */
export const mayOrganize = (actor: Actor): boolean => actor.role === 'organizer' || actor.role === 'admin';

/** Only the organizer who owns an event, or an admin, changes it. */
export const mayChange = (actor: Actor, organizerId: string): boolean =>
  actor.role === 'admin' || (actor.role === 'organizer' && actor.userId === organizerId);

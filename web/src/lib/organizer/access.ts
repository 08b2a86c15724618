import type { User } from '../api/types';

/** Organizers manage their own events; admins may manage any. */
export const mayOrganize = (user: User | undefined): boolean =>
  user !== undefined && (user.role === 'organizer' || user.role === 'admin');

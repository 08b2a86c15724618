export const roles = ['customer', 'organizer', 'admin'] as const;
export type Role = (typeof roles)[number];

/** Who is making a request, as carried by a verified access token. */
export type Principal = {
  readonly userId: string;
  readonly email: string;
  readonly role: Role;
  readonly tenantId: string;
  /** The sign-in (refresh-token family) the access token belongs to; logout revokes its tokens. */
  readonly sessionId?: string;
};

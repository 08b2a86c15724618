/** Stream categories of identity (streams are `<category>-<id>`). */
export const identityCategories = {
  user: 'user',
  emailClaim: 'emailClaim',
  credentials: 'userCredentials',
  session: 'userSession',
} as const;

/**
 * Categories whose events carry secrets (password hashes, refresh-token hashes). They are kept out of
 * `user-` streams on purpose, so the admin stream browser and any export can leave them out whole.
 */
export const secretStreamCategories: readonly string[] = [
  identityCategories.credentials,
  identityCategories.session,
];

/** Whether `streamId` (`<category>-<id>`) is in one of the `secretStreamCategories`. */
export function isSecretStream(streamId: string): boolean {
  const dash = streamId.indexOf('-');
  return secretStreamCategories.includes(dash < 0 ? streamId : streamId.slice(0, dash));
}

export const userStream = (userId: string) => `${identityCategories.user}-${userId}`;
export const credentialsStream = (credentialsId: string) =>
  `${identityCategories.credentials}-${credentialsId}`;
export const sessionStream = (sessionId: string) => `${identityCategories.session}-${sessionId}`;
/** `emailHash`: hex sha-256 of the normalised address, so the id is always short, valid ASCII. */
export const emailClaimStream = (emailHash: string) => `${identityCategories.emailClaim}-${emailHash}`;

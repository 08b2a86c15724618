export { normaliseEmail } from './email';
export {
  assertValidEmail,
  assertValidName,
  assertValidPassword,
  nameMaxLength,
  passwordMaxLength,
  passwordMinLength,
} from './rules';
export {
  actorLabel,
  defaultLocale,
  defaultTenantId,
  isUserLocale,
  isUserRole,
  userLocales,
  userRoles,
  type Actor,
  type UserLocale,
  type UserRole,
} from './roles';
export type {
  User,
  UserEvent,
  UserLocaleChanged,
  UserRegistered,
  UserRenamed,
  UserRoleChanged,
} from './user-events';
export {
  userDecider,
  type ChangeUserLocale,
  type ChangeUserRole,
  type RegisterUser,
  type RenameUser,
  type UserCommand,
  type UserState,
} from './user-decider';
export {
  claimCompletionGraceMs,
  claimStatus,
  emailClaimDecider,
  type ClaimEmail,
  type ClaimStatus,
  type EmailClaim,
  type EmailClaimEvent,
  type EmailClaimState,
  type EmailClaimed,
} from './email-claim';
export {
  credentialsDecider,
  type CreateCredentials,
  type Credentials,
  type CredentialsCommand,
  type CredentialsCreated,
  type CredentialsEvent,
  type CredentialsState,
} from './credentials';
export type {
  RefreshTokenRotated,
  Session,
  SessionEnded,
  SessionEvent,
  SessionRevoked,
  SessionStarted,
  SessionState,
} from './session-events';
export {
  refreshTokenTtlMs,
  sessionDecider,
  type EndSession,
  type RotateRefreshToken,
  type SessionCommand,
  type StartSession,
} from './session-decider';
export {
  credentialsStream,
  emailClaimStream,
  identityCategories,
  isSecretStream,
  secretStreamCategories,
  sessionStream,
  userStream,
} from './streams';

export { Argon2PasswordHasher, type Argon2Options } from './argon2-password-hasher';
export {
  JwtAccessTokens,
  accessTokenShape,
  accessTokenTtlSeconds,
  minimumSecretLength,
  type JwtAccessTokensOptions,
} from './jwt-access-tokens';
export { jwtSecretFileName, resolveJwtSecret, type JwtSecretSource } from './jwt-secret';
export {
  InMemoryLoginThrottle,
  defaultThrottleRules,
  type InMemoryLoginThrottleOptions,
  type ThrottleRule,
} from './in-memory-login-throttle';
export {
  InProcessAccessTokenRevocations,
  type InProcessRevocationsOptions,
} from './in-process-access-token-revocations';
export { RedisAccessTokenRevocations, type RedisRevocationsOptions } from './redis-access-token-revocations';

import { createSecretKey, randomUUID, type KeyObject } from 'node:crypto';
import { SignJWT, type JWTPayload } from 'jose';
import { TokenRefused, verifyHs256 } from './hs256';
import { AppError } from '../../domain/shared';
import { roles, type AccessTokens, type IssuedAccessToken, type Principal, type Role } from '../ports/auth';

/** 15 minutes (API.md, "Conventions"). */
export const accessTokenTtlSeconds = 15 * 60;

/**
 * What makes a token an access token for this API. A token of another kind (a queue pass, an e-mail
 * link) must carry another `typ`, `kind` or audience, so it can never be replayed here.
 */
export const accessTokenShape = {
  issuer: 'booking-rush',
  audience: 'booking-rush:api',
  typ: 'at+jwt',
  kind: 'access',
} as const;

export const minimumSecretLength = 32;

export type JwtAccessTokensOptions = {
  readonly ttlSeconds?: number;
  /** The clock tokens are issued and checked by (tests move it). */
  readonly clock?: () => Date;
};

const rejected = (message: string) => new AppError('UNAUTHORIZED', message);

function toPrincipal(payload: JWTPayload | Record<string, unknown>): Principal {
  const { sub, email, role, tenantId, kind } = payload;
  if (kind !== accessTokenShape.kind) throw rejected('Not an access token');
  if (typeof sub !== 'string' || typeof email !== 'string' || typeof tenantId !== 'string') {
    throw rejected('Access token is missing claims');
  }
  if (!(roles as readonly unknown[]).includes(role)) throw rejected('Access token has an unknown role');
  return { userId: sub, email, role: role as Role, tenantId };
}

/** The AccessTokens port as HS256 JWTs (jose) signed with one shared secret. */
export class JwtAccessTokens implements AccessTokens {
  private readonly key: Buffer;
  /** A KeyObject: a raw key would be turned into one again on every HMAC. */
  private readonly hmacKey: KeyObject;
  private readonly ttlSeconds: number;
  private readonly clock: () => Date;
  /**
   * Tokens already verified, until they expire. A buyer sends several requests with one token during a
   * rush, and re-checking an HMAC we checked a moment ago buys nothing: a token stays valid until its
   * `exp` anyway (logout does not revoke access tokens). Bounded; cleared whole when full.
   */
  private readonly verified = new Map<string, { principal: Principal; expiresAtMs: number }>();

  constructor(secret: string, options: JwtAccessTokensOptions = {}) {
    if (secret.length < minimumSecretLength) {
      throw new Error(`The access-token secret must be at least ${minimumSecretLength} characters`);
    }
    this.key = Buffer.from(secret, 'utf8');
    this.hmacKey = createSecretKey(this.key);
    this.ttlSeconds = options.ttlSeconds ?? accessTokenTtlSeconds;
    this.clock = options.clock ?? (() => new Date());
  }

  async issue(principal: Principal): Promise<IssuedAccessToken> {
    const now = Math.floor(this.clock().getTime() / 1000);
    const { email, role, tenantId } = principal;
    const accessToken = await new SignJWT({ email, role, tenantId, kind: accessTokenShape.kind })
      .setProtectedHeader({ alg: 'HS256', typ: accessTokenShape.typ })
      .setSubject(principal.userId)
      .setIssuer(accessTokenShape.issuer)
      .setAudience(accessTokenShape.audience)
      .setIssuedAt(now)
      .setExpirationTime(now + this.ttlSeconds)
      .setJti(randomUUID())
      .sign(this.key);
    return { accessToken, expiresIn: this.ttlSeconds };
  }

  async verify(token: string): Promise<Principal> {
    const nowMs = this.clock().getTime();
    const known = this.verified.get(token);
    if (known && known.expiresAtMs > nowMs) return known.principal;
    let payload: Record<string, unknown>;
    try {
      payload = verifyHs256(token, this.hmacKey, accessTokenShape, Math.floor(nowMs / 1000));
    } catch (error) {
      if (!(error instanceof TokenRefused)) throw error;
      throw rejected(error.reason === 'expired' ? 'Access token has expired' : 'Access token is not valid');
    }
    const principal = toPrincipal(payload);
    if (this.verified.size >= maxRememberedTokens) this.verified.clear();
    this.verified.set(token, { principal, expiresAtMs: (payload.exp as number) * 1000 });
    return principal;
  }
}

const maxRememberedTokens = 100_000;

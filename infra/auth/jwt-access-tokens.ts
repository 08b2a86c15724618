import { createSecretKey, randomUUID, type KeyObject } from 'node:crypto';
import { SignJWT, type JWTPayload } from 'jose';
import { TokenRefused, verifyHs256 } from './hs256';
import { AppError } from '../../domain/shared';
import {
  roles,
  type AccessTokenRevocations,
  type AccessTokens,
  type IssuedAccessToken,
  type Principal,
  type Role,
} from '../ports/auth';

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
  /** Tokens withdrawn before they expire (logout, role change); none when absent. */
  readonly revocations?: AccessTokenRevocations;
};

const rejected = (message: string) => new AppError('UNAUTHORIZED', message);

function toPrincipal(payload: JWTPayload | Record<string, unknown>): Principal {
  const { sub, email, role, tenantId, kind, sid } = payload;
  if (kind !== accessTokenShape.kind) throw rejected('Not an access token');
  if (typeof sub !== 'string' || typeof email !== 'string' || typeof tenantId !== 'string') {
    throw rejected('Access token is missing claims');
  }
  if (!(roles as readonly unknown[]).includes(role)) throw rejected('Access token has an unknown role');
  const principal = { userId: sub, email, role: role as Role, tenantId };
  return typeof sid === 'string' ? { ...principal, sessionId: sid } : principal;
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
   * rush, and re-checking an HMAC we checked a moment ago buys nothing: the signature and claims of a
   * token never change. Revocation is checked on every call, from memory. Bounded; cleared whole when full.
   */
  private readonly verified = new Map<string, { principal: Principal; expiresAtMs: number }>();
  private readonly revocations: AccessTokenRevocations | undefined;

  constructor(secret: string, options: JwtAccessTokensOptions = {}) {
    if (secret.length < minimumSecretLength) {
      throw new Error(`The access-token secret must be at least ${minimumSecretLength} characters`);
    }
    this.key = Buffer.from(secret, 'utf8');
    this.hmacKey = createSecretKey(this.key);
    this.ttlSeconds = options.ttlSeconds ?? accessTokenTtlSeconds;
    this.clock = options.clock ?? (() => new Date());
    this.revocations = options.revocations;
  }

  async issue(principal: Principal): Promise<IssuedAccessToken> {
    const now = Math.floor(this.clock().getTime() / 1000);
    const { email, role, tenantId, sessionId } = principal;
    const claims = {
      email,
      role,
      tenantId,
      kind: accessTokenShape.kind,
      ...(sessionId ? { sid: sessionId } : {}),
    };
    const accessToken = await new SignJWT(claims)
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
    const principal =
      known && known.expiresAtMs > nowMs ? known.principal : this.verifySignature(token, nowMs);
    if (this.revocations?.isRevoked(principal)) throw rejected('Access token has been revoked');
    return principal;
  }

  private verifySignature(token: string, nowMs: number): Principal {
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

import { createHmac, timingSafeEqual, type KeyObject } from 'node:crypto';

export type Hs256Expectations = { readonly typ: string; readonly issuer: string; readonly audience: string };

/** Why a token was refused: `expired` is worth telling the client apart from anything else. */
export class TokenRefused extends Error {
  constructor(readonly reason: 'expired' | 'invalid') {
    super(reason === 'expired' ? 'token expired' : 'token invalid');
  }
}

const invalid = () => new TokenRefused('invalid');
/** Per expectation, the last header text that passed: tokens we issue all carry the same one. */
const goodHeaders = new WeakMap<Hs256Expectations, string>();

function decodeJson(part: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw invalid();
  return value as Record<string, unknown>;
}

/**
 * Verifies a compact HS256 JWT synchronously with node:crypto and returns its claims. Only what our own
 * access tokens use is accepted: header `alg: HS256` with the expected `typ` and no `crit`; a canonical
 * signature compared in constant time; `iss`, `aud`, numeric `exp` (in the future) and `iat`, and `nbf`
 * if present. Web Crypto's verify (what jose uses) is asynchronous and costs several times more per call,
 * which is most of the authentication cost on the reservation hot path.
 */
export function verifyHs256(
  token: string,
  key: KeyObject,
  expected: Hs256Expectations,
  nowSeconds: number,
): Record<string, unknown> {
  const parts = token.split('.');
  if (parts.length !== 3) throw invalid();
  const [headerPart, payloadPart, signaturePart] = parts as [string, string, string];
  if (goodHeaders.get(expected) !== headerPart) {
    const header = decodeJson(headerPart);
    if (header.alg !== 'HS256' || header.typ !== expected.typ || header.crit !== undefined) throw invalid();
    goodHeaders.set(expected, headerPart);
  }
  const signature = Buffer.from(signaturePart, 'base64url');
  if (signature.toString('base64url') !== signaturePart) throw invalid();
  const expectedSignature = createHmac('sha256', key).update(`${headerPart}.${payloadPart}`).digest();
  if (signature.length !== expectedSignature.length || !timingSafeEqual(signature, expectedSignature)) {
    throw invalid();
  }
  const claims = decodeJson(payloadPart);
  const { iss, aud, exp, iat, nbf } = claims;
  if (iss !== expected.issuer) throw invalid();
  if (aud !== expected.audience && !(Array.isArray(aud) && aud.includes(expected.audience))) throw invalid();
  if (typeof exp !== 'number' || typeof iat !== 'number') throw invalid();
  if (nbf !== undefined && (typeof nbf !== 'number' || nbf > nowSeconds)) throw invalid();
  if (exp <= nowSeconds) throw new TokenRefused('expired');
  return claims;
}

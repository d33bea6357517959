import { createHash, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import { SignJWT, jwtVerify } from 'jose';

const ISSUER = 'spanner-crm';
const AUDIENCE = 'spanner-crm:api';

export interface AccessClaims {
  userId: string;
  orgId: string | null;
  /** The login session (refresh token family); logging out revokes it at once. */
  sessionId: string;
}

/** Access tokens get their own key derived from SECRET_KEY, never the secret itself. */
export function accessTokenKey(secretKey: string): Uint8Array {
  return new Uint8Array(hkdfSync('sha256', secretKey, 'spanner-crm', 'access-token-v1', 32));
}

export async function signAccessToken(key: Uint8Array, claims: AccessClaims, minutes: number): Promise<string> {
  return new SignJWT({ org: claims.orgId, sid: claims.sessionId })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(claims.userId)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(`${minutes}m`)
    .sign(key);
}

/** Null for anything but a valid, unexpired HS256 token of ours (`alg: none` included). */
export async function verifyAccessToken(key: Uint8Array, token: string): Promise<AccessClaims | null> {
  try {
    // A token without `exp` would never expire: refused even when signed with our key.
    const { payload } = await jwtVerify(token, key, { algorithms: ['HS256'], issuer: ISSUER, audience: AUDIENCE, requiredClaims: ['exp', 'sub', 'sid'] });
    if (typeof payload.sub !== 'string' || typeof payload.sid !== 'string') return null;
    return { userId: payload.sub, orgId: typeof payload.org === 'string' ? payload.org : null, sessionId: payload.sid };
  } catch {
    return null;
  }
}

/** An opaque token (refresh, emailed link): `<row id>.<secret>`; only a hash of the secret is stored. */
/** 256 random bits, URL-safe: for links and keys. */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function newOpaqueToken(rowId: string): { token: string; hash: string } {
  const secret = newSecret();
  return { token: `${rowId}.${secret}`, hash: hashSecret(secret) };
}

export function parseOpaqueToken(token: string | undefined): { rowId: string; secret: string } | null {
  // The row id goes to a uuid column: anything but a uuid there would be a database error.
  const match = token ? /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.([\w-]{43})$/.exec(token) : null;
  return match ? { rowId: match[1]!, secret: match[2]! } : null;
}

export function secretMatches(secret: string, storedHash: string): boolean {
  const actual = Buffer.from(hashSecret(secret), 'hex');
  const expected = Buffer.from(storedHash, 'hex');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** SHA-256 of a high-entropy secret: enough for tokens nobody can guess (not for passwords). */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** Known-device cookies get their own key derived from SECRET_KEY. */
export function knownDeviceKey(secretKey: string): Uint8Array {
  return new Uint8Array(hkdfSync('sha256', secretKey, 'spanner-crm', 'known-device-v1', 32));
}

function deviceSignature(key: Uint8Array, deviceId: string, email: string): string {
  return createHmac('sha256', key).update(`${deviceId}:${email.trim().toLowerCase()}`).digest('base64url');
}

/** Proof that this client signed in to the account with `email`: `<device id>.<signature>`. */
export function signKnownDevice(key: Uint8Array, email: string): string {
  const deviceId = randomBytes(16).toString('base64url');
  return `${deviceId}.${deviceSignature(key, deviceId, email)}`;
}

/** The device id when the cookie proves an earlier sign-in to this account, else null. */
export function verifyKnownDevice(key: Uint8Array, token: string | undefined, email: string): string | null {
  const match = token ? /^([\w-]{22})\.([\w-]{43})$/.exec(token) : null;
  if (!match) return null;
  const expected = Buffer.from(deviceSignature(key, match[1]!, email));
  const actual = Buffer.from(match[2]!);
  return actual.length === expected.length && timingSafeEqual(actual, expected) ? match[1]! : null;
}

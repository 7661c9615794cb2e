import { randomUUID, webcrypto } from 'node:crypto';
import { SignJWT, jwtVerify, errors as joseErrors } from 'jose';
import { validate as isUuid } from 'uuid';
import type { AuthChecker } from 'type-graphql';
import { ApiScope, StaffRole } from './roles.js';
import type { App, Context, Viewer } from './context.js';
import { hashPassword, randomToken, verifyPassword } from './crypto.js';
import { ForbiddenError, UnauthenticatedError } from './errors.js';

const ISSUER = 'flagship-commerce';

/** Who a token names; what a staff member may do is read from the database on every request, never from the token. */
type Subject = { typ: 'customer' | 'staff'; sub: string };
/** A verified token: its subject, its id (jti, what a revocation names) and when it expires. */
export type TokenClaims = Subject & { jti: string | null; expiresAt: Date };

const signingKeys = new Map<string, Promise<webcrypto.CryptoKey>>();

/** The HMAC key of a secret, imported once per process (jose would import a raw secret on every call). */
function signingKey(secret: string): Promise<webcrypto.CryptoKey> {
  let key = signingKeys.get(secret);
  if (!key) {
    key = webcrypto.subtle.importKey('raw', new TextEncoder().encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']);
    signingKeys.set(secret, key);
  }
  return key;
}

export async function issueToken(app: App, subject: Subject): Promise<{ token: string; expiresAt: Date }> {
  const expiresAt = new Date(Date.now() + app.config.JWT_TTL_SECONDS * 1000);
  const token = await new SignJWT({ typ: subject.typ })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(subject.sub)
    .setIssuer(ISSUER)
    .setIssuedAt()
    .setJti(randomUUID())
    .setExpirationTime(expiresAt)
    .sign(await signingKey(app.config.jwtSecret));
  return { token, expiresAt };
}

/** What resolveViewer asks the domains that own the accounts (access, customers), one statement each. */
export interface CredentialChecks {
  /** The viewer of an API key, or null when it is unknown or revoked. */
  apiKey(app: App, key: string): Promise<Viewer | null>;
  /** The staff member's current role and brands, or null when deleted or disabled. */
  staff(app: App, staffId: string): Promise<{ role: StaffRole; brandIds: string[] } | null>;
  /** Whether the customer account still exists and this token (its jti) was not revoked: one statement. */
  customer(app: App, customerId: string, tokenId: string): Promise<boolean>;
}

export const NO_LONGER_VALID = 'Access token no longer valid: sign in again';

/**
 * HS256 only, and exp, iss and typ must be there: a token without an expiry or of another algorithm is
 * refused. A customer token must also carry a UUID jti, so that customerAccessTokenDelete can revoke it.
 */
export async function verifyToken(app: App, token: string): Promise<TokenClaims> {
  try {
    const { payload } = await jwtVerify(token, await signingKey(app.config.jwtSecret), {
      algorithms: ['HS256'],
      issuer: ISSUER,
      requiredClaims: ['exp', 'iss', 'typ', 'sub'],
    });
    const jti = typeof payload.jti === 'string' && isUuid(payload.jti) ? payload.jti : null;
    const expiresAt = new Date(payload.exp! * 1000);
    if (payload.typ === 'customer' && payload.sub && jti) return { typ: 'customer', sub: payload.sub, jti, expiresAt };
    if (payload.typ === 'staff' && payload.sub) return { typ: 'staff', sub: payload.sub, jti, expiresAt };
  } catch (err) {
    if (err instanceof joseErrors.JWTExpired) throw new UnauthenticatedError('Access token expired: sign in again');
  }
  throw new UnauthenticatedError('Invalid access token');
}

/**
 * A valid token still names an account that may be gone: a deleted or disabled staff member is refused,
 * and a demoted one acts with the role and brands the database holds now. Runs once per request (the
 * context keeps the viewer), so it costs one statement per request.
 */
async function viewerFromJwt(app: App, token: string, checks: CredentialChecks): Promise<Viewer> {
  const subject = await verifyToken(app, token);
  if (subject.typ === 'customer') {
    if (!(await checks.customer(app, subject.sub, subject.jti!))) throw new UnauthenticatedError(NO_LONGER_VALID);
    return { kind: 'customer', customerId: subject.sub };
  }
  const staff = await checks.staff(app, subject.sub);
  if (!staff) throw new UnauthenticatedError(NO_LONGER_VALID);
  return { kind: 'staff', staffId: subject.sub, role: staff.role, brandIds: staff.brandIds };
}

/** Reads "Authorization: Bearer <jwt | api key>" or "x-api-key"; no credentials means anonymous. */
export async function resolveViewer(
  app: App,
  headers: { authorization?: string; apiKey?: string },
  checks: CredentialChecks,
): Promise<Viewer> {
  const auth = headers.authorization?.trim();
  let credential = headers.apiKey?.trim();
  if (auth) {
    const match = /^Bearer\s+(\S+)$/i.exec(auth);
    if (!match) throw new UnauthenticatedError('Malformed Authorization header: expected "Bearer <token>"');
    credential = match[1];
  }
  if (!credential) return { kind: 'anonymous' };
  if (credential.startsWith(API_KEY_PREFIX)) {
    const viewer = await checks.apiKey(app, credential);
    if (!viewer) throw new UnauthenticatedError('Invalid or revoked API key');
    return viewer;
  }
  return viewerFromJwt(app, credential, checks);
}

let dummyHash: Promise<string> | undefined;

/**
 * Checks a sign-in password. An unknown account is verified against a dummy scrypt hash with the same
 * parameters, so unknown email and wrong password cost the same time; `verify` is a parameter for tests.
 */
export async function checkPassword(
  password: string,
  storedHash: string | null | undefined,
  verify: (password: string, hash: string) => Promise<boolean> = verifyPassword,
): Promise<boolean> {
  const hash = storedHash ?? (await (dummyHash ??= hashPassword(randomToken())));
  const matches = await verify(password, hash);
  return matches && storedHash != null;
}

export const API_KEY_PREFIX = 'fsk_';

/** Any viewer that is a customer */
export const CUSTOMER = 'CUSTOMER';
export type Requirement = StaffRole | ApiScope | typeof CUSTOMER;

/**
 * @Authorized(...requirements): passes when the viewer holds any one of them (a staff role, an API key
 * scope, or CUSTOMER). Platform admins pass every staff check. Brand scope is checked by services.
 */
export const authChecker: AuthChecker<Context, Requirement> = ({ context }, requirements) => {
  const viewer = context.viewer;
  if (viewer.kind === 'anonymous') throw new UnauthenticatedError();
  if (requirements.length === 0) return true;
  if (!satisfies(viewer, requirements)) throw new ForbiddenError(`Requires one of: ${requirements.join(', ')}`);
  return true;
};

/** Whether the viewer holds any one of the requirements (platform admins hold every staff role). */
export function satisfies(viewer: Viewer, requirements: readonly Requirement[]): boolean {
  return (
    (viewer.kind === 'staff' && (viewer.role === StaffRole.PLATFORM_ADMIN || requirements.includes(viewer.role))) ||
    (viewer.kind === 'apiKey' && viewer.scopes.some((s) => requirements.includes(s))) ||
    (viewer.kind === 'customer' && requirements.includes(CUSTOMER))
  );
}

/** Brand scope: platform admins act on every brand, others only on the brands they were given. */
export function canActOnBrand(viewer: Viewer, brandId: string): boolean {
  if (viewer.kind === 'staff') return viewer.role === StaffRole.PLATFORM_ADMIN || viewer.brandIds.includes(brandId);
  if (viewer.kind === 'apiKey') return viewer.brandIds.length === 0 || viewer.brandIds.includes(brandId);
  return false;
}

export function assertBrandAccess(viewer: Viewer, brandIds: string | string[]): void {
  const ids = ([] as string[]).concat(brandIds);
  if (!ids.every((id) => canActOnBrand(viewer, id))) {
    throw new ForbiddenError('You do not have access to this brand');
  }
}

export function isPlatformAdmin(viewer: Viewer): boolean {
  return viewer.kind === 'staff' && viewer.role === StaffRole.PLATFORM_ADMIN;
}

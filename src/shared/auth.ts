import { SignJWT, jwtVerify, errors as joseErrors } from 'jose';
import type { AuthChecker } from 'type-graphql';
import { ApiScope, StaffRole } from './roles.js';
import type { App, Context, Viewer } from './context.js';
import { ForbiddenError, UnauthenticatedError } from './errors.js';

const ISSUER = 'flagship-commerce';

type Subject = { typ: 'customer'; sub: string } | { typ: 'staff'; sub: string; role: StaffRole; brands: string[] };

export async function issueToken(app: App, subject: Subject): Promise<{ token: string; expiresAt: Date }> {
  const expiresAt = new Date(Date.now() + app.config.JWT_TTL_SECONDS * 1000);
  const { sub, ...claims } = subject;
  const token = await new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(sub)
    .setIssuer(ISSUER)
    .setIssuedAt()
    .setExpirationTime(expiresAt)
    .sign(new TextEncoder().encode(app.config.jwtSecret));
  return { token, expiresAt };
}

async function viewerFromJwt(app: App, token: string): Promise<Viewer> {
  try {
    const { payload } = await jwtVerify(token, new TextEncoder().encode(app.config.jwtSecret), { issuer: ISSUER });
    if (payload.typ === 'customer' && payload.sub) return { kind: 'customer', customerId: payload.sub };
    if (payload.typ === 'staff' && payload.sub && Object.values(StaffRole).includes(payload.role as StaffRole)) {
      return { kind: 'staff', staffId: payload.sub, role: payload.role as StaffRole, brandIds: (payload.brands as string[]) ?? [] };
    }
  } catch (err) {
    if (err instanceof joseErrors.JWTExpired) throw new UnauthenticatedError('Access token expired: sign in again');
  }
  throw new UnauthenticatedError('Invalid access token');
}

export type ApiKeyVerifier = (app: App, key: string) => Promise<Viewer | null>;

/** Reads "Authorization: Bearer <jwt | api key>" or "x-api-key"; no credentials means anonymous. */
export async function resolveViewer(
  app: App,
  headers: { authorization?: string; apiKey?: string },
  verifyApiKey: ApiKeyVerifier,
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
    const viewer = await verifyApiKey(app, credential);
    if (!viewer) throw new UnauthenticatedError('Invalid or revoked API key');
    return viewer;
  }
  return viewerFromJwt(app, credential);
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
  const allowed =
    (viewer.kind === 'staff' && (viewer.role === StaffRole.PLATFORM_ADMIN || requirements.includes(viewer.role))) ||
    (viewer.kind === 'apiKey' && viewer.scopes.some((s) => requirements.includes(s))) ||
    (viewer.kind === 'customer' && requirements.includes(CUSTOMER));
  if (!allowed) throw new ForbiddenError(`Requires one of: ${requirements.join(', ')}`);
  return true;
};

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

import type { EntityManager } from '@mikro-orm/postgresql';
import { randomBytes } from 'node:crypto';
import { API_KEY_PREFIX, canActOnBrand, isPlatformAdmin, issueToken } from '../shared/auth.js';
import type { App, Context, Viewer } from '../shared/context.js';
import { hashPassword, randomToken, sameHash, sha256, verifyPassword } from '../shared/crypto.js';
import { DomainError, errorCodes } from '../shared/user-errors.js';
import { ApiKey } from './entities/api-key.entity.js';
import { StaffUser } from './entities/staff-user.entity.js';
import { ApiScope, StaffRole } from '../shared/roles.js';

export const AccessErrorCode = errorCodes('AccessErrorCode', {
  INVALID: 'The value is malformed or breaks a rule (see message).',
  INVALID_CREDENTIALS: 'Unknown email or wrong password (the same answer for both).',
  TAKEN: 'The email is already used.',
  NOT_FOUND: 'No such object (or it is not visible to you).',
  OUT_OF_SCOPE: 'The role, scopes or brands asked for exceed what you may grant.',
});

export interface StaffUserDraft {
  email: string;
  password: string;
  role: StaffRole;
  brandIds: string[];
}

function outOfScope(message: string, field: string[]) {
  return new DomainError(AccessErrorCode.OUT_OF_SCOPE, message, field);
}

/** Only platform admins create staff for any brand; brand admins create concierges for their own brands. */
function assertMayGrant(viewer: Viewer, role: StaffRole, brandIds: string[]) {
  if (isPlatformAdmin(viewer)) return;
  if (role !== StaffRole.CONCIERGE) throw outOfScope('Only a platform admin can create admins', ['input', 'role']);
  if (brandIds.length === 0 || !brandIds.every((b) => canActOnBrand(viewer, b))) {
    throw outOfScope('You can only grant brands you manage', ['input', 'brandIds']);
  }
}

export async function createStaffUser(em: EntityManager, draft: StaffUserDraft): Promise<StaffUser> {
  const email = draft.email.trim().toLowerCase();
  if (draft.role !== StaffRole.PLATFORM_ADMIN && draft.brandIds.length === 0) {
    throw new DomainError(AccessErrorCode.INVALID, `${draft.role} needs at least one brand`, ['input', 'brandIds']);
  }
  return em.transactional(async (tx) => {
    if (await tx.count(StaffUser, { email })) {
      throw new DomainError(AccessErrorCode.TAKEN, `A staff user with email ${email} already exists`, ['input', 'email']);
    }
    const user = tx.create(StaffUser, {
      email,
      passwordHash: await hashPassword(draft.password),
      role: draft.role,
      brandIds: draft.role === StaffRole.PLATFORM_ADMIN ? [] : draft.brandIds,
    });
    tx.persist(user);
    return user;
  });
}

export const accessService = {
  async staffLogin(ctx: Context, email: string, password: string) {
    const user = await ctx.em.findOne(StaffUser, { email: email.trim().toLowerCase(), disabledAt: null });
    // Same answer for unknown email and wrong password, so emails cannot be probed.
    if (!user || !(await verifyPassword(password, user.passwordHash))) {
      throw new DomainError(AccessErrorCode.INVALID_CREDENTIALS, 'Email or password is incorrect', ['input']);
    }
    const { token, expiresAt } = await issueToken(ctx.app, { typ: 'staff', sub: user.id, role: user.role, brands: user.brandIds });
    return { accessToken: token, expiresAt, staffUser: user };
  },

  async staffUserCreate(ctx: Context, draft: StaffUserDraft) {
    assertMayGrant(ctx.viewer, draft.role, draft.brandIds);
    return { staffUser: await createStaffUser(ctx.em, draft) };
  },

  async apiKeyCreate(ctx: Context, input: { name: string; scopes: ApiScope[]; brandIds: string[] }) {
    const viewer = ctx.viewer;
    if (viewer.kind !== 'staff') throw outOfScope('Only staff can create API keys', ['input']);
    if (!isPlatformAdmin(viewer) && (input.brandIds.length === 0 || !input.brandIds.every((b) => canActOnBrand(viewer, b)))) {
      throw outOfScope('A brand admin can only create keys for brands it manages', ['input', 'brandIds']);
    }
    const prefix = `${API_KEY_PREFIX}${randomBytes(6).toString('hex')}`;
    const secret = `${prefix}_${randomToken(32)}`;
    const apiKey = ctx.em.create(ApiKey, {
      name: input.name.trim(),
      prefix,
      secretHash: sha256(secret),
      scopes: [...new Set(input.scopes)],
      brandIds: input.brandIds,
      createdById: viewer.staffId,
    });
    await ctx.em.persist(apiKey).flush();
    return { apiKey, secret };
  },

  async apiKeyRevoke(ctx: Context, id: string) {
    const apiKey = await ctx.em.findOne(ApiKey, { id });
    if (!apiKey || (!isPlatformAdmin(ctx.viewer) && !apiKey.brandIds.every((b) => canActOnBrand(ctx.viewer, b)))) {
      throw new DomainError(AccessErrorCode.NOT_FOUND, 'No such API key', ['input', 'id']);
    }
    apiKey.revokedAt ??= new Date();
    await ctx.em.flush();
    return { apiKey };
  },

  async staffUser(ctx: Context) {
    return ctx.viewer.kind === 'staff' ? ctx.em.findOne(StaffUser, { id: ctx.viewer.staffId }) : null;
  },
};

/** Resolves "fsk_<prefix>_<secret>" to an API key viewer; the secret is compared by hash in constant time. */
export async function verifyApiKey(app: App, credential: string): Promise<Viewer | null> {
  const prefix = credential.split('_').slice(0, 2).join('_');
  const em = app.orm.em.fork();
  const key = await em.findOne(ApiKey, { prefix, revokedAt: null });
  if (!key || !sameHash(key.secretHash, sha256(credential))) return null;
  // Touch at most once a minute so busy scanners do not write on every request.
  if (!key.lastUsedAt || Date.now() - key.lastUsedAt.getTime() > 60_000) {
    await em.nativeUpdate(ApiKey, { id: key.id }, { lastUsedAt: new Date() });
  }
  return { kind: 'apiKey', apiKeyId: key.id, scopes: key.scopes, brandIds: key.brandIds };
}

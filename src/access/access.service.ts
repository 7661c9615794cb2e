import type { EntityManager } from '@mikro-orm/postgresql';
import { randomBytes } from 'node:crypto';
import { validate as isUuid } from 'uuid';
import { API_KEY_PREFIX, checkPassword, issueToken } from '../shared/auth.js';
import type { App, Context, Viewer } from '../shared/context.js';
import { hashPassword, randomToken, sameHash, sha256 } from '../shared/crypto.js';
import { ForbiddenError } from '../shared/errors.js';
import { limitSignIn } from '../shared/rate-limit.js';
import { transaction } from '../shared/transaction.js';
import { DomainError, errorCodes } from '../shared/user-errors.js';
import { ApiKey } from './entities/api-key.entity.js';
import { StaffUser } from './entities/staff-user.entity.js';
import { assertMayCreateApiKey, assertMayCreateStaff, mayManageApiKey } from './grants.js';
import { ApiScope, StaffRole } from '../shared/roles.js';

/** Business failures of access mutations. Missing rights are FORBIDDEN GraphQL errors, not codes here. */
export const AccessErrorCode = errorCodes('AccessErrorCode', {
  INVALID: 'The value is malformed or breaks a rule (see message).',
  INVALID_CREDENTIALS: 'Unknown email or wrong password (the same answer for both).',
  TAKEN: 'The email is already used.',
  NOT_FOUND: 'No such object (or it is not visible to you).',
  THROTTLED: 'Too many failed sign-in attempts for this email or from this address: wait retryAfterSeconds.',
});

export interface StaffUserDraft {
  email: string;
  password: string;
  role: StaffRole;
  brandIds: string[];
}

/** Also used by `npm run admin:create`. A concurrent create of the same email is TAKEN (see module.ts). */
export async function createStaffUser(em: EntityManager, draft: StaffUserDraft): Promise<StaffUser> {
  const email = draft.email.trim().toLowerCase();
  if (draft.role !== StaffRole.PLATFORM_ADMIN && draft.brandIds.length === 0) {
    throw new DomainError(AccessErrorCode.INVALID, `${draft.role} needs at least one brand`, ['input', 'brandIds']);
  }
  const passwordHash = await hashPassword(draft.password);
  return transaction({ em }, async (tx) => {
    if (await tx.count(StaffUser, { email })) {
      throw new DomainError(AccessErrorCode.TAKEN, `A staff user with email ${email} already exists`, ['input', 'email']);
    }
    const user = tx.create(StaffUser, {
      email,
      passwordHash,
      role: draft.role,
      brandIds: draft.role === StaffRole.PLATFORM_ADMIN ? [] : [...new Set(draft.brandIds)],
    });
    tx.persist(user);
    return user;
  });
}

export const accessService = {
  async staffLogin(ctx: Context, email: string, password: string) {
    const normalized = email.trim().toLowerCase();
    return limitSignIn(ctx.app, { audience: 'staff', email: normalized, clientIp: ctx.clientIp }, async () => {
      const user = await ctx.em.findOne(StaffUser, { email: normalized, disabledAt: null });
      // Same answer and the same scrypt work for an unknown email and a wrong password, so emails cannot be probed.
      if (!(await checkPassword(password, user?.passwordHash))) {
        throw new DomainError(AccessErrorCode.INVALID_CREDENTIALS, 'Email or password is incorrect', ['input']);
      }
      const { token, expiresAt } = await issueToken(ctx.app, { typ: 'staff', sub: user!.id });
      return { accessToken: token, expiresAt, staffUser: user! };
    });
  },

  async staffUserCreate(ctx: Context, draft: StaffUserDraft) {
    assertMayCreateStaff(ctx.viewer, draft.role, draft.brandIds);
    return { staffUser: await createStaffUser(ctx.em, draft) };
  },

  async apiKeyCreate(ctx: Context, input: { name: string; scopes: ApiScope[]; brandIds: string[] }) {
    const viewer = ctx.viewer;
    assertMayCreateApiKey(viewer, input.scopes, input.brandIds);
    const prefix = `${API_KEY_PREFIX}${randomBytes(6).toString('hex')}`;
    const secret = `${prefix}_${randomToken(32)}`;
    const apiKey = await transaction(ctx, async (tx) => {
      const key = tx.create(ApiKey, {
        name: input.name.trim(),
        prefix,
        secretHash: sha256(secret),
        scopes: [...new Set(input.scopes)],
        brandIds: [...new Set(input.brandIds)],
        createdById: viewer.staffId,
      });
      tx.persist(key);
      return key;
    });
    return { apiKey, secret };
  },

  /** Unknown is NOT_FOUND; a key covering a brand the viewer does not manage (or every brand) is FORBIDDEN. */
  async apiKeyRevoke(ctx: Context, id: string) {
    const apiKey = await transaction(ctx, async (tx) => {
      const key = await tx.findOne(ApiKey, { id });
      if (!key) throw new DomainError(AccessErrorCode.NOT_FOUND, 'No such API key', ['input', 'id']);
      if (!mayManageApiKey(ctx.viewer, key)) throw new ForbiddenError('Revoking this key needs rights over every brand it covers');
      key.revokedAt ??= new Date();
      return key;
    });
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

/** The staff member's current role and brands (one statement), or null once deleted or disabled. */
export async function currentStaff(app: App, staffId: string): Promise<{ role: StaffRole; brandIds: string[] } | null> {
  if (!isUuid(staffId)) return null;
  const [row] = await app.orm.em
    .fork()
    .execute<{ role: StaffRole; brand_ids: string[] }[]>('select role, brand_ids from staff_user where id = ? and disabled_at is null', [staffId]);
  return row ? { role: row.role, brandIds: row.brand_ids } : null;
}

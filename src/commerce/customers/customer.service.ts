import { validate as isUuid } from 'uuid';
import { checkPassword, issueToken, NO_LONGER_VALID, verifyToken } from '../../shared/auth.js';
import type { App, Context } from '../../shared/context.js';
import { hashPassword } from '../../shared/crypto.js';
import { UnauthenticatedError } from '../../shared/errors.js';
import { limitSignIn } from '../../shared/rate-limit.js';
import { transaction } from '../../shared/transaction.js';
import { DomainError, DomainErrors, errorCodes } from '../../shared/user-errors.js';
import { Customer, CustomerTokenRevocation, type CustomerSize } from './customer.entity.js';

export const CustomerErrorCode = errorCodes('CustomerErrorCode', {
  INVALID: 'The value is malformed or breaks a rule (see message).',
  TAKEN: 'An account with this email already exists.',
  UNIDENTIFIED_CUSTOMER: 'Unknown email or wrong password (the same answer for both).',
  THROTTLED: 'Too many failed sign-in attempts for this email or from this address: wait retryAfterSeconds.',
  NOT_FOUND: 'No such address among the signed-in customer\'s addresses.',
  LIMIT_EXCEEDED: 'The customer already has the most addresses allowed.',
});

export const MAX_SIZES = 20;

export interface CustomerProfileChanges {
  firstName?: string | null;
  lastName?: string | null;
  phone?: string | null;
  preferredLocale?: string | null;
  sizes?: CustomerSize[] | null;
}

/** The signed-in customer's id; an anonymous (or staff) caller is UNAUTHENTICATED. */
export function signedInCustomerId(ctx: Context): string {
  if (ctx.viewer.kind !== 'customer') throw new UnauthenticatedError('Sign in as a customer: send "Authorization: Bearer <customerAccessToken>"');
  return ctx.viewer.customerId;
}

/** One size per category and system: a second "shoes/EU" would leave the storefront guessing. */
function checkSizes(sizes: CustomerSize[]): CustomerSize[] {
  const seen = new Set<string>();
  const duplicates = sizes.flatMap((size, i) => {
    const key = `${size.category}/${size.system.toUpperCase()}`;
    if (seen.has(key)) return [new DomainError(CustomerErrorCode.INVALID, `sizes has ${key} twice`, ['input', 'sizes', String(i)])];
    seen.add(key);
    return [];
  });
  if (duplicates.length) throw new DomainErrors(duplicates);
  return sizes.map(({ category, system, value }) => ({ category, system: system.toUpperCase(), value }));
}

export const customerService = {
  /** A concurrent sign-up with the same email is TAKEN too: the unique constraint is declared in module.ts. */
  async create(ctx: Context, input: { email: string; password: string; firstName?: string; lastName?: string }) {
    const email = input.email.trim().toLowerCase();
    const passwordHash = await hashPassword(input.password);
    return transaction(ctx, async (tx) => {
      if (await tx.count(Customer, { email })) {
        throw new DomainError(CustomerErrorCode.TAKEN, 'An account with this email already exists', ['input', 'email']);
      }
      const customer = tx.create(Customer, {
        email,
        passwordHash,
        firstName: input.firstName?.trim(),
        lastName: input.lastName?.trim(),
      });
      tx.persist(customer);
      return { customer };
    });
  },

  async signIn(ctx: Context, email: string, password: string) {
    const normalized = email.trim().toLowerCase();
    return limitSignIn(ctx.app, { audience: 'customer', email: normalized, clientIp: ctx.clientIp }, async () => {
      const customer = await ctx.em.findOne(Customer, { email: normalized });
      // Unknown email and wrong password: the same answer after the same scrypt work.
      if (!(await checkPassword(password, customer?.passwordHash))) {
        throw new DomainError(CustomerErrorCode.UNIDENTIFIED_CUSTOMER, 'Email or password is incorrect', ['input']);
      }
      const { token, expiresAt } = await issueToken(ctx.app, { typ: 'customer', sub: customer!.id });
      return { customerAccessToken: { accessToken: token, expiresAt } };
    });
  },

  /**
   * Revokes one access token until it would have expired. The token is its own credential (as in
   * Shopify's customerAccessTokenDelete): a malformed, expired, foreign or already revoked one is
   * UNAUTHENTICATED. Expired revocations are swept here, so the table holds only live ones.
   */
  async revokeToken(ctx: Context, accessToken: string) {
    const claims = await verifyToken(ctx.app, accessToken);
    if (claims.typ !== 'customer') throw new UnauthenticatedError('Not a customer access token');
    if (!(await customerTokenValid(ctx.app, claims.sub, claims.jti!))) throw new UnauthenticatedError(NO_LONGER_VALID);
    return transaction(ctx, async (tx) => {
      await tx.nativeDelete(CustomerTokenRevocation, { expiresAt: { $lt: new Date() } });
      // Two parallel deletes of one token both succeed: the second finds it revoked already.
      await tx.execute(
        'insert into customer_token_revocation (token_id, customer_id, expires_at, revoked_at) values (?, ?, ?, now()) on conflict (token_id) do nothing',
        [claims.jti, claims.sub, claims.expiresAt],
      );
      return { deletedAccessToken: accessToken };
    });
  },

  /** Changes the signed-in customer's profile: omitted fields stay, null clears. */
  async update(ctx: Context, changes: CustomerProfileChanges) {
    const customerId = signedInCustomerId(ctx);
    const sizes = changes.sizes ? checkSizes(changes.sizes) : changes.sizes;
    return transaction(ctx, async (tx) => {
      const customer = await tx.findOneOrFail(Customer, customerId);
      const set = <K extends keyof CustomerProfileChanges>(key: K, value: Customer[K]) => {
        if (changes[key] !== undefined) customer[key] = value;
      };
      set('firstName', changes.firstName?.trim() ?? null);
      set('lastName', changes.lastName?.trim() ?? null);
      set('phone', changes.phone ?? null);
      set('preferredLocale', changes.preferredLocale ? Intl.getCanonicalLocales(changes.preferredLocale)[0] : null);
      set('sizes', sizes ?? null);
      return { customer };
    });
  },

  async current(ctx: Context) {
    return ctx.viewer.kind === 'customer' ? ctx.em.findOne(Customer, { id: ctx.viewer.customerId }) : null;
  },
};

/**
 * Whether a customer token still names an account and was not revoked: the one statement each
 * customer request costs (the revocation lookup is a primary-key probe inside it).
 */
export async function customerTokenValid(app: App, customerId: string, tokenId: string): Promise<boolean> {
  if (!isUuid(customerId) || !isUuid(tokenId)) return false;
  const rows = await app.orm.em.fork().execute(
    'select 1 from customer c where c.id = ? and not exists (select 1 from customer_token_revocation r where r.token_id = ?)',
    [customerId, tokenId],
  );
  return rows.length > 0;
}

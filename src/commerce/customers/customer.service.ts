import { validate as isUuid } from 'uuid';
import { checkPassword, issueToken } from '../../shared/auth.js';
import type { App, Context } from '../../shared/context.js';
import { hashPassword } from '../../shared/crypto.js';
import { limitSignIn } from '../../shared/rate-limit.js';
import { transaction } from '../../shared/transaction.js';
import { DomainError, errorCodes } from '../../shared/user-errors.js';
import { Customer } from './customer.entity.js';

export const CustomerErrorCode = errorCodes('CustomerErrorCode', {
  INVALID: 'The value is malformed or breaks a rule (see message).',
  TAKEN: 'An account with this email already exists.',
  UNIDENTIFIED_CUSTOMER: 'Unknown email or wrong password (the same answer for both).',
  THROTTLED: 'Too many failed sign-in attempts for this email or from this address: wait retryAfterSeconds.',
});

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

  async current(ctx: Context) {
    return ctx.viewer.kind === 'customer' ? ctx.em.findOne(Customer, { id: ctx.viewer.customerId }) : null;
  },
};

/** Whether a customer token still names an account (one statement per request). */
export async function customerExists(app: App, customerId: string): Promise<boolean> {
  if (!isUuid(customerId)) return false;
  const rows = await app.orm.em.fork().execute('select 1 from customer where id = ?', [customerId]);
  return rows.length > 0;
}

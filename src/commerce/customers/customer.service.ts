import { issueToken } from '../../shared/auth.js';
import type { Context } from '../../shared/context.js';
import { hashPassword, verifyPassword } from '../../shared/crypto.js';
import { DomainError, errorCodes } from '../../shared/user-errors.js';
import { Customer } from './customer.entity.js';

export const CustomerErrorCode = errorCodes('CustomerErrorCode', {
  INVALID: 'The value is malformed or breaks a rule (see message).',
  TAKEN: 'An account with this email already exists.',
  UNIDENTIFIED_CUSTOMER: 'Unknown email or wrong password (the same answer for both).',
});

export const customerService = {
  async create(ctx: Context, input: { email: string; password: string; firstName?: string; lastName?: string }) {
    const email = input.email.trim().toLowerCase();
    return ctx.em.transactional(async (tx) => {
      if (await tx.count(Customer, { email })) {
        throw new DomainError(CustomerErrorCode.TAKEN, 'An account with this email already exists', ['input', 'email']);
      }
      const customer = tx.create(Customer, {
        email,
        passwordHash: await hashPassword(input.password),
        firstName: input.firstName?.trim(),
        lastName: input.lastName?.trim(),
      });
      tx.persist(customer);
      return { customer };
    });
  },

  async signIn(ctx: Context, email: string, password: string) {
    const customer = await ctx.em.findOne(Customer, { email: email.trim().toLowerCase() });
    if (!customer || !(await verifyPassword(password, customer.passwordHash))) {
      throw new DomainError(CustomerErrorCode.UNIDENTIFIED_CUSTOMER, 'Email or password is incorrect', ['input']);
    }
    const { token, expiresAt } = await issueToken(ctx.app, { typ: 'customer', sub: customer.id });
    return { customerAccessToken: { accessToken: token, expiresAt } };
  },

  async current(ctx: Context) {
    return ctx.viewer.kind === 'customer' ? ctx.em.findOne(Customer, { id: ctx.viewer.customerId }) : null;
  },
};

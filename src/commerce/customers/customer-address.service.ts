import { LockMode, ref } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../shared/context.js';
import { tryDecodeGlobalId } from '../../shared/ids.js';
import { transaction } from '../../shared/transaction.js';
import { DomainError } from '../../shared/user-errors.js';
import { Customer, CustomerAddress } from './customer.entity.js';
import { CustomerErrorCode, signedInCustomerId } from './customer.service.js';

export const MAX_ADDRESSES = 50;

export interface AddressFields {
  firstName?: string | null;
  lastName?: string | null;
  company?: string | null;
  address1?: string | null;
  address2?: string | null;
  city?: string | null;
  province?: string | null;
  zip?: string | null;
  countryCode?: string | null;
  phone?: string | null;
}

const OPTIONAL = ['firstName', 'lastName', 'company', 'address2', 'province', 'zip', 'phone'] as const;
const REQUIRED = ['address1', 'city', 'countryCode'] as const;

/**
 * Every address change starts by locking the owner's row: changes of one customer's addresses run one
 * at a time, so the count limit and "one default whenever any exist" hold under parallel requests.
 */
async function lockOwner(tx: EntityManager, ctx: Context): Promise<Customer> {
  return tx.findOneOrFail(Customer, signedInCustomerId(ctx), { lockMode: LockMode.PESSIMISTIC_WRITE });
}

/** The owner's address by global id; anyone else's, or an id that is not an address, is NOT_FOUND. */
async function ownAddress(tx: EntityManager, owner: Customer, globalId: string, field: string[]): Promise<CustomerAddress> {
  const decoded = tryDecodeGlobalId(globalId);
  const address = decoded?.type === 'CustomerAddress' ? await tx.findOne(CustomerAddress, { id: decoded.id, customer: owner }) : null;
  if (!address) throw new DomainError(CustomerErrorCode.NOT_FOUND, `No address "${globalId}" among your addresses`, field);
  return address;
}

/** Applies the given fields (null clears an optional one; a required one cannot be cleared). */
function assign(address: CustomerAddress, fields: AddressFields): void {
  for (const key of REQUIRED) {
    const value = fields[key];
    if (value === null) throw new DomainError(CustomerErrorCode.INVALID, `${key} cannot be cleared`, ['input', 'address', key]);
    if (value !== undefined) address[key] = key === 'countryCode' ? value.toUpperCase() : value.trim();
  }
  for (const key of OPTIONAL) {
    const value = fields[key];
    if (value !== undefined) address[key] = value === null ? null : value.trim();
  }
}

export const customerAddressService = {
  async create(ctx: Context, fields: AddressFields, setDefault = false) {
    return transaction(ctx, async (tx) => {
      const owner = await lockOwner(tx, ctx);
      const missing = REQUIRED.filter((key) => fields[key] == null);
      if (missing.length) {
        throw new DomainError(CustomerErrorCode.INVALID, `An address needs ${missing.join(', ')}`, ['input', 'address', missing[0]]);
      }
      if ((await tx.count(CustomerAddress, { customer: owner })) >= MAX_ADDRESSES) {
        throw new DomainError(CustomerErrorCode.LIMIT_EXCEEDED, `At most ${MAX_ADDRESSES} addresses per customer: delete one first`, ['input']);
      }
      const address = new CustomerAddress();
      address.customer = ref(owner);
      assign(address, fields);
      await tx.persist(address).flush();
      if (setDefault || !owner.defaultAddress) owner.defaultAddress = tx.getReference(CustomerAddress, address.id, { wrapped: true });
      return { customerAddress: address, customer: owner };
    });
  },

  async update(ctx: Context, globalId: string, fields: AddressFields, setDefault = false) {
    return transaction(ctx, async (tx) => {
      const owner = await lockOwner(tx, ctx);
      const address = await ownAddress(tx, owner, globalId, ['input', 'id']);
      assign(address, fields);
      if (setDefault) owner.defaultAddress = tx.getReference(CustomerAddress, address.id, { wrapped: true });
      return { customerAddress: address, customer: owner };
    });
  },

  /** Deleting the default promotes the oldest remaining address, or leaves none when it was the last. */
  async delete(ctx: Context, globalId: string) {
    return transaction(ctx, async (tx) => {
      const owner = await lockOwner(tx, ctx);
      const address = await ownAddress(tx, owner, globalId, ['input', 'id']);
      if (owner.defaultAddress?.id === address.id) {
        const next = await tx.findOne(CustomerAddress, { customer: owner, id: { $ne: address.id } }, { orderBy: { id: 'asc' } });
        owner.defaultAddress = next ? tx.getReference(CustomerAddress, next.id, { wrapped: true }) : null;
        await tx.flush();
      }
      tx.remove(address);
      return { deletedCustomerAddressId: globalId, customer: owner };
    });
  },

  async setDefault(ctx: Context, globalId: string) {
    return transaction(ctx, async (tx) => {
      const owner = await lockOwner(tx, ctx);
      const address = await ownAddress(tx, owner, globalId, ['input', 'addressId']);
      owner.defaultAddress = tx.getReference(CustomerAddress, address.id, { wrapped: true });
      return { customer: owner };
    });
  },

  /** The customer's addresses, oldest first (ids are time-ordered UUIDv7). */
  list(ctx: Context, customer: Customer): Promise<CustomerAddress[]> {
    return ctx.em.find(CustomerAddress, { customer }, { orderBy: { id: 'asc' } });
  },
};

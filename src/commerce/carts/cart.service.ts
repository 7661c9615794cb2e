import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { validate as isUuid } from 'uuid';
import { StockLocationKind } from '../../catalog/entities/enums.js';
import { StockLocation, type Store } from '../../catalog/entities/store.entity.js';
import { currentStore } from '../../catalog/storefront/current-store.js';
import type { StorefrontVariant } from '../../catalog/storefront/read-model.js';
import { storefrontCatalog } from '../../catalog/storefront/storefront-catalog.js';
import type { Context } from '../../shared/context.js';
import { decodeGlobalId, toGlobalId } from '../../shared/ids.js';
import { transaction } from '../../shared/transaction.js';
import { DomainError, DomainErrors, errorCodes } from '../../shared/user-errors.js';
import { Customer } from '../customers/customer.entity.js';
import { Cart, CartLine, CartStatus, DeliveryMethod } from './cart.entity.js';
import { availability, cartView, selectCartRow } from './cart-view.js';
import { MAX_LINE_QUANTITY, type CartBuyerIdentityInput, type CartLineInput } from './types.js';

export const CartErrorCode = errorCodes('CartErrorCode', {
  INVALID: 'The value is malformed or breaks a rule (see message), e.g. a quantity outside 1-99.',
  CART_NOT_FOUND: 'No cart with this id is open to you.',
  STORE_MISMATCH: 'The cart belongs to another store than the x-store header names.',
  CART_COMPLETED: 'The cart was checked out and no longer changes.',
  LINE_NOT_FOUND: 'No such line in this cart.',
  VARIANT_NOT_AVAILABLE: 'The variant is not published or not priced in this store.',
  QUANTITY_EXCEEDS_AVAILABLE: 'Fewer units are available (in the store, or at the pickup boutique) than asked.',
  PICKUP_LOCATION_NOT_FOUND: "Not one of this store's boutiques.",
});

/** The id handed to the client: the row's uuid and a random 128-bit secret, of which only the SHA-256 is stored. */
const CART_ID = /^Cart:([0-9a-f-]{36})\?key=([A-Za-z0-9_-]{22})$/;
const hashSecret = (secret: string) => createHash('sha256').update(secret).digest('hex');

function parseCartId(globalId: string): { id: string; secret: string } | null {
  const match = CART_ID.exec(Buffer.from(globalId, 'base64').toString('utf8'));
  return match && isUuid(match[1]) ? { id: match[1], secret: match[2] } : null;
}

const opensWith = (secretHash: string, secret: string) => timingSafeEqual(Buffer.from(secretHash, 'hex'), Buffer.from(hashSecret(secret), 'hex'));

/** A cart attached to a customer is theirs alone; an anonymous one is open to whoever holds its id. */
function visibleTo(ctx: Context, customerId: string | null): boolean {
  return customerId === null || (ctx.viewer.kind === 'customer' && ctx.viewer.customerId === customerId);
}

const notFound = (field = ['input', 'cartId']) => new DomainError(CartErrorCode.CART_NOT_FOUND, 'No cart with this id', field);

function decodeOr(id: string, type: string, field: string[]): string {
  try {
    return decodeGlobalId(id, type, field).id;
  } catch {
    throw new DomainError(CartErrorCode.INVALID, `"${id}" is not a ${type} id`, field);
  }
}

/** The cart locked for this mutation, after the capability, owner, store and status checks; signs an anonymous cart over to a signed-in customer. */
async function openForChange(ctx: Context, tx: EntityManager, globalId: string, store: Store): Promise<Cart> {
  const parsed = parseCartId(globalId);
  const cart = parsed && (await tx.findOne(Cart, { id: parsed.id }, { lockMode: LockMode.PESSIMISTIC_WRITE }));
  if (!cart || !opensWith(cart.secretHash, parsed.secret) || !visibleTo(ctx, cart.customer?.id ?? null)) throw notFound();
  if (cart.store.id !== store.id) throw new DomainError(CartErrorCode.STORE_MISMATCH, `This cart belongs to another store than "${store.handle}"`, ['input', 'cartId']);
  if (cart.status === CartStatus.COMPLETED) throw new DomainError(CartErrorCode.CART_COMPLETED, 'This cart was checked out', ['input', 'cartId']);
  if (!cart.customer && ctx.viewer.kind === 'customer') cart.customer = tx.getReference(Customer, ctx.viewer.customerId);
  return cart;
}

/** Variants as the storefront sells them here (published, priced), read in the mutation's transaction. */
async function sellable(ctx: Context, tx: EntityManager, store: Store, ids: string[]) {
  return storefrontCatalog.variantsByIds({ em: tx, store, locales: ctx.locales }, ids);
}

/** Sets lines to the wanted quantities (by variant), checking each against what is sellable and left; all errors at once. */
async function setQuantities(ctx: Context, tx: EntityManager, cart: Cart, store: Store, wanted: { variantId: string; quantity: number; field: string[] }[]) {
  const variants = await sellable(ctx, tx, store, wanted.map((w) => w.variantId));
  const priced = variants.filter((v): v is StorefrontVariant => v?.inStore.amount != null);
  const left = await availability(tx, cart.deliveryMethod === DeliveryMethod.PICKUP ? (cart.pickupLocation?.id ?? null) : null, priced);
  const errors: DomainError[] = [];
  wanted.forEach((w, i) => {
    const variant = variants[i];
    if (!variant || variant.inStore.amount == null) {
      errors.push(new DomainError(CartErrorCode.VARIANT_NOT_AVAILABLE, 'This variant is not sold in this store', w.field));
    } else if (w.quantity > MAX_LINE_QUANTITY) {
      errors.push(new DomainError(CartErrorCode.INVALID, `A line holds at most ${MAX_LINE_QUANTITY} units`, w.field));
    } else if (w.quantity > (left.get(variant.id) ?? 0)) {
      errors.push(new DomainError(CartErrorCode.QUANTITY_EXCEEDS_AVAILABLE, `Only ${left.get(variant.id) ?? 0} available`, w.field));
    }
  });
  if (errors.length) throw new DomainErrors(errors);
  const existing = new Map((await tx.find(CartLine, { cart })).map((l) => [l.variant.id, l]));
  wanted.forEach((w, i) => {
    const unitPriceAtAdd = variants[i]!.inStore.amount!;
    const line = existing.get(w.variantId);
    if (line) Object.assign(line, { quantity: w.quantity, unitPriceAtAdd });
    else tx.create(CartLine, { cart, store, variant: w.variantId, quantity: w.quantity, unitPriceAtAdd });
  });
}

/** Requested lines merged by variant, added to what the cart already holds. */
async function addLines(ctx: Context, tx: EntityManager, cart: Cart, store: Store, lines: CartLineInput[]) {
  const held = new Map((await tx.find(CartLine, { cart })).map((l) => [l.variant.id, l.quantity]));
  const merged = new Map<string, { variantId: string; quantity: number; field: string[] }>();
  lines.forEach((line, i) => {
    const field = ['input', 'lines', String(i), 'merchandiseId'];
    const variantId = decodeOr(line.merchandiseId, 'ProductVariant', field);
    const entry = merged.get(variantId) ?? { variantId, quantity: held.get(variantId) ?? 0, field };
    entry.quantity += line.quantity;
    merged.set(variantId, entry);
  });
  await setQuantities(ctx, tx, cart, store, [...merged.values()]);
}

function applyBuyerIdentity(cart: Cart, identity: CartBuyerIdentityInput | undefined) {
  if (identity?.email !== undefined) cart.buyerEmail = identity.email.trim().toLowerCase();
  if (identity?.phone !== undefined) cart.buyerPhone = identity.phone.trim();
}

async function change(ctx: Context, cartId: string, work: (tx: EntityManager, cart: Cart, store: Store) => Promise<void>) {
  const store = await currentStore(ctx);
  const id = await transaction(ctx, async (tx) => {
    const cart = await openForChange(ctx, tx, cartId, store);
    await work(tx, cart, store);
    return cart.id;
  });
  return { cart: await cartService.view(ctx, id, cartId) };
}

export const cartService = {
  async create(ctx: Context, input: { lines?: CartLineInput[]; buyerIdentity?: CartBuyerIdentityInput }) {
    const store = await currentStore(ctx);
    const secret = randomBytes(16).toString('base64url');
    const id = await transaction(ctx, async (tx) => {
      const cart = tx.create(Cart, {
        store,
        currency: store.currency,
        secretHash: hashSecret(secret),
        customer: ctx.viewer.kind === 'customer' ? tx.getReference(Customer, ctx.viewer.customerId) : null,
      });
      applyBuyerIdentity(cart, input.buyerIdentity);
      if (input.lines?.length) await addLines(ctx, tx, cart, store, input.lines);
      return cart.id;
    });
    return { cart: await cartService.view(ctx, id, toGlobalId('Cart', `${id}?key=${secret}`)) };
  },

  linesAdd: (ctx: Context, input: { cartId: string; lines: CartLineInput[] }) =>
    change(ctx, input.cartId, (tx, cart, store) => addLines(ctx, tx, cart, store, input.lines)),

  linesUpdate: (ctx: Context, input: { cartId: string; lines: { id: string; quantity: number }[] }) =>
    change(ctx, input.cartId, async (tx, cart, store) => {
      const lines = new Map((await tx.find(CartLine, { cart })).map((l) => [l.id, l]));
      const wanted = input.lines.map((l, i) => {
        const field = ['input', 'lines', String(i), 'id'];
        const line = lines.get(decodeOr(l.id, 'CartLine', field));
        if (!line) throw new DomainError(CartErrorCode.LINE_NOT_FOUND, 'No such line in this cart', field);
        return { variantId: line.variant.id, quantity: l.quantity, field };
      });
      await setQuantities(ctx, tx, cart, store, wanted);
    }),

  linesRemove: (ctx: Context, input: { cartId: string; lineIds: string[] }) =>
    change(ctx, input.cartId, async (tx, cart) => {
      const lines = new Map((await tx.find(CartLine, { cart })).map((l) => [l.id, l]));
      input.lineIds.forEach((lineId, i) => {
        const field = ['input', 'lineIds', String(i)];
        const line = lines.get(decodeOr(lineId, 'CartLine', field));
        if (!line) throw new DomainError(CartErrorCode.LINE_NOT_FOUND, 'No such line in this cart', field);
        tx.remove(line);
      });
    }),

  buyerIdentityUpdate: (ctx: Context, input: { cartId: string; buyerIdentity: CartBuyerIdentityInput }) =>
    change(ctx, input.cartId, async (_tx, cart) => applyBuyerIdentity(cart, input.buyerIdentity)),

  deliveryUpdate: (ctx: Context, input: { cartId: string; method: DeliveryMethod; pickupLocationId?: string }) =>
    change(ctx, input.cartId, async (tx, cart, store) => {
      if (input.method === DeliveryMethod.SHIPPING) {
        Object.assign(cart, { deliveryMethod: DeliveryMethod.SHIPPING, pickupLocation: null });
        return;
      }
      const field = ['input', 'pickupLocationId'];
      if (!input.pickupLocationId) throw new DomainError(CartErrorCode.INVALID, 'PICKUP needs a pickupLocationId', field);
      const locationId = decodeOr(input.pickupLocationId, 'StockLocation', field);
      const location = await tx.findOne(StockLocation, { id: locationId, store, kind: StockLocationKind.BOUTIQUE, archivedAt: null });
      if (!location) throw new DomainError(CartErrorCode.PICKUP_LOCATION_NOT_FOUND, "Not one of this store's boutiques", field);
      Object.assign(cart, { deliveryMethod: DeliveryMethod.PICKUP, pickupLocation: location });
      // Every line must be collectable there: re-check the held quantities against the boutique's stock.
      const lines = await tx.find(CartLine, { cart });
      await setQuantities(ctx, tx, cart, store, lines.map((l) => ({ variantId: l.variant.id, quantity: l.quantity, field })));
    }),

  /** cart(id): null unless the id carries the right secret, the cart is in this store and open to the viewer. */
  async find(ctx: Context, globalId: string) {
    const parsed = parseCartId(globalId);
    if (!parsed) return null;
    const [store, row] = await Promise.all([currentStore(ctx), selectCartRow(ctx.em, parsed.id)]);
    if (!row || !opensWith(row.secret_hash, parsed.secret) || !visibleTo(ctx, row.customer_id) || row.store_id !== store.id) return null;
    if (!row.customer_id && ctx.viewer.kind === 'customer') {
      // Signing in attaches the anonymous cart the customer then uses (the first read or change with its id).
      await ctx.em.execute('update cart set customer_id = ?, updated_at = now() where id = ? and customer_id is null', [ctx.viewer.customerId, row.id]);
      return cartService.view(ctx, row.id, globalId);
    }
    return cartView(ctx, row, globalId);
  },

  /** The cart after a change (its id already checked). */
  async view(ctx: Context, id: string, globalId: string) {
    const row = await selectCartRow(ctx.em, id);
    if (!row) throw new Error(`Cart ${id} vanished after its change`);
    return cartView(ctx, row, globalId);
  },

  /** The store's boutiques a cart can be collected from. */
  async pickupLocations(ctx: Context, storeId: string) {
    const locations = await ctx.em.find(StockLocation, { store: storeId, kind: StockLocationKind.BOUTIQUE, archivedAt: null }, { orderBy: { name: 'asc' } });
    return locations.map((l) => ({ id: toGlobalId('StockLocation', l.id), handle: l.handle, name: l.name }));
  },
};

/** What checkout needs to open a cart by its capability id (the same rules as every cart mutation). */
export const cartAccess = { parseCartId, opensWith, visibleTo };

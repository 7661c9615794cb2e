import type { EntityManager } from '@mikro-orm/postgresql';
import type { Store } from '../../catalog/entities/store.entity.js';
import { pick, pickText } from '../../catalog/i18n.js';
import type { StorefrontVariant } from '../../catalog/storefront/read-model.js';
import { storefrontCatalog } from '../../catalog/storefront/storefront-catalog.js';
import type { Context } from '../../shared/context.js';
import { toGlobalId } from '../../shared/ids.js';
import { DomainError, DomainErrors } from '../../shared/user-errors.js';
import { CartStatus, DeliveryMethod } from '../carts/cart.entity.js';
import { cartCost, NO_TERMS } from '../carts/cart-cost.js';
import { cartAccess } from '../carts/cart.service.js';
import { selectCartRow, type CartRow } from '../carts/cart-view.js';
import type { DeliverySnapshot, OrderAddress } from '../orders/entities.js';
import type { OrderLineSnapshot } from '../orders/order.service.js';
import type { OrderDraft } from './checkout.entity.js';
import { CheckoutErrorCode, type CheckoutCompleteInput } from './types.js';

const CART_FIELD = ['input', 'cartId'];
const cartNotFound = () => new DomainError(CheckoutErrorCode.CART_NOT_FOUND, 'No cart with this id', CART_FIELD);

export interface LockedCart {
  row: CartRow;
  customerId: string | null;
}

/**
 * Locks the cart row for the checkout's first transaction and reads it, with whether another checkout
 * of it is running and the signed-in customer's default address: two statements whatever the cart holds.
 */
export async function lockCart(ctx: Context, tx: EntityManager, cartUuid: string, secret: string, store: Store): Promise<LockedCart & { busy: boolean; defaultAddress: OrderAddress | null }> {
  const viewerId = ctx.viewer.kind === 'customer' ? ctx.viewer.customerId : null;
  const [lock] = await tx.execute<{ busy: boolean; default_address: OrderAddress | null }[]>(
    `select exists (select 1 from checkout k where k.cart_id = c.id and k.status = 'PENDING') as busy,
            (select jsonb_strip_nulls(jsonb_build_object('firstName', a.first_name, 'lastName', a.last_name, 'company', a.company, 'address1', a.address1,
               'address2', a.address2, 'city', a.city, 'province', a.province, 'zip', a.zip, 'countryCode', a.country_code, 'phone', a.phone))
               from customer cu join customer_address a on a.id = cu.default_address_id where cu.id = ?) as default_address
       from cart c where c.id = ? for update of c`,
    [viewerId, cartUuid],
  );
  const row = lock && (await selectCartRow(tx, cartUuid));
  if (!row || !cartAccess.opensWith(row.secret_hash, secret) || !cartAccess.visibleTo(ctx, row.customer_id)) throw cartNotFound();
  if (row.store_id !== store.id) throw new DomainError(CheckoutErrorCode.CART_NOT_FOUND, `No cart with this id in store "${store.handle}"`, CART_FIELD);
  if (row.status === CartStatus.COMPLETED) throw new DomainError(CheckoutErrorCode.CART_COMPLETED, 'This cart was already checked out', CART_FIELD);
  if (row.lines.length === 0) throw new DomainError(CheckoutErrorCode.CART_EMPTY, 'The cart has no lines', CART_FIELD);
  if (lock.busy) throw new DomainError(CheckoutErrorCode.CHECKOUT_IN_PROGRESS, 'Another checkout of this cart is still running', CART_FIELD);
  return { row, customerId: viewerId ?? row.customer_id, busy: lock.busy, defaultAddress: lock.default_address };
}

function deliveryOf(row: CartRow, input: CheckoutCompleteInput, defaultAddress: OrderAddress | null): DeliverySnapshot {
  if (row.delivery_method === DeliveryMethod.PICKUP) {
    if (!row.pickup_location_id) throw new DomainError(CheckoutErrorCode.DELIVERY_REQUIRED, 'The pickup boutique is no longer open: choose another', CART_FIELD);
    return { method: DeliveryMethod.PICKUP, locationId: row.pickup_location_id, locationName: row.pickup_name! };
  }
  const address = input.shippingAddress ? { ...input.shippingAddress } : defaultAddress;
  if (!address) throw new DomainError(CheckoutErrorCode.DELIVERY_REQUIRED, 'Shipping needs an address: send shippingAddress', ['input', 'shippingAddress']);
  return { method: DeliveryMethod.SHIPPING, address };
}

export function lineSnapshot(variant: StorefrontVariant, quantity: number): OrderLineSnapshot {
  const product = variant.inStore.product;
  const { chain } = product.inStore;
  const options = product.options.flatMap((option) => {
    const value = option.values.find((v) => v.code === variant.optionValues[option.code]);
    return value ? [{ name: pickText(option.names, chain) ?? option.code, value: pickText(value.names, chain) ?? value.code }] : [];
  });
  return {
    variantId: variant.id,
    productId: product.id,
    brandId: product.brand.id,
    title: pick(product.translations, 'title', chain).value ?? product.handle,
    sku: variant.sku,
    options,
    unitPrice: variant.inStore.amount!,
    quantity,
    imageUrl: product.media[0]?.url ?? null,
  };
}

/**
 * The order this cart makes now: lines re-priced at the store's current prices (storefront read),
 * totals, delivery and email. Every line no longer sold is one MERCHANDISE_UNAVAILABLE error.
 */
export async function draftOrder(ctx: Context, tx: EntityManager, store: Store, cart: LockedCart & { defaultAddress: OrderAddress | null }, input: CheckoutCompleteInput): Promise<{ draft: OrderDraft; lineIds: string[] }> {
  const { row } = cart;
  const email = input.email?.trim().toLowerCase() ?? row.buyer_email ?? row.customer_email;
  if (!email) throw new DomainError(CheckoutErrorCode.EMAIL_REQUIRED, 'A guest checkout needs an email', ['input', 'email']);
  const delivery = deliveryOf(row, input, cart.defaultAddress);
  const variants = await storefrontCatalog.variantsByIds({ em: tx, store, locales: ctx.locales }, row.lines.map((l) => l.variantId));
  const unavailable = row.lines.flatMap((line, i) =>
    variants[i]?.inStore.amount == null
      ? [new DomainError(CheckoutErrorCode.MERCHANDISE_UNAVAILABLE, 'This item is no longer sold in this store', [...CART_FIELD, 'lines', toGlobalId('CartLine', line.id)])]
      : [],
  );
  if (unavailable.length) throw new DomainErrors(unavailable);
  const lines = row.lines.map((line, i) => lineSnapshot(variants[i]!, line.quantity));
  const cost = cartCost(row.currency, lines.map((l) => l.unitPrice * l.quantity), delivery.method === DeliveryMethod.PICKUP, row.terms ?? NO_TERMS);
  return {
    draft: { storeId: store.id, customerId: cart.customerId, email, currency: row.currency, lines, totals: cost, delivery },
    lineIds: row.lines.map((l) => l.id),
  };
}

export const outOfStock = (lineId: string, sku: string) =>
  new DomainError(CheckoutErrorCode.OUT_OF_STOCK, `Not enough of ${sku} is left for this line`, [...CART_FIELD, 'lines', toGlobalId('CartLine', lineId)]);

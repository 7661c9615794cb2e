import type { EntityManager } from '@mikro-orm/postgresql';
import type { StorefrontVariant } from '../../catalog/storefront/read-model.js';
import { storefrontCatalog, type StorefrontScope } from '../../catalog/storefront/storefront-catalog.js';
import { stockService } from '../../catalog/stock.service.js';
import type { Context } from '../../shared/context.js';
import { toGlobalId } from '../../shared/ids.js';
import { Money, type CurrencyCode } from '../../shared/money.js';
import { Customer } from '../customers/customer.entity.js';
import { CartStatus, DeliveryMethod } from './cart.entity.js';
import { cartCost, NO_TERMS, type TaxAndDelivery } from './cart-cost.js';
import { Cart, CartWarningCode, type CartLine, type CartWarning } from './types.js';

type Row = Record<string, unknown>;
interface StoredLine {
  id: string;
  variantId: string;
  quantity: number;
  unitPriceAtAdd: number;
}

export interface CartRow {
  id: string;
  store_id: string;
  secret_hash: string;
  customer_id: string | null;
  customer_email: string | null;
  customer_first_name: string | null;
  customer_last_name: string | null;
  status: CartStatus;
  currency: CurrencyCode;
  delivery_method: DeliveryMethod;
  pickup_location_id: string | null;
  pickup_handle: string | null;
  pickup_name: string | null;
  buyer_email: string | null;
  buyer_phone: string | null;
  terms: TaxAndDelivery | null;
  lines: StoredLine[];
}

/** A cart with its lines, its store's tax and delivery terms, its customer and pickup place: one statement. */
export async function selectCartRow(em: EntityManager, id: string): Promise<CartRow | null> {
  const [row] = await em.execute<CartRow[]>(
    `select c.id, c.store_id, c.secret_hash, c.customer_id, c.status, c.currency, c.delivery_method, c.pickup_location_id,
            c.buyer_email, c.buyer_phone, cu.email as customer_email, cu.first_name as customer_first_name, cu.last_name as customer_last_name,
            pl.handle as pickup_handle, pl.name as pickup_name,
            case when s.store_id is null then null else jsonb_build_object('pricesIncludeTax', s.prices_include_tax,
              'taxRateBasisPoints', s.tax_rate_basis_points, 'shippingFlatAmount', s.shipping_flat_amount,
              'freeShippingThreshold', s.free_shipping_threshold) end as terms,
            coalesce((select jsonb_agg(jsonb_build_object('id', l.id, 'variantId', l.variant_id, 'quantity', l.quantity,
                        'unitPriceAtAdd', l.unit_price_at_add) order by l.id)
                        from cart_line l where l.cart_id = c.id), '[]'::jsonb) as lines
       from cart c
       left join customer cu on cu.id = c.customer_id
       left join stock_location pl on pl.id = c.pickup_location_id
       left join store_commerce_settings s on s.store_id = c.store_id
      where c.id = ?`,
    [id],
  );
  return row ?? null;
}

/** Units a cart can hold of each variant: the pickup boutique's stock, or the store's across its locations. */
export async function availability(em: EntityManager, pickupLocationId: string | null, variants: StorefrontVariant[]): Promise<Map<string, number>> {
  if (!pickupLocationId) return new Map(variants.map((v) => [v.id, v.inStore.available]));
  const levels = await stockService.levelsAt(em, pickupLocationId, variants.map((v) => v.id));
  const at = new Map(levels.map((l) => [l.variantId, l.available]));
  return new Map(variants.map((v) => [v.id, at.get(v.id) ?? 0]));
}

/**
 * The cart as the storefront sees it now: current store prices, quantities capped at what is left
 * (QUANTITY_LOWERED), PRICE_CHANGED against the price at add time, and the cost. Reads never write:
 * a lowered quantity is shown, and stored again by the next mutation that touches the line.
 */
export async function cartView(scope: Context | StorefrontScope, row: CartRow, globalId: string): Promise<Cart> {
  const variants = await storefrontCatalog.variantsByIds(scope, row.lines.map((l) => l.variantId));
  const sold = variants.filter((v): v is StorefrontVariant => v?.inStore.amount != null);
  const left = await availability(scope.em, row.delivery_method === DeliveryMethod.PICKUP ? row.pickup_location_id : null, sold);
  const money = (minor: number) => Money.of(minor, row.currency);
  const warnings: CartWarning[] = [];
  const lines: CartLine[] = [];
  const subtotals: number[] = [];
  row.lines.forEach((stored, i) => {
    const variant = variants[i];
    const lineId = toGlobalId('CartLine', stored.id);
    if (!variant || variant.inStore.amount == null) {
      warnings.push({ code: CartWarningCode.MERCHANDISE_UNAVAILABLE, lineId, message: 'This item is no longer sold in this store' });
      return;
    }
    const unitPrice = variant.inStore.amount;
    const quantity = Math.min(stored.quantity, left.get(variant.id) ?? 0);
    if (quantity < stored.quantity) {
      warnings.push({ code: CartWarningCode.QUANTITY_LOWERED, lineId, message: `Only ${quantity} left: the quantity was lowered from ${stored.quantity}` });
    }
    if (unitPrice !== stored.unitPriceAtAdd) {
      warnings.push({
        code: CartWarningCode.PRICE_CHANGED,
        lineId,
        message: `The price changed from ${money(stored.unitPriceAtAdd).amount} to ${money(unitPrice).amount} ${row.currency}`,
      });
    }
    lines.push({
      id: lineId,
      merchandise: variant,
      quantity,
      cost: { unitPrice: money(unitPrice), unitPriceAtAdd: money(stored.unitPriceAtAdd), subtotal: money(unitPrice * quantity) },
    });
    subtotals.push(unitPrice * quantity);
  });
  const pickup = row.delivery_method === DeliveryMethod.PICKUP;
  const terms = row.terms ?? NO_TERMS;
  const cost = cartCost(row.currency, subtotals, pickup, terms);
  return Object.assign(new Cart(), {
    id: globalId,
    cartId: row.id,
    storeId: row.store_id,
    status: row.status,
    currencyCode: row.currency,
    lines,
    totalQuantity: lines.reduce((n, l) => n + l.quantity, 0),
    cost: { subtotal: money(cost.subtotal), shipping: money(cost.shipping), tax: money(cost.tax), total: money(cost.total), pricesIncludeTax: terms.pricesIncludeTax },
    warnings,
    delivery: {
      method: row.delivery_method,
      pickupLocation: pickup && row.pickup_location_id
        ? { id: toGlobalId('StockLocation', row.pickup_location_id), handle: row.pickup_handle!, name: row.pickup_name! }
        : null,
    },
    buyerIdentity: { email: row.buyer_email ?? row.customer_email, phone: row.buyer_phone, customer: row.customer_id ? customerOf(row) : null },
  });
}

function customerOf(row: CartRow): Customer {
  return Object.assign(Object.create(Customer.prototype) as Customer, {
    id: row.customer_id,
    email: row.customer_email,
    firstName: row.customer_first_name ?? undefined,
    lastName: row.customer_last_name ?? undefined,
  } satisfies Row);
}

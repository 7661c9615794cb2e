import type { EntityManager } from '@mikro-orm/postgresql';
import { cartService } from '../../commerce/carts/cart.service.js';
import { Store } from '../../catalog/entities/store.entity.js';
import type { Context } from '../../shared/context.js';
import { toGlobalId } from '../../shared/ids.js';
import { LoaderRegistry } from '../../shared/loaders.js';
import { actorOf, seesBrand } from '../../shared/scope.js';
import { transaction } from '../../shared/transaction.js';
import { DomainError, DomainErrors } from '../../shared/user-errors.js';
import { clientInScope, notFound, uuidOf } from './access.js';
import { endHold } from './hold.service.js';
import { ClientCart, ClientHold, HoldStatus } from './entities.js';
import { ConciergeErrorCode } from './errors.js';

/** Cart rules speak the carts domain's codes; the Admin payload reports them as CART_REFUSED with their message and field. */
function asCartRefusal(err: unknown): never {
  const errors = err instanceof DomainErrors ? err.errors : err instanceof DomainError ? [err] : null;
  if (!errors) throw err;
  throw new DomainErrors(errors.map((e) => new DomainError(ConciergeErrorCode.CART_REFUSED, `${e.code}: ${e.message}`, e.field)));
}

export const remoteSelling = {
  /**
   * Prepares a cart in the store for the client, through the carts service acting for the customer
   * (the cart is theirs: they sign in on the storefront to open it). Held units go into it: each hold is
   * CONVERTED and its reservation given back in the same transaction, so the cart's own availability
   * check sees them; from then on they are cart lines like any other, reserved by checkout.
   */
  async create(ctx: Context, input: { clientId: string; storeId: string; lines: { merchandiseId: string; quantity: number }[]; holdIds?: string[] }) {
    return transaction(ctx, async (tx) => {
      const client = await clientInScope(ctx, tx, input.clientId);
      const storeField = ['input', 'storeId'];
      const store = await tx.findOne(Store, { id: uuidOf(input.storeId, 'Store', storeField), archivedAt: null }, { populate: ['brands'] });
      if (!store || !store.brands.getIdentifiers().some((b) => seesBrand(ctx.viewer, b))) throw notFound(storeField, 'store');
      if (!store.brands.getIdentifiers().includes(client.brandId)) throw new DomainError(ConciergeErrorCode.WRONG_BRAND, "The store does not carry the client's brand", storeField);
      await assertBrandVariants(tx, client.brandId, input.lines);

      const lines = input.lines.map((l) => ({ merchandiseId: l.merchandiseId, quantity: l.quantity }));
      const holds: ClientHold[] = [];
      for (const [i, holdId] of (input.holdIds ?? []).entries()) {
        const field = ['input', 'holdIds', String(i)];
        const hold = await tx.findOne(ClientHold, { id: uuidOf(holdId, 'ClientHold', field), clientId: client.id });
        if (!hold) throw notFound(field, 'hold of this client');
        if (hold.status !== HoldStatus.ACTIVE) throw new DomainError(ConciergeErrorCode.INVALID_TRANSITION, `The hold is ${hold.status}`, field);
        if (hold.storeId !== store.id) throw new DomainError(ConciergeErrorCode.INVALID, 'The hold is at a location of another store', field);
        if (hold.reservationId) throw new DomainError(ConciergeErrorCode.INVALID, "The hold is of a drop's edition units: the client buys them with reservationCheckout (customer.reservations)", field);
        await endHold(tx, ctx.app, hold, 'convert', actorOf(ctx.viewer), field);
        holds.push(hold);
        lines.push({ merchandiseId: toGlobalId('ProductVariant', hold.variantId), quantity: hold.quantity });
      }
      if (lines.length === 0) throw new DomainError(ConciergeErrorCode.INVALID, 'Give lines or holds to put in the cart', ['input', 'lines']);

      // The carts service serves the Storefront API: it is called as the customer, in this store, in this transaction.
      const asCustomer: Context = {
        ...ctx, api: 'storefront', em: tx, viewer: { kind: 'customer', customerId: client.customerId },
        storeHandle: store.handle, loaders: new LoaderRegistry(), memo: new Map(),
      };
      const { cart } = await cartService.create(asCustomer, { lines }).catch(asCartRefusal);
      for (const hold of holds) hold.cartId = cart.cartId;
      const staffId = ctx.viewer.kind === 'staff' ? ctx.viewer.staffId : null;
      if (!staffId) throw new DomainError(ConciergeErrorCode.FORBIDDEN, 'Carts are prepared by staff', ['input']);
      tx.create(ClientCart, { cartId: cart.cartId, clientId: client.id, brandId: client.brandId, storeId: store.id, staffId });
      const base = ctx.app.config.STOREFRONT_URL.replace(/\/+$/, '');
      return { cart: { cartId: cart.id, checkoutUrl: `${base}/cart/${encodeURIComponent(cart.id)}`, totalQuantity: cart.totalQuantity } };
    });
  },

  /** For checkout: the concierge to credit with the order placed from this cart (orders.attributedStaffId), or null. */
  async attributionFor(em: EntityManager, cartId: string): Promise<string | null> {
    const row = await em.findOne(ClientCart, { cartId });
    return row?.staffId ?? null;
  },
};

async function assertBrandVariants(tx: EntityManager, brandId: string, lines: { merchandiseId: string }[]) {
  const ids = lines.map((l, i) => uuidOf(l.merchandiseId, 'ProductVariant', ['input', 'lines', String(i), 'merchandiseId']));
  if (!ids.length) return;
  const rows = await tx.execute<{ id: string; brand_id: string }[]>(
    'select v.id, p.brand_id from product_variant v join product p on p.id = v.product_id where v.id = any(?::uuid[])', [`{${ids.join(',')}}`]);
  const brandOf = new Map(rows.map((r) => [r.id, r.brand_id]));
  ids.forEach((id, i) => {
    if (brandOf.get(id) !== brandId) throw new DomainError(ConciergeErrorCode.WRONG_BRAND, "The variant is not of the client's brand", ['input', 'lines', String(i), 'merchandiseId']);
  });
}

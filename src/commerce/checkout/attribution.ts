import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * Who is credited with an order placed from a cart (`order.attributedStaffId`): a client advisor who
 * prepared the cart for the client (remote selling). The VIP domain depends on commerce (it builds carts
 * through cart.service), so commerce must not import it back: checkout declares this port and the
 * composition root (app/ports.ts) plugs the concierge's `remoteSelling` into it. Unset: nobody is credited.
 */
export interface OrderAttribution {
  /** The staff id to credit for the cart, or null; read inside checkout's first transaction. */
  attributionFor(em: EntityManager, cartId: string): Promise<string | null>;
}

declare module '../../shared/context.js' {
  interface AppPorts {
    attribution: OrderAttribution;
  }
}

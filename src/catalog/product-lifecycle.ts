import type { EntityManager } from '@mikro-orm/postgresql';
import { apply, defineMachine, eventBetween, invalidTransition, type EventOf } from '../shared/state-machine.js';
import { ProductStatus } from './entities/enums.js';
import type { Product } from './entities/product.entity.js';

const { DRAFT, ACTIVE, ARCHIVED } = ProductStatus;

/**
 * A product is DRAFT until activated; storefronts show only ACTIVE ones. Archiving keeps the row and its
 * publications; an archived product comes back as a DRAFT (reviewed before it is live again), never
 * straight to ACTIVE.
 */
export const productLifecycle = defineMachine({
  name: 'product',
  states: [DRAFT, ACTIVE, ARCHIVED],
  events: ['activate', 'deactivate', 'archive', 'restore'],
  initial: DRAFT,
  terminal: [],
  transitions: [
    { event: 'activate', from: DRAFT, to: ACTIVE },
    { event: 'deactivate', from: ACTIVE, to: DRAFT },
    { event: 'archive', from: [DRAFT, ACTIVE], to: ARCHIVED },
    { event: 'restore', from: ARCHIVED, to: DRAFT },
  ],
});

export type ProductEvent = EventOf<typeof productLifecycle>;

/**
 * Moves a product the caller loaded by `event`: compare-and-set from the status it read, audited in
 * state_transition, `product.<event>` in the outbox; the entity follows so a later flush agrees.
 */
export async function moveProduct(tx: EntityManager, product: Product, event: ProductEvent, actor: string, field = ['input', 'id']) {
  const move = await apply(tx, productLifecycle, { table: 'product', id: product.id, event, actor, expectedFrom: product.status, field });
  product.status = move.to;
  return move;
}

/** For inputs that name the status wanted (productUpdate): the event that leads there, or INVALID_TRANSITION. */
export async function moveProductTo(tx: EntityManager, product: Product, status: ProductStatus, actor: string, field = ['input', 'status']) {
  if (status === product.status) return undefined;
  const event = eventBetween(productLifecycle, product.status, status);
  if (!event) throw invalidTransition(productLifecycle, product.status, `become ${status}`, field);
  return moveProduct(tx, product, event, actor, field);
}

import { z } from 'zod';
import { defineEvents, event } from '../shared/events.js';

const id = z.uuid();
/** A product lifecycle move (product-lifecycle.ts), published by the state-machine helper. */
const productTransition = event(z.object({ id, from: z.string(), to: z.string(), actor: z.string() }), 'id');

/**
 * What the catalog announces. `product.changed` follows every change to what storefronts show of a
 * product (content, variants, prices, stock, publications, translations, collections, brand or
 * category names) and names the stores that list it after the change; the others announce edits to
 * the admin objects themselves.
 */
export const catalogEvents = defineEvents({
  'product.changed': event(z.object({ productId: id, storeIds: z.array(id) }), 'productId'),
  'brand_group.changed': event(z.object({ brandGroupId: id }), 'brandGroupId'),
  'brand.changed': event(z.object({ brandId: id }), 'brandId'),
  'store.changed': event(z.object({ storeId: id }), 'storeId'),
  'stock_location.changed': event(z.object({ stockLocationId: id, storeId: id }), 'stockLocationId'),
  'category.changed': event(z.object({ categoryId: id }), 'categoryId'),
  'category.deleted': event(z.object({ categoryId: id }), 'categoryId'),
  'collection.changed': event(z.object({ collectionId: id }), 'collectionId'),
  'product.activate': productTransition,
  'product.deactivate': productTransition,
  'product.archive': productTransition,
  'product.restore': productTransition,
});

import type { EntityManager } from '@mikro-orm/postgresql';
import { StockLocationKind } from '../../src/catalog/entities/enums.js';
import type { Product } from '../../src/catalog/entities/product.entity.js';
import { StockLocation, type Store } from '../../src/catalog/entities/store.entity.js';
import { stockService, type StockOutcome } from '../../src/catalog/stock.service.js';
import { CatalogFixtures } from '../support/catalog-fixtures.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';

let db: TestDatabase;
let store: Store;
let warehouse: StockLocation;
let boutique: StockLocation;
const variants: Record<string, { variantId: string; productId: string }> = {};
const who = { actor: 'system', reason: 'test' };

beforeAll(async () => {
  db = await createTestDatabase({ poolSize: 30 });
  const em = db.orm.em.fork();
  const f = new CatalogFixtures(em);
  const brand = f.brand('loewe', { en: 'LOEWE' });
  ({ store, location: warehouse } = f.store('loewe-cn', [brand]));
  const stocked: Record<string, number> = { drop: 10, moves: 10, counts: 6, last: 1, split: 1, fresh: 0 };
  const products: Record<string, Product> = {};
  for (const [handle, stock] of Object.entries(stocked)) {
    products[handle] = f.product(brand, handle, { en: handle }, { stores: [{ store, location: warehouse, price: 1000, stock }] });
  }
  await f.commit();
  boutique = em.create(StockLocation, { store, handle: 'shanghai', name: 'Shanghai boutique', kind: StockLocationKind.BOUTIQUE });
  await em.flush();
  for (const [handle, product] of Object.entries(products)) {
    const [variant] = await em.execute<{ id: string }[]>('select id from product_variant where product_id = ?', [product.id]);
    variants[handle] = { variantId: variant.id, productId: product.id };
  }
});
afterAll(() => db.drop());

/** One caller's transaction on its own pooled connection, as a cart or checkout request would run it. */
function inTx<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
  return db.orm.em.fork().transactional(work);
}

const at = (handle: string, location = warehouse) => ({ variantId: variants[handle].variantId, locationId: location.id });

async function sql<T = Record<string, unknown>>(query: string, params: unknown[] = []): Promise<T[]> {
  return db.orm.em.fork().execute<T[]>(query, params);
}

async function level(handle: string, location = warehouse) {
  const [row] = await sql<{ on_hand: number; reserved: number }>('select on_hand, reserved from inventory_level where variant_id = ? and location_id = ?', [
    variants[handle].variantId,
    location.id,
  ]);
  return row;
}

const auditCount = async (handle: string) =>
  (await sql<{ n: number }>('select count(*)::int as n from inventory_adjustment where variant_id = ?', [variants[handle].variantId]))[0].n;

test('30 parallel reservations of 1 on 10 units: exactly 10 succeed, the rest are OUT_OF_STOCK and write nothing', async () => {
  const outcomes = await Promise.all(
    Array.from({ length: 30 }, (_, i) => inTx((tx) => stockService.reserve(tx, { ...at('drop'), quantity: 1, ...who, ref: `cart:${i}` }))),
  );
  expect(outcomes.filter((o) => o.ok)).toHaveLength(10);
  const refused = outcomes.filter((o): o is Extract<StockOutcome, { ok: false }> => !o.ok);
  expect(refused).toHaveLength(20);
  for (const r of refused) expect(r.refusal).toBe('OUT_OF_STOCK');
  expect(await level('drop')).toEqual({ on_hand: 10, reserved: 10 });
  const audit = await sql('select delta, reserved_delta, count(*)::int as n from inventory_adjustment where variant_id = ? group by 1, 2', [variants.drop.variantId]);
  expect(audit).toEqual([{ delta: 0, reserved_delta: 1, n: 10 }]);
});

test('release gives units back and commit sells them: on hand and reserved both go down', async () => {
  const reserved = await inTx((tx) => stockService.reserve(tx, { ...at('moves'), quantity: 3, ...who }));
  expect(reserved).toMatchObject({ ok: true, level: { onHand: 10, reserved: 3, available: 7 } });
  const released = await inTx((tx) => stockService.release(tx, { ...at('moves'), quantity: 1, ...who }));
  expect(released).toMatchObject({ ok: true, level: { onHand: 10, reserved: 2, available: 8 } });
  const sold = await inTx((tx) => stockService.commit(tx, { ...at('moves'), quantity: 2, ...who, ref: 'order:1' }));
  expect(sold).toMatchObject({ ok: true, level: { onHand: 8, reserved: 0, available: 8 } });
  expect(await level('moves')).toEqual({ on_hand: 8, reserved: 0 });
});

test('releasing or selling more than is reserved is NOT_RESERVED and writes nothing', async () => {
  await inTx((tx) => stockService.reserve(tx, { ...at('moves'), quantity: 1, ...who }));
  const before = { level: await level('moves'), audit: await auditCount('moves') };
  const release = await inTx((tx) => stockService.release(tx, { ...at('moves'), quantity: 2, ...who }));
  const commit = await inTx((tx) => stockService.commit(tx, { ...at('moves'), quantity: 2, ...who }));
  expect(release).toEqual({ ok: false, refusal: 'NOT_RESERVED', level: expect.objectContaining({ onHand: 8, reserved: 1 }) });
  expect(commit).toMatchObject({ ok: false, refusal: 'NOT_RESERVED' });
  expect({ level: await level('moves'), audit: await auditCount('moves') }).toEqual(before);
  await expect(inTx((tx) => stockService.release(tx, { ...at('moves'), quantity: 0, ...who }))).rejects.toThrow(RangeError);
});

test('adjust and set never take on hand below reserved (BELOW_RESERVED, nothing written); the audit records every change', async () => {
  await inTx((tx) => stockService.reserve(tx, { ...at('counts'), quantity: 4, ...who, ref: 'cart:a' }));
  const before = { level: await level('counts'), audit: await auditCount('counts') };
  const adjust = await inTx((tx) => stockService.adjust(tx, { ...at('counts'), delta: -3, ...who }));
  expect(adjust).toEqual({ ok: false, refusal: 'BELOW_RESERVED', level: expect.objectContaining({ onHand: 6, reserved: 4 }) });
  expect(await inTx((tx) => stockService.set(tx, { ...at('counts'), onHand: 3, ...who }))).toMatchObject({ ok: false, refusal: 'BELOW_RESERVED' });
  expect({ level: await level('counts'), audit: await auditCount('counts') }).toEqual(before);

  expect(await inTx((tx) => stockService.adjust(tx, { ...at('counts'), delta: -2, actor: 'staff:1', reason: ' damaged ' }))).toMatchObject({
    ok: true,
    level: { onHand: 4, reserved: 4, available: 0 },
  });
  expect(await inTx((tx) => stockService.set(tx, { ...at('counts'), onHand: 9, actor: 'staff:1', reason: 'cycle count' }))).toMatchObject({
    ok: true,
    level: { onHand: 9, reserved: 4, available: 5 },
  });
  const audit = await sql('select delta, on_hand_after, reserved_delta, reserved_after, reason, ref, actor from inventory_adjustment where variant_id = ? order by id', [
    variants.counts.variantId,
  ]);
  expect(audit).toEqual([
    { delta: 0, on_hand_after: 6, reserved_delta: 4, reserved_after: 4, reason: 'test', ref: 'cart:a', actor: 'system' },
    { delta: -2, on_hand_after: 4, reserved_delta: 0, reserved_after: 4, reason: 'damaged', ref: null, actor: 'staff:1' },
    { delta: 5, on_hand_after: 9, reserved_delta: 0, reserved_after: 4, reason: 'cycle count', ref: null, actor: 'staff:1' },
  ]);
});

test('adding stock at a location with no row creates it; removing or reserving there is refused with no row made', async () => {
  const nowhere = at('fresh', boutique);
  expect(await inTx((tx) => stockService.reserve(tx, { ...nowhere, quantity: 1, ...who }))).toEqual({ ok: false, refusal: 'OUT_OF_STOCK', level: null });
  expect(await inTx((tx) => stockService.adjust(tx, { ...nowhere, delta: -1, ...who }))).toEqual({ ok: false, refusal: 'BELOW_RESERVED', level: null });
  expect(await level('fresh', boutique)).toBeUndefined();
  expect(await inTx((tx) => stockService.adjust(tx, { ...nowhere, delta: 2, ...who }))).toMatchObject({ ok: true, level: { onHand: 2, reserved: 0 } });
  expect(await sql('select delta, on_hand_after from inventory_adjustment where variant_id = ? and location_id = ?', [nowhere.variantId, boutique.id])).toEqual([
    { delta: 2, on_hand_after: 2 },
  ]);
});

test('reserving the last unit makes the product unavailable in the same transaction; releasing it makes it available again', async () => {
  const available = async (em: EntityManager) =>
    (await em.execute<{ available: boolean }[]>('select available from product_listing where product_id = ?', [variants.last.productId]))[0].available;
  expect(await available(db.orm.em.fork())).toBe(true);
  await inTx(async (tx) => {
    await stockService.reserve(tx, { ...at('last'), quantity: 1, ...who });
    expect(await available(tx)).toBe(false);
  });
  expect(await available(db.orm.em.fork())).toBe(false);
  await inTx((tx) => stockService.release(tx, { ...at('last'), quantity: 1, ...who }));
  expect(await available(db.orm.em.fork())).toBe(true);
});

test('reserveInStore takes the first live location (creation order) with enough available', async () => {
  await inTx((tx) => stockService.adjust(tx, { ...at('split', boutique), delta: 5, ...who }));
  const three = await inTx((tx) => stockService.reserveInStore(tx, { variantId: variants.split.variantId, storeId: store.id, quantity: 3, ...who }));
  expect(three).toMatchObject({ ok: true, level: { locationId: boutique.id, reserved: 3 } }); // the warehouse has only 1
  const one = await inTx((tx) => stockService.reserveInStore(tx, { variantId: variants.split.variantId, storeId: store.id, quantity: 1, ...who }));
  expect(one).toMatchObject({ ok: true, level: { locationId: warehouse.id, reserved: 1 } });
  const tooMany = await inTx((tx) => stockService.reserveInStore(tx, { variantId: variants.split.variantId, storeId: store.id, quantity: 3, ...who }));
  expect(tooMany).toEqual({ ok: false, refusal: 'OUT_OF_STOCK', level: null });
  expect([await level('split'), await level('split', boutique)]).toEqual([{ on_hand: 1, reserved: 1 }, { on_hand: 5, reserved: 3 }]);
});

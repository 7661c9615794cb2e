import { AdminHarness, PRODUCT_FIELDS, seedBasics, selmaInput, uuidOf, type Basics } from './support.js';

let h: AdminHarness;
let b: Basics;
let variantId: string;
beforeAll(async () => {
  h = await AdminHarness.start();
  b = await seedBasics(h);
  const { product } = await h.ok('productCreate', selmaInput(b.mk), PRODUCT_FIELDS);
  variantId = product.variants[0].id;
});
afterAll(() => h.close());

const level = async () =>
  (await h.sql(`select on_hand, reserved from inventory_level where variant_id = ? and location_id = ?`, [uuidOf(variantId), uuidOf(b.mkWh)]))[0];
const LEVEL = 'inventoryLevel { onHand reserved available location { handle } variant { sku } }';

test('inventoryAdjust adds stock and audits who did it and why', async () => {
  const { inventoryLevel } = await h.ok('inventoryAdjust', { variantId, locationId: b.mkWh, delta: 10, reason: 'received' }, LEVEL, await h.brandAdmin(uuidOf(b.mk)));
  expect(inventoryLevel).toEqual({ onHand: 10, reserved: 0, available: 10, location: { handle: 'wh' }, variant: { sku: 'MK-SELMA-BLK' } });
  const audit = await h.sql(`select delta, on_hand_after, reason, actor from inventory_adjustment order by id`);
  expect(audit).toEqual([{ delta: 10, on_hand_after: 10, reason: 'received', actor: 'staff:0190a3c2-0000-7000-8000-0000000000b1' }]);
});

test('an API key is audited as apiKey:<id>', async () => {
  const key = await h.apiKey(['CATALOG_WRITE' as never], [b.mk]);
  await h.ok('inventoryAdjust', { variantId, locationId: b.mkWh, delta: 1, reason: 'pim sync' }, LEVEL, key);
  await h.ok('inventoryAdjust', { variantId, locationId: b.mkWh, delta: -1, reason: 'pim sync' }, LEVEL, key);
  const [row] = await h.sql(`select actor from inventory_adjustment where reason = 'pim sync' limit 1`);
  expect(row.actor).toMatch(/^apiKey:[0-9a-f-]{36}$/);
});

test('on hand may never fall below reserved: userError, nothing written', async () => {
  await h.sql(`update inventory_level set reserved = 4 where variant_id = ? and location_id = ?`, [uuidOf(variantId), uuidOf(b.mkWh)]);
  const before = await h.snapshot();
  const errors = await h.refused('inventoryAdjust', { variantId, locationId: b.mkWh, delta: -7, reason: 'damaged' });
  expect(errors[0]).toMatchObject({ code: 'BELOW_RESERVED', field: ['input', 'delta'] });
  expect((await h.refused('inventorySet', { variantId, locationId: b.mkWh, onHand: 3, reason: 'count' }))[0]).toMatchObject({
    code: 'BELOW_RESERVED',
    field: ['input', 'onHand'],
  });
  expect((await h.refused('inventoryAdjust', { variantId, locationId: b.mkWh, delta: 0, reason: 'x' }))[0].code).toBe('INVALID');
  expect(await h.snapshot()).toBe(before);
  const { inventoryLevel } = await h.ok('inventoryAdjust', { variantId, locationId: b.mkWh, delta: -6, reason: 'damaged' }, LEVEL);
  expect(inventoryLevel).toMatchObject({ onHand: 4, reserved: 4, available: 0 });
});

test('20 concurrent adjustments over real HTTP end with the exact sum', async () => {
  const start = Number((await level()).on_hand);
  const headers = await h.platform();
  const deltas = Array.from({ length: 20 }, (_, i) => (i % 4 === 3 ? -1 : 2)); // 15 x +2, 5 x -1: +25 in total
  const results = await Promise.all(
    deltas.map((delta, i) => h.raw('inventoryAdjust', { variantId, locationId: b.mkWh, delta, reason: `parallel ${i}` }, 'inventoryLevel { onHand }', headers)),
  );
  for (const res of results) expect(res.data?.inventoryAdjust.userErrors).toEqual([]);
  expect(Number((await level()).on_hand)).toBe(start + 25);
  const audit = await h.sql(`select sum(delta)::int as total, count(*)::int as n from inventory_adjustment where reason like 'parallel %'`);
  expect(audit).toEqual([{ total: 25, n: 20 }]);
});

test('20 concurrent removals never take on hand below reserved', async () => {
  await h.ok('inventorySet', { variantId, locationId: b.mkWh, onHand: 14, reason: 'count' }, LEVEL); // reserved 4: 10 removable
  const headers = await h.platform();
  const results = await Promise.all(
    Array.from({ length: 20 }, (_, i) => h.raw('inventoryAdjust', { variantId, locationId: b.mkWh, delta: -1, reason: `drain ${i}` }, 'inventoryLevel { onHand }', headers)),
  );
  const codes = results.map((r) => r.data?.inventoryAdjust.userErrors[0]?.code ?? 'OK');
  expect(codes.filter((c) => c === 'OK')).toHaveLength(10);
  expect(codes.filter((c) => c === 'BELOW_RESERVED')).toHaveLength(10);
  expect(await level()).toEqual({ on_hand: 4, reserved: 4 });
  expect(await h.sql(`select count(*)::int as n from inventory_adjustment where reason like 'drain %'`)).toEqual([{ n: 10 }]);
});

test('inventorySet is audited with the difference', async () => {
  await h.ok('inventorySet', { variantId, locationId: b.mkWh, onHand: 9, reason: 'cycle count' }, LEVEL);
  expect(await h.sql(`select delta, on_hand_after from inventory_adjustment where reason = 'cycle count'`)).toEqual([{ delta: 5, on_hand_after: 9 }]);
});

test('an idempotency key makes a retry return the first result without adjusting twice', async () => {
  const input = { variantId, locationId: b.mkWh, delta: 5, reason: 'received', idempotencyKey: 'grn-1001' };
  const first = await h.ok('inventoryAdjust', input, 'inventoryLevel { onHand }');
  const again = await h.ok('inventoryAdjust', input, 'inventoryLevel { onHand }');
  expect(again.inventoryLevel.onHand).toBe(first.inventoryLevel.onHand);
  expect((await h.refused('inventoryAdjust', { ...input, delta: 6 }))[0].code).toBe('IDEMPOTENCY_KEY_REUSED');
  expect(await h.sql(`select count(*)::int as n from inventory_adjustment where reason = 'received' and delta = 5`)).toEqual([{ n: 1 }]);
});

test("a brand admin touching another brand's inventory gets FORBIDDEN and nothing changes", async () => {
  const before = await h.snapshot();
  const loeweAdmin = await h.brandAdmin(uuidOf(b.loewe));
  await h.forbidden('inventoryAdjust', { variantId, locationId: b.mkWh, delta: 100, reason: 'x' }, loeweAdmin);
  await h.forbidden('inventorySet', { variantId, locationId: b.mkWh, onHand: 100, reason: 'x' }, loeweAdmin);
  expect(await h.snapshot()).toBe(before);
});

test('stock at a location of a store that does not carry the brand is refused', async () => {
  const errors = await h.refused('inventoryAdjust', { variantId, locationId: b.loeweWh, delta: 1, reason: 'x' });
  expect(errors[0]).toMatchObject({ code: 'NOT_CARRIED', field: ['input', 'locationId'] });
});

test('inventoryLevels lists the variant at every location, for the brands the viewer sees', async () => {
  await h.ok('inventoryAdjust', { variantId, locationId: b.mallWh, delta: 2, reason: 'mall' }, LEVEL);
  const q = `query($id: ID!) { inventoryLevels(variantId: $id) { location { handle store { handle } } onHand } }`;
  const data = await h.query(q, { id: variantId });
  expect(data.inventoryLevels).toHaveLength(2);
  expect(data.inventoryLevels).toContainEqual({ location: { handle: 'wh', store: { handle: 'design-mall' } }, onHand: 2 });
  expect((await h.query(q, { id: variantId }, await h.brandAdmin(uuidOf(b.loewe)))).inventoryLevels).toEqual([]);
});

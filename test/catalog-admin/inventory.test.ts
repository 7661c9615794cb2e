import { InventoryAdjustDocument, InventoryLevelsDocument, InventorySetDocument, ProductCreateDocument, type InventoryAdjustInput } from '../generated/admin.js';
import { expectForbidden, expectOk, expectUserError } from '../support/payload.js';
import { AdminHarness, seedBasics, selmaInput, uuidOf, type Basics, type Headers } from './support.js';

let h: AdminHarness;
let b: Basics;
let variantId: string;
beforeAll(async () => {
  h = await AdminHarness.start();
  b = await seedBasics(h);
  const { product } = expectOk((await h.data(ProductCreateDocument, { input: selmaInput(b.mk) })).productCreate);
  variantId = product.variants[0].id;
});
afterAll(() => h.close());

const level = async () =>
  (await h.sql(`select on_hand, reserved from inventory_level where variant_id = ? and location_id = ?`, [uuidOf(variantId), uuidOf(b.mkWh)]))[0];
const adjust = async (input: Omit<InventoryAdjustInput, 'variantId' | 'locationId'> & Partial<InventoryAdjustInput>, headers?: Headers) =>
  (await h.data(InventoryAdjustDocument, { input: { variantId, locationId: b.mkWh, ...input } }, headers)).inventoryAdjust;
const set = async (onHand: number, reason: string, headers?: Headers) =>
  (await h.data(InventorySetDocument, { input: { variantId, locationId: b.mkWh, onHand, reason } }, headers)).inventorySet;

test('inventoryAdjust adds stock and audits who did it and why', async () => {
  const { inventoryLevel } = expectOk(await adjust({ delta: 10, reason: 'received' }, await h.brandAdmin(uuidOf(b.mk))));
  expect(inventoryLevel).toEqual({ onHand: 10, reserved: 0, available: 10, location: { handle: 'wh' }, variant: { sku: 'MK-SELMA-BLK' } });
  const audit = await h.sql(`select delta, on_hand_after, reason, actor from inventory_adjustment order by id`);
  expect(audit).toEqual([{ delta: 10, on_hand_after: 10, reason: 'received', actor: 'staff:0190a3c2-0000-7000-8000-0000000000b1' }]);
});

test('an API key is audited as apiKey:<id>', async () => {
  const key = await h.apiKey(['CATALOG_WRITE'], [b.mk]);
  expectOk(await adjust({ delta: 1, reason: 'pim sync' }, key));
  expectOk(await adjust({ delta: -1, reason: 'pim sync' }, key));
  const [row] = await h.sql(`select actor from inventory_adjustment where reason = 'pim sync' limit 1`);
  expect(row.actor).toMatch(/^apiKey:[0-9a-f-]{36}$/);
});

test('on hand may never fall below reserved: userError, nothing written', async () => {
  await h.sql(`update inventory_level set reserved = 4 where variant_id = ? and location_id = ?`, [uuidOf(variantId), uuidOf(b.mkWh)]);
  const before = await h.snapshot();
  expectUserError(await adjust({ delta: -7, reason: 'damaged' }), 'BELOW_RESERVED', ['input', 'delta']);
  expectUserError(await set(3, 'count'), 'BELOW_RESERVED', ['input', 'onHand']);
  expectUserError(await adjust({ delta: 0, reason: 'x' }), 'INVALID');
  expect(await h.snapshot()).toBe(before);
  const { inventoryLevel } = expectOk(await adjust({ delta: -6, reason: 'damaged' }));
  expect(inventoryLevel).toMatchObject({ onHand: 4, reserved: 4, available: 0 });
});

test('20 concurrent adjustments over real HTTP end with the exact sum', async () => {
  // Room for every removal whatever the order they land in (the test before leaves nothing available);
  // the 4 reserved units come back at the end for the tests after.
  await h.sql(`update inventory_level set reserved = 0 where variant_id = ? and location_id = ?`, [uuidOf(variantId), uuidOf(b.mkWh)]);
  const start = Number((await level()).on_hand);
  const headers = await h.platform();
  const deltas = Array.from({ length: 20 }, (_, i) => (i % 4 === 3 ? -1 : 2)); // 15 x +2, 5 x -1: +25 in total
  const results = await Promise.all(deltas.map((delta, i) => h.gql(InventoryAdjustDocument, { input: { variantId, locationId: b.mkWh, delta, reason: `parallel ${i}` } }, headers)));
  for (const res of results) expect(res.data?.inventoryAdjust.userErrors).toEqual([]);
  expect(Number((await level()).on_hand)).toBe(start + 25);
  const audit = await h.sql(`select sum(delta)::int as total, count(*)::int as n from inventory_adjustment where reason like 'parallel %'`);
  expect(audit).toEqual([{ total: 25, n: 20 }]);
  await h.sql(`update inventory_level set reserved = 4 where variant_id = ? and location_id = ?`, [uuidOf(variantId), uuidOf(b.mkWh)]);
});

test('20 concurrent removals never take on hand below reserved', async () => {
  expectOk(await set(14, 'count')); // reserved 4: 10 removable
  const headers = await h.platform();
  const results = await Promise.all(
    Array.from({ length: 20 }, (_, i) => h.gql(InventoryAdjustDocument, { input: { variantId, locationId: b.mkWh, delta: -1, reason: `drain ${i}` } }, headers)),
  );
  const codes = results.map((r) => r.data?.inventoryAdjust.userErrors[0]?.code ?? 'OK');
  expect(codes.filter((c) => c === 'OK')).toHaveLength(10);
  expect(codes.filter((c) => c === 'BELOW_RESERVED')).toHaveLength(10);
  expect(await level()).toEqual({ on_hand: 4, reserved: 4 });
  expect(await h.sql(`select count(*)::int as n from inventory_adjustment where reason like 'drain %'`)).toEqual([{ n: 10 }]);
});

test('inventorySet is audited with the difference', async () => {
  expectOk(await set(9, 'cycle count'));
  expect(await h.sql(`select delta, on_hand_after from inventory_adjustment where reason = 'cycle count'`)).toEqual([{ delta: 5, on_hand_after: 9 }]);
});

test('an idempotency key makes a retry return the first result without adjusting twice', async () => {
  const input = { delta: 5, reason: 'received', idempotencyKey: 'grn-1001' };
  const first = expectOk(await adjust(input));
  const again = expectOk(await adjust(input));
  expect(again.inventoryLevel.onHand).toBe(first.inventoryLevel.onHand);
  expectUserError(await adjust({ ...input, delta: 6 }), 'IDEMPOTENCY_KEY_REUSED');
  expect(await h.sql(`select count(*)::int as n from inventory_adjustment where reason = 'received' and delta = 5`)).toEqual([{ n: 1 }]);
});

test("a brand admin touching another brand's inventory gets FORBIDDEN and nothing changes", async () => {
  const before = await h.snapshot();
  const loeweAdmin = await h.brandAdmin(uuidOf(b.loewe));
  expectForbidden(await h.gql(InventoryAdjustDocument, { input: { variantId, locationId: b.mkWh, delta: 100, reason: 'x' } }, loeweAdmin));
  expectForbidden(await h.gql(InventorySetDocument, { input: { variantId, locationId: b.mkWh, onHand: 100, reason: 'x' } }, loeweAdmin));
  expect(await h.snapshot()).toBe(before);
});

test('stock at a location of a store that does not carry the brand is refused', async () => {
  expectUserError(await adjust({ locationId: b.loeweWh, delta: 1, reason: 'x' }), 'NOT_CARRIED', ['input', 'locationId']);
});

test('inventoryLevels lists the variant at every location, for the brands the viewer sees', async () => {
  expectOk(await adjust({ locationId: b.mallWh, delta: 2, reason: 'mall' }));
  const data = await h.data(InventoryLevelsDocument, { variantId });
  expect(data.inventoryLevels).toHaveLength(2);
  expect(data.inventoryLevels).toContainEqual({ location: { handle: 'wh', store: { handle: 'design-mall' } }, onHand: 2 });
  expect((await h.data(InventoryLevelsDocument, { variantId }, await h.brandAdmin(uuidOf(b.loewe)))).inventoryLevels).toEqual([]);
});

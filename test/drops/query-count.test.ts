import { startTestServer, type TestServer } from '../support/server.js';
import { createDrop, customers, dropWorld, RESERVE, storefront, type DropWorld } from './support.js';

/** Statement counts of dropReserve are deterministic, so they are tests (the drop storm bench measures the time). */
let server: TestServer;
let w: DropWorld;
beforeAll(async () => {
  server = await startTestServer();
  w = await dropWorld(server);
}, 120_000);
afterAll(() => server?.close());

const reserve = (token: string, dropId: string, idempotencyKey?: string) =>
  server.db.queries.measure(() => server.gql('storefront', RESERVE, { i: { dropId, variantId: w.variants[0], quantity: 1, idempotencyKey } }, storefront(token)));

test('dropReserve in the public phase sends 4 statements: token check, store, drop with its edition, the hold (no VIP read, no transaction)', async () => {
  const drop = await createDrop(server, w, { unitsPerVariant: 5, perCustomerLimit: 1 });
  const [buyer] = await customers(server, 1, 'counted');
  const { result, queries, statements } = await reserve(buyer.token, drop.id);
  expect((result.data as any).dropReserve.reservation.quantity).toBe(1);
  expect(queries).toBe(4);
  expect(statements.filter((s) => /\bvip_/.test(s))).toEqual([]);
  expect(statements.filter((s) => /^\s*(begin|commit)/i.test(s))).toEqual([]);
  expect(statements.filter((s) => s.includes('for update skip locked'))).toHaveLength(1);
});

test('with an idempotency key the key row and the hold share one transaction', async () => {
  const drop = await createDrop(server, w, { unitsPerVariant: 5, perCustomerLimit: 1 });
  const [buyer] = await customers(server, 1, 'keyed');
  const { result, statements } = await reserve(buyer.token, drop.id, 'count-key-1');
  expect((result.data as any).dropReserve.reservation.quantity).toBe(1);
  // Token check, drop, store; then begin, the key's row, the hold, the stored answer, commit.
  expect(statements.slice(3).map((s) => s.trim().split(/\s+/)[0].toLowerCase())).toEqual(['begin', 'insert', 'with', 'update', 'commit']);
  expect(statements).toHaveLength(8);
});

test('before the public opening the VIP perks are read (they open early access); a customer without them is NOT_OPEN_YET and nothing is written', async () => {
  const drop = await createDrop(server, w, { unitsPerVariant: 5, perCustomerLimit: 1, publicOpensAt: new Date(Date.now() + 3_600_000).toISOString() });
  const [buyer] = await customers(server, 1, 'early');
  const { result, statements } = await reserve(buyer.token, drop.id);
  expect((result.data as any).dropReserve.userErrors).toEqual([expect.objectContaining({ code: 'NOT_OPEN_YET' })]);
  expect(statements.some((s) => /\bvip_/.test(s))).toBe(true);
  expect(statements.filter((s) => /^\s*(insert|update|delete|with)\b/i.test(s))).toEqual([]);
});

test("drops { phases status unitsLeft lowStock } reads each brand's early access and each edition's units once per request, whatever the number of drops", async () => {
  const list = () => server.db.queries.measure(() => server.gql('storefront', '{ drops(first: 50) { nodes { handle phases { earlyAccessOpensAt } status unitsLeft lowStock } } }', {}, storefront(null)));
  const before = await list();
  expect(before.result.errors).toBeUndefined();
  for (let i = 0; i < 3; i++) await createDrop(server, w, { unitsPerVariant: 2, perCustomerLimit: 1 });
  const after = await list();
  expect((after.result.data as any).drops.nodes.length).toBe((before.result.data as any).drops.nodes.length + 3);
  expect(after.queries).toBe(before.queries);
  expect(after.statements.filter((s) => /\bvip_/.test(s))).toHaveLength(1);
});

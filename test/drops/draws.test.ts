import { createHash, createHmac } from 'node:crypto';
import { DrawOpenDocument, DrawRunDocument } from '../generated/admin.js';
import { CustomerDropEntriesDocument, DropDrawDocument, DropEnterDocument } from '../generated/storefront.js';
import { dataOf, expectOk, expectUserError } from '../support/payload.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { createDrop, customers, dropWorld, storefront, type DropWorld } from './support.js';

/** Draws over HTTP on real PostgreSQL: commitment, entries and every refusal (writing nothing), the run, and a recomputation from the published data. */
let server: TestServer;
let w: DropWorld;
beforeAll(async () => {
  server = await startTestServer();
  w = await dropWorld(server);
}, 120_000);
afterAll(() => server?.close());

const hour = 3_600_000;
const inHours = (h: number) => new Date(Date.now() + h * hour).toISOString();

/** Draws run only on drops created with allocation DRAW. */
const drawDrop = (over: Record<string, unknown> = {}) => createDrop(server, w, { allocation: 'DRAW', ...over });

async function openDraw(dropId: string, over: Record<string, unknown> = {}) {
  const res = await server.gql('admin', DrawOpenDocument, { input: { dropId, units: 5, entriesCloseAt: inHours(12), ...over } }, w.adminA);
  return dataOf(res).drawOpen;
}
const enter = async (token: string | null, dropId: string, idempotencyKey?: string, store = 'a-cn') =>
  dataOf(await server.gql('storefront', DropEnterDocument, { input: { dropId, idempotencyKey } }, storefront(token, store))).dropEnter;
const publishedDraw = async (handle: string) => dataOf(await server.gql('storefront', DropDrawDocument, { handle }, storefront(null))).drop!.draw;
const entryCount = async () => Number((await server.db.orm.em.fork().execute<{ n: number }[]>('select count(*)::int as n from drop_entry'))[0].n);

/** Written from the README only (node:crypto, no project code): the winners of a published, revealed draw. */
function recompute(draw: { seed: string; commitment: string; entries: { id: string; weight: number }[] }, units: number) {
  const seed = Buffer.from(draw.seed, 'hex');
  const committed = createHash('sha256').update(seed).digest('hex') === draw.commitment;
  const keyOf = (id: string, weight: number) =>
    Array.from({ length: weight }, (_, t) => BigInt('0x' + createHmac('sha256', seed).update(`${id}:${t + 1}`).digest('hex'))).reduce((a, b) => (b < a ? b : a));
  const order = draw.entries.map((e) => ({ id: e.id, key: keyOf(e.id, e.weight) })).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { committed, winners: order.slice(0, units).map((e) => e.id), order: order.map((e) => e.id) };
}

test('open, enter, run: the winners recompute from the revealed seed and the published entries', async () => {
  const drop = await drawDrop({ unitsPerVariant: 20 });
  const opened = expectOk(await openDraw(drop.id));
  const commitment = opened.drop.draw!.commitment;
  expect(commitment).toMatch(/^[0-9a-f]{64}$/);
  expect(opened.drop.draw).toMatchObject({ seed: null, units: 5, revealedAt: null });

  const before = await publishedDraw(drop.handle);
  expect(before).toMatchObject({ commitment, seed: null, entries: [], winners: [] });

  const entrants = await customers(server, 30, 'entrant');
  const entries = await Promise.all(entrants.map((c) => enter(c.token, drop.id, `enter-${c.id}`)));
  const entryIds = entries.map((e) => expectOk(e).entry.entryId);
  expect(new Set(entryIds).size).toBe(30);

  // A retry with the same key returns the same entry; another key is ALREADY_ENTERED; both write nothing.
  const count = await entryCount();
  expect(expectOk(await enter(entrants[0].token, drop.id, `enter-${entrants[0].id}`)).entry.entryId).toBe(entryIds[0]);
  expectUserError(await enter(entrants[0].token, drop.id, 'another-key'), 'ALREADY_ENTERED', ['input', 'dropId']);
  expectUserError(await enter(null, drop.id), 'NOT_ELIGIBLE');
  expect(await entryCount()).toBe(count);

  const listed = await publishedDraw(drop.handle);
  expect(listed!.seed).toBeNull();
  expect(listed!.entries.map((e) => e.id)).toEqual([...entryIds].sort());
  expect(listed!.entries.every((e) => e.weight === 1)).toBe(true);

  const ran = expectOk(dataOf(await server.gql('admin', DrawRunDocument, { input: { dropId: drop.id } }, w.adminA)).drawRun);
  const draw = ran.drop.draw!;
  expect(draw.commitment).toBe(commitment);
  expect(draw.seed).toMatch(/^[0-9a-f]{64}$/);
  expect(draw.revealedAt).not.toBeNull();
  expect(draw.winners.map((x) => x.rank)).toEqual([1, 2, 3, 4, 5]);
  for (const winner of draw.winners) {
    expect(Math.abs(new Date(winner.purchaseDeadline).getTime() - (Date.now() + 48 * hour))).toBeLessThan(60_000);
  }

  // Anyone, from the public storefront data alone:
  const published = (await publishedDraw(drop.handle))!;
  const again = recompute({ seed: published.seed!, commitment: published.commitment, entries: published.entries }, published.units);
  expect(again.committed).toBe(true);
  expect(published.winners.map((x) => x.id)).toEqual(again.winners);
  expect(draw.winners.map((x) => x.id)).toEqual(again.winners);

  // Each entrant sees their own place; the ranks are the draw order.
  const mine = dataOf(await server.gql('storefront', CustomerDropEntriesDocument, {}, storefront(entrants[7].token))).customer!.dropEntries;
  expect(mine).toHaveLength(1);
  expect(mine[0].rank).toBe(again.order.indexOf(entryIds[7]) + 1);
  expect(mine[0].purchaseDeadline !== null).toBe(mine[0].rank! <= 5);

  // Entries are closed and the draw runs once.
  const [late] = await customers(server, 1, 'late');
  expectUserError(await enter(late.token, drop.id), 'ENTRY_CLOSED');
  expectUserError(dataOf(await server.gql('admin', DrawRunDocument, { input: { dropId: drop.id } }, w.adminA)).drawRun, 'INVALID_TRANSITION');
  expect(await entryCount()).toBe(count);
});

test('drawOpen refusals write nothing', async () => {
  const drop = await drawDrop({ unitsPerVariant: 3 });
  const draws = async () => Number((await server.db.orm.em.fork().execute<{ n: number }[]>('select count(*)::int as n from drop_draw'))[0].n);
  const before = await draws();
  expectUserError(await openDraw(drop.id, { units: 4 }), 'INVALID', ['input', 'units']);
  expectUserError(await openDraw(drop.id, { units: 3, entriesCloseAt: inHours(-1) }), 'INVALID', ['input', 'entriesCloseAt']);
  expectUserError(await openDraw(drop.id, { units: 3, entriesCloseAt: inHours(48) }), 'INVALID', ['input', 'entriesCloseAt']);
  expectUserError(await openDraw(drop.id, { units: 0 }), 'INVALID');
  expect(await draws()).toBe(before);
  expectOk(await openDraw(drop.id, { units: 3 }));
  expectUserError(await openDraw(drop.id, { units: 3 }), 'INVALID_TRANSITION');
  expect(await draws()).toBe(before + 1);
  const noDraw = await drawDrop();
  expectUserError(dataOf(await server.gql('admin', DrawRunDocument, { input: { dropId: noDraw.id } }, w.adminA)).drawRun, 'INVALID_TRANSITION');
  const firstCome = await createDrop(server, w);
  const refused = expectUserError(await openDraw(firstCome.id, { units: 1 }), 'INVALID_TRANSITION', ['input', 'dropId']);
  expect(refused.message).toMatch(/allocation DRAW/);
  expect(await draws()).toBe(before + 1);
});

test('dropEnter refusals: no draw, other store, tier restriction, closed window; none writes', async () => {
  const [buyer] = await customers(server, 1, 'refused');
  const count = await entryCount();
  const noDraw = await drawDrop();
  expectUserError(await enter(buyer.token, noDraw.id), 'NOT_FOUND', ['input', 'dropId']);

  const drop = await drawDrop();
  expectOk(await openDraw(drop.id));
  expectUserError(await enter(buyer.token, drop.id, undefined, 'b-cn'), 'MARKET_EXCLUDED');

  const restricted = await drawDrop({ tierRestricted: true });
  expectOk(await openDraw(restricted.id));
  expectUserError(await enter(buyer.token, restricted.id), 'NOT_ELIGIBLE');

  const closing = await drawDrop();
  expectOk(await openDraw(closing.id, { entriesCloseAt: new Date(Date.now() + 1500).toISOString() }));
  await new Promise((resolve) => setTimeout(resolve, 1600));
  expectUserError(await enter(buyer.token, closing.id), 'ENTRY_CLOSED');
  expect(await entryCount()).toBe(count);
});

test('twenty concurrent entries of one customer with distinct keys make exactly one entry', async () => {
  const drop = await drawDrop();
  expectOk(await openDraw(drop.id));
  const [buyer] = await customers(server, 1, 'eager');
  const results = await Promise.all(Array.from({ length: 20 }, (_, i) => enter(buyer.token, drop.id, `eager-${i}`)));
  expect(results.filter((r) => r.entry).length).toBe(1);
  expect(results.filter((r) => r.userErrors[0]?.code === 'ALREADY_ENTERED').length).toBe(19);
  expect((await publishedDraw(drop.handle))!.entries).toHaveLength(1);
});

import { decodeGlobalId } from '../../src/shared/ids.js';
import { reservationService } from '../../src/drops/reservation.service.js';
import { TierChangeReason } from '../../src/vip/programmes/entities.js';
import { vipService } from '../../src/vip/programmes/vip.service.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { createProgramme } from '../vip/support.js';
import { createDrop, customers, dropWorld, RESERVE, storefront, unitCounts, type DropWorld } from './support.js';

/** Drops over HTTP on real PostgreSQL: reads, every refusal of dropReserve (writing nothing), expiry exactly once, checkout and cancel. */
let server: TestServer;
let w: DropWorld;
let tiers: Awaited<ReturnType<typeof createProgramme>>;
beforeAll(async () => {
  server = await startTestServer({ DROP_RESERVATION_SECONDS: '1' });
  w = await dropWorld(server);
  tiers = await createProgramme(server.db.orm.em.fork(), { brandId: w.brandA, handle: 'a-club' }); // silver 2 h, gold 24 h, black card 72 h + restricted
}, 120_000);
afterAll(() => server?.close());

const hour = 3_600_000;
const uuid = (globalId: string) => decodeGlobalId(globalId).id;

async function withTier(tier: 'gold' | 'black') {
  const [buyer] = await customers(server, 1, tier);
  await server.db.orm.em.fork().transactional((tx) =>
    vipService.changeTier(tx, { programme: tiers.programme, customerId: buyer.id, tier: tiers[tier], reason: TierChangeReason.MANUAL, actor: 'system' }));
  return buyer;
}

async function reserve(token: string | null, input: Record<string, unknown>, store = 'a-cn') {
  const res = await server.gql('storefront', RESERVE, { i: { variantId: w.variants[0], quantity: 1, ...input } }, storefront(token, store));
  expect(res.errors).toBeUndefined();
  return (res.data as any).dropReserve as { reservation: { id: string; expiresAt: string } | null; userErrors: { code: string; field: string[] }[] };
}

const DROP_READ = `query($h: String!) { drop(handle: $h) { id handle editionSize unitsLeft lowStock status perCustomerLimit
  phases { earlyAccessOpensAt publicOpensAt endsAt } product { handle } viewerEligibility { eligible reason opensAt remainingLimit } } }`;

test('drop(handle): product, edition size, units left, phases from the tiers\' early access, status and the viewer\'s eligibility', async () => {
  const publicOpensAt = new Date(Date.now() + 12 * hour);
  const drop = await createDrop(server, w, { unitsPerVariant: 10, publicOpensAt: publicOpensAt.toISOString() });
  const [plain] = await customers(server, 1, 'plain');
  const gold = await withTier('gold');
  const read = async (token: string | null) => (await server.gql('storefront', DROP_READ, { h: drop.handle }, storefront(token))).data as any;
  const anonymous = (await read(null)).drop;
  expect(anonymous).toMatchObject({
    handle: drop.handle, editionSize: 10, unitsLeft: 10, lowStock: false, status: 'EARLY_ACCESS', perCustomerLimit: 2, product: { handle: 'selma-edition' },
    phases: { earlyAccessOpensAt: new Date(publicOpensAt.getTime() - 72 * hour).toISOString(), publicOpensAt: publicOpensAt.toISOString() },
    viewerEligibility: { eligible: false, reason: 'NOT_ELIGIBLE', remainingLimit: 2 },
  });
  expect((await read(plain.token)).drop.viewerEligibility).toEqual({ eligible: false, reason: 'NOT_OPEN_YET', opensAt: publicOpensAt.toISOString(), remainingLimit: 2 });
  expect((await read(gold.token)).drop.viewerEligibility).toEqual({ eligible: true, reason: null, opensAt: new Date(publicOpensAt.getTime() - 24 * hour).toISOString(), remainingLimit: 2 });
  // Gold opens 24 hours early: it reserves now; the plain customer is told when the drop opens for them.
  expect((await reserve(gold.token, { dropId: drop.id })).reservation).not.toBeNull();
  const early = await reserve(plain.token, { dropId: drop.id });
  expect(early.userErrors).toEqual([{ code: 'NOT_OPEN_YET', field: ['input', 'dropId'], message: expect.stringContaining(publicOpensAt.toISOString()) }]);
  expect((await read(gold.token)).drop).toMatchObject({ unitsLeft: 9, viewerEligibility: { remainingLimit: 1 } });
  // An unpublished drop does not exist on the storefront; the list shows this store's published drops.
  const hidden = await createDrop(server, w, {}, false);
  expect(((await server.gql('storefront', DROP_READ, { h: hidden.handle }, storefront(null))).data as any).drop).toBeNull();
  const list = async (store: string, filter = '') => ((await server.gql('storefront', `query { drops(first: 50${filter}) { nodes { handle } } }`, {}, storefront(null, store))).data as any).drops.nodes.map((d: { handle: string }) => d.handle);
  expect(await list('a-cn')).toContain(drop.handle);
  expect(await list('a-cn')).not.toContain(hidden.handle);
  expect(await list('a-cn', ', filter: { status: LIVE }')).not.toContain(drop.handle);
  expect(await list('b-cn')).toEqual([]);
}, 60_000);

test('every dropReserve refusal is a userError and writes nothing', async () => {
  const drop = await createDrop(server, w, { unitsPerVariant: 1, perCustomerLimit: 1 });
  const restricted = await createDrop(server, w, { unitsPerVariant: 5, tierRestricted: true });
  const ended = await createDrop(server, w, { publicOpensAt: new Date(Date.now() - 3 * hour).toISOString(), endsAt: new Date(Date.now() - hour).toISOString() });
  const [a, b] = await customers(server, 2, 'refused');
  const black = await withTier('black');
  const snapshot = async () => JSON.stringify(await server.db.orm.em.fork().execute(
    `select (select count(*) from drop_reservation) r, (select coalesce(sum(count), 0) from drop_customer_allocation) a, (select count(*) from edition_unit where status <> 'AVAILABLE') u`));
  const cases: [string | null, Record<string, unknown>, string, string[], string?][] = [
    [null, { dropId: drop.id }, 'NOT_ELIGIBLE', ['input']],
    [a.token, { dropId: drop.id }, 'MARKET_EXCLUDED', ['input', 'dropId'], 'b-cn'],
    [a.token, { dropId: restricted.id }, 'NOT_ELIGIBLE', ['input', 'dropId']],
    [a.token, { dropId: ended.id }, 'ENDED', ['input', 'dropId']],
    [a.token, { dropId: drop.id, quantity: 2 }, 'LIMIT_EXCEEDED', ['input', 'quantity']],
    [a.token, { dropId: drop.id, variantId: w.variants[1] }, 'NOT_FOUND', ['input', 'variantId']],
  ];
  for (const [token, input, code, field, store] of cases) {
    const before = await snapshot();
    const refused = await reserve(token, input, store);
    expect({ input, errors: refused.userErrors.map((e) => ({ code: e.code, field: e.field })) }).toEqual({ input, errors: [{ code, field }] });
    expect(await snapshot()).toBe(before);
  }
  expect((await reserve(black.token, { dropId: restricted.id })).reservation).not.toBeNull(); // the Black Card has tierRestrictedAccess
  expect((await reserve(a.token, { dropId: drop.id })).reservation).not.toBeNull();
  const before = await snapshot();
  expect((await reserve(b.token, { dropId: drop.id })).userErrors.map((e) => e.code)).toEqual(['SOLD_OUT']);
  expect((await reserve(a.token, { dropId: drop.id })).userErrors.map((e) => e.code)).toEqual(['LIMIT_EXCEEDED']);
  expect(await snapshot()).toBe(before);
}, 60_000);

test('expiry under load returns units exactly once: reserved + sold + available = edition size at every check', async () => {
  const drop = await createDrop(server, w, { unitsPerVariant: 40, perCustomerLimit: 1 });
  const first = await customers(server, 40, 'first');
  const firstRound = await Promise.all(first.map((c) => reserve(c.token, { dropId: drop.id })));
  expect(firstRound.filter((r) => r.reservation).length).toBe(40);
  expect(await unitCounts(server, drop.id)).toEqual({ available: 0, reserved: 40, sold: 0, total: 40 });
  await new Promise((r) => setTimeout(r, 1100));
  // Three expiry runs per reservation (a job retried, or run by two workers) race new buyers for the freed units.
  const next = await customers(server, 40, 'next');
  const ids = firstRound.map((r) => uuid(r.reservation!.id));
  const checks: { available: number; reserved: number; sold: number; total: number }[] = [];
  const [outcomes, secondRound] = await Promise.all([
    Promise.all(ids.flatMap((id) => [1, 2, 3].map(() => reservationService.expire(server.app, id)))),
    Promise.all(next.map((c) => reserve(c.token, { dropId: drop.id }))),
    (async () => { for (let i = 0; i < 10; i++) checks.push(await unitCounts(server, drop.id)); })(),
  ]);
  expect(outcomes.filter((o) => o === 'expired').length).toBe(40);
  expect(outcomes.filter((o) => o !== 'expired').every((o) => o === 'already-ended')).toBe(true);
  for (const c of checks) expect(c.available + c.reserved + c.sold).toBe(40);
  const won = secondRound.filter((r) => r.reservation).length;
  expect(secondRound.filter((r) => !r.reservation).every((r) => r.userErrors[0].code === 'SOLD_OUT')).toBe(true);
  const after = await unitCounts(server, drop.id);
  expect(after).toEqual({ available: 40 - won, reserved: won, sold: 0, total: 40 });
  const [moves] = await server.db.orm.em.fork().execute<{ n: number }[]>(
    `select count(*)::int as n from state_transition where machine = 'drop_reservation' and event = 'expire' and entity_id = any(?::uuid[])`, [`{${ids.join(',')}}`]);
  expect(moves.n).toBe(40);
  // The expired buyers' allocations were given back: each may reserve again.
  const [{ n: held }] = await server.db.orm.em.fork().execute<{ n: number }[]>(
    `select coalesce(sum(count), 0)::int as n from drop_customer_allocation where drop_id = ?`, [uuid(drop.id)]);
  expect(held).toBe(won);
}, 60_000);

import { decodeGlobalId } from '../../src/shared/ids.js';
import { buildWorld, databaseSnapshot, type World } from '../tenancy/world.js';

/** The VIP Admin API over HTTP on real PostgreSQL: every refusal is a VipUserError (or FORBIDDEN for the role) and writes nothing. */
let world: World;
beforeAll(async () => {
  world = await buildWorld();
}, 120_000);
afterAll(() => world?.server.close());

type Who = keyof World['viewers'];
const PICK: Record<string, string> = {
  vipProgrammeCreate: 'programme { id brandId handle name currency tiers { id } }',
  vipTierCreate: 'tier { id programmeId handle rank inviteOnly threshold { amount currencyCode } perks { earlyAccessHours freeServices } }',
  vipTierUpdate: 'tier { id handle rank names { locale name } threshold { amount } }',
  vipExchangeRateSet: 'exchangeRate { from to rate validFrom }',
  vipMembershipSet: 'membership { programmeId customerId since retainedUntil tier { handle rank } }',
};

async function call(name: string, input: Record<string, unknown>, who: Who = 'brandAdminA') {
  const type = `${name[0].toUpperCase()}${name.slice(1)}Input!`;
  const res = await world.server.gql('admin', `mutation($i: ${type}) { ${name}(input: $i) { ${PICK[name]} userErrors { code field message } } }`, { i: input }, world.viewers[who]);
  const payload = (res.data as Record<string, any> | null)?.[name];
  return { errors: (res.errors ?? []).map((e) => e.extensions?.code), payload, userErrors: (payload?.userErrors ?? []) as { code: string; field: string[] }[] };
}

/** The call is refused with `code` on `field` (a userError) or, for `FORBIDDEN_ERROR`, a GraphQL FORBIDDEN; the database is unchanged. */
async function expectRefused(name: string, input: Record<string, unknown>, code: string, field: string[] | null, who: Who = 'brandAdminA') {
  const before = await databaseSnapshot(world.server);
  const { errors, userErrors } = await call(name, input, who);
  if (code === 'FORBIDDEN_ERROR') expect({ name, errors }).toEqual({ name, errors: ['FORBIDDEN'] });
  else expect({ name, userErrors: userErrors.map((e) => ({ code: e.code, field: e.field })) }).toEqual({ name, userErrors: [{ code, field }] });
  expect({ name, code, unchanged: (await databaseSnapshot(world.server)) === before }).toEqual({ name, code, unchanged: true });
}

const names = (name: string) => [{ locale: 'en', name }];
const perks = { earlyAccessHours: 2, tierRestrictedAccess: false, assignedConcierge: false, freeServices: ['alterations'] };
const programmeInput = (over: Record<string, unknown> = {}) => ({ brandId: world.a.ids.Brand[0], handle: 'a-club', names: names('A Club'), currency: 'CNY', qualification: 'CALENDAR_YEAR', ...over });
const tierInput = (programmeId: string, over: Record<string, unknown> = {}) => ({ programmeId, handle: 'silver', names: names('Silver'), rank: 1, threshold: '10000.00', inviteOnly: false, perks, ...over });

let programmeId: string;
let silverId: string;
let goldId: string;

test('vipProgrammeCreate: a brand admin creates their brand\'s programme; every refusal writes nothing', async () => {
  const created = await call('vipProgrammeCreate', programmeInput());
  expect(created.userErrors).toEqual([]);
  expect(created.payload.programme).toMatchObject({ brandId: world.a.ids.Brand[0], handle: 'a-club', name: 'A Club', currency: 'CNY', tiers: [] });
  programmeId = created.payload.programme.id;

  await expectRefused('vipProgrammeCreate', programmeInput({ brandId: null, handle: 'platform-club' }), 'FORBIDDEN', ['input', 'brandId']);
  await expectRefused('vipProgrammeCreate', programmeInput({ brandId: world.b.ids.Brand[0], handle: 'b-club' }), 'FORBIDDEN', ['input', 'brandId']);
  await expectRefused('vipProgrammeCreate', programmeInput(), 'TAKEN', ['input', 'handle']);
  await expectRefused('vipProgrammeCreate', programmeInput({ handle: 'Not A Slug' }), 'INVALID', ['input', 'handle']);
  await expectRefused('vipProgrammeCreate', programmeInput({ handle: 'a-club-2', names: [...names('One'), ...names('Two')] }), 'INVALID', ['input', 'names', '1', 'locale']);
  await expectRefused('vipProgrammeCreate', programmeInput({ handle: 'a-club-2', brandId: 'bm90LWFuLWlk' }), 'NOT_FOUND', ['input', 'brandId']);
  await expectRefused('vipProgrammeCreate', programmeInput({ handle: 'a-club-2' }), 'FORBIDDEN_ERROR', null, 'conciergeA');
  await expectRefused('vipProgrammeCreate', programmeInput({ handle: 'a-club-2' }), 'FORBIDDEN_ERROR', null, 'keyA');

  const platform = await call('vipProgrammeCreate', programmeInput({ brandId: null, handle: 'a-club' }), 'platform');
  expect(platform.userErrors).toEqual([]);
  expect(platform.payload.programme.brandId).toBeNull();
});

test('vipTierCreate: ranks unique, thresholds in the programme currency increasing with rank, invite-only tiers outside the ladder', async () => {
  const silver = await call('vipTierCreate', tierInput(programmeId));
  expect(silver.userErrors).toEqual([]);
  expect(silver.payload.tier).toMatchObject({ programmeId, rank: 1, inviteOnly: false, threshold: { amount: '10000.00', currencyCode: 'CNY' }, perks: { earlyAccessHours: 2, freeServices: ['alterations'] } });
  silverId = silver.payload.tier.id;
  const gold = await call('vipTierCreate', tierInput(programmeId, { handle: 'gold', names: names('Gold'), rank: 2, threshold: '50000.00' }));
  expect(gold.userErrors).toEqual([]);
  goldId = gold.payload.tier.id;
  const black = await call('vipTierCreate', tierInput(programmeId, { handle: 'black-card', names: names('Black Card'), rank: 3, threshold: null, inviteOnly: true }));
  expect(black.userErrors).toEqual([]);
  expect(black.payload.tier).toMatchObject({ rank: 3, inviteOnly: true, threshold: null });

  await expectRefused('vipTierCreate', tierInput(programmeId, { handle: 'platinum', rank: 4, threshold: '40000.00' }), 'THRESHOLD_ORDER', ['input', 'threshold']);
  await expectRefused('vipTierCreate', tierInput(programmeId, { handle: 'bronze', rank: 0, threshold: '1000.00' }), 'INVALID', ['input', 'rank']);
  await expectRefused('vipTierCreate', tierInput(programmeId, { handle: 'silver-2', rank: 1 }), 'TAKEN', ['input', 'rank']);
  await expectRefused('vipTierCreate', tierInput(programmeId, { rank: 4, threshold: '90000.00' }), 'TAKEN', ['input', 'handle']);
  await expectRefused('vipTierCreate', tierInput(programmeId, { handle: 'platinum', rank: 4, threshold: null }), 'INVALID', ['input', 'threshold']);
  await expectRefused('vipTierCreate', tierInput(programmeId, { handle: 'platinum', rank: 4, threshold: '90000.001' }), 'INVALID', ['input', 'threshold']);
  await expectRefused('vipTierCreate', tierInput(programmeId, { handle: 'platinum', rank: 4, threshold: '-1.00' }), 'INVALID', ['input', 'threshold']);
  await expectRefused('vipTierCreate', tierInput(world.b.ids.VipProgramme[0], { handle: 'gold', rank: 2 }), 'NOT_FOUND', ['input', 'programmeId']);
  await expectRefused('vipTierCreate', tierInput(programmeId, { handle: 'platinum', rank: 4, threshold: '90000.00' }), 'FORBIDDEN_ERROR', null, 'conciergeA');
});

test('vipTierUpdate: merges names; a change that breaks the ladder, takes a rank or aims at brand B is refused', async () => {
  const updated = await call('vipTierUpdate', { id: silverId, names: [{ locale: 'zh-CN', name: '银卡' }], threshold: '12000.00' });
  expect(updated.userErrors).toEqual([]);
  expect(updated.payload.tier).toMatchObject({ threshold: { amount: '12000.00' }, names: [{ locale: 'en', name: 'Silver' }, { locale: 'zh-CN', name: '银卡' }] });

  await expectRefused('vipTierUpdate', { id: silverId, threshold: '60000.00' }, 'THRESHOLD_ORDER', ['input', 'threshold']);
  await expectRefused('vipTierUpdate', { id: silverId, rank: 2 }, 'TAKEN', ['input', 'rank']);
  await expectRefused('vipTierUpdate', { id: goldId, handle: 'silver' }, 'TAKEN', ['input', 'handle']);
  await expectRefused('vipTierUpdate', { id: goldId, threshold: null }, 'INVALID', ['input', 'threshold']);
  await expectRefused('vipTierUpdate', { id: world.b.tierId, names: names('Hijacked') }, 'NOT_FOUND', ['input', 'id']);
  await expectRefused('vipTierUpdate', { id: world.a.ids.Brand[0], names: names('Hijacked') }, 'NOT_FOUND', ['input', 'id']);
});

test('vipExchangeRateSet: platform admins only; same currency, a non-positive rate and a duplicate start are refused', async () => {
  const validFrom = '2026-01-01T00:00:00.000Z';
  const set = await call('vipExchangeRateSet', { from: 'EUR', to: 'CNY', rate: '7.8234', validFrom }, 'platform');
  expect(set.userErrors).toEqual([]);
  expect(set.payload.exchangeRate).toEqual({ from: 'EUR', to: 'CNY', rate: '7.8234', validFrom });

  await expectRefused('vipExchangeRateSet', { from: 'EUR', to: 'CNY', rate: '7.9', validFrom }, 'TAKEN', ['input', 'validFrom'], 'platform');
  await expectRefused('vipExchangeRateSet', { from: 'EUR', to: 'EUR', rate: '1' }, 'INVALID', ['input', 'to'], 'platform');
  await expectRefused('vipExchangeRateSet', { from: 'EUR', to: 'USD', rate: '0.000' }, 'INVALID', ['input', 'rate'], 'platform');
  await expectRefused('vipExchangeRateSet', { from: 'EUR', to: 'USD', rate: '1.12345678901' }, 'INVALID', ['input', 'rate'], 'platform');
  await expectRefused('vipExchangeRateSet', { from: 'EUR', to: 'USD', rate: '1.1' }, 'FORBIDDEN_ERROR', null, 'brandAdminA');
});

test('vipMembershipSet: a MANUAL change through the VIP service, with the actor and reason; refusals write nothing', async () => {
  const customerId = world.a.customerId!;
  const set = await call('vipMembershipSet', { programmeId, customerId, tierId: goldId, reason: 'Flagship opening guest' });
  expect(set.userErrors).toEqual([]);
  expect(set.payload.membership).toMatchObject({ programmeId, customerId, tier: { handle: 'gold', rank: 2 } });
  const staff = await world.server.gql('admin', '{ staffMe { id } }', {}, world.viewers.brandAdminA);
  const staffUuid = decodeGlobalId((staff.data as any).staffMe.id, 'StaffUser').id;
  const changes = await world.server.db.orm.em.fork().execute<{ reason: string; actor: string; note: string; to_tier_id: string }[]>(
    `select c.reason, c.actor, c.note, c.to_tier_id from vip_tier_change c join vip_membership m on m.id = c.membership_id where m.programme_id = ?`,
    [decodeGlobalId(programmeId, 'VipProgramme').id],
  );
  expect(changes).toEqual([{ reason: 'MANUAL', actor: `staff:${staffUuid}`, note: 'Flagship opening guest', to_tier_id: decodeGlobalId(goldId, 'VipTier').id }]);
  // The storefront and the other domains read it through the VIP service.
  const tiers = await world.server.gql('admin', 'query($b: ID) { vipProgrammes(brandId: $b) { id tiers { handle } } }', { b: world.a.ids.Brand[0] }, world.viewers.conciergeA);
  expect((tiers.data as any).vipProgrammes.find((p: { id: string }) => p.id === programmeId).tiers.map((t: { handle: string }) => t.handle)).toEqual(['silver', 'gold', 'black-card']);

  await expectRefused('vipMembershipSet', { programmeId, customerId, tierId: world.a.tierId, reason: 'wrong programme' }, 'NOT_FOUND', ['input', 'tierId']);
  await expectRefused('vipMembershipSet', { programmeId, customerId: world.a.ids.Client[0], tierId: goldId, reason: 'not a customer' }, 'NOT_FOUND', ['input', 'customerId']);
  await expectRefused('vipMembershipSet', { programmeId: world.b.ids.VipProgramme[0], customerId, tierId: world.b.tierId, reason: 'brand B' }, 'NOT_FOUND', ['input', 'programmeId']);
  await expectRefused('vipMembershipSet', { programmeId, customerId, tierId: goldId, reason: '   ' }, 'INVALID', ['input', 'reason']);
  await expectRefused('vipMembershipSet', { programmeId, customerId, tierId: silverId, reason: 'by a concierge' }, 'FORBIDDEN_ERROR', null, 'conciergeA');
});

test("vipProgrammes: the viewer's brands' programmes and the platform's, never brand B's", async () => {
  const handles = async (who: Who) => {
    const res = await world.server.gql('admin', '{ vipProgrammes { handle brandId } }', {}, world.viewers[who]);
    return (res.data as any).vipProgrammes.map((p: { handle: string; brandId: string | null }) => `${p.brandId === null ? 'platform' : p.brandId === world.a.ids.Brand[0] ? 'A' : 'B'}:${p.handle}`).sort();
  };
  expect(await handles('brandAdminA')).toEqual(['A:a-club', 'A:brand-a-circle', 'platform:a-club', 'platform:flagship-club']);
  expect(await handles('platform')).toEqual(['A:a-club', 'A:brand-a-circle', 'B:brand-b-circle', 'platform:a-club', 'platform:flagship-club']);
  const byKey = await world.server.gql('admin', '{ vipProgrammes { handle } }', {}, world.viewers.keyA);
  expect(byKey.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
});

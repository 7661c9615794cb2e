import { v7 as uuidv7 } from 'uuid';
import { CurrencyCode } from '../../src/shared/money.js';
import { ExchangeRate, Membership, QualifyingSpend, Qualification, TierChange, TierChangeReason } from '../../src/vip/programmes/entities.js';
import { recordEvent } from '../../src/shared/outbox.js';
import { subscribeVipInvitations } from '../../src/vip/programmes/invitations.js';
import { subscribeVipSpend } from '../../src/vip/programmes/spend.js';
import { recomputeAll, vipService } from '../../src/vip/programmes/vip.service.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { createProgramme, mall, paidOrder, refund, relay } from './support.js';

let db: TestDatabase;
let unsubscribe: () => void;
let unsubscribeInvitations: () => void;
let world: Awaited<ReturnType<typeof mall>>;
beforeAll(async () => {
  db = await createTestDatabase();
  world = await mall(db.orm.em.fork());
  unsubscribe = subscribeVipSpend();
  unsubscribeInvitations = subscribeVipInvitations();
});
afterAll(async () => {
  unsubscribe();
  unsubscribeInvitations();
  await db.drop();
});

const em = () => db.orm.em.fork();
const membership = (programmeId: string, customerId: string) => em().findOne(Membership, { programmeId, customerId });
const changes = async (m: Membership) => (await em().find(TierChange, { membershipId: m.id }, { orderBy: { at: 'asc', id: 'asc' } })).map((c) => [c.fromTierId, c.toTierId, c.reason]);

test('a paid order crossing a threshold upgrades the tier, through order.paid and the outbox relay', async () => {
  const { programme, silver, gold } = await createProgramme(em());
  const customer = uuidv7();
  await paidOrder(db, world.storeId, customer, [{ brandId: world.brandA, amount: 8_000_00 }]);
  await relay(db);
  expect(await membership(programme.id, customer)).toBeNull(); // below Silver: no tier yet

  await paidOrder(db, world.storeId, customer, [{ brandId: world.brandA, amount: 4_000_00 }]);
  await relay(db);
  let m = (await membership(programme.id, customer))!;
  expect({ tier: m.tierId, spend: m.qualifyingSpend }).toEqual({ tier: silver.id, spend: 12_000_00 });

  await paidOrder(db, world.storeId, customer, [{ brandId: world.brandA, amount: 40_000_00 }]);
  await relay(db);
  m = (await membership(programme.id, customer))!;
  expect({ tier: m.tierId, spend: m.qualifyingSpend }).toEqual({ tier: gold.id, spend: 52_000_00 });
  expect(await changes(m)).toEqual([[null, silver.id, 'SPEND'], [silver.id, gold.id, 'SPEND']]);
  // Earned in year Y: kept until the end of Y+1.
  expect(m.retainedUntil.toISOString()).toBe(`${new Date().getUTCFullYear() + 2}-01-01T00:00:00.000Z`);
});

test('an invite-only tier is never reached by spend, however large', async () => {
  const { programme, gold } = await createProgramme(em());
  const customer = uuidv7();
  await paidOrder(db, world.storeId, customer, [{ brandId: world.brandA, amount: 2_000_000_00 }]);
  await relay(db);
  expect((await membership(programme.id, customer))!.tierId).toBe(gold.id);
});

test('replaying an event changes nothing: the event id is unique per programme', async () => {
  const { programme, silver } = await createProgramme(em());
  const customer = uuidv7();
  await paidOrder(db, world.storeId, customer, [{ brandId: world.brandA, amount: 30_000_00 }]);
  await relay(db);
  const before = await membership(programme.id, customer);
  // Every event is delivered again to vip.spend (as after a crash before the cursor moved).
  await em().execute(`update outbox_cursor set last_event_id = 0 where subscriber = 'vip.spend'`);
  await relay(db);
  const after = (await membership(programme.id, customer))!;
  expect(await em().count(QualifyingSpend, { programmeId: programme.id, customerId: customer })).toBe(1);
  expect({ tier: after.tierId, spend: after.qualifyingSpend, updatedAt: after.updatedAt }).toEqual({ tier: silver.id, spend: 30_000_00, updatedAt: before!.updatedAt });
  expect(await em().count(TierChange, { membershipId: after.id })).toBe(1);
});

test('a refund below the threshold lowers spend but keeps the tier until retention ends; then it drops one tier per period', async () => {
  const { programme, silver, gold } = await createProgramme(em());
  const customer = uuidv7();
  const order = await paidOrder(db, world.storeId, customer, [{ brandId: world.brandA, amount: 55_000_00 }]);
  await relay(db);
  await refund(db, order.id, 30_000_00);
  await relay(db);
  let m = (await membership(programme.id, customer))!;
  expect({ tier: m.tierId, spend: m.qualifyingSpend }).toEqual({ tier: gold.id, spend: 25_000_00 });
  const spend = await em().find(QualifyingSpend, { programmeId: programme.id, customerId: customer }, { orderBy: { occurredAt: 'asc' } });
  expect(spend.map((s) => s.amount)).toEqual([55_000_00, -30_000_00]);

  // The nightly recompute before the end of retention changes nothing.
  const retainedUntil = m.retainedUntil;
  await recomputeAll(em(), new Date(retainedUntil.getTime() - 86_400_000));
  expect((await membership(programme.id, customer))!.tierId).toBe(gold.id);

  // After it, nothing was spent in the period that ended: one tier down (Gold -> Silver, not out).
  await recomputeAll(em(), new Date(retainedUntil.getTime() + 86_400_000));
  m = (await membership(programme.id, customer))!;
  expect({ tier: m.tierId, retainedUntil: m.retainedUntil.toISOString() }).toEqual({ tier: silver.id, retainedUntil: `${retainedUntil.getUTCFullYear() + 1}-01-01T00:00:00.000Z` });
  expect((await changes(m)).at(-1)).toEqual([gold.id, silver.id, TierChangeReason.RETENTION_EXPIRED]);

  // A year later, Silver expires in turn.
  await recomputeAll(em(), new Date(m.retainedUntil.getTime() + 86_400_000));
  expect((await membership(programme.id, customer))!.tierId).toBeNull();
});

test('rolling 12 months: retention is 12 months from earning', async () => {
  const { programme, silver } = await createProgramme(em(), { qualification: Qualification.ROLLING_12_MONTHS });
  const customer = uuidv7();
  const t0 = Date.now();
  await paidOrder(db, world.storeId, customer, [{ brandId: world.brandA, amount: 12_000_00 }]);
  await relay(db);
  const m = (await membership(programme.id, customer))!;
  expect(m.tierId).toBe(silver.id);
  const months = (m.retainedUntil.getTime() - t0) / (86_400_000 * 30.4);
  expect(months).toBeGreaterThan(11.8);
  expect(months).toBeLessThan(12.2);
});

test('an order in another currency is converted at the configured rate, recorded with it', async () => {
  const { programme, silver, gold } = await createProgramme(em());
  await em().persist(em().create(ExchangeRate, { from: CurrencyCode.EUR, to: CurrencyCode.CNY, rate: '7.8234', validFrom: new Date('2026-01-01T00:00:00Z') })).flush();
  const customer = uuidv7();
  await paidOrder(db, world.storeId, customer, [{ brandId: world.brandA, amount: 1_500_00 }], CurrencyCode.EUR);
  await relay(db);
  const [row] = await em().find(QualifyingSpend, { programmeId: programme.id, customerId: customer });
  expect({ amount: row.amount, currency: row.currency, rate: Number(row.rate), converted: row.amountInProgrammeCurrency }).toEqual({
    amount: 1_500_00, currency: 'EUR', rate: 7.8234, converted: 11_735_10, // 1,500.00 x 7.8234 = 11,735.10
  });
  expect((await membership(programme.id, customer))!.tierId).toBe(silver.id);

  // Without a configured rate the row waits (rate null) and the nightly recompute converts it once a rate exists.
  const other = uuidv7();
  await paidOrder(db, world.storeId, other, [{ brandId: world.brandA, amount: 2_000_000 }], CurrencyCode.JPY);
  await relay(db);
  expect((await em().findOneOrFail(QualifyingSpend, { programmeId: programme.id, customerId: other })).rate).toBeNull();
  await em().persist(em().create(ExchangeRate, { from: CurrencyCode.JPY, to: CurrencyCode.CNY, rate: '0.0479', validFrom: new Date('2020-01-01T00:00:00Z') })).flush();
  await recomputeAll(em());
  const converted = await em().findOneOrFail(QualifyingSpend, { programmeId: programme.id, customerId: other });
  expect({ rate: Number(converted.rate), amount: converted.amountInProgrammeCurrency }).toEqual({ rate: 0.0479, amount: 95_800_00 });
  expect((await membership(programme.id, other))!.tierId).toBe(gold.id); // 95,800.00 CNY
});

test("a brand programme counts only that brand's share of a multi-brand order; the platform programme all of it", async () => {
  const { brandA, brandB } = world;
  await em().execute('update vip_programme set active = false'); // earlier tests' platform programmes
  const platform = await createProgramme(em());
  const brand = await createProgramme(em(), { brandId: brandA });
  const customer = uuidv7();
  await paidOrder(db, world.storeId, customer, [{ brandId: brandA, amount: 15_000_00 }, { brandId: brandB, amount: 45_000_00 }]);
  await relay(db);
  expect((await membership(platform.programme.id, customer))!.qualifyingSpend).toBe(60_000_00);
  expect((await membership(brand.programme.id, customer))!.qualifyingSpend).toBe(15_000_00);

  const seen = await vipService.perksFor(em(), customer, brandA);
  expect(seen.tiers.map((t) => t.handle).sort()).toEqual(['gold', 'silver']);
  expect(seen.best!.handle).toBe('gold');
  expect(seen.perks).toEqual({ earlyAccessHours: 24, tierRestrictedAccess: false, assignedConcierge: false, freeServices: ['alterations'], drawWeight: 1 });
  expect((await vipService.perksFor(em(), customer, brandB)).tiers.map((t) => t.handle)).toEqual(['gold']);
  const tiers = await vipService.tierOf(em(), brand.programme.id, [customer, uuidv7()]);
  expect([...tiers.values()].map((t) => t.handle)).toEqual(['silver']);
});

test('an approved invitation (tier_invitation.approve) gives the invite-only tier once, with the approving admin as actor', async () => {
  const { programme, black } = await createProgramme(em());
  const customer = uuidv7();
  const invitationId = uuidv7();
  await em().execute(
    `insert into tier_invitation (id, created_at, updated_at, client_id, brand_id, customer_id, programme_id, tier_id, status, nominated_by)
     values (?, now(), now(), ?, ?, ?, ?, ?, 'APPROVED', 'staff:concierge')`,
    [invitationId, uuidv7(), world.brandA, customer, programme.id, black.id],
  );
  await em().transactional(async (tx) => { recordEvent(tx, 'tier_invitation.approve', invitationId, { id: invitationId, from: 'PENDING', to: 'APPROVED', actor: 'staff:admin-a' }); });
  await relay(db);
  await em().execute(`update outbox_cursor set last_event_id = 0 where subscriber = 'vip.invitations'`);
  await relay(db);
  const m = (await membership(programme.id, customer))!;
  expect(m.tierId).toBe(black.id);
  const history = await em().find(TierChange, { membershipId: m.id });
  expect(history.map((c) => [c.toTierId, c.reason, c.actor])).toEqual([[black.id, 'INVITATION', 'staff:admin-a']]);
});

import { CustomerAccessTokenCreateDocument, CustomerCreateDocument, CustomerVipDocument } from '../generated/storefront.js';
import { Customer } from '../../src/commerce/customers/customer.entity.js';
import { dataOf, expectOk } from '../support/payload.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { createProgramme, mall, paidOrder, relay } from './support.js';

let server: TestServer;
let world: Awaited<ReturnType<typeof mall>>;
beforeAll(async () => {
  server = await startTestServer();
  world = await mall(server.db.orm.em.fork());
});
afterAll(() => server.close());

const headers = (token?: string, locale = 'zh-CN') => ({ 'x-store': 'design-mall', 'accept-language': locale, ...(token ? { authorization: `Bearer ${token}` } : {}) });

async function signUp(email: string) {
  const input = { email, password: 'a long password' };
  expectOk(dataOf(await server.gql('storefront', CustomerCreateDocument, { input }, headers())).customerCreate);
  const res = await server.gql('storefront', CustomerAccessTokenCreateDocument, { input }, headers());
  const token = expectOk(dataOf(res).customerAccessTokenCreate).customerAccessToken!.accessToken;
  const customer = await server.db.orm.em.fork().findOneOrFail(Customer, { email });
  return { token, customerId: customer.id };
}

test('customer.vip over HTTP: one entry per programme the customer holds a tier in, with perks, spend and the next tier', async () => {
  const platform = await createProgramme(server.db.orm.em.fork(), { handle: 'platform-club' });
  await createProgramme(server.db.orm.em.fork(), { handle: 'brand-a-club', brandId: world.brandA });
  const { token, customerId } = await signUp('vip@example.com');
  const other = await signUp('other@example.com');
  // 12,000.00 of brand A + 48,000.00 of brand B: platform Gold (60,000.00), brand A Silver (12,000.00).
  await paidOrder(server.db, world.storeId, customerId, [{ brandId: world.brandA, amount: 12_000_00 }, { brandId: world.brandB, amount: 48_000_00 }]);
  await relay(server.db);

  const res = await server.gql('storefront', CustomerVipDocument, {}, headers(token));
  const vip = [...dataOf(res).customer!.vip].sort((x, y) => x.programme.handle.localeCompare(y.programme.handle));
  const year = new Date().getUTCFullYear();
  expect(vip).toEqual([
    {
      programme: { handle: 'brand-a-club', name: '会员俱乐部', currency: 'CNY', qualification: 'CALENDAR_YEAR' },
      tier: { handle: 'silver', name: 'silver', rank: 1, inviteOnly: false, perks: { earlyAccessHours: 2, tierRestrictedAccess: false, assignedConcierge: false, freeServices: [] } },
      qualifyingSpend: { amount: '12000.00', currencyCode: 'CNY' },
      periodEndsAt: `${year + 1}-01-01T00:00:00.000Z`,
      retainedUntil: `${year + 2}-01-01T00:00:00.000Z`,
      nextTier: { handle: 'gold', name: 'gold', rank: 2 },
      spendToNextTier: { amount: '38000.00', currencyCode: 'CNY' },
    },
    {
      programme: { handle: 'platform-club', name: '会员俱乐部', currency: 'CNY', qualification: 'CALENDAR_YEAR' },
      tier: { handle: 'gold', name: 'gold', rank: 2, inviteOnly: false, perks: { earlyAccessHours: 24, tierRestrictedAccess: false, assignedConcierge: false, freeServices: ['alterations'] } },
      qualifyingSpend: { amount: '60000.00', currencyCode: 'CNY' },
      periodEndsAt: `${year + 1}-01-01T00:00:00.000Z`,
      retainedUntil: `${year + 2}-01-01T00:00:00.000Z`,
      nextTier: null, // Black Card is by invitation only
      spendToNextTier: null,
    },
  ]);
  expect(platform.gold.handle).toBe('gold');
  // English names when asked in English; another customer sees nothing of it.
  const en = await server.gql('storefront', CustomerVipDocument, {}, headers(token, 'en'));
  expect(dataOf(en).customer!.vip.map((v) => v.programme.name)).toEqual(['Club', 'Club']);
  expect(dataOf(await server.gql('storefront', CustomerVipDocument, {}, headers(other.token))).customer!.vip).toEqual([]);
});

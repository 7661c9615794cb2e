import { buildWorld, databaseSnapshot, VIEWERS, type Side, type ViewerName, type World } from './world.js';

/**
 * The tenancy matrix for writes: every Admin mutation, aimed by brand A's callers at brand B's data
 * (or at platform-wide data they do not manage), is refused and writes nothing (read back from the
 * database). A mutation missing from ATTACKS fails the test: say how it would be aimed at brand B first.
 */
type Attack = (b: Side, a: Side) => Record<string, unknown>;
const en = (fields: Record<string, string>) => [{ locale: 'en', ...fields }];
const ATTACKS: Record<string, Attack | 'public'> = {
  staffLogin: 'public',
  apiKeyCreate: (b) => ({ name: 'stolen', scopes: ['CATALOG_WRITE'], brandIds: b.ids.Brand }),
  apiKeyRevoke: (b) => ({ id: b.ids.ApiKey[0] }),
  staffUserCreate: (b) => ({ email: 'mole@example.com', password: 'a-long-password-123', role: 'CONCIERGE', brandIds: b.ids.Brand }),
  brandGroupCreate: () => ({ handle: 'new-group', name: 'New group' }),
  brandCreate: () => ({ handle: 'new-brand', defaultLocale: 'en', translations: en({ name: 'New' }) }),
  brandUpdate: (b) => ({ id: b.ids.Brand[0], translations: en({ name: 'Hijacked' }) }),
  brandArchive: (b) => ({ id: b.ids.Brand[0] }),
  brandSigningKeyRotate: (b) => ({ brandId: b.ids.Brand[0] }),
  storeCreate: (b) => ({
    handle: 'b-popup', name: 'Pop-up', kind: 'POPUP', brandIds: b.ids.Brand, marketCountry: 'CN', currency: 'CNY',
    defaultLocale: 'zh-CN', supportedLocales: ['zh-CN'], timeZone: 'Asia/Shanghai',
  }),
  storeUpdate: (b) => ({ id: b.ids.Store[0], name: 'Hijacked' }),
  storeCommerceSettingsUpdate: (b) => ({ storeId: b.ids.Store[0], taxRateBasisPoints: 10_000, shippingFlat: '999.00' }),
  storeArchive: (b) => ({ id: b.ids.Store[0] }),
  stockLocationCreate: (b) => ({ storeId: b.ids.Store[0], handle: 'secret-wh', name: 'Secret', kind: 'WAREHOUSE' }),
  stockLocationUpdate: (b) => ({ id: b.ids.StockLocation[0], name: 'Hijacked' }),
  stockLocationArchive: (b) => ({ id: b.ids.StockLocation[0] }),
  categoryCreate: () => ({ handle: 'new-category', translations: [{ locale: 'en', name: 'New' }] }),
  categoryUpdate: () => ({ id: '__category__', translations: [{ locale: 'en', name: 'Hijacked' }] }),
  categoryDelete: () => ({ id: '__category__' }),
  productCreate: (b) => ({ brandId: b.ids.Brand[0], handle: 'fake-bag', translations: en({ title: 'Fake' }) }),
  productUpdate: (b) => ({ id: b.ids.Product[0], status: 'ARCHIVED' }),
  productArchive: (b) => ({ id: b.ids.Product[0] }),
  productPublish: (b, a) => ({ id: b.ids.Product[1], storeIds: [...b.ids.Store, ...a.ids.Store] }),
  productUnpublish: (b) => ({ id: b.ids.Product[0], storeIds: b.ids.Store }),
  productVariantsCreate: (b) => ({ productId: b.ids.Product[0], variants: [{ sku: 'FAKE-1' }] }),
  productVariantsUpdate: (b) => ({ productId: b.ids.Product[0], variants: [{ id: b.ids.ProductVariant[0], sku: 'FAKE-2' }] }),
  productVariantArchive: (b) => ({ id: b.ids.ProductVariant[0] }),
  variantPricesSet: (b) => ({ prices: [{ variantId: b.ids.ProductVariant[0], storeId: b.ids.Store[0], amount: '1.00' }] }),
  inventoryAdjust: (b) => ({ variantId: b.ids.ProductVariant[0], locationId: b.ids.StockLocation[0], delta: -5, reason: 'theft' }),
  inventorySet: (b) => ({ variantId: b.ids.ProductVariant[0], locationId: b.ids.StockLocation[0], onHand: 0, reason: 'theft' }),
  collectionCreate: (b) => ({ brandId: b.ids.Brand[0], handle: 'fake-picks', translations: en({ title: 'Fake' }) }),
  collectionUpdate: (b) => ({ id: b.ids.Collection[0], translations: en({ title: 'Hijacked' }) }),
  collectionArchive: (b) => ({ id: b.ids.Collection[0] }),
  collectionProductsSet: (b, a) => ({ id: b.ids.Collection[0], productIds: a.ids.Product }),
  translationsRegister: (b) => ({ resourceId: b.ids.Product[0], locale: 'fr', translations: [{ key: 'title', value: 'Volé' }] }),
  translationsRemove: (b) => ({ resourceId: b.ids.Product[0], locales: ['en'] }),
  orderFulfil: (b) => ({ id: b.ids.Order[0], trackingNumber: 'SF1', carrier: 'SF Express' }),
  orderPickupComplete: (b) => ({ id: b.ids.Order[0] }),
  orderCapture: (b) => ({ id: b.ids.Order[0], idempotencyKey: 'tenancy-capture' }),
  orderCancel: (b) => ({ id: b.ids.Order[0], reason: 'hijacked', restock: true }),
  orderRefund: (b) => ({ id: b.ids.Order[0], amount: '1.00', reason: 'hijacked', idempotencyKey: 'tenancy-refund' }),
  clientNoteAdd: (b) => ({ clientId: b.ids.Client[0], body: 'Planted note' }),
  clientPreferencesUpdate: (b) => ({ clientId: b.ids.Client[0], preferences: [{ key: 'colours', value: 'stolen' }] }),
  clientAssign: (b) => ({ clientId: b.ids.Client[0], staffId: b.ids.StaffUser[0] }),
  tierInvite: (b) => ({ clientId: b.ids.Client[0], tierId: b.tierId, reason: 'hijacked' }),
  tierInvitationApprove: (b) => ({ id: b.ids.TierInvitation[0] }),
  tierInvitationDecline: (b) => ({ id: b.ids.TierInvitation[0] }),
  appointmentCreate: (b) => {
    const startsAt = new Date(Date.now() + 86_400_000 * 9);
    return { clientId: b.ids.Client[0], locationId: b.ids.StockLocation[0], staffId: b.ids.StaffUser[0], startsAt, endsAt: new Date(startsAt.getTime() + 3_600_000) };
  },
  appointmentCancel: (b) => ({ id: b.ids.Appointment[0] }),
  holdCreate: (b) => ({ clientId: b.ids.Client[0], variantId: b.ids.ProductVariant[0], locationId: b.ids.StockLocation[0], quantity: 1, expiresAt: new Date(Date.now() + 86_400_000) }),
  holdRelease: (b) => ({ id: b.ids.ClientHold[0] }),
  clientCartCreate: (b) => ({ clientId: b.ids.Client[0], storeId: b.ids.Store[0], lines: [{ merchandiseId: b.ids.ProductVariant[0], quantity: 1 }] }),
  vipProgrammeCreate: (b) => ({ brandId: b.ids.Brand[0], handle: 'stolen-club', names: [{ locale: 'en', name: 'Stolen' }], currency: 'CNY', qualification: 'CALENDAR_YEAR' }),
  vipTierCreate: (b) => ({
    programmeId: b.ids.VipProgramme[0], handle: 'gold', names: [{ locale: 'en', name: 'Gold' }], rank: 2, threshold: '50000.00', inviteOnly: false,
    perks: { earlyAccessHours: 24, tierRestrictedAccess: false, assignedConcierge: false, freeServices: [] },
  }),
  vipTierUpdate: (b) => ({ id: b.tierId, names: [{ locale: 'en', name: 'Hijacked' }] }),
  vipExchangeRateSet: () => ({ from: 'EUR', to: 'CNY', rate: '7.8234' }),
  vipMembershipSet: (b) => ({ programmeId: b.ids.VipProgramme[0], customerId: b.customerId, tierId: b.tierId, reason: 'hijacked' }),
  dropCreate: (b) => ({
    handle: 'stolen-drop', productId: b.ids.Product[1], unitsPerVariant: 1, storeIds: b.ids.Store, perCustomerLimit: 1,
    publicOpensAt: new Date(Date.now() + 86_400_000), endsAt: new Date(Date.now() + 2 * 86_400_000),
  }),
  dropUpdate: (b) => ({ id: b.ids.Drop[0], perCustomerLimit: 50 }),
  dropPublish: (b) => ({ id: b.ids.Drop[0] }),
  dropCancel: (b) => ({ id: b.ids.Drop[0] }),
  drawOpen: (b) => ({ dropId: b.ids.Drop[0], units: 1, entriesCloseAt: new Date(Date.now() + 3_600_000) }),
  drawRun: (b) => ({ dropId: b.ids.Drop[0] }),
  catalogImport: () => ({
    jsonl: JSON.stringify({ brand: 'brand-b', handle: 'b-bag', status: 'ARCHIVED', translations: { en: { title: 'Hijacked' } }, variants: [] }),
  }),
};

let world: World;
let categoryId: string;
beforeAll(async () => {
  world = await buildWorld();
  const res = await world.server.gql('admin', '{ categories { id } }', {}, world.viewers.platform);
  categoryId = (res.data as { categories: { id: string }[] }).categories[0].id;
}, 120_000);
afterAll(() => world?.server.close());

const mutationFields = () => Object.values(world.schema.getMutationType()!.getFields());

test('every Admin mutation is classified', () => {
  expect(mutationFields().map((f) => f.name).filter((name) => !(name in ATTACKS))).toEqual([]);
});

const ATTACKERS = VIEWERS.filter((v) => v !== 'platform');

describe.each(ATTACKERS)('as %s', (viewer: ViewerName) => {
  test("every mutation aimed at brand B's or platform data is refused and writes nothing", async () => {
    const before = await databaseSnapshot(world.server);
    for (const field of mutationFields()) {
      const attack = ATTACKS[field.name];
      if (attack === 'public') continue;
      const input = JSON.parse(JSON.stringify(attack(world.b, world.a)).replaceAll('__category__', categoryId));
      const inputType = String(field.args.find((a) => a.name === 'input')!.type);
      const res = await world.server.gql(
        'admin',
        `mutation($input: ${inputType}) { ${field.name}(input: $input) { __typename ${field.name === 'catalogImport' ? 'result { lines failed }' : ''} userErrors { code field message } } }`,
        { input },
        world.viewers[viewer],
      );
      const codes = (res.errors ?? []).map((e) => e.extensions?.code);
      const userErrors = ((res.data as Record<string, { userErrors: { code: string }[] }> | null)?.[field.name]?.userErrors ?? []).map((e) => e.code);
      const where = field.name;
      if (viewer === 'anonymous') expect({ where, codes }).toEqual({ where, codes: ['UNAUTHENTICATED'] });
      else if (viewer === 'customer') expect({ where, codes }).toEqual({ where, codes: ['FORBIDDEN'] });
      else {
        // Refused as FORBIDDEN, or as a userError that reveals nothing (NOT_FOUND / FORBIDDEN), never accepted.
        expect({ where, unexpected: codes.filter((c) => c !== 'FORBIDDEN') }).toEqual({ where, unexpected: [] });
        // catalogImport refuses line by line: every line must have failed.
        const result = (res.data as any)?.catalogImport?.result as { lines: number; failed: number } | undefined;
        const refused =
          codes.includes('FORBIDDEN') || userErrors.some((c) => ['NOT_FOUND', 'FORBIDDEN'].includes(c)) || (result !== undefined && result.failed === result.lines);
        expect({ where, refused, userErrors }).toEqual({ where, refused: true, userErrors });
      }
      expect({ where, unchanged: (await databaseSnapshot(world.server)) === before }).toEqual({ where, unchanged: true });
    }
  }, 120_000);
});

test('every attack is aimed at real rows: the platform admin, who may, is not told NOT_FOUND or FORBIDDEN', async () => {
  // Runs last, as it changes the world; archives, deletes and revokes go after the edits they would block.
  const destructive = (name: string) => /Archive$|Delete$|Revoke$/.test(name);
  const fields = mutationFields().sort((x, y) => Number(destructive(x.name)) - Number(destructive(y.name)));
  for (const field of fields) {
    const attack = ATTACKS[field.name];
    if (attack === 'public') continue;
    const input = JSON.parse(JSON.stringify(attack(world.b, world.a)).replaceAll('__category__', categoryId));
    const inputType = String(field.args.find((a) => a.name === 'input')!.type);
    const res = await world.server.gql(
      'admin',
      `mutation($input: ${inputType}) { ${field.name}(input: $input) { userErrors { code message } } }`,
      { input },
      world.viewers.platform,
    );
    const userErrors = (res.data as Record<string, { userErrors: { code: string }[] }> | null)?.[field.name]?.userErrors ?? [];
    expect({ where: field.name, errors: res.errors ?? [], notFound: userErrors.filter((e) => ['NOT_FOUND', 'FORBIDDEN'].includes(e.code)) }).toEqual({
      where: field.name,
      errors: [],
      notFound: [],
    });
  }
});

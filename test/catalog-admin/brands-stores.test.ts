import {
  BrandArchiveDocument,
  BrandCreateDocument,
  BrandGroupCreateDocument,
  BrandUpdateDocument,
  ProductCreateDocument,
  ProductPublishDocument,
  StockLocationArchiveDocument,
  StockLocationCreateDocument,
  StockLocationUpdateDocument,
  StoreArchiveDocument,
  StoreCreateDocument,
  StoreUpdateDocument,
  VariantPricesSetDocument,
  type BrandCreateInput,
  type StoreCreateInput,
} from '../generated/admin.js';
import { expectForbidden, expectOk, expectUserError } from '../support/payload.js';
import { AdminHarness, seedBasics, uuidOf, type Basics } from './support.js';

let h: AdminHarness;
let b: Basics;
beforeAll(async () => {
  h = await AdminHarness.start();
  b = await seedBasics(h);
});
afterAll(() => h.close());

const STORE = {
  handle: 'mk-us',
  name: 'Michael Kors US',
  kind: 'ONLINE_FLAGSHIP',
  marketCountry: 'US',
  currency: 'USD',
  defaultLocale: 'en-us',
  supportedLocales: ['en-US'],
  timeZone: 'America/New_York',
} satisfies Omit<StoreCreateInput, 'brandIds'>;

const GUCCI = { handle: 'gucci', defaultLocale: 'it', translations: [{ locale: 'it', name: 'Gucci' }] } satisfies BrandCreateInput;

describe('brand groups and brands', () => {
  test('a platform admin creates a group and a brand in it', async () => {
    const { brandGroup } = expectOk((await h.data(BrandGroupCreateDocument, { input: { handle: 'capri', name: 'Capri Holdings' } })).brandGroupCreate);
    const { brand } = expectOk(
      (
        await h.data(BrandCreateDocument, {
          input: {
            handle: 'versace',
            groupId: brandGroup.id,
            defaultLocale: 'it',
            translations: [{ locale: 'it', name: 'Versace', story: 'Milano, 1978.' }, { locale: 'zh-cn', name: '范思哲' }],
            logoUrl: 'https://img.example/versace.svg',
          },
        })
      ).brandCreate,
    );
    expect(brand).toEqual({
      id: expect.any(String),
      handle: 'versace',
      name: 'Versace',
      defaultLocale: 'it',
      logoUrl: 'https://img.example/versace.svg',
      group: { handle: 'capri' },
      translations: [{ locale: 'it', name: 'Versace', story: 'Milano, 1978.' }, { locale: 'zh-CN', name: '范思哲', story: null }],
    });
  });

  test('brand admins and API keys cannot create brands or groups', async () => {
    const before = await h.snapshot();
    const admin = await h.brandAdmin(uuidOf(b.mk));
    expectForbidden(await h.gql(BrandGroupCreateDocument, { input: { handle: 'kering', name: 'Kering' } }, admin));
    expectForbidden(await h.gql(BrandCreateDocument, { input: GUCCI }, admin));
    expectForbidden(await h.gql(BrandCreateDocument, { input: GUCCI }, await h.apiKey(['CATALOG_WRITE'], [])));
    expect(await h.snapshot()).toBe(before);
  });

  test.each<[string, Partial<BrandCreateInput>, string, string[]]>([
    ['a taken handle', { handle: 'loewe' }, 'TAKEN', ['input', 'handle']],
    ['no name in the default locale', { translations: [{ locale: 'en', name: 'X' }] }, 'INVALID', ['input', 'translations']],
    ['an invalid locale', { defaultLocale: 'xx_123' }, 'INVALID', ['input', 'defaultLocale']],
    ['a logo that is not a URL', { logoUrl: 'logo.png' }, 'INVALID', ['input', 'logoUrl']],
  ])('brandCreate refuses %s', async (_what, override, code, field) => {
    const before = await h.snapshot();
    expectUserError((await h.data(BrandCreateDocument, { input: { ...GUCCI, ...override } })).brandCreate, code, field);
    expect(await h.snapshot()).toBe(before);
  });

  test('a brand admin updates its own brand (translations merge); another brand is FORBIDDEN', async () => {
    const admin = await h.brandAdmin(uuidOf(b.mk));
    const { brand } = expectOk(
      (
        await h.data(
          BrandUpdateDocument,
          { input: { id: b.mk, translations: [{ locale: 'zh-CN', name: '迈克高仕' }, { locale: 'fr', name: 'Michael Kors', story: 'New York' }] } },
          admin,
        )
      ).brandUpdate,
    );
    expect(brand.translations).toEqual([
      { locale: 'en', name: 'Michael Kors' },
      { locale: 'zh-CN', name: '迈克高仕' },
      { locale: 'fr', name: 'Michael Kors' },
    ]);
    const before = await h.snapshot();
    expectForbidden(await h.gql(BrandUpdateDocument, { input: { id: b.loewe, handle: 'loewe-hijacked' } }, admin));
    expectUserError((await h.data(BrandUpdateDocument, { input: { id: b.mk, handle: 'loewe' } }, admin)).brandUpdate, 'TAKEN', ['input', 'handle']);
    expect(await h.snapshot()).toBe(before);
  });

  test('brandArchive is for platform admins and records brand.changed', async () => {
    const { brand } = expectOk(
      (await h.data(BrandCreateDocument, { input: { handle: 'old-label', defaultLocale: 'en', translations: [{ locale: 'en', name: 'Old' }] } })).brandCreate,
    );
    expectForbidden(await h.gql(BrandArchiveDocument, { input: { id: b.mk } }, await h.brandAdmin(uuidOf(b.mk))));
    const archived = expectOk((await h.data(BrandArchiveDocument, { input: { id: brand.id } })).brandArchive);
    expect(archived.brand.archivedAt).toEqual(expect.any(String));
    expect(await h.sql(`select topic from outbox_event where aggregate_id = ? order by id`, [uuidOf(brand.id)])).toEqual([
      { topic: 'brand.changed' },
      { topic: 'brand.changed' },
    ]);
  });
});

describe('stores', () => {
  test('a brand admin creates a store for its brand; the default locale joins the supported ones', async () => {
    const { store } = expectOk((await h.data(StoreCreateDocument, { input: { ...STORE, brandIds: [b.mk] } }, await h.brandAdmin(uuidOf(b.mk)))).storeCreate);
    expect(store).toEqual({
      id: expect.any(String),
      handle: 'mk-us',
      currency: 'USD',
      defaultLocale: 'en-US',
      supportedLocales: ['en-US'],
      timeZone: 'America/New_York',
      marketCountry: 'US',
      brands: [{ handle: 'michael-kors' }],
    });
  });

  test.each<[string, Partial<StoreCreateInput>, string[]]>([
    ['a lowercase country', { marketCountry: 'us' }, ['input', 'marketCountry']],
    ['an unknown time zone', { timeZone: 'Mars/Olympus' }, ['input', 'timeZone']],
    ['an invalid supported locale', { supportedLocales: ['en', '!!'] }, ['input', 'supportedLocales']],
    ['no brand', { brandIds: [] }, ['input', 'brandIds']],
  ])('storeCreate refuses %s', async (_what, override, field) => {
    const before = await h.snapshot();
    expectUserError((await h.data(StoreCreateDocument, { input: { ...STORE, handle: 'mk-us-2', brandIds: [b.mk], ...override } })).storeCreate, 'INVALID', field);
    expect(await h.snapshot()).toBe(before);
  });

  test('an unknown currency is rejected by the schema (CurrencyCode enum)', async () => {
    const res = await h.gql(StoreCreateDocument, { input: { ...STORE, handle: 'mk-xx', brandIds: [b.mk], currency: 'BTC' as never } });
    expect(res.errors?.[0].message).toMatch(/CurrencyCode/);
  });

  test('a brand admin may manage a Design Mall only with access to all its brands', async () => {
    const before = await h.snapshot();
    const mkAdmin = await h.brandAdmin(uuidOf(b.mk));
    expectForbidden(await h.gql(StoreCreateDocument, { input: { ...STORE, handle: 'mall-2', kind: 'DESIGN_MALL', brandIds: [b.mk, b.loewe] } }, mkAdmin));
    expectForbidden(await h.gql(StoreUpdateDocument, { input: { id: b.mall, name: 'My mall' } }, mkAdmin));
    expectForbidden(await h.gql(StoreArchiveDocument, { input: { id: b.mall } }, mkAdmin));
    expectForbidden(await h.gql(StockLocationCreateDocument, { input: { storeId: b.mall, handle: 'popup', name: 'Pop-up', kind: 'BOUTIQUE' } }, mkAdmin));
    expectForbidden(await h.gql(StockLocationArchiveDocument, { input: { id: b.mallWh } }, mkAdmin));
    expect(await h.snapshot()).toBe(before);
    const both = await h.brandAdmin(uuidOf(b.mk), uuidOf(b.loewe));
    expect(expectOk((await h.data(StoreUpdateDocument, { input: { id: b.mall, name: 'Beijing Design Week Mall' } }, both)).storeUpdate).store.name).toBe(
      'Beijing Design Week Mall',
    );
  });

  test('storeUpdate: brands, locales; currency is locked once prices exist; removing a published brand is refused', async () => {
    const { store } = expectOk(
      (await h.data(StoreUpdateDocument, { input: { id: b.mkCn, defaultLocale: 'en', supportedLocales: ['zh-CN'], showStockQuantity: true } })).storeUpdate,
    );
    expect(store).toEqual({ id: b.mkCn, name: 'mk-cn', currency: 'CNY', defaultLocale: 'en', supportedLocales: ['en', 'zh-CN'], showStockQuantity: true });

    const { product } = expectOk(
      (
        await h.data(ProductCreateDocument, {
          input: { brandId: b.loewe, handle: 'puzzle', translations: [{ locale: 'en', title: 'Puzzle bag' }], variants: [{ sku: 'LW-PUZZLE' }] },
        })
      ).productCreate,
    );
    expectOk((await h.data(VariantPricesSetDocument, { input: { prices: [{ variantId: product.variants[0].id, storeId: b.mall, amount: '28000' }] } })).variantPricesSet);
    expectOk((await h.data(ProductPublishDocument, { input: { id: product.id, storeIds: [b.mall] } })).productPublish);
    const before = await h.snapshot();
    expectUserError((await h.data(StoreUpdateDocument, { input: { id: b.mall, currency: 'EUR' } })).storeUpdate, 'IN_USE', ['input', 'currency']);
    expectUserError((await h.data(StoreUpdateDocument, { input: { id: b.mall, brandIds: [b.mk] } })).storeUpdate, 'IN_USE', ['input', 'brandIds']);
    expect(await h.snapshot()).toBe(before);
    expectOk((await h.data(StoreUpdateDocument, { input: { id: b.loeweCn, currency: 'EUR' } })).storeUpdate);
  });

  test('stock locations: create, update, archive; handles are unique per store', async () => {
    const { stockLocation } = expectOk(
      (
        await h.data(
          StockLocationCreateDocument,
          { input: { storeId: b.mkCn, handle: 'shanghai-boutique', name: 'Shanghai IFC', kind: 'BOUTIQUE' } },
          await h.brandAdmin(uuidOf(b.mk)),
        )
      ).stockLocationCreate,
    );
    expect(stockLocation).toMatchObject({ handle: 'shanghai-boutique', kind: 'BOUTIQUE', store: { handle: 'mk-cn' } });
    expectUserError(
      (await h.data(StockLocationCreateDocument, { input: { storeId: b.mkCn, handle: 'wh', name: 'x', kind: 'WAREHOUSE' } })).stockLocationCreate,
      'TAKEN',
      ['input', 'handle'],
    );
    expectOk(
      (await h.data(StockLocationCreateDocument, { input: { storeId: b.loeweCn, handle: 'shanghai-boutique', name: 'LOEWE Shanghai', kind: 'BOUTIQUE' } }))
        .stockLocationCreate,
    );
    const updated = expectOk((await h.data(StockLocationUpdateDocument, { input: { id: stockLocation.id, name: 'Shanghai Plaza 66' } })).stockLocationUpdate);
    expect(updated.stockLocation.name).toBe('Shanghai Plaza 66');
    const archived = expectOk((await h.data(StockLocationArchiveDocument, { input: { id: stockLocation.id } })).stockLocationArchive);
    expect(archived.stockLocation.archivedAt).toBeTruthy();
  });

  test('storeArchive', async () => {
    const { store } = expectOk((await h.data(StoreCreateDocument, { input: { ...STORE, handle: 'popup-2026', kind: 'POPUP', brandIds: [b.mk] } })).storeCreate);
    expect(expectOk((await h.data(StoreArchiveDocument, { input: { id: store.id } })).storeArchive).store.archivedAt).toBeTruthy();
    expect(await h.sql(`select topic from outbox_event where aggregate_id = ? order by id`, [uuidOf(store.id)])).toEqual([
      { topic: 'store.changed' },
      { topic: 'store.changed' },
    ]);
  });
});

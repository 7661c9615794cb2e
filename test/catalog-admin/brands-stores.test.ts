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
};

describe('brand groups and brands', () => {
  test('a platform admin creates a group and a brand in it', async () => {
    const { brandGroup } = await h.ok('brandGroupCreate', { handle: 'capri', name: 'Capri Holdings' }, 'brandGroup { id handle name }');
    const { brand } = await h.ok(
      'brandCreate',
      {
        handle: 'versace',
        groupId: brandGroup.id,
        defaultLocale: 'it',
        translations: [{ locale: 'it', name: 'Versace', story: 'Milano, 1978.' }, { locale: 'zh-cn', name: '范思哲' }],
        logoUrl: 'https://img.example/versace.svg',
      },
      'brand { handle name defaultLocale logoUrl group { handle } translations { locale name story } }',
    );
    expect(brand).toEqual({
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
    await h.forbidden('brandGroupCreate', { handle: 'kering', name: 'Kering' }, admin);
    await h.forbidden('brandCreate', { handle: 'gucci', defaultLocale: 'it', translations: [{ locale: 'it', name: 'Gucci' }] }, admin);
    await h.forbidden('brandCreate', { handle: 'gucci', defaultLocale: 'it', translations: [{ locale: 'it', name: 'Gucci' }] }, await h.apiKey(['CATALOG_WRITE' as never], []));
    expect(await h.snapshot()).toBe(before);
  });

  test.each([
    ['a taken handle', { handle: 'loewe' }, 'TAKEN', ['input', 'handle']],
    ['no name in the default locale', { translations: [{ locale: 'en', name: 'X' }] }, 'INVALID', ['input', 'translations']],
    ['an invalid locale', { defaultLocale: 'xx_123' }, 'INVALID', ['input', 'defaultLocale']],
    ['a logo that is not a URL', { logoUrl: 'logo.png' }, 'INVALID', ['input', 'logoUrl']],
  ])('brandCreate refuses %s', async (_what, override, code, field) => {
    const before = await h.snapshot();
    const errors = await h.refused('brandCreate', { handle: 'gucci', defaultLocale: 'it', translations: [{ locale: 'it', name: 'Gucci' }], ...override });
    expect(errors[0]).toMatchObject({ code, field });
    expect(await h.snapshot()).toBe(before);
  });

  test('a brand admin updates its own brand (translations merge); another brand is FORBIDDEN', async () => {
    const admin = await h.brandAdmin(uuidOf(b.mk));
    const { brand } = await h.ok(
      'brandUpdate',
      { id: b.mk, translations: [{ locale: 'zh-CN', name: '迈克高仕' }, { locale: 'fr', name: 'Michael Kors', story: 'New York' }] },
      'brand { name translations { locale name } }',
      admin,
    );
    expect(brand.translations).toEqual([
      { locale: 'en', name: 'Michael Kors' },
      { locale: 'zh-CN', name: '迈克高仕' },
      { locale: 'fr', name: 'Michael Kors' },
    ]);
    const before = await h.snapshot();
    await h.forbidden('brandUpdate', { id: b.loewe, handle: 'loewe-hijacked' }, admin);
    expect((await h.refused('brandUpdate', { id: b.mk, handle: 'loewe' }, admin))[0]).toMatchObject({ code: 'TAKEN', field: ['input', 'handle'] });
    expect(await h.snapshot()).toBe(before);
  });

  test('brandArchive is for platform admins and records brand.changed', async () => {
    const { brand } = await h.ok('brandCreate', { handle: 'old-label', defaultLocale: 'en', translations: [{ locale: 'en', name: 'Old' }] }, 'brand { id }');
    await h.forbidden('brandArchive', { id: b.mk }, await h.brandAdmin(uuidOf(b.mk)));
    const archived = await h.ok('brandArchive', { id: brand.id }, 'brand { archivedAt }');
    expect(archived.brand.archivedAt).toEqual(expect.any(String));
    expect(await h.sql(`select topic from outbox_event where aggregate_id = ? order by id`, [uuidOf(brand.id)])).toEqual([
      { topic: 'brand.changed' },
      { topic: 'brand.changed' },
    ]);
  });
});

describe('stores', () => {
  test('a brand admin creates a store for its brand; the default locale joins the supported ones', async () => {
    const { store } = await h.ok(
      'storeCreate',
      { ...STORE, brandIds: [b.mk] },
      'store { handle currency defaultLocale supportedLocales timeZone marketCountry brands { handle } }',
      await h.brandAdmin(uuidOf(b.mk)),
    );
    expect(store).toEqual({
      handle: 'mk-us',
      currency: 'USD',
      defaultLocale: 'en-US',
      supportedLocales: ['en-US'],
      timeZone: 'America/New_York',
      marketCountry: 'US',
      brands: [{ handle: 'michael-kors' }],
    });
  });

  test.each([
    ['a lowercase country', { marketCountry: 'us' }, ['input', 'marketCountry']],
    ['an unknown time zone', { timeZone: 'Mars/Olympus' }, ['input', 'timeZone']],
    ['an invalid supported locale', { supportedLocales: ['en', '!!'] }, ['input', 'supportedLocales']],
    ['no brand', { brandIds: [] }, ['input', 'brandIds']],
  ])('storeCreate refuses %s', async (_what, override, field) => {
    const before = await h.snapshot();
    const errors = await h.refused('storeCreate', { ...STORE, handle: 'mk-us-2', brandIds: [b.mk], ...override });
    expect(errors[0]).toMatchObject({ code: 'INVALID', field });
    expect(await h.snapshot()).toBe(before);
  });

  test('an unknown currency is rejected by the schema (CurrencyCode enum)', async () => {
    const res = await h.raw('storeCreate', { ...STORE, handle: 'mk-xx', brandIds: [b.mk], currency: 'BTC' }, '__typename');
    expect(res.errors?.[0].message).toMatch(/CurrencyCode/);
  });

  test('a brand admin may manage a Design Mall only with access to all its brands', async () => {
    const before = await h.snapshot();
    const mkAdmin = await h.brandAdmin(uuidOf(b.mk));
    await h.forbidden('storeCreate', { ...STORE, handle: 'mall-2', kind: 'DESIGN_MALL', brandIds: [b.mk, b.loewe] }, mkAdmin);
    await h.forbidden('storeUpdate', { id: b.mall, name: 'My mall' }, mkAdmin);
    await h.forbidden('storeArchive', { id: b.mall }, mkAdmin);
    await h.forbidden('stockLocationCreate', { storeId: b.mall, handle: 'popup', name: 'Pop-up', kind: 'BOUTIQUE' }, mkAdmin);
    await h.forbidden('stockLocationArchive', { id: b.mallWh }, mkAdmin);
    expect(await h.snapshot()).toBe(before);
    const both = await h.brandAdmin(uuidOf(b.mk), uuidOf(b.loewe));
    expect((await h.ok('storeUpdate', { id: b.mall, name: 'Beijing Design Week Mall' }, 'store { name }', both)).store.name).toBe('Beijing Design Week Mall');
  });

  test('storeUpdate: brands, locales; currency is locked once prices exist; removing a published brand is refused', async () => {
    const { store } = await h.ok(
      'storeUpdate',
      { id: b.mkCn, defaultLocale: 'en', supportedLocales: ['zh-CN'], showStockQuantity: true },
      'store { defaultLocale supportedLocales showStockQuantity }',
    );
    expect(store).toEqual({ defaultLocale: 'en', supportedLocales: ['en', 'zh-CN'], showStockQuantity: true });

    const { product } = await h.ok(
      'productCreate',
      {
        brandId: b.loewe,
        handle: 'puzzle',
        translations: [{ locale: 'en', title: 'Puzzle bag' }],
        variants: [{ sku: 'LW-PUZZLE' }],
      },
      'product { id variants { id } }',
    );
    await h.ok('variantPricesSet', { prices: [{ variantId: product.variants[0].id, storeId: b.mall, amount: '28000' }] }, 'productVariants { id }');
    await h.ok('productPublish', { id: product.id, storeIds: [b.mall] }, 'product { id }');
    const before = await h.snapshot();
    expect((await h.refused('storeUpdate', { id: b.mall, currency: 'EUR' }))[0]).toMatchObject({ code: 'IN_USE', field: ['input', 'currency'] });
    expect((await h.refused('storeUpdate', { id: b.mall, brandIds: [b.mk] }))[0]).toMatchObject({ code: 'IN_USE', field: ['input', 'brandIds'] });
    expect(await h.snapshot()).toBe(before);
    await h.ok('storeUpdate', { id: b.loeweCn, currency: 'EUR' }, 'store { currency }');
  });

  test('stock locations: create, update, archive; handles are unique per store', async () => {
    const { stockLocation } = await h.ok(
      'stockLocationCreate',
      { storeId: b.mkCn, handle: 'shanghai-boutique', name: 'Shanghai IFC', kind: 'BOUTIQUE' },
      'stockLocation { id handle kind store { handle } }',
      await h.brandAdmin(uuidOf(b.mk)),
    );
    expect(stockLocation).toMatchObject({ handle: 'shanghai-boutique', kind: 'BOUTIQUE', store: { handle: 'mk-cn' } });
    expect((await h.refused('stockLocationCreate', { storeId: b.mkCn, handle: 'wh', name: 'x', kind: 'WAREHOUSE' }))[0]).toMatchObject({
      code: 'TAKEN',
      field: ['input', 'handle'],
    });
    await h.ok('stockLocationCreate', { storeId: b.loeweCn, handle: 'shanghai-boutique', name: 'LOEWE Shanghai', kind: 'BOUTIQUE' }, 'stockLocation { id }');
    expect((await h.ok('stockLocationUpdate', { id: stockLocation.id, name: 'Shanghai Plaza 66' }, 'stockLocation { name }')).stockLocation.name).toBe('Shanghai Plaza 66');
    expect((await h.ok('stockLocationArchive', { id: stockLocation.id }, 'stockLocation { archivedAt }')).stockLocation.archivedAt).toBeTruthy();
  });

  test('storeArchive', async () => {
    const { store } = await h.ok('storeCreate', { ...STORE, handle: 'popup-2026', kind: 'POPUP', brandIds: [b.mk] }, 'store { id }');
    expect((await h.ok('storeArchive', { id: store.id }, 'store { archivedAt }')).store.archivedAt).toBeTruthy();
    expect(await h.sql(`select topic from outbox_event where aggregate_id = ? order by id`, [uuidOf(store.id)])).toEqual([
      { topic: 'store.changed' },
      { topic: 'store.changed' },
    ]);
  });
});

import { ProductStatus } from '../../src/catalog/entities/enums.js';
import { CurrencyCode } from '../../src/shared/money.js';
import { CatalogFixtures } from '../support/catalog-fixtures.js';
import { startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;
const cn = { 'x-store': 'mk-tmall', 'accept-language': 'zh-CN,zh;q=0.9,en;q=0.8' };
const q = (query: string, variables?: Record<string, unknown>, headers: Record<string, string> = cn) =>
  server.gql('storefront', query, variables, headers);

beforeAll(async () => {
  server = await startTestServer();
  const f = new CatalogFixtures(server.db.orm.em.fork());
  const mk = f.brand('michael-kors', { en: 'Michael Kors', 'zh-CN': '迈克高仕' });
  const loewe = f.brand('loewe', { en: 'LOEWE', 'es': 'LOEWE' }, 'es');
  const tmall = f.store('mk-tmall', [mk, loewe], { showStockQuantity: true });
  const eu = f.store('mk-milano', [mk], { currency: CurrencyCode.EUR, defaultLocale: 'it', supportedLocales: ['it', 'en'] });
  const bags = f.category('bags', 'Bags');
  const handbags = f.category('handbags', 'Handbags', bags);
  const selma = f.product(mk, 'selma-satchel', { en: 'SELMA Saffiano Leather Satchel', 'zh-CN': '迈克高仕 SELMA 手袋', it: 'Borsa SELMA' }, {
    stores: [{ ...tmall, price: 1_299_900 }, { ...eu, price: 39_500 }],
    colours: ['black', 'red'],
    sizes: ['m'],
    category: handbags,
    tags: ['selma', 'bestseller'],
  });
  const jet = f.product(mk, 'jet-set-tote', { en: 'Jet Set Tote' }, { stores: [{ ...tmall, price: 459_900, stock: 0 }], category: bags, tags: ['tote'] });
  f.product(loewe, 'barcelona-bag', { es: 'Bolso Barcelona', en: 'Barcelona Bag' }, { stores: [{ ...tmall, price: 2_350_000 }], category: handbags });
  f.product(mk, 'draft-bag', { en: 'Draft' }, { stores: [{ ...tmall, price: 100 }], status: ProductStatus.DRAFT });
  f.product(mk, 'unpublished-bag', { en: 'Unpublished' });
  f.collection('selma', 'SELMA', [jet, selma], mk);
  await f.commit();
});
afterAll(() => server.close());

describe('store context', () => {
  test('a missing x-store header is an error naming the header', async () => {
    const res = await q('{ products(first: 1) { nodes { handle } } }', {}, {});
    expect(res.errors?.[0].extensions?.code).toBe('STORE_REQUIRED');
    expect(res.errors?.[0].message).toContain('x-store');
  });

  test('an unknown store is an error naming the handle and header', async () => {
    const res = await q('{ store { handle } }', {}, { 'x-store': 'nope' });
    expect(res.errors?.[0].extensions?.code).toBe('STORE_NOT_FOUND');
    expect(res.errors?.[0].message).toContain('"nope"');
  });

  test('store exposes currency, locales and brands', async () => {
    const res = await q('{ store { handle currency defaultLocale supportedLocales brands { handle name } } }');
    expect(res.data?.store).toEqual({
      handle: 'mk-tmall',
      currency: 'CNY',
      defaultLocale: 'zh-CN',
      supportedLocales: ['zh-CN', 'en'],
      brands: [{ handle: 'loewe', name: 'LOEWE' }, { handle: 'michael-kors', name: '迈克高仕' }],
    });
  });
});

describe('localization', () => {
  const PRODUCT = '{ product(handle: "selma-satchel") { title translationLocale brand { name } options { name values { name } } } }';

  test('serves the requested locale', async () => {
    const res = await q(PRODUCT);
    expect(res.data?.product).toMatchObject({ title: '迈克高仕 SELMA 手袋', translationLocale: 'zh-CN', brand: { name: '迈克高仕' } });
    expect(res.data?.product.options[0].name).toBe('颜色');
  });

  test('falls back to the store default, then the brand default, and says which locale it served', async () => {
    const fr = await q(PRODUCT, {}, { 'x-store': 'mk-milano', 'accept-language': 'fr' });
    expect(fr.data?.product).toMatchObject({ title: 'Borsa SELMA', translationLocale: 'it' });
    const barcelona = await q('{ product(handle: "barcelona-bag") { title translationLocale } }', {}, { 'x-store': 'mk-tmall', 'accept-language': 'de' });
    expect(barcelona.data?.product).toEqual({ title: 'Bolso Barcelona', translationLocale: 'es' });
  });
});

describe('product visibility', () => {
  test.each(['draft-bag', 'unpublished-bag', 'no-such-handle'])('%s is null, not an error', async (handle) => {
    const res = await q('query P($h: String!) { product(handle: $h) { id } }', { h: handle });
    expect(res.errors).toBeUndefined();
    expect(res.data?.product).toBeNull();
  });

  test('a product only published to another store does not exist in this one', async () => {
    const res = await q('{ product(handle: "jet-set-tote") { id } }', {}, { 'x-store': 'mk-milano' });
    expect(res.data?.product).toBeNull();
  });

  test('node(id) returns a visible product and null for an invisible one', async () => {
    const { data } = await q('{ product(handle: "selma-satchel") { id } }');
    const res = await q('query N($id: ID!) { node(id: $id) { __typename ... on Product { handle } } }', { id: data!.product.id });
    expect(res.data?.node).toEqual({ __typename: 'Product', handle: 'selma-satchel' });
    const other = await q('query N($id: ID!) { node(id: $id) { id } }', { id: data!.product.id }, { 'x-store': 'nope-store' });
    expect(other.errors?.[0].extensions?.code).toBe('STORE_NOT_FOUND');
  });
});

describe('variants, prices and stock', () => {
  test('prices are in the store currency as decimals; stock shows only where the store allows', async () => {
    const res = await q('{ product(handle: "selma-satchel") { priceRange { minVariantPrice { amount currencyCode } } variants { sku title price { amount currencyCode } availableForSale quantityAvailable selectedOptions { name value } } } }');
    const product = res.data!.product;
    expect(product.priceRange.minVariantPrice).toEqual({ amount: '13000.00', currencyCode: 'CNY' });
    expect(product.variants[0]).toMatchObject({ sku: 'selma-satchel-black-m', title: 'black / M', availableForSale: true, quantityAvailable: 5 });
    const eu = await q('{ product(handle: "selma-satchel") { variants { price { amount currencyCode } quantityAvailable } } }', {}, { 'x-store': 'mk-milano' });
    expect(eu.data!.product.variants[0]).toEqual({ price: { amount: '396.00', currencyCode: 'EUR' }, quantityAvailable: null });
  });

  test('a product with no stock is not available for sale', async () => {
    const res = await q('{ product(handle: "jet-set-tote") { availableForSale variants { availableForSale } } }');
    expect(res.data!.product).toEqual({ availableForSale: false, variants: [{ availableForSale: false }] });
  });
});

describe('filters and sorting', () => {
  const handles = async (args: string, headers = cn) => {
    const res = await q(`{ products(first: 20, ${args}) { nodes { handle } } }`, {}, headers);
    expect(res.errors).toBeUndefined();
    return res.data!.products.nodes.map((n: { handle: string }) => n.handle);
  };

  test.each([
    ['filter: { brands: ["loewe"] }', ['barcelona-bag']],
    ['filter: { tags: ["tote", "selma"] }, sortKey: TITLE', ['jet-set-tote', 'selma-satchel']],
    ['filter: { category: "bags" }, sortKey: TITLE', ['barcelona-bag', 'jet-set-tote', 'selma-satchel']],
    ['filter: { category: "handbags" }, sortKey: TITLE', ['barcelona-bag', 'selma-satchel']],
    ['filter: { optionValues: [{ option: "colour", value: "red" }] }', ['selma-satchel']],
    ['filter: { price: { min: "5000", max: "20000" } }', ['selma-satchel']],
    ['filter: { availableForSale: false }', ['jet-set-tote']],
    ['filter: { collection: "selma" }', ['jet-set-tote', 'selma-satchel']],
    ['sortKey: PRICE', ['jet-set-tote', 'selma-satchel', 'barcelona-bag']],
    ['sortKey: PRICE, reverse: true', ['barcelona-bag', 'selma-satchel', 'jet-set-tote']],
    ['sortKey: CREATED_AT', ['selma-satchel', 'jet-set-tote', 'barcelona-bag']],
  ])('%s', async (args, expected) => {
    expect(await handles(args)).toEqual(expected);
  });

  test('collection(handle) lists its products in collection order', async () => {
    const res = await q('{ collection(handle: "selma") { title products(first: 10) { nodes { handle } } } }');
    expect(res.data?.collection).toEqual({ title: 'SELMA', products: { nodes: [{ handle: 'jet-set-tote' }, { handle: 'selma-satchel' }] } });
    expect((await q('{ collection(handle: "nope") { title } }')).data?.collection).toBeNull();
  });

  test('categories form a tree', async () => {
    const res = await q('{ categories { handle name children { handle parent { handle } } } }');
    expect(res.data?.categories).toEqual([{ handle: 'bags', name: 'Bags', children: [{ handle: 'handbags', parent: { handle: 'bags' } }] }]);
  });
});

describe('pagination', () => {
  test('pages forward and backward with cursors, without gaps or repeats', async () => {
    const PAGE = 'query P($first: Int, $after: String, $last: Int, $before: String) { products(first: $first, after: $after, last: $last, before: $before, sortKey: PRICE) { nodes { handle } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }';
    const p1 = (await q(PAGE, { first: 2 })).data!.products;
    expect(p1.nodes.map((n: { handle: string }) => n.handle)).toEqual(['jet-set-tote', 'selma-satchel']);
    expect(p1.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const p2 = (await q(PAGE, { first: 2, after: p1.pageInfo.endCursor })).data!.products;
    expect(p2.nodes.map((n: { handle: string }) => n.handle)).toEqual(['barcelona-bag']);
    expect(p2.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    const back = (await q(PAGE, { last: 2, before: p2.pageInfo.startCursor })).data!.products;
    expect(back.nodes.map((n: { handle: string }) => n.handle)).toEqual(['jet-set-tote', 'selma-satchel']);
  });
});

describe('bad input', () => {
  test.each([
    ['products(first: 101) { nodes { id } }', 'PAGE_SIZE_EXCEEDED'],
    ['products(first: 5, filter: { price: { min: "-1" } }) { nodes { id } }', 'NEGATIVE_PRICE'],
    ['products(first: 5, filter: { price: { min: "10.001" } }) { nodes { id } }', 'INVALID_PRICE'],
    ['products(first: 5, filter: { price: { min: "10", max: "5" } }) { nodes { id } }', 'INVALID_PRICE_RANGE'],
    ['products(first: 5, after: "not-a-cursor") { nodes { id } }', 'INVALID_CURSOR'],
    ['products(first: 5, filter: { optionValues: [{ option: "", value: "red" }] }) { nodes { id } }', 'INVALID_FILTER'],
  ])('%s -> %s', async (query, reason) => {
    const res = await q(`{ ${query} }`);
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason });
    expect(res.data).toBeFalsy();
  });

  test('an unknown sort key is refused by validation', async () => {
    const res = await q('{ products(first: 5, sortKey: POPULARITY) { nodes { id } } }');
    expect(res.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});

import { ProductStatus } from '../../src/catalog/entities/enums.js';
import { ProductVariant } from '../../src/catalog/entities/product.entity.js';
import { Store } from '../../src/catalog/entities/store.entity.js';
import { storefrontCatalog } from '../../src/catalog/storefront/storefront-catalog.js';
import { toGlobalId } from '../../src/shared/ids.js';
import { CurrencyCode } from '../../src/shared/money.js';
import { CatalogFixtures } from '../support/catalog-fixtures.js';
import { startTestServer, type TestServer } from '../support/server.js';

/**
 * storefrontCatalog is the read every domain uses for storefront products and variants: the objects
 * it returns resolve every Storefront API field however they were reached, not only through
 * Product.variants of a grid.
 */
let server: TestServer;
const cn = { 'x-store': 'mk-tmall', 'accept-language': 'zh-CN' };
const skuIds = new Map<string, string>();
const variantId = (sku: string) => toGlobalId('ProductVariant', skuIds.get(sku)!);

beforeAll(async () => {
  server = await startTestServer();
  const em = server.db.orm.em.fork();
  const f = new CatalogFixtures(em);
  const mk = f.brand('michael-kors', { en: 'Michael Kors', 'zh-CN': '迈克高仕' });
  const tmall = f.store('mk-tmall', [mk], { showStockQuantity: true });
  const milano = f.store('mk-milano', [mk], { currency: CurrencyCode.EUR, defaultLocale: 'it', supportedLocales: ['it', 'en'] });
  f.product(mk, 'selma-satchel', { en: 'SELMA Satchel', 'zh-CN': 'SELMA 手袋' }, {
    stores: [{ ...tmall, price: 1_299_900, stock: 3 }],
    colours: ['black', 'red'],
  });
  f.product(mk, 'jet-set-tote', { en: 'Jet Set Tote' }, { stores: [{ ...tmall, price: 459_900, stock: 0 }, { ...milano, price: 39_500 }] });
  f.product(mk, 'draft-bag', { en: 'Draft' }, { stores: [{ ...tmall, price: 100 }], status: ProductStatus.DRAFT });
  f.product(mk, 'unpublished-bag', { en: 'Unpublished' });
  await f.commit();
  const variants = await em.find(ProductVariant, {});
  for (const v of variants) skuIds.set(v.sku, v.id);
  await em.nativeUpdate(ProductVariant, { sku: 'selma-satchel-red-one' }, { archivedAt: new Date() });
});
afterAll(() => server.close());

const VARIANT_NODE = `query V($id: ID!) { node(id: $id) { __typename ... on ProductVariant {
  id sku title price { amount currencyCode } compareAtPrice { amount } availableForSale quantityAvailable
  selectedOptions { code name valueCode value } image { url altText }
  product { handle title translationLocale availableForSale priceRange { minVariantPrice { amount currencyCode } } variants { sku } }
} } }`;

test('node(id:) returns a ProductVariant loaded by id whose every field resolves', async () => {
  const res = await server.gql('storefront', VARIANT_NODE, { id: variantId('selma-satchel-black-one') }, cn);
  expect(res.errors).toBeUndefined();
  expect(res.data?.node).toEqual({
    __typename: 'ProductVariant',
    id: variantId('selma-satchel-black-one'),
    sku: 'selma-satchel-black-one',
    title: 'black / ONE',
    // the fixtures price the nth variant at price + n * 100 minor units
    price: { amount: '13000.00', currencyCode: 'CNY' },
    compareAtPrice: null,
    availableForSale: true,
    quantityAvailable: 3,
    selectedOptions: [
      { code: 'colour', name: '颜色', valueCode: 'black', value: 'black' },
      { code: 'size', name: '尺码', valueCode: 'one', value: 'ONE' },
    ],
    image: { url: 'https://img.example/selma-satchel.jpg', altText: 'SELMA Satchel' },
    product: {
      handle: 'selma-satchel',
      title: 'SELMA 手袋',
      translationLocale: 'zh-CN',
      availableForSale: true,
      priceRange: { minVariantPrice: { amount: '13000.00', currencyCode: 'CNY' } },
      variants: [{ sku: 'selma-satchel-black-one' }],
    },
  });
});

test('a variant out of stock is not available for sale; the store decides whether counts show', async () => {
  const tmall = await server.gql('storefront', VARIANT_NODE, { id: variantId('jet-set-tote-black-one') }, cn);
  expect(tmall.data?.node).toMatchObject({ price: { amount: '4600.00' }, availableForSale: false, quantityAvailable: 0, product: { title: 'Jet Set Tote', availableForSale: false } });
  const milano = await server.gql('storefront', VARIANT_NODE, { id: variantId('jet-set-tote-black-one') }, { 'x-store': 'mk-milano' });
  expect(milano.data?.node).toMatchObject({ price: { amount: '396.00', currencyCode: 'EUR' }, availableForSale: true, quantityAvailable: null });
});

test.each([
  ['a draft product', 'draft-bag-black-one', 'mk-tmall'],
  ['an unpublished product', 'unpublished-bag-black-one', 'mk-tmall'],
  ['an archived variant', 'selma-satchel-red-one', 'mk-tmall'],
  ['a product not sold in the store', 'selma-satchel-black-one', 'mk-milano'],
])('node(id:) of a variant of %s is null', async (_, sku, store) => {
  const res = await server.gql('storefront', VARIANT_NODE, { id: variantId(sku) }, { 'x-store': store });
  expect(res.errors).toBeUndefined();
  expect(res.data?.node).toBeNull();
});

test('another domain reads variants by id for a store and locale, batched, nulls where not visible', async () => {
  const em = server.db.orm.em.fork();
  const store = await em.findOneOrFail(Store, { handle: 'mk-tmall' });
  const scope = { em, store, locales: ['en'] };
  const ids = ['jet-set-tote-black-one', 'draft-bag-black-one', 'selma-satchel-black-one', 'selma-satchel-red-one'].map((sku) => skuIds.get(sku)!);
  const { result, queries } = await server.db.queries.measure(() =>
    Promise.all([storefrontCatalog.variantsByIds(scope, ids.slice(0, 2)), storefrontCatalog.variantsByIds(scope, ids.slice(2))]),
  );
  const [first, second] = result;
  expect([...first, ...second].map((v) => v?.sku ?? null)).toEqual(['jet-set-tote-black-one', null, 'selma-satchel-black-one', null]);
  // one statement for the four variants, one for their products (with brand and category)
  expect(queries).toBe(2);
  const selma = second[0]!;
  expect(selma.inStore).toMatchObject({ amount: 1_300_000, compareAtAmount: null, available: 3 });
  expect(selma.inStore.store.handle).toBe('mk-tmall');
  expect(selma.inStore.product).toMatchObject({ handle: 'selma-satchel', inStore: { chain: ['en', 'zh-CN'], minPrice: 1_300_000, available: true } });
  expect(first[0]!.inStore.product.inStore.available).toBe(false);

  const again = await server.db.queries.measure(() => storefrontCatalog.productsByIds(scope, [selma.inStore.product.id, first[0]!.inStore.product.id]));
  expect(again.result.map((p) => p?.handle)).toEqual(['selma-satchel', 'jet-set-tote']);
  expect(again.queries).toBe(0); // the variants' products are cached for the scope
});

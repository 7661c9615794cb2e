import { CurrencyCode } from '../../src/shared/money.js';
import { CatalogFixtures } from '../support/catalog-fixtures.js';
import { startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
  const f = new CatalogFixtures(server.db.orm.em.fork());
  const mk = f.brand('michael-kors', { en: 'Michael Kors', 'zh-CN': '迈克高仕', 'zh-TW': '邁克高仕' });
  const milano = f.store('mk-milano', [mk], { currency: CurrencyCode.EUR, defaultLocale: 'it', supportedLocales: ['it', 'en', 'zh-CN'] });
  f.product(mk, 'selma-satchel', { it: 'Borsa SELMA', en: 'SELMA Satchel', 'zh-CN': 'SELMA 手袋' }, { stores: [{ ...milano, price: 39_500 }] });
  f.product(mk, 'ava-tote', { it: 'Tote AVA', en: 'AVA Tote', 'zh-CN': 'AVA 托特包', 'zh-TW': 'AVA 托特包（繁）' }, { stores: [{ ...milano, price: 29_500 }] });
  await f.commit();
});
afterAll(() => server.close());

const served = async (acceptLanguage: string) => {
  const res = await server.gql(
    'storefront',
    '{ products(first: 10) { nodes { handle title translationLocale brand { name } } } }',
    {},
    { 'x-store': 'mk-milano', 'accept-language': acceptLanguage },
  );
  expect(res.errors).toBeUndefined();
  const nodes = res.data!.products.nodes as { handle: string; title: string; translationLocale: string; brand: { name: string } }[];
  return Object.fromEntries(nodes.map((n) => [n.handle, [n.translationLocale, n.title, n.brand.name]]));
};

test.each(['zh-Hans-CN,zh-Hans;q=0.9', 'zh', 'zh_CN'])('%j on a store with zh-CN serves zh-CN, not the Italian default', async (header) => {
  expect(await served(header)).toEqual({
    'selma-satchel': ['zh-CN', 'SELMA 手袋', '迈克高仕'],
    'ava-tote': ['zh-CN', 'AVA 托特包', '迈克高仕'],
  });
});

test('Traditional Chinese gets the Traditional translation where there is one, and the store default (not Simplified) elsewhere', async () => {
  expect(await served('zh-Hant-HK')).toEqual({
    'selma-satchel': ['it', 'Borsa SELMA', '邁克高仕'],
    'ava-tote': ['zh-TW', 'AVA 托特包（繁）', '邁克高仕'],
  });
});

test('en-GB is served English and an unsupported language the store default', async () => {
  expect((await served('en-GB'))['selma-satchel']).toEqual(['en', 'SELMA Satchel', 'Michael Kors']);
  expect((await served('fr-CH'))['selma-satchel']).toEqual(['it', 'Borsa SELMA', 'Michael Kors']);
});

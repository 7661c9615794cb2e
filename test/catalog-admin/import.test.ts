import { CatalogImportDocument, CategoryCreateDocument, CollectionCreateDocument, ImportedProductsDocument } from '../generated/admin.js';
import { expectForbidden, expectOk } from '../support/payload.js';
import { AdminHarness, seedBasics, uuidOf, type Basics } from './support.js';

let h: AdminHarness;
let b: Basics;
beforeAll(async () => {
  h = await AdminHarness.start();
  b = await seedBasics(h);
  expectOk((await h.data(CategoryCreateDocument, { input: { handle: 'handbags', translations: [{ locale: 'en', name: 'Handbags' }] } })).categoryCreate);
  expectOk((await h.data(CollectionCreateDocument, { input: { handle: 'selma-edit', brandId: b.mk, translations: [{ locale: 'en', title: 'SELMA' }] } })).collectionCreate);
  expectOk((await h.data(CollectionCreateDocument, { input: { handle: 'loewe-edit', brandId: b.loewe, translations: [{ locale: 'en', title: 'LOEWE' }] } })).collectionCreate);
});
afterAll(() => h.close());

function line(handle: string, overrides: Record<string, unknown> = {}) {
  return {
    brand: 'michael-kors',
    handle,
    status: 'ACTIVE',
    category: 'handbags',
    tags: ['bags'],
    translations: { en: { title: `${handle} bag`, descriptionHtml: '<p>Leather.</p>' }, 'zh-cn': { title: `${handle} 手袋` } },
    options: [
      { code: 'colour', names: { en: 'Colour', 'zh-CN': '颜色' }, values: [{ code: 'black', names: { en: 'Black' } }, { code: 'camel', names: { en: 'Camel' } }] },
    ],
    media: [{ url: `https://img.example/${handle}.jpg`, alt: { en: handle } }],
    variants: [
      {
        sku: `${handle}-blk`.toUpperCase(),
        optionValues: { colour: 'black' },
        barcode: '1234',
        weightGrams: 700,
        prices: [{ store: 'mk-cn', amount: '12999.00', compareAtAmount: '15999.00' }],
        inventory: [{ store: 'mk-cn', location: 'wh', onHand: 5 }],
      },
      { sku: `${handle}-cml`.toUpperCase(), optionValues: { colour: 'camel' }, prices: [{ store: 'mk-cn', amount: '11999' }] },
    ],
    publish: ['mk-cn'],
    collections: ['selma-edit'],
    ...overrides,
  };
}

/** Runs an import that is accepted as a whole (per-line problems are in `result.errors`, not userErrors). */
async function importJsonl(jsonl: string, opts: { dryRun?: boolean; headers?: Record<string, string> } = {}) {
  const data = await h.data(CatalogImportDocument, { input: { jsonl, dryRun: opts.dryRun ?? false } }, opts.headers);
  return expectOk(data.catalogImport).result;
}

const jsonl = (...lines: unknown[]) => lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n') + '\n';

test('a bad line in the middle: the good lines are written, the bad one reported by number and field, nothing of it written', async () => {
  const file = jsonl(
    line('selma-a'),
    line('selma-b', { variants: [{ sku: 'SELMA-B-1', optionValues: { colour: 'red' } }] }),
    '',
    line('selma-c', { variants: [{ sku: 'SELMA-C-1', optionValues: { colour: 'black' }, prices: [{ store: 'mk-cn', amount: '1.001' }] }] }),
    '{ not json',
    line('selma-d', { colour: 'extra key' }),
    line('selma-e', { brand: 'loewe', collections: [], publish: ['mall'], variants: [] }),
    line('selma-f'),
  );
  const result = await importJsonl(file);
  expect(result).toMatchObject({ lines: 7, created: 2, updated: 0, failed: 5, dryRun: false });
  expect(result.errors).toEqual([
    { line: 2, code: 'INVALID', field: ['variants', '0', 'optionValues'], message: 'Variant SELMA-B-1: "red" is not a value of option "colour"' },
    { line: 4, code: 'INVALID', field: ['variants', '0', 'prices', '0', 'amount'], message: expect.stringContaining('at most 2 decimals') },
    { line: 5, code: 'INVALID', field: [], message: expect.stringContaining('Not valid JSON') },
    { line: 6, code: 'INVALID', field: [], message: 'Unrecognized key: "colour"' },
    { line: 7, code: 'NOT_FOUND', field: ['publish', '0'], message: 'No such store "mall"' },
  ]);
  const products = await h.sql(`select handle, status from product order by handle`);
  expect(products).toEqual([
    { handle: 'selma-a', status: 'ACTIVE' },
    { handle: 'selma-f', status: 'ACTIVE' },
  ]);
  expect(await h.sql(`select count(*)::int as n from product_variant where sku like 'SELMA-B%' or sku like 'SELMA-C%'`)).toEqual([{ n: 0 }]);

  const data = await h.data(ImportedProductsDocument, {});
  expect(data.products.nodes[0]).toEqual({
    handle: 'selma-a',
    translations: [{ locale: 'en' }, { locale: 'zh-CN' }],
    variants: [
      { sku: 'SELMA-A-BLK', barcode: '1234', weightGrams: 700, prices: [{ price: { amount: '12999.00' }, compareAtPrice: { amount: '15999.00' } }], inventoryLevels: [{ onHand: 5 }] },
      { sku: 'SELMA-A-CML', barcode: null, weightGrams: null, prices: [{ price: { amount: '11999.00' }, compareAtPrice: null }], inventoryLevels: [] },
    ],
    publications: [{ store: { handle: 'mk-cn' }, minPrice: { amount: '11999.00' }, maxPrice: { amount: '12999.00' }, available: true }],
    collections: [{ handle: 'selma-edit' }],
    category: { handle: 'handbags' },
  });
  const audit = await h.sql(`select delta, on_hand_after, reason, actor from inventory_adjustment`);
  expect(audit).toEqual([
    { delta: 5, on_hand_after: 5, reason: 'catalog import', actor: 'staff:0190a3c2-0000-7000-8000-000000000001' },
    { delta: 5, on_hand_after: 5, reason: 'catalog import', actor: 'staff:0190a3c2-0000-7000-8000-000000000001' },
  ]);
});

test('a second run upserts by handle and SKU; a later line of the same file updates an earlier one', async () => {
  const result = await importJsonl(
    jsonl(
      line('selma-a', { translations: { fr: { title: 'SELMA A' } }, variants: [{ sku: 'SELMA-A-BLK', optionValues: { colour: 'black' }, inventory: [{ store: 'mk-cn', location: 'wh', onHand: 2 }] }] }),
      line('selma-g'),
      line('selma-g', { status: 'DRAFT', tags: ['new'] }),
    ),
  );
  expect(result).toMatchObject({ created: 1, updated: 2, failed: 0 });
  const product = (await h.sql(`select translations, status, tags from product where handle = 'selma-a'`))[0];
  expect(Object.keys(product.translations)).toEqual(['en', 'fr', 'zh-CN']); // merged per locale
  expect((await h.sql(`select status, tags from product where handle = 'selma-g'`))[0]).toEqual({ status: 'DRAFT', tags: ['new'] });
  expect(await h.sql(`select count(*)::int as n from product_variant v join product p on p.id = v.product_id where p.handle = 'selma-a'`)).toEqual([{ n: 2 }]);
  expect(await h.sql(`select delta, on_hand_after from inventory_adjustment where on_hand_after <> 5`)).toEqual([{ delta: -3, on_hand_after: 2 }]);
  expect(await h.sql(`select position from collection_product order by position`)).toEqual([{ position: 0 }, { position: 1 }, { position: 2 }]);
});

test('database checks: a SKU of another product, another brand on the same handle, stock below reserved', async () => {
  await h.sql(`update inventory_level set reserved = 2`);
  const before = await h.snapshot();
  const result = await importJsonl(
    jsonl(
      line('selma-h', { variants: [{ sku: 'SELMA-A-CML', optionValues: { colour: 'camel' } }] }),
      line('selma-a', { brand: 'loewe', publish: [], collections: [], variants: [] }),
      line('selma-a', { variants: [{ sku: 'SELMA-A-BLK', optionValues: { colour: 'black' }, inventory: [{ store: 'mk-cn', location: 'wh', onHand: 1 }] }] }),
      line('selma-i', { translations: { fr: { title: 'sans anglais' } } }),
    ),
  );
  expect(result.errors).toEqual([
    { line: 1, code: 'TAKEN', field: ['variants', '0', 'sku'], message: 'SKU SELMA-A-CML belongs to another product' },
    { line: 2, code: 'INVALID', field: ['brand'], message: 'Product selma-a belongs to another brand' },
    { line: 3, code: 'BELOW_RESERVED', field: ['variants', '0', 'inventory', '0', 'onHand'], message: 'On hand 1 is below the 2 units reserved' },
    { line: 4, code: 'INVALID', field: ['translations'], message: "A title in the brand's default locale (en) is required" },
  ]);
  expect(await h.snapshot()).toBe(before);
});

test('a brand admin imports only its own brands; a dry run writes nothing', async () => {
  const before = await h.snapshot();
  const admin = await h.brandAdmin(uuidOf(b.loewe));
  const result = await importJsonl(
    jsonl(line('puzzle', { brand: 'loewe', publish: ['loewe-cn'], collections: ['loewe-edit'], variants: [] }), line('selma-z')),
    { dryRun: true, headers: admin },
  );
  expect(result).toMatchObject({ created: 1, failed: 1, dryRun: true });
  expect(result.errors).toEqual([{ line: 2, code: 'FORBIDDEN', field: ['brand'], message: 'You do not manage brand michael-kors' }]);
  expect(await h.snapshot()).toBe(before);
  expectForbidden(await h.gql(CatalogImportDocument, { input: { jsonl: '' } }, await h.token('CONCIERGE' as never, [uuidOf(b.loewe)])));
});

test('an unexpected database error in a batch: its lines are retried one by one and only the bad one fails', async () => {
  await h.sql(`create function refuse_boom() returns trigger language plpgsql as $$
    begin if new.handle = 'boom' then raise exception 'boom is not allowed here'; end if; return new; end $$`);
  await h.sql(`create trigger refuse_boom before insert on product for each row execute function refuse_boom()`);
  const result = await importJsonl(jsonl(line('fine-1', { variants: [] }), line('boom', { variants: [] }), line('fine-2', { variants: [] })));
  expect(result).toMatchObject({ created: 2, failed: 1 });
  expect(result.errors).toEqual([{ line: 2, code: 'INVALID', field: [], message: expect.stringContaining('boom is not allowed here') }]);
  expect(await h.sql(`select handle from product where handle in ('fine-1', 'fine-2', 'boom') order by handle`)).toEqual([{ handle: 'fine-1' }, { handle: 'fine-2' }]);
});

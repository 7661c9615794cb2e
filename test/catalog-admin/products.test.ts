import {
  ProductArchiveDocument,
  ProductCreateDetailDocument,
  ProductCreateDocument,
  ProductPublishDocument,
  ProductUpdateDocument,
  ProductVariantArchiveDocument,
  ProductVariantsCreateDocument,
  ProductVariantsDocument,
  ProductVariantsUpdateDocument,
  type ProductCreateInput,
  type ProductUpdateInput,
  type ProductVariantsCreateInput,
  type ProductVariantsUpdateInput,
} from '../generated/admin.js';
import { expectForbidden, expectOk, expectUserError } from '../support/payload.js';
import { AdminHarness, seedBasics, selmaInput, uuidOf, type Basics, type Headers } from './support.js';

let h: AdminHarness;
let b: Basics;
beforeAll(async () => {
  h = await AdminHarness.start();
  b = await seedBasics(h);
});
afterAll(() => h.close());

const create = async (input: ProductCreateInput, headers?: Headers) => (await h.data(ProductCreateDocument, { input }, headers)).productCreate;
const update = async (input: ProductUpdateInput) => (await h.data(ProductUpdateDocument, { input })).productUpdate;
const archive = async (id: string, headers?: Headers) => (await h.data(ProductArchiveDocument, { input: { id } }, headers)).productArchive;
const variantsCreate = async (input: ProductVariantsCreateInput) => (await h.data(ProductVariantsCreateDocument, { input })).productVariantsCreate;
const variantsUpdate = async (input: ProductVariantsUpdateInput) => (await h.data(ProductVariantsUpdateDocument, { input })).productVariantsUpdate;

describe('productCreate', () => {
  test('creates the product, its options, media and variants in every locale', async () => {
    const { product } = expectOk((await h.data(ProductCreateDetailDocument, { input: selmaInput(b.mk) })).productCreate);
    expect(product).toMatchObject({ handle: 'selma-mini', status: 'ACTIVE', tags: ['bags'], title: 'SELMA Mini Satchel', brand: { handle: 'michael-kors' } });
    expect(product.translations).toEqual([
      { locale: 'en', title: 'SELMA Mini Satchel', descriptionHtml: '<p>Saffiano leather.</p>' },
      { locale: 'zh-CN', title: 'SELMA 迷你手提包', descriptionHtml: null },
    ]);
    expect(product.optionDefinitions[0]).toEqual({
      code: 'colour',
      names: [{ locale: 'en', value: 'Colour' }, { locale: 'zh-CN', value: '颜色' }],
      values: [
        { code: 'black', names: [{ locale: 'en', value: 'Black' }, { locale: 'zh-CN', value: '黑色' }] },
        { code: 'camel', names: [{ locale: 'en', value: 'Camel' }] },
      ],
    });
    expect(product.media).toEqual([{ url: 'https://img.example/selma.jpg', altTranslations: [{ locale: 'en', value: 'SELMA in black' }] }]);
    expect(product.variants).toEqual([
      { sku: 'MK-SELMA-BLK', barcode: '400000000001', weightGrams: 800, position: 0, optionValues: [{ option: 'colour', value: 'black' }, { option: 'size', value: 'mini' }] },
      { sku: 'MK-SELMA-CML', barcode: null, weightGrams: null, position: 1, optionValues: [{ option: 'colour', value: 'camel' }, { option: 'size', value: 'mini' }] },
    ]);
    const events = await h.sql(`select topic from outbox_event where aggregate_id = ?`, [uuidOf(product.id)]);
    expect(events.map((e) => e.topic)).toContain('product.changed');
  });

  test.each([
    ['a handle that is not a slug', { handle: 'Selma Bag' }, 'INVALID', ['input', 'handle']],
    ['an invalid locale', { translations: [{ locale: 'not a locale!', title: 'x' }] }, 'INVALID', ['input', 'translations', '0', 'locale']],
    ['no title in the brand default locale', { translations: [{ locale: 'zh-CN', title: '只有中文' }] }, 'INVALID', ['input', 'translations']],
    ['a locale twice', { translations: [{ locale: 'en', title: 'a' }, { locale: 'EN', title: 'b' }] }, 'INVALID', ['input', 'translations', '1', 'locale']],
    ['an option given twice', { options: [selmaInput('').options[0], selmaInput('').options[0]] }, 'INVALID', ['input', 'options', '1', 'code']],
    [
      'a variant missing an option',
      { variants: [{ sku: 'X-1', optionValues: [{ option: 'colour', value: 'black' }] }] },
      'INVALID',
      ['input', 'variants', '0', 'optionValues'],
    ],
    [
      'an unknown value code',
      { variants: [{ sku: 'X-1', optionValues: [{ option: 'colour', value: 'pink' }, { option: 'size', value: 'mini' }] }] },
      'INVALID',
      ['input', 'variants', '0', 'optionValues'],
    ],
    [
      'an option named twice',
      { variants: [{ sku: 'X-1', optionValues: [{ option: 'colour', value: 'black' }, { option: 'colour', value: 'camel' }] }] },
      'INVALID',
      ['input', 'variants', '0', 'optionValues', '1', 'option'],
    ],
    [
      'two variants with the same combination',
      {
        variants: [
          { sku: 'X-1', optionValues: [{ option: 'colour', value: 'black' }, { option: 'size', value: 'mini' }] },
          { sku: 'X-2', optionValues: [{ option: 'size', value: 'mini' }, { option: 'colour', value: 'black' }] },
        ],
      },
      'DUPLICATE_VARIANT',
      ['input', 'variants', '1', 'optionValues'],
    ],
    [
      'a SKU twice in the input',
      {
        variants: [
          { sku: 'X-1', optionValues: [{ option: 'colour', value: 'black' }, { option: 'size', value: 'mini' }] },
          { sku: 'X-1', optionValues: [{ option: 'colour', value: 'camel' }, { option: 'size', value: 'mini' }] },
        ],
      },
      'INVALID',
      ['input', 'variants', '1', 'sku'],
    ],
    ['a handle already used', { handle: 'selma-mini' }, 'TAKEN', ['input', 'handle']],
    [
      'a SKU already used',
      { handle: 'selma-other', variants: [{ sku: 'MK-SELMA-BLK', optionValues: [{ option: 'colour', value: 'black' }, { option: 'size', value: 'mini' }] }] },
      'TAKEN',
      ['input', 'variants', '0', 'sku'],
    ],
  ] as [string, Partial<ProductCreateInput>, string, string[]][])('refuses %s and writes nothing', async (_what, override, code, field) => {
    const before = await h.snapshot();
    expectUserError(await create({ ...selmaInput(b.mk, 'selma-refused', 'REF'), ...override }), code, field);
    expect(await h.snapshot()).toBe(before);
  });

  test('concurrent creates of one handle: one wins, the others get TAKEN (not an internal error)', async () => {
    const headers = await h.platform();
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) => h.gql(ProductCreateDocument, { input: selmaInput(b.mk, 'selma-race', `RACE-${i}`) }, headers)),
    );
    expect(results.every((r) => !r.errors)).toBe(true);
    const codes = results.map((r) => r.data?.productCreate.userErrors[0]?.code ?? 'OK');
    expect(codes.filter((c) => c === 'OK')).toHaveLength(1);
    expect(codes.filter((c) => c === 'TAKEN')).toHaveLength(5);
    expect(await h.sql(`select count(*)::int as n from product_variant where sku like 'RACE-%'`)).toEqual([{ n: 2 }]);
  });

  test("a brand admin cannot create a product for another brand: FORBIDDEN, nothing written", async () => {
    const before = await h.snapshot();
    expectForbidden(await h.gql(ProductCreateDocument, { input: selmaInput(b.loewe, 'puzzle-not-mine', 'NOPE') }, await h.brandAdmin(uuidOf(b.mk))));
    expect(await h.snapshot()).toBe(before);
  });

  test('a catalog:write API key scoped to the brand can create, one scoped to another cannot', async () => {
    const mkKey = await h.apiKey(['CATALOG_WRITE'], [b.mk]);
    const readKey = await h.apiKey(['CATALOG_READ'], [b.mk]);
    expectOk(await create(selmaInput(b.mk, 'selma-by-key', 'KEY'), mkKey));
    expectForbidden(await h.gql(ProductCreateDocument, { input: selmaInput(b.loewe, 'puzzle-by-key', 'KEY2') }, mkKey));
    expectForbidden(await h.gql(ProductCreateDocument, { input: selmaInput(b.mk, 'selma-read-key', 'KEY3') }, readKey));
  });
});

describe('productUpdate and productArchive', () => {
  let id: string;
  beforeAll(async () => {
    id = expectOk(await create(selmaInput(b.mk, 'selma-medium', 'MK-MED'))).product.id;
  });

  test('changes fields, merges translations per locale and replaces options and media', async () => {
    const { product } = expectOk(
      await update({
        id,
        handle: 'selma-medium-satchel',
        tags: ['bags', 'selma', 'bags'],
        translations: [{ locale: 'zh-CN', title: 'SELMA 中号' }, { locale: 'fr', title: 'SELMA moyen' }],
        options: [
          { ...selmaInput('').options[0], values: [...selmaInput('').options[0].values, { code: 'red', names: [{ locale: 'en', value: 'Red' }] }] },
          selmaInput('').options[1],
        ],
        media: [{ url: 'https://img.example/selma.jpg', alt: [] }, { url: 'https://img.example/selma-2.jpg' }],
      }),
    );
    expect(product.handle).toBe('selma-medium-satchel');
    expect(product.tags).toEqual(['bags', 'selma']);
    expect(product.translations.map((t) => [t.locale, t.title])).toEqual([
      ['en', 'SELMA Mini Satchel'],
      ['zh-CN', 'SELMA 中号'],
      ['fr', 'SELMA moyen'],
    ]);
    expect(product.optionDefinitions[0].values.map((v) => v.code)).toEqual(['black', 'camel', 'red']);
    expect(product.media.map((m) => m.url)).toEqual(['https://img.example/selma.jpg', 'https://img.example/selma-2.jpg']);
  });

  test('refuses options that a live variant no longer matches, and a taken handle', async () => {
    const before = await h.snapshot();
    const dropped = [{ ...selmaInput('').options[0], values: [selmaInput('').options[0].values[0]] }, selmaInput('').options[1]];
    expectUserError(await update({ id, options: dropped }), 'INVALID', ['input', 'options']);
    expectUserError(await update({ id, handle: 'selma-mini' }), 'TAKEN', ['input', 'handle']);
    expectUserError(await update({ id, translations: [{ locale: 'en', title: '' }] }), 'INVALID');
    expect(await h.snapshot()).toBe(before);
  });

  test('an unknown product is NOT_FOUND; another brand admin gets FORBIDDEN and nothing changes', async () => {
    const missing = Buffer.from('Product:0190a3c2-0000-7000-8000-00000000dead').toString('base64');
    expectUserError(await update({ id: missing, tags: [] }), 'NOT_FOUND', ['input', 'id']);
    const before = await h.snapshot();
    const loeweAdmin = await h.brandAdmin(uuidOf(b.loewe));
    expectForbidden(await h.gql(ProductUpdateDocument, { input: { id, tags: ['hijacked'] } }, loeweAdmin));
    expectForbidden(await h.gql(ProductArchiveDocument, { input: { id } }, loeweAdmin));
    expectForbidden(await h.gql(ProductPublishDocument, { input: { id, storeIds: [b.mall] } }, loeweAdmin));
    expect(await h.snapshot()).toBe(before);
  });

  test('a malformed ID is a BAD_USER_INPUT error naming the field', async () => {
    const res = await h.gql(ProductUpdateDocument, { input: { id: 'nope' } });
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: ['input', 'id'] });
  });

  test('productArchive sets ARCHIVED', async () => {
    const { product } = expectOk(await archive(id, await h.brandAdmin(uuidOf(b.mk))));
    expect(product.status).toBe('ARCHIVED');
  });

  test('status changes follow the product lifecycle: archived comes back as a DRAFT, never straight to ACTIVE; each move is audited', async () => {
    const before = await h.snapshot();
    const error = expectUserError(await update({ id, status: 'ACTIVE', tags: ['revived'] }), 'INVALID_TRANSITION', ['input', 'status']);
    expect(error.message).toBe('A product that is ARCHIVED cannot become ACTIVE (allowed: restore)');
    expect(await h.snapshot()).toBe(before);

    expect(expectOk(await archive(id)).product.status).toBe('ARCHIVED');
    expect(expectOk(await update({ id, status: 'DRAFT' })).product.status).toBe('DRAFT');
    expect(expectOk(await update({ id, status: 'ACTIVE' })).product.status).toBe('ACTIVE');
    const moves = await h.sql(`select event, from_state, to_state, actor from state_transition where entity_id = ? order by id`, [uuidOf(id)]);
    expect(moves.map((m) => [m.event, m.from_state, m.to_state])).toEqual([
      ['archive', 'ACTIVE', 'ARCHIVED'],
      ['restore', 'ARCHIVED', 'DRAFT'],
      ['activate', 'DRAFT', 'ACTIVE'],
    ]);
    expect(moves[1].actor).toMatch(/^staff:/);
    const topics = await h.sql(`select topic from outbox_event where aggregate_id = ? and topic <> 'product.changed' order by id`, [uuidOf(id)]);
    expect(topics.map((t) => t.topic)).toEqual(['product.archive', 'product.restore', 'product.activate']);
  });
});

describe('variants', () => {
  let productId: string;
  let variants: { id: string; sku: string }[];
  beforeAll(async () => {
    const { product } = expectOk(await create(selmaInput(b.mk, 'selma-large', 'MK-LRG')));
    productId = product.id;
    variants = product.variants;
    expectOk(
      await update({ id: productId, options: [selmaInput('').options[0], { ...selmaInput('').options[1], values: [{ code: 'mini', names: [] }, { code: 'large', names: [] }] }] }),
    );
  });

  test('productVariantsCreate adds variants after the others; duplicates of existing combinations are refused', async () => {
    const { productVariants } = expectOk(
      await variantsCreate({ productId, variants: [{ sku: 'MK-LRG-BLK-L', optionValues: [{ option: 'colour', value: 'black' }, { option: 'size', value: 'large' }] }] }),
    );
    expect(productVariants).toEqual([{ id: expect.any(String), sku: 'MK-LRG-BLK-L', position: 2 }]);
    const before = await h.snapshot();
    const refused = await variantsCreate({
      productId,
      variants: [{ sku: 'MK-LRG-DUP', optionValues: [{ option: 'colour', value: 'black' }, { option: 'size', value: 'mini' }] }],
    });
    expectUserError(refused, 'DUPLICATE_VARIANT', ['input', 'variants', '0', 'optionValues']);
    expect(await h.snapshot()).toBe(before);
  });

  test('productVariantsUpdate changes SKU and option values; swapping two combinations in one request is allowed', async () => {
    const [blk, cml] = variants;
    const { productVariants } = expectOk(
      await variantsUpdate({
        productId,
        variants: [
          { id: blk.id, sku: 'MK-LRG-BLACK', optionValues: [{ option: 'colour', value: 'camel' }, { option: 'size', value: 'mini' }] },
          { id: cml.id, optionValues: [{ option: 'colour', value: 'black' }, { option: 'size', value: 'mini' }], barcode: '123' },
        ],
      }),
    );
    expect(productVariants).toEqual([
      { id: blk.id, sku: 'MK-LRG-BLACK', barcode: '400000000001', optionValues: [{ value: 'camel' }, { value: 'mini' }] },
      { id: cml.id, sku: 'MK-LRG-CML', barcode: '123', optionValues: [{ value: 'black' }, { value: 'mini' }] },
    ]);
    const before = await h.snapshot();
    expectUserError(await variantsUpdate({ productId, variants: [{ id: blk.id, sku: 'MK-SELMA-BLK' }] }), 'TAKEN', ['input', 'variants', '0', 'sku']);
    expectUserError(
      await variantsUpdate({ productId, variants: [{ id: blk.id, optionValues: [{ option: 'colour', value: 'black' }, { option: 'size', value: 'mini' }] }] }),
      'DUPLICATE_VARIANT',
    );
    expect(await h.snapshot()).toBe(before);
  });

  test('productVariantArchive hides the variant and frees its combination', async () => {
    const [blk] = variants;
    expect(expectOk((await h.data(ProductVariantArchiveDocument, { input: { id: blk.id } })).productVariantArchive).productVariant.archivedAt).toEqual(expect.any(String));
    const { product } = await h.data(ProductVariantsDocument, { id: productId });
    expect(product?.variants.map((v) => v.sku)).toEqual(['MK-LRG-CML', 'MK-LRG-BLK-L']);
    expect(product?.all).toHaveLength(3);
    expectOk(await variantsCreate({ productId, variants: [{ sku: 'MK-LRG-CML-2', optionValues: [{ option: 'colour', value: 'camel' }, { option: 'size', value: 'mini' }] }] }));
  });
});

import { AdminHarness, PRODUCT_FIELDS, seedBasics, selmaInput, uuidOf, type Basics } from './support.js';

let h: AdminHarness;
let b: Basics;
beforeAll(async () => {
  h = await AdminHarness.start();
  b = await seedBasics(h);
});
afterAll(() => h.close());

const category = async (handle: string, name: string, parentId?: string) =>
  (await h.ok('categoryCreate', { handle, parentId, translations: [{ locale: 'en', name }] }, 'category { id path }')).category as { id: string; path: string };
const paths = async () => (await h.sql<{ handle: string; path: string }>(`select handle, path from category order by path`)).map((c) => `${c.handle}=${c.path}`);

describe('categories', () => {
  let bags: { id: string }, handbags: { id: string }, totes: { id: string }, accessories: { id: string };
  beforeAll(async () => {
    bags = await category('bags', 'Bags');
    handbags = await category('handbags', 'Handbags', bags.id);
    totes = await category('totes', 'Totes', handbags.id);
    accessories = await category('accessories', 'Accessories');
  });

  test('creates a tree with materialized paths', async () => {
    expect(await paths()).toEqual(['accessories=accessories', 'bags=bags', 'handbags=bags/handbags', 'totes=bags/handbags/totes']);
    const data = await h.query(`{ categories { handle name path parent { handle } translations { locale name } } }`);
    expect(data.categories[2]).toEqual({ handle: 'handbags', name: 'Handbags', path: 'bags/handbags', parent: { handle: 'bags' }, translations: [{ locale: 'en', name: 'Handbags' }] });
  });

  test('moving a category moves its subtree; renaming the handle rewrites the paths below', async () => {
    await h.ok('categoryUpdate', { id: handbags.id, parentId: accessories.id }, 'category { path }');
    expect(await paths()).toEqual(['accessories=accessories', 'handbags=accessories/handbags', 'totes=accessories/handbags/totes', 'bags=bags']);
    await h.ok('categoryUpdate', { id: accessories.id, handle: 'leather-goods' }, 'category { path }');
    expect(await paths()).toContain('totes=leather-goods/handbags/totes');
    await h.ok('categoryUpdate', { id: handbags.id, parentId: null }, 'category { path }');
    expect(await paths()).toEqual(['bags=bags', 'handbags=handbags', 'totes=handbags/totes', 'leather-goods=leather-goods']);
  });

  test('refuses a move under itself or a descendant, a taken handle; nothing written', async () => {
    const before = await h.snapshot();
    expect((await h.refused('categoryUpdate', { id: handbags.id, parentId: totes.id }))[0]).toMatchObject({ code: 'INVALID', field: ['input', 'parentId'] });
    expect((await h.refused('categoryUpdate', { id: handbags.id, parentId: handbags.id }))[0].code).toBe('INVALID');
    expect((await h.refused('categoryUpdate', { id: totes.id, handle: 'bags' }))[0]).toMatchObject({ code: 'TAKEN', field: ['input', 'handle'] });
    expect((await h.refused('categoryCreate', { handle: 'bags', translations: [{ locale: 'en', name: 'x' }] }))[0].code).toBe('TAKEN');
    expect(await h.snapshot()).toBe(before);
  });

  test('the category tree is platform-wide: brand admins get FORBIDDEN', async () => {
    const before = await h.snapshot();
    const admin = await h.brandAdmin(uuidOf(b.mk));
    await h.forbidden('categoryCreate', { handle: 'shoes', translations: [{ locale: 'en', name: 'Shoes' }] }, admin);
    await h.forbidden('categoryUpdate', { id: bags.id, position: 3 }, admin);
    await h.forbidden('categoryDelete', { id: bags.id }, admin);
    expect(await h.snapshot()).toBe(before);
  });

  test('categoryDelete refuses a category with children or products, then deletes', async () => {
    const { product } = await h.ok('productCreate', { ...selmaInput(b.mk), categoryId: totes.id }, 'product { id }');
    const before = await h.snapshot();
    expect((await h.refused('categoryDelete', { id: handbags.id }))[0]).toMatchObject({ code: 'IN_USE', field: ['input', 'id'] });
    expect((await h.refused('categoryDelete', { id: totes.id }))[0]).toMatchObject({ code: 'IN_USE', field: ['input', 'id'] });
    expect(await h.snapshot()).toBe(before);
    await h.ok('productUpdate', { id: product.id, categoryId: null }, 'product { id }');
    expect((await h.ok('categoryDelete', { id: totes.id }, 'deletedCategoryId')).deletedCategoryId).toBe(totes.id);
    expect(await paths()).not.toContain('totes=handbags/totes');
  });
});

describe('collections', () => {
  let products: string[];
  let loeweProduct: string;
  beforeAll(async () => {
    products = [];
    for (const handle of ['col-a', 'col-b', 'col-c']) {
      products.push((await h.ok('productCreate', selmaInput(b.mk, handle, handle.toUpperCase()), PRODUCT_FIELDS)).product.id);
    }
    loeweProduct = (await h.ok('productCreate', { ...selmaInput(b.loewe, 'puzzle', 'LW-PZ'), translations: [{ locale: 'en', title: 'Puzzle' }] }, 'product { id }')).product.id;
  });

  test('a brand collection: create, set ordered products, reorder, update, archive', async () => {
    const admin = await h.brandAdmin(uuidOf(b.mk));
    const { collection } = await h.ok(
      'collectionCreate',
      { handle: 'selma-edit', brandId: b.mk, translations: [{ locale: 'en', title: 'The SELMA edit' }, { locale: 'zh-CN', title: 'SELMA 精选' }] },
      'collection { id handle title brand { handle } translations { locale title } }',
      admin,
    );
    expect(collection).toMatchObject({ handle: 'selma-edit', title: 'The SELMA edit', brand: { handle: 'michael-kors' } });
    const set = async (ids: string[]) =>
      (await h.ok('collectionProductsSet', { id: collection.id, productIds: ids }, 'collection { products { handle } }', admin)).collection.products.map(
        (p: { handle: string }) => p.handle,
      );
    expect(await set([products[2], products[0], products[1]])).toEqual(['col-c', 'col-a', 'col-b']);
    expect(await h.sql(`select position from collection_product where collection_id = ? order by position`, [uuidOf(collection.id)])).toEqual([
      { position: 0 },
      { position: 1 },
      { position: 2 },
    ]);
    expect(await set([products[1], products[2]])).toEqual(['col-b', 'col-c']);
    const { product } = await h.ok('productUpdate', { id: products[1] }, 'product { collections { handle } }');
    expect(product.collections).toEqual([{ handle: 'selma-edit' }]);

    const before = await h.snapshot();
    expect((await h.refused('collectionProductsSet', { id: collection.id, productIds: [products[0], loeweProduct] }))[0]).toMatchObject({
      code: 'INVALID',
      field: ['input', 'productIds', '1'],
    });
    expect((await h.refused('collectionProductsSet', { id: collection.id, productIds: [products[0], products[0]] }))[0].code).toBe('INVALID');
    await h.forbidden('collectionProductsSet', { id: collection.id, productIds: [] }, await h.brandAdmin(uuidOf(b.loewe)));
    await h.forbidden('collectionCreate', { handle: 'loewe-edit', brandId: b.loewe, translations: [{ locale: 'en', title: 'x' }] }, admin);
    await h.forbidden('collectionCreate', { handle: 'platform-edit', translations: [{ locale: 'en', title: 'x' }] }, admin);
    expect((await h.refused('collectionCreate', { handle: 'selma-edit', brandId: b.mk, translations: [{ locale: 'en', title: 'x' }] }))[0].code).toBe('TAKEN');
    expect(await h.snapshot()).toBe(before);

    const updated = await h.ok('collectionUpdate', { id: collection.id, handle: 'selma', translations: [{ locale: 'fr', title: 'La sélection SELMA' }] }, 'collection { handle translations { locale } }', admin);
    expect(updated.collection).toEqual({ handle: 'selma', translations: [{ locale: 'en' }, { locale: 'zh-CN' }, { locale: 'fr' }] });
    expect((await h.ok('collectionArchive', { id: collection.id }, 'collection { archivedAt }', admin)).collection.archivedAt).toBeTruthy();
  });

  test('a platform-curated collection holds several brands', async () => {
    const { collection } = await h.ok('collectionCreate', { handle: 'design-week', translations: [{ locale: 'en', title: 'Design Week' }] }, 'collection { id brand { id } }');
    expect(collection.brand).toBeNull();
    const { collection: set } = await h.ok('collectionProductsSet', { id: collection.id, productIds: [loeweProduct, products[0]] }, 'collection { products { handle } }');
    expect(set.products.map((p: { handle: string }) => p.handle)).toEqual(['puzzle', 'col-a']);
  });
});

describe('translationsRegister / translationsRemove', () => {
  let productId: string;
  beforeAll(async () => {
    productId = (await h.ok('productCreate', selmaInput(b.mk, 'selma-tr', 'TR'), 'product { id }')).product.id;
  });

  test('registers product fields, option names and values, media alt text in a locale', async () => {
    const { product } = await h.query(`query($id: ID!) { product(id: $id) { media { id } } }`, { id: productId });
    const mediaId = product.media[0].id;
    const { translations } = await h.ok(
      'translationsRegister',
      {
        resourceId: productId,
        locale: 'it',
        translations: [
          { key: 'title', value: 'SELMA mini' },
          { key: 'option.colour', value: 'Colore' },
          { key: 'option.colour.black', value: 'Nero' },
          { key: `media.${mediaId}.alt`, value: 'SELMA nera' },
        ],
      },
      'translations { key locale value }',
    );
    expect(translations).toEqual([
      { key: 'title', locale: 'it', value: 'SELMA mini' },
      { key: 'option.colour', locale: 'it', value: 'Colore' },
      { key: 'option.colour.black', locale: 'it', value: 'Nero' },
      { key: `media.${mediaId}.alt`, locale: 'it', value: 'SELMA nera' },
    ]);
    const data = await h.query(`query($id: ID!) { product(id: $id) { title options { name values { name } } } }`, { id: productId }, {
      ...(await h.platform()),
      'accept-language': 'it',
    });
    expect(data.product).toMatchObject({ title: 'SELMA mini', options: [{ name: 'Colore', values: [{ name: 'Nero' }, { name: 'Camel' }] }, { name: 'Size' }] });
  });

  test('refuses unknown keys and removing the default-locale title; nothing written', async () => {
    const before = await h.snapshot();
    expect((await h.refused('translationsRegister', { resourceId: productId, locale: 'it', translations: [{ key: 'subtitle', value: 'x' }] }))[0]).toMatchObject({
      code: 'INVALID',
      field: ['input', 'translations', '0', 'key'],
    });
    expect((await h.refused('translationsRegister', { resourceId: productId, locale: 'fr', translations: [{ key: 'option.material', value: 'x' }] }))[0].code).toBe('INVALID');
    expect((await h.refused('translationsRemove', { resourceId: productId, locales: ['en'], keys: ['title'] }))[0].code).toBe('INVALID');
    await h.forbidden('translationsRegister', { resourceId: productId, locale: 'it', translations: [{ key: 'title', value: 'x' }] }, await h.brandAdmin(uuidOf(b.loewe)));
    expect(await h.snapshot()).toBe(before);
  });

  test('removes a locale; brand and category translations too', async () => {
    const { translations } = await h.ok('translationsRemove', { resourceId: productId, locales: ['it'] }, 'translations { key }');
    expect(translations).toEqual([]);
    await h.ok('translationsRegister', { resourceId: b.mk, locale: 'ja', translations: [{ key: 'name', value: 'マイケル・コース' }] }, 'translations { key }');
    const { category } = await h.ok('categoryCreate', { handle: 'scarves', translations: [{ locale: 'en', name: 'Scarves' }] }, 'category { id }');
    await h.ok('translationsRegister', { resourceId: category.id, locale: 'zh-CN', translations: [{ key: 'name', value: '围巾' }] }, 'translations { key }');
    const data = await h.query(`{ categories { handle translations { locale name } } }`);
    expect(data.categories.find((c: { handle: string }) => c.handle === 'scarves').translations).toEqual([
      { locale: 'en', name: 'Scarves' },
      { locale: 'zh-CN', name: '围巾' },
    ]);
    const events = await h.sql(`select topic from outbox_event where aggregate_id = ? order by id desc limit 1`, [uuidOf(b.mk)]);
    expect(events).toEqual([{ topic: 'brand.changed' }]);
  });
});

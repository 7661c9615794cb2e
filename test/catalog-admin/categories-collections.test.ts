import {
  CategoriesDocument,
  CategoryCreateDocument,
  CategoryDeleteDocument,
  CategoryUpdateDocument,
  CollectionArchiveDocument,
  CollectionCreateDocument,
  CollectionProductsSetDocument,
  CollectionUpdateDocument,
  ProductCreateDocument,
  ProductLocalizedDocument,
  ProductMediaDocument,
  ProductUpdateDocument,
  TranslationsRegisterDocument,
  TranslationsRemoveDocument,
  type CategoryCreateInput,
  type CategoryUpdateInput,
  type CollectionCreateInput,
  type ProductCreateInput,
  type TranslationsRegisterInput,
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

const categoryCreate = async (input: CategoryCreateInput) => (await h.data(CategoryCreateDocument, { input })).categoryCreate;
const categoryUpdate = async (input: CategoryUpdateInput) => (await h.data(CategoryUpdateDocument, { input })).categoryUpdate;
const categoryDelete = async (id: string) => (await h.data(CategoryDeleteDocument, { input: { id } })).categoryDelete;
const category = async (handle: string, name: string, parentId?: string) =>
  expectOk(await categoryCreate({ handle, parentId, translations: [{ locale: 'en', name }] })).category;
const productCreate = async (input: ProductCreateInput) => expectOk((await h.data(ProductCreateDocument, { input })).productCreate).product;
const collectionCreate = async (input: CollectionCreateInput, headers?: Headers) => (await h.data(CollectionCreateDocument, { input }, headers)).collectionCreate;
const productsSet = async (id: string, productIds: string[], headers?: Headers) =>
  (await h.data(CollectionProductsSetDocument, { input: { id, productIds } }, headers)).collectionProductsSet;
const register = async (input: TranslationsRegisterInput) => (await h.data(TranslationsRegisterDocument, { input })).translationsRegister;
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
    const data = await h.data(CategoriesDocument, {});
    expect(data.categories[2]).toEqual({ handle: 'handbags', name: 'Handbags', path: 'bags/handbags', parent: { handle: 'bags' }, translations: [{ locale: 'en', name: 'Handbags' }] });
  });

  test('moving a category moves its subtree; renaming the handle rewrites the paths below', async () => {
    expectOk(await categoryUpdate({ id: handbags.id, parentId: accessories.id }));
    expect(await paths()).toEqual(['accessories=accessories', 'handbags=accessories/handbags', 'totes=accessories/handbags/totes', 'bags=bags']);
    expectOk(await categoryUpdate({ id: accessories.id, handle: 'leather-goods' }));
    expect(await paths()).toContain('totes=leather-goods/handbags/totes');
    expectOk(await categoryUpdate({ id: handbags.id, parentId: null }));
    expect(await paths()).toEqual(['bags=bags', 'handbags=handbags', 'totes=handbags/totes', 'leather-goods=leather-goods']);
  });

  test('refuses a move under itself or a descendant, a taken handle; nothing written', async () => {
    const before = await h.snapshot();
    expectUserError(await categoryUpdate({ id: handbags.id, parentId: totes.id }), 'INVALID', ['input', 'parentId']);
    expectUserError(await categoryUpdate({ id: handbags.id, parentId: handbags.id }), 'INVALID');
    expectUserError(await categoryUpdate({ id: totes.id, handle: 'bags' }), 'TAKEN', ['input', 'handle']);
    expectUserError(await categoryCreate({ handle: 'bags', translations: [{ locale: 'en', name: 'x' }] }), 'TAKEN');
    expect(await h.snapshot()).toBe(before);
  });

  test('the category tree is platform-wide: brand admins get FORBIDDEN', async () => {
    const before = await h.snapshot();
    const admin = await h.brandAdmin(uuidOf(b.mk));
    expectForbidden(await h.gql(CategoryCreateDocument, { input: { handle: 'shoes', translations: [{ locale: 'en', name: 'Shoes' }] } }, admin));
    expectForbidden(await h.gql(CategoryUpdateDocument, { input: { id: bags.id, position: 3 } }, admin));
    expectForbidden(await h.gql(CategoryDeleteDocument, { input: { id: bags.id } }, admin));
    expect(await h.snapshot()).toBe(before);
  });

  test('categoryDelete refuses a category with children or products, then deletes', async () => {
    const product = await productCreate({ ...selmaInput(b.mk), categoryId: totes.id });
    const before = await h.snapshot();
    expectUserError(await categoryDelete(handbags.id), 'IN_USE', ['input', 'id']);
    expectUserError(await categoryDelete(totes.id), 'IN_USE', ['input', 'id']);
    expect(await h.snapshot()).toBe(before);
    expectOk((await h.data(ProductUpdateDocument, { input: { id: product.id, categoryId: null } })).productUpdate);
    expect(expectOk(await categoryDelete(totes.id)).deletedCategoryId).toBe(totes.id);
    expect(await paths()).not.toContain('totes=handbags/totes');
  });
});

describe('collections', () => {
  let products: string[];
  let loeweProduct: string;
  beforeAll(async () => {
    products = [];
    for (const handle of ['col-a', 'col-b', 'col-c']) products.push((await productCreate(selmaInput(b.mk, handle, handle.toUpperCase()))).id);
    loeweProduct = (await productCreate({ ...selmaInput(b.loewe, 'puzzle', 'LW-PZ'), translations: [{ locale: 'en', title: 'Puzzle' }] })).id;
  });

  test('a brand collection: create, set ordered products, reorder, update, archive', async () => {
    const admin = await h.brandAdmin(uuidOf(b.mk));
    const { collection } = expectOk(
      await collectionCreate(
        { handle: 'selma-edit', brandId: b.mk, translations: [{ locale: 'en', title: 'The SELMA edit' }, { locale: 'zh-CN', title: 'SELMA 精选' }] },
        admin,
      ),
    );
    expect(collection).toMatchObject({ handle: 'selma-edit', title: 'The SELMA edit', brand: { handle: 'michael-kors' } });
    const set = async (ids: string[]) => expectOk(await productsSet(collection.id, ids, admin)).collection.products.map((p) => p.handle);
    expect(await set([products[2], products[0], products[1]])).toEqual(['col-c', 'col-a', 'col-b']);
    expect(await h.sql(`select position from collection_product where collection_id = ? order by position`, [uuidOf(collection.id)])).toEqual([
      { position: 0 },
      { position: 1 },
      { position: 2 },
    ]);
    expect(await set([products[1], products[2]])).toEqual(['col-b', 'col-c']);
    const { product } = expectOk((await h.data(ProductUpdateDocument, { input: { id: products[1] } })).productUpdate);
    expect(product.collections).toEqual([{ handle: 'selma-edit' }]);

    const before = await h.snapshot();
    expectUserError(await productsSet(collection.id, [products[0], loeweProduct]), 'INVALID', ['input', 'productIds', '1']);
    expectUserError(await productsSet(collection.id, [products[0], products[0]]), 'INVALID');
    expectForbidden(await h.gql(CollectionProductsSetDocument, { input: { id: collection.id, productIds: [] } }, await h.brandAdmin(uuidOf(b.loewe))));
    expectForbidden(await h.gql(CollectionCreateDocument, { input: { handle: 'loewe-edit', brandId: b.loewe, translations: [{ locale: 'en', title: 'x' }] } }, admin));
    expectForbidden(await h.gql(CollectionCreateDocument, { input: { handle: 'platform-edit', translations: [{ locale: 'en', title: 'x' }] } }, admin));
    expectUserError(await collectionCreate({ handle: 'selma-edit', brandId: b.mk, translations: [{ locale: 'en', title: 'x' }] }), 'TAKEN');
    expect(await h.snapshot()).toBe(before);

    const updated = expectOk(
      (await h.data(CollectionUpdateDocument, { input: { id: collection.id, handle: 'selma', translations: [{ locale: 'fr', title: 'La sélection SELMA' }] } }, admin))
        .collectionUpdate,
    );
    expect(updated.collection).toEqual({ id: collection.id, handle: 'selma', translations: [{ locale: 'en' }, { locale: 'zh-CN' }, { locale: 'fr' }] });
    const archived = expectOk((await h.data(CollectionArchiveDocument, { input: { id: collection.id } }, admin)).collectionArchive);
    expect(archived.collection.archivedAt).toBeTruthy();
  });

  test('a platform-curated collection holds several brands', async () => {
    const { collection } = expectOk(await collectionCreate({ handle: 'design-week', translations: [{ locale: 'en', title: 'Design Week' }] }));
    expect(collection.brand).toBeNull();
    const { collection: set } = expectOk(await productsSet(collection.id, [loeweProduct, products[0]]));
    expect(set.products.map((p) => p.handle)).toEqual(['puzzle', 'col-a']);
  });
});

describe('translationsRegister / translationsRemove', () => {
  let productId: string;
  beforeAll(async () => {
    productId = (await productCreate(selmaInput(b.mk, 'selma-tr', 'TR'))).id;
  });

  test('registers product fields, option names and values, media alt text in a locale', async () => {
    const { product } = await h.data(ProductMediaDocument, { id: productId });
    const mediaId = product!.media[0].id;
    const { translations } = expectOk(
      await register({
        resourceId: productId,
        locale: 'it',
        translations: [
          { key: 'title', value: 'SELMA mini' },
          { key: 'option.colour', value: 'Colore' },
          { key: 'option.colour.black', value: 'Nero' },
          { key: `media.${mediaId}.alt`, value: 'SELMA nera' },
        ],
      }),
    );
    expect(translations).toEqual([
      { key: 'title', locale: 'it', value: 'SELMA mini' },
      { key: 'option.colour', locale: 'it', value: 'Colore' },
      { key: 'option.colour.black', locale: 'it', value: 'Nero' },
      { key: `media.${mediaId}.alt`, locale: 'it', value: 'SELMA nera' },
    ]);
    const data = await h.data(ProductLocalizedDocument, { id: productId }, { ...(await h.platform()), 'accept-language': 'it' });
    expect(data.product).toMatchObject({ title: 'SELMA mini', options: [{ name: 'Colore', values: [{ name: 'Nero' }, { name: 'Camel' }] }, { name: 'Size' }] });
  });

  test('refuses unknown keys and removing the default-locale title; nothing written', async () => {
    const before = await h.snapshot();
    expectUserError(await register({ resourceId: productId, locale: 'it', translations: [{ key: 'subtitle', value: 'x' }] }), 'INVALID', [
      'input',
      'translations',
      '0',
      'key',
    ]);
    expectUserError(await register({ resourceId: productId, locale: 'fr', translations: [{ key: 'option.material', value: 'x' }] }), 'INVALID');
    expectUserError((await h.data(TranslationsRemoveDocument, { input: { resourceId: productId, locales: ['en'], keys: ['title'] } })).translationsRemove, 'INVALID');
    expectForbidden(
      await h.gql(TranslationsRegisterDocument, { input: { resourceId: productId, locale: 'it', translations: [{ key: 'title', value: 'x' }] } }, await h.brandAdmin(uuidOf(b.loewe))),
    );
    expect(await h.snapshot()).toBe(before);
  });

  test('removes a locale; brand and category translations too', async () => {
    const { translations } = expectOk((await h.data(TranslationsRemoveDocument, { input: { resourceId: productId, locales: ['it'] } })).translationsRemove);
    expect(translations).toEqual([]);
    expectOk(await register({ resourceId: b.mk, locale: 'ja', translations: [{ key: 'name', value: 'マイケル・コース' }] }));
    const scarves = await category('scarves', 'Scarves');
    expectOk(await register({ resourceId: scarves.id, locale: 'zh-CN', translations: [{ key: 'name', value: '围巾' }] }));
    const data = await h.data(CategoriesDocument, {});
    expect(data.categories.find((c) => c.handle === 'scarves')?.translations).toEqual([
      { locale: 'en', name: 'Scarves' },
      { locale: 'zh-CN', name: '围巾' },
    ]);
    const events = await h.sql(`select topic from outbox_event where aggregate_id = ? order by id desc limit 1`, [uuidOf(b.mk)]);
    expect(events).toEqual([{ topic: 'brand.changed' }]);
  });
});

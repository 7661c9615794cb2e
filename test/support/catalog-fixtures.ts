import type { EntityManager } from '@mikro-orm/postgresql';
import { Brand } from '../../src/catalog/entities/brand.entity.js';
import { Category } from '../../src/catalog/entities/category.entity.js';
import { Collection, CollectionProduct } from '../../src/catalog/entities/collection.entity.js';
import { ProductStatus, StockLocationKind, StoreKind } from '../../src/catalog/entities/enums.js';
import { InventoryLevel, ProductListing, VariantPrice } from '../../src/catalog/entities/pricing.entity.js';
import { Product, ProductVariant } from '../../src/catalog/entities/product.entity.js';
import { StockLocation, Store } from '../../src/catalog/entities/store.entity.js';
import { refreshListings } from '../../src/catalog/listing.service.js';
import { CurrencyCode } from '../../src/shared/money.js';

/** Writes catalog rows straight through the entities, for tests of the read side. */
export class CatalogFixtures {
  constructor(private readonly em: EntityManager) {}

  brand(handle: string, name: Record<string, string>, defaultLocale = 'en') {
    const translations = Object.fromEntries(Object.entries(name).map(([l, n]) => [l, { name: n }]));
    return this.em.create(Brand, { handle, defaultLocale, translations });
  }

  store(handle: string, brands: Brand[], opts: Partial<Pick<Store, 'currency' | 'defaultLocale' | 'supportedLocales' | 'showStockQuantity'>> = {}) {
    const store = this.em.create(Store, {
      handle,
      name: handle,
      kind: StoreKind.ONLINE_FLAGSHIP,
      marketCountry: 'CN',
      currency: opts.currency ?? CurrencyCode.CNY,
      defaultLocale: opts.defaultLocale ?? 'zh-CN',
      supportedLocales: opts.supportedLocales ?? ['zh-CN', 'en'],
      timeZone: 'Asia/Shanghai',
      showStockQuantity: opts.showStockQuantity ?? false,
    });
    store.brands.set(brands);
    const location = this.em.create(StockLocation, { store, handle: `${handle}-wh`, name: 'Warehouse', kind: StockLocationKind.WAREHOUSE });
    return { store, location };
  }

  category(handle: string, name: string, parent?: Category) {
    return this.em.create(Category, { handle, parent, path: parent ? `${parent.path}/${handle}` : handle, translations: { en: { name } } });
  }

  collection(handle: string, title: string, products: Product[], brand?: Brand) {
    const collection = this.em.create(Collection, { handle, brand, translations: { en: { title, descriptionHtml: '' } } });
    products.forEach((product, position) => this.em.create(CollectionProduct, { collection, product, position }));
    return collection;
  }

  /** A product with Colour x Size variants, priced and stocked in each store given, published there. */
  product(
    brand: Brand,
    handle: string,
    titles: Record<string, string>,
    opts: {
      stores?: { store: Store; location: StockLocation; price: number; stock?: number }[];
      colours?: string[];
      sizes?: string[];
      category?: Category;
      tags?: string[];
      status?: ProductStatus;
    } = {},
  ) {
    const colours = opts.colours ?? ['black'];
    const sizes = opts.sizes ?? ['one'];
    const product = this.em.create(Product, {
      handle,
      brand,
      status: opts.status ?? ProductStatus.ACTIVE,
      category: opts.category,
      tags: opts.tags ?? [],
      translations: Object.fromEntries(Object.entries(titles).map(([l, t]) => [l, { title: t, descriptionHtml: `<p>${t}</p>` }])),
      options: [
        { code: 'colour', names: { en: 'Colour', 'zh-CN': '颜色' }, values: colours.map((c) => ({ code: c, names: { en: c } })) },
        { code: 'size', names: { en: 'Size', 'zh-CN': '尺码' }, values: sizes.map((s) => ({ code: s, names: { en: s.toUpperCase() } })) },
      ],
      media: [{ id: `${handle}-1`, url: `https://img.example/${handle}.jpg`, alt: { en: titles.en ?? handle } }],
    });
    let position = 0;
    for (const colour of colours) {
      for (const size of sizes) {
        const variant = this.em.create(ProductVariant, { product, sku: `${handle}-${colour}-${size}`, optionValues: { colour, size }, position: position++ });
        for (const s of opts.stores ?? []) {
          this.em.create(VariantPrice, { variant, store: s.store, amount: s.price + position * 100, currency: s.store.currency });
          this.em.create(InventoryLevel, { variant, location: s.location, onHand: s.stock ?? 5 });
        }
      }
    }
    for (const s of opts.stores ?? []) this.em.create(ProductListing, { store: s.store, product });
    return product;
  }

  /** Flushes and brings listings (price range, availability) up to date. */
  async commit() {
    await this.em.flush();
    const ids = (await this.em.find(Product, {}, { fields: ['id'] })).map((p) => p.id);
    await refreshListings(this.em, ids);
  }
}

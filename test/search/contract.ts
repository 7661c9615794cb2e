import type { Product } from '../../src/catalog/entities/product.entity.js';
import type { TestServer } from '../support/server.js';
import { cn, en, facet, handles, it, outlet, SEARCH, seedOutletCatalog, seedSearchCatalog, SUGGEST, VISIBLE_IN_TMALL } from './support.js';

export interface ContractTarget {
  server: TestServer;
  /** Brings the engine's index up to date with the catalog (a no-op for PostgreSQL; the outbox relay for Meilisearch). */
  sync(): Promise<void>;
}

/**
 * The search contract: the same fixtures and the same cases for every engine. Rankings are compared
 * where the contract promises an order (best match first, explicit sorts), as sets elsewhere.
 */
export function searchContract(start: () => Promise<ContractTarget>, stop: (target: ContractTarget) => Promise<void>) {
  let target: ContractTarget;
  let products: Record<string, Product>;
  const search = (variables: Record<string, unknown>, headers: Record<string, string> = en) =>
    target.server.gql('storefront', SEARCH, variables, headers);
  const ok = async (variables: Record<string, unknown>, headers?: Record<string, string>) => {
    const res = await search(variables, headers);
    expect(res.errors).toBeUndefined();
    return res;
  };

  beforeAll(async () => {
    target = await start();
    products = await seedSearchCatalog(target.server);
    await seedOutletCatalog(target.server);
    await target.sync();
  });
  afterAll(() => stop(target));

  describe('relevance', () => {
    test('a typo is forgiven: "selma hnadbag" finds the SELMA handbag first', async () => {
      expect(handles(await ok({ query: 'selma hnadbag' }))[0]).toBe('selma-satchel');
    });

    test('words in any order', async () => {
      expect(handles(await ok({ query: 'handbag selma' }))[0]).toBe('selma-satchel');
    });

    test('diacritics are ignored: "estee lauder" and "etee lauder" find Estée Lauder', async () => {
      expect(handles(await ok({ query: 'estee lauder' }))).toEqual(['advanced-night-repair']);
      expect(handles(await ok({ query: 'etee lauder' }))[0]).toBe('advanced-night-repair');
    });

    test('Chinese is segmented: "手袋" finds "迈克高仕 SELMA 手袋"', async () => {
      expect(handles(await ok({ query: '手袋' }, cn))).toEqual(['selma-satchel']);
      expect(handles(await ok({ query: '迈克高仕 手袋' }, cn))[0]).toBe('selma-satchel');
    });

    test('the last word matches as a prefix while typing', async () => {
      expect(handles(await ok({ query: 'sel' }))).toContain('selma-satchel');
      expect(handles(await ok({ query: 'advanced nig' }))).toEqual(['advanced-night-repair']);
    });

    test('exact words before prefixes: "bag" ranks Puzzle Bag and the Bag pouch before Baguette', async () => {
      const found = handles(await ok({ query: 'bag' }));
      expect(found.slice(0, 2).sort()).toEqual(['puzzle-bag', 'special-chars']);
      expect(found).toContain('baguette-clutch');
    });

    test('a match in the title outranks a match in the description', async () => {
      const found = handles(await ok({ query: 'canvas' }));
      expect(found).toEqual(['canvas-tote', 'weekender-duffle']);
    });

    test('"selma hnadbag" ranks the SELMA handbags (both words, one with a swap, as a completion) above the SELMA crossbody bag', async () => {
      const found = handles(await ok({ query: 'selma hnadbag', first: 50 }, outlet));
      expect(found.slice(0, 2).sort()).toEqual(['selma-city-satchel', 'selma-outlet-satchel']);
      expect(found.slice(0, 2)).not.toContain('selma-mini-crossbody');
    });

    test('within a word: exact, then a completion, then a typo ("satchel": Satchel, Satchelette, Satchet)', async () => {
      const found = handles(await ok({ query: 'satchel', first: 50 }, outlet));
      expect(found.slice(0, 2).sort()).toEqual(['selma-city-satchel', 'selma-outlet-satchel']);
      expect(found.slice(2)).toEqual(['satchelette-charm', 'satchet-pouch']);
    });

    test('ties break on a stable key: the same query gives the same order every time', async () => {
      for (const query of ['selma', 'satchel', '', 'selma wallet hnadbag']) {
        const runs: string[][] = [];
        for (let i = 0; i < 5; i++) runs.push(handles(await ok({ query, first: 50 }, outlet)));
        expect(runs.every((run) => JSON.stringify(run) === JSON.stringify(runs[0]))).toBe(true);
        expect(runs[0].length).toBeGreaterThan(0);
      }
    });

    test('a typo of one letter in a four-letter word is not a match', async () => {
      expect(handles(await ok({ query: 'tite' }))).toEqual([]);
    });
  });

  describe('store and locale', () => {
    test('drafts and products not published in the store are never found', async () => {
      const found = handles(await ok({ query: 'selma', first: 50 }));
      expect(found).toEqual(['selma-satchel']);
    });

    test('results are scoped to the x-store store', async () => {
      expect(handles(await ok({ query: 'barcelona' }, it))).toEqual([]);
      expect(handles(await ok({ query: 'barcelona' }))).toEqual(['barcelona-bag']);
    });

    test('text is matched in the request locale and products come back in it', async () => {
      const res = await ok({ query: 'borsa' }, it);
      expect(handles(res)).toEqual(['selma-satchel']);
      expect(res.data!.search.edges[0].node.title).toBe('Borsa SELMA in pelle');
      expect(handles(await ok({ query: 'borsa' }, en))).toEqual([]);
      expect(handles(await ok({ query: '手袋' }, en))).toEqual([]);
    });

    test('untranslated products fall back along the chain (zh-CN -> brand default en)', async () => {
      expect(handles(await ok({ query: 'barcelona' }, cn))).toEqual(['barcelona-bag']);
    });

    test('brand names match in every locale', async () => {
      expect(handles(await ok({ query: 'michael kors selma' }, cn))).toEqual(['selma-satchel']);
    });
  });

  describe('browse, filters, sorts and pages', () => {
    test('an empty or blank query browses every product with facets', async () => {
      for (const query of ['', '   ']) {
        const res = await ok({ query, first: 50, facets: [{ field: 'BRAND' }] });
        expect(res.data!.search.totalCount).toBe(VISIBLE_IN_TMALL);
        expect(handles(res)).toHaveLength(VISIBLE_IN_TMALL);
        expect(facet(res, 'BRAND')).toEqual({ 'michael-kors': 6, loewe: 2, 'estee-lauder': 1 });
      }
    });

    test('filters mean what they mean for products (category includes descendants, options, price overlap, stock)', async () => {
      const q = (filter: object) => ok({ query: 'leather', first: 50, filter }).then(handles).then((h: string[]) => h.sort());
      expect(await q({ category: 'bags' })).toEqual(['barcelona-bag', 'jet-set-tote', 'selma-satchel', 'weekender-duffle']);
      expect(await q({ category: 'handbags', brands: ['loewe'] })).toEqual(['barcelona-bag']);
      expect(await q({ optionValues: [{ option: 'colour', value: 'red' }, { option: 'colour', value: 'tan' }] })).toEqual(['jet-set-tote', 'selma-satchel']);
      expect(await q({ price: { min: '5000', max: '15000' } })).toEqual(['selma-satchel']);
      expect(await q({ availableForSale: false })).toEqual(['jet-set-tote']);
      expect(await q({ tags: ['tote', 'nope'] })).toEqual(['jet-set-tote']);
      expect(await q({ collection: 'selma-capsule' })).toEqual(['jet-set-tote', 'selma-satchel']);
      expect(await q({ brands: ['nope'] })).toEqual([]);
    });

    test('facet counts ignore their own filter and respect the others (disjunctive)', async () => {
      const res = await ok({
        query: 'leather',
        filter: { brands: ['michael-kors'], category: 'bags' },
        facets: [{ field: 'BRAND' }, { field: 'CATEGORY' }, { field: 'OPTION', option: 'colour' }, { field: 'PRICE' }, { field: 'AVAILABILITY' }],
      });
      expect(res.data!.search.totalCount).toBe(3);
      expect(facet(res, 'BRAND')).toEqual({ 'michael-kors': 3, loewe: 1 });
      expect(facet(res, 'CATEGORY')).toEqual({ bags: 3, handbags: 1, totes: 2 });
      expect(facet(res, 'OPTION', 'colour')).toEqual({ black: 2, red: 1, tan: 1 });
      expect(facet(res, 'PRICE')).toEqual({ '1000-2500': 1, '2500-5000': 1, '10000-25000': 1 });
      expect(facet(res, 'AVAILABILITY')).toEqual({ true: 2, false: 1 });
      const labels = Object.fromEntries(res.data!.search.facets.flatMap((f: any) => f.values.map((v: any) => [v.value, v.label])));
      expect(labels).toMatchObject({ 'michael-kors': 'Michael Kors', handbags: 'Handbags', true: 'In stock' });
      expect(labels['10000-25000']).toMatch(/10,000.*25,000/);
    });

    test('a price bucket counts exactly the products its bounds return as filter.price', async () => {
      for (const [query, headers] of [['', outlet], ['selma', outlet], ['leather', en], ['', en]] as const) {
        const res = await ok({ query, first: 50, facets: [{ field: 'PRICE' }] }, headers);
        const buckets = res.data!.search.facets[0].values as { value: string; count: number; min: string; max: string | null }[];
        expect(buckets.length).toBeGreaterThan(0);
        for (const bucket of buckets) {
          const price = { min: bucket.min, ...(bucket.max === null ? {} : { max: bucket.max }) };
          const filtered = await ok({ query, first: 50, filter: { price } }, headers);
          expect([bucket.value, filtered.data!.search.totalCount]).toEqual([bucket.value, bucket.count]);
          expect(handles(filtered)).toHaveLength(bucket.count);
        }
      }
    });

    test('price buckets: typed bounds, boundaries in the bucket that starts there, a price range in every bucket it reaches', async () => {
      const res = await ok({ query: '', first: 50, facets: [{ field: 'PRICE' }] }, outlet);
      expect(res.data!.search.facets[0].values.map(({ label: _, ...v }: any) => v)).toEqual([
        { value: '250-500', count: 1, min: '250.00', max: '500.00' },
        { value: '500-1000', count: 2, min: '500.00', max: '1000.00' },
        { value: '1000-2500', count: 2, min: '1000.00', max: '2500.00' },
        { value: '2500-5000', count: 2, min: '2500.00', max: '5000.00' },
      ]);
      const priced = (price: object) => ok({ query: '', first: 50, filter: { price } }, outlet).then(handles).then((h: string[]) => h.sort());
      // 2,500.00 is in 2,500-5,000, not 1,000-2,500; 250.00 in 250-500, not 100-250; the City satchel (2,450-2,600) in both.
      expect(await priced({ min: '1000', max: '2500' })).toEqual(['jet-set-wallet', 'selma-city-satchel']);
      expect(await priced({ min: '2500', max: '5000' })).toEqual(['selma-city-satchel', 'selma-outlet-satchel']);
      expect(await priced({ min: '100', max: '250' })).toEqual([]);
      expect(await priced({ min: '250.00', max: '500.00' })).toEqual(['selma-mini-crossbody']);
      expect(await priced({ max: '250' })).toEqual([]);
      expect(await priced({ min: '2600.01' })).toEqual([]);
      expect(await priced({ min: '2600' })).toEqual(['selma-city-satchel']);
      const top = await ok({ query: '', facets: [{ field: 'PRICE' }] }, en);
      expect(top.data!.search.facets[0].values.at(-1)).toMatchObject({ value: '25000-50000', min: '25000.00', max: '50000.00' });
    });

    test('facet labels are localized', async () => {
      const res = await ok({ query: 'selma', facets: [{ field: 'BRAND' }] }, cn);
      expect(res.data!.search.facets[0].values).toEqual([{ value: 'michael-kors', label: '迈克高仕', count: 1, min: null, max: null }]);
    });

    test('explicit sorts order strictly, reverse flips them', async () => {
      const prices = async (reverse: boolean) =>
        (await ok({ query: 'leather', first: 50, sortKey: 'PRICE', reverse })).data!.search.edges.map((e: any) => Number(e.node.priceRange.minVariantPrice.amount));
      const asc = await prices(false);
      expect(asc.length).toBeGreaterThan(2);
      expect(asc).toEqual([...asc].sort((a, b) => a - b));
      expect(await prices(true)).toEqual([...asc].reverse());
      // Titles in the store's default locale (zh-CN, else the brand's): Latin before Han.
      const titles = handles(await ok({ query: '', first: 50, sortKey: 'TITLE' }));
      expect(titles.slice(0, 2)).toEqual(['baguette-clutch', 'barcelona-bag']);
    });

    test('pages follow each other without gaps or repeats', async () => {
      const first = await ok({ query: '', first: 4 });
      expect(first.data!.search.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
      const second = await ok({ query: '', first: 4, after: first.data!.search.pageInfo.endCursor });
      expect(second.data!.search.pageInfo.hasPreviousPage).toBe(true);
      const third = await ok({ query: '', first: 4, after: second.data!.search.pageInfo.endCursor });
      expect(third.data!.search.pageInfo.hasNextPage).toBe(false);
      const all = [...handles(first), ...handles(second), ...handles(third)];
      expect(new Set(all).size).toBe(VISIBLE_IN_TMALL);
      const back = await ok({ query: '', last: 4, before: second.data!.search.edges[0].cursor });
      expect(handles(back)).toEqual(handles(first));
    });
  });

  describe('special characters are text', () => {
    test.each([
      [`"quoted"`, ['special-chars']],
      [`it's "Quoted" & (special) pouch!`, ['special-chars']],
      [`&|!:*()`, null],
      [`' or 1=1 --`, []],
      // No product has every word: those with the most of them come back, never all products.
      [`brand = "loewe" OR storeId != ""`, ['barcelona-bag', 'puzzle-bag']],
      [`selma'); drop table product; --`, ['selma-satchel']],
      [`\\" OR tags = \\"x`, []],
      [`-selma`, ['selma-satchel']],
    ])('%s', async (query, expected) => {
      const res = await ok({ query, first: 50 });
      if (expected) expect(handles(res).sort()).toEqual(expected);
      else expect(handles(res)).toHaveLength(VISIBLE_IN_TMALL); // nothing left to match: browse
    });
  });

  describe('suggestions', () => {
    const suggest = async (prefix: string, headers = en) => {
      const res = await target.server.gql('storefront', SUGGEST, { prefix, first: 8 }, headers);
      expect(res.errors).toBeUndefined();
      return res.data!.searchSuggestions as { kind: string; text: string; handle: string }[];
    };

    test('product titles complete as you type', async () => {
      expect(await suggest('selma hand')).toContainEqual({ kind: 'PRODUCT', text: 'SELMA Saffiano Leather Handbag', handle: 'selma-satchel' });
      expect((await suggest('手', cn)).find((s) => s.kind === 'PRODUCT')).toEqual({ kind: 'PRODUCT', text: '迈克高仕 SELMA 手袋', handle: 'selma-satchel' });
    });

    test('brands and categories of the store, localized', async () => {
      expect((await suggest('mich', cn))[0]).toEqual({ kind: 'BRAND', text: '迈克高仕', handle: 'michael-kors' });
      expect(await suggest('handb')).toContainEqual({ kind: 'CATEGORY', text: 'Handbags', handle: 'handbags' });
      expect((await suggest('lo', it)).filter((s) => s.kind === 'BRAND')).toEqual([]); // LOEWE is not sold in Milan
    });
  });

  test('the page shows the live product (mapped with its store facts)', () => {
    expect(products.selma.handle).toBe('selma-satchel');
  });
}

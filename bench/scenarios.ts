/** A benchmark scenario: one GraphQL request shape, optionally rotating variables. */
export interface Scenario {
  name: string;
  query: string;
  variables?: (i: number) => Record<string, unknown>;
  /** Number of distinct variable sets, each validated once before the load. */
  distinct?: number;
  /** Runs once before the scenario, e.g. to collect handles to rotate through. */
  setup?: (gql: Gql) => Promise<void>;
}

export type Gql = (query: string, variables?: Record<string, unknown>) => Promise<{ data?: any; errors?: unknown[] }>;

/** The grid Vendure's peer benchmark requests, in our API: 50 products with variants, stock, price, image and collections. */
export const GRID = /* GraphQL */ `
  query ProductGrid {
    products(first: 50) {
      totalCount
      nodes {
        id title handle
        featuredImage { url }
        variants { id sku title price { amount currencyCode } quantityAvailable availableForSale }
        collections { title }
      }
    }
  }`;

export const DETAIL = /* GraphQL */ `
  query ProductDetail($handle: String!) {
    product(handle: $handle) {
      id title handle description
      featuredImage { id url }
      media { id url altText }
      options { code name values { code name } }
      variants {
        id sku title price { amount currencyCode } compareAtPrice { amount } quantityAvailable availableForSale
        selectedOptions { name value }
      }
      brand { name }
      category { name }
      collections { id title handle }
    }
  }`;

export const COLLECTION = /* GraphQL */ `
  query CollectionPage($handle: String!) {
    collection(handle: $handle) {
      title description
      products(first: 24) {
        nodes {
          id title handle
          featuredImage { url altText }
          priceRange { minVariantPrice { amount currencyCode } maxVariantPrice { amount } }
          availableForSale
        }
        pageInfo { hasNextPage endCursor }
      }
    }
  }`;

let detailHandles: string[] = [];
let collectionHandles: string[] = [];

export const catalogScenarios: Scenario[] = [
  { name: 'grid', query: GRID },
  {
    name: 'detail',
    query: DETAIL,
    distinct: 200,
    async setup(gql) {
      // Every 10th product of the first 2,000 by creation, like the peer's 200 fixed slugs.
      const handles: string[] = [];
      let after: string | null = null;
      while (handles.length < 2000) {
        const res = await gql('query H($after: String) { products(first: 100, after: $after, sortKey: CREATED_AT) { nodes { handle } pageInfo { hasNextPage endCursor } } }', { after });
        handles.push(...res.data.products.nodes.map((n: { handle: string }) => n.handle));
        if (!res.data.products.pageInfo.hasNextPage) break;
        after = res.data.products.pageInfo.endCursor;
      }
      detailHandles = handles.filter((_, i) => i % 10 === 0).slice(0, 200);
      if (detailHandles.length === 0) throw new Error('detail: the store has no products; run npm run seed:synthetic first');
    },
    variables: (i) => ({ handle: detailHandles[i % detailHandles.length] }),
  },
  {
    name: 'collection',
    query: COLLECTION,
    distinct: 10,
    async setup(gql) {
      const res = await gql('{ products(first: 100) { nodes { collections { handle } } } }');
      collectionHandles = [...new Set<string>(res.data.products.nodes.flatMap((n: any) => n.collections.map((c: any) => c.handle)))].slice(0, 10);
      if (collectionHandles.length === 0) throw new Error('collection: no collections in the catalog');
    },
    variables: (i) => ({ handle: collectionHandles[i % collectionHandles.length] }),
  },
];

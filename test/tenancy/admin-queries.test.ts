import { getNamedType, type GraphQLField } from 'graphql';
import { tryDecodeGlobalId } from '../../src/shared/ids.js';
import { buildWorld, rowsIn, selectionFor, violations, VIEWERS, type Side, type ViewerName, type World } from './world.js';

/**
 * The tenancy matrix for reads, built from the Admin schema itself: every Query field, called by every
 * kind of caller with arguments that point at brand A's and brand B's rows, answered at depth, walked.
 * A Query field or node type missing from the tables below fails the test: classify it first.
 */
type Args = Record<string, unknown>;
/** The world's products of a side ('a-bag', 'a-draft' / 'b-bag', 'b-draft'); their variants' SKUs end in -black-one. */
const handlesOf = (s: Side) => (s === world.a ? ['a-bag', 'a-draft'] : ['b-bag', 'b-draft']);
const QUERY_ARGS: Record<string, (side: Side) => Args[]> = {
  brandGroups: () => [{}],
  brands: () => [{ first: 50 }],
  brandSigningKeys: (s) => [{ brandId: s.ids.Brand[0] }],
  categories: () => [{}],
  client: (s) => s.ids.Client.map((id) => ({ id })),
  clientAccessLog: (s) => [{ first: 50 }, { first: 50, clientId: s.ids.Client[0] }],
  clients: () => [{ first: 50 }, { first: 50, filter: { search: 'a' } }],
  collections: (s) => [{ first: 50 }, { first: 50, brandId: s.ids.Brand[0] }],
  drop: (s) => s.ids.Drop.map((id) => ({ id })),
  drops: (s) => [{ first: 50 }, { first: 50, brandId: s.ids.Brand[0] }],
  inventoryLevels: (s) => s.ids.ProductVariant.map((variantId) => ({ variantId })),
  node: (s) => Object.entries(s.ids).filter(([type]) => type in NODE_TYPES).flatMap(([, ids]) => ids).map((id) => ({ id })),
  order: (s) => s.ids.Order.map((id) => ({ id })),
  orders: (s) => [{ first: 50 }, { first: 50, filter: { storeId: s.ids.Store[0] } }],
  product: (s) => [...s.ids.Product.map((id) => ({ id })), ...handlesOf(s).map((handle) => ({ handle })), { handle: handlesOf(s)[0], brandId: s.ids.Brand[0] }],
  productVariant: (s) => [...s.ids.ProductVariant.map((id) => ({ id })), ...handlesOf(s).map((handle) => ({ sku: `${handle}-black-one` }))],
  products: (s) => [{ first: 50 }, { first: 50, brandId: s.ids.Brand[0] }],
  staffMe: () => [{}],
  stores: (s) => [{ first: 50 }, { first: 50, brandId: s.ids.Brand[0] }],
  vipProgrammes: (s) => [{}, { brandId: s.ids.Brand[0] }],
};
/** Node types and whether the Admin node(id:) fetches them (ApiKey and StaffUser are read through their own fields). */
const NODE_TYPES: Record<string, 'fetchable' | 'not-fetchable'> = {
  ApiKey: 'not-fetchable',
  Brand: 'fetchable',
  BrandGroup: 'fetchable',
  Category: 'fetchable',
  Client: 'fetchable',
  Collection: 'fetchable',
  Drop: 'fetchable',
  Order: 'fetchable',
  OrderLine: 'not-fetchable',
  Product: 'fetchable',
  ProductVariant: 'fetchable',
  StaffUser: 'not-fetchable',
  StockLocation: 'fetchable',
  Store: 'fetchable',
  VipProgramme: 'fetchable',
  VipTier: 'fetchable',
};

let world: World;
beforeAll(async () => {
  world = await buildWorld();
}, 120_000);
afterAll(() => world?.server.close());

function document(field: GraphQLField<unknown, unknown>, args: Args): string {
  const used = field.args.filter((a) => a.name in args);
  const defs = used.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
  const call = used.map((a) => `${a.name}: $${a.name}`).join(', ');
  // node(id:) is read as the type its id names (one fragment: every field of that type, at depth).
  const nodeType = field.name === 'node' ? tryDecodeGlobalId(String(args.id))?.type : undefined;
  const selection = nodeType
    ? `__typename ... on ${nodeType} { ${selectionFor(world.schema, nodeType, 3)} }`
    : selectionFor(world.schema, getNamedType(field.type).name, 4);
  return `query${defs ? `(${defs})` : ''} { ${field.name}${call ? `(${call})` : ''} ${selection ? `{ ${selection} }` : ''} }`;
}

const queryFields = () => Object.values(world.schema.getQueryType()!.getFields());

test('every Query field and every node type of the Admin schema is classified', () => {
  expect(queryFields().map((f) => f.name).filter((name) => !(name in QUERY_ARGS))).toEqual([]);
  const nodeTypes = world.schema.getImplementations(world.schema.getType('Node') as never).objects.map((t) => t.name);
  expect(nodeTypes.filter((name) => !(name in NODE_TYPES))).toEqual([]);
  // Every node type has rows of brand A and B in the world, so node(id:) is tried on each.
  for (const type of nodeTypes.filter((t) => !['BrandGroup', 'Category'].includes(t))) {
    expect(world.a.ids[type]?.length).toBeGreaterThan(0);
    expect(world.b.ids[type]?.length).toBeGreaterThan(0);
  }
});

describe.each(VIEWERS)('as %s', (viewer: ViewerName) => {
  test("every Query field, with arguments at brand A's and brand B's rows: nothing beyond the caller's brands, at any depth", async () => {
    const seen = new Map<string, Set<string>>(); // typename -> ids received
    for (const field of queryFields()) {
      for (const side of [world.a, world.b]) {
        for (const args of QUERY_ARGS[field.name](side)) {
          const res = await world.server.gql('admin', document(field, args), args, world.viewers[viewer]);
          const where = `${field.name}(${JSON.stringify(args)})`;
          const codes = (res.errors ?? []).map((e) => e.extensions?.code);
          if (viewer === 'anonymous') {
            expect({ where, codes, status: res.status }).toEqual({ where, codes: ['UNAUTHENTICATED'], status: 401 });
          } else if (viewer === 'customer') {
            expect({ where, codes }).toEqual({ where, codes: ['FORBIDDEN'] });
          } else {
            // Brand staff and keys are refused (FORBIDDEN) or answered; nothing else may happen.
            expect({ where, unexpected: codes.filter((c) => c !== 'FORBIDDEN') }).toEqual({ where, unexpected: [] });
            if (viewer === 'platform') expect({ where, codes }).toEqual({ where, codes: [] });
          }
          expect({ where, leaks: violations(world, viewer, res.data) }).toEqual({ where, leaks: [] });
          for (const row of rowsIn(world, res.data)) {
            if (!seen.has(row.typename)) seen.set(row.typename, new Set());
            seen.get(row.typename)!.add(row.id);
          }
        }
      }
    }
    // The walk is not vacuous: whoever may read the catalog received its own rows of every kind.
    const received = (type: string, side: Side) => side.ids[type].filter((id) => seen.get(type)?.has(id)).length;
    if (['conciergeA', 'brandAdminA', 'keyA', 'platform'].includes(viewer)) {
      for (const type of ['Brand', 'Store', 'StockLocation', 'Product', 'ProductVariant', 'Collection']) {
        expect({ type, received: received(type, world.a) }).toEqual({ type, received: world.a.ids[type].length });
      }
    }
    // Staff read their brand's client book, with the notes, holds, appointments and invitations inside it.
    if (['conciergeA', 'brandAdminA', 'platform'].includes(viewer)) {
      for (const type of ['Client', 'ClientNote', 'ClientHold', 'Appointment', 'TierInvitation', 'VipProgramme', 'VipTier']) {
        expect({ type, received: received(type, world.a) }).toEqual({ type, received: world.a.ids[type].length });
      }
    }
    // Brand admins read their brand's signing keys (concierges and API keys are refused).
    if (['brandAdminA', 'platform'].includes(viewer)) expect({ received: received('BrandSigningKey', world.a) }).toEqual({ received: 1 });
    if (viewer === 'platform') expect({ received: received('BrandSigningKey', world.b) }).toEqual({ received: 1 });
    if (viewer === 'platform') {
      for (const type of ['Client', 'ClientNote', 'ClientHold', 'Appointment', 'TierInvitation', 'VipProgramme', 'VipTier', 'Brand', 'Store', 'Product', 'ProductVariant', 'Collection']) {
        expect({ type, received: received(type, world.b) }).toEqual({ type, received: world.b.ids[type].length });
      }
    }
    if (['anonymous', 'customer', 'keyANoScope'].includes(viewer)) expect([...seen.keys()]).toEqual([]);
  }, 120_000);
});

test("node(id:) of brand A's rows answers brand A's staff; of brand B's rows, null", async () => {
  for (const [type, fetchable] of Object.entries(NODE_TYPES)) {
    if (fetchable === 'not-fetchable') continue;
    for (const [side, expected] of [[world.a, true], [world.b, false]] as const) {
      for (const id of side.ids[type] ?? []) {
        const res = await world.server.gql('admin', 'query($id: ID!) { node(id: $id) { id } }', { id }, world.viewers.brandAdminA);
        expect({ type, id, found: Boolean((res.data as any)?.node) }).toEqual({ type, id, found: expected });
      }
    }
  }
});

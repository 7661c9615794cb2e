import { getNamedType, type GraphQLObjectType, isInterfaceType, isLeafType, isNonNullType, isObjectType, type GraphQLField, type GraphQLSchema } from 'graphql';
import { createStaffUser } from '../../src/access/access.service.js';
import { schemaFor } from '../../src/app/schema.js';
import { ProductStatus, StockLocationKind } from '../../src/catalog/entities/enums.js';
import { OrderLine } from '../../src/commerce/orders/entities.js';
import { orderService } from '../../src/commerce/orders/order.service.js';
import { toGlobalId } from '../../src/shared/ids.js';
import { CurrencyCode } from '../../src/shared/money.js';
import { DeliveryMethod } from '../../src/commerce/carts/cart.entity.js';
import { ApiScope, StaffRole } from '../../src/shared/roles.js';
import { Client } from '../../src/vip/concierge/entities.js';
import { Programme, Qualification, Tier } from '../../src/vip/programmes/entities.js';
import { CatalogFixtures } from '../support/catalog-fixtures.js';
import { startTestServer, type TestServer } from '../support/server.js';

/**
 * Two brands' worth of Admin data and every kind of caller, for the tenancy matrix tests. Each row's
 * owner is known, so a response can be walked and every object in it checked against the caller.
 */
export type Headers = Record<string, string>;
/** Brands that own a row; 'shared' rows (brand groups, categories, platform collections) are visible to all staff. */
export type Owner = { brands: string[] } | 'shared' | 'all-brands';

export interface Side {
  brandId: string;
  /** Global ids of this brand's rows, by type (node types, and concierge rows that sit inside a Client). */
  ids: Record<string, string[]>;
  /** An invite-only tier of the brand's VIP programme. */
  tierId?: string;
  /** The customer who is a client of both brands (a Customer global id). */
  customerId?: string;
}

export interface World {
  server: TestServer;
  schema: GraphQLSchema;
  /** Types implementing Node: the rows whose owner is checked wherever they appear. */
  nodeTypes: Set<string>;
  a: Side;
  b: Side;
  owners: Map<string, Owner>;
  viewers: Record<ViewerName, Headers>;
  /** Brands each viewer may see; null = every brand; [] = nothing at all. */
  scope: Record<ViewerName, string[] | null>;
}

export const VIEWERS = ['anonymous', 'customer', 'conciergeA', 'brandAdminA', 'keyA', 'keyANoScope', 'platform'] as const;
export type ViewerName = (typeof VIEWERS)[number];

const PASSWORD = 'a-long-test-password';

async function login(server: TestServer, email: string): Promise<Headers> {
  const res = await server.gql('admin', 'mutation($i: StaffLoginInput!) { staffLogin(input: $i) { accessToken userErrors { message } } }', {
    i: { email, password: PASSWORD },
  });
  const token = (res.data as { staffLogin: { accessToken: string | null } }).staffLogin.accessToken;
  if (!token) throw new Error(`staffLogin failed for ${email}: ${JSON.stringify(res)}`);
  return { authorization: `Bearer ${token}` };
}

async function apiKey(server: TestServer, platform: Headers, name: string, scopes: (keyof typeof ApiScope)[], brandIds: string[]): Promise<{ headers: Headers; id: string }> {
  const res = await server.gql(
    'admin',
    'mutation($i: ApiKeyCreateInput!) { apiKeyCreate(input: $i) { secret apiKey { id } userErrors { message } } }',
    { i: { name, scopes, brandIds } },
    platform,
  );
  const payload = (res.data as { apiKeyCreate?: { secret: string | null; apiKey: { id: string } | null } } | undefined)?.apiKeyCreate;
  if (!payload?.secret) throw new Error(`apiKeyCreate failed: ${JSON.stringify(res)}`);
  return { headers: { 'x-api-key': payload.secret }, id: payload.apiKey!.id };
}

async function customerToken(server: TestServer): Promise<Headers> {
  const headers = { 'x-store': 'a-cn' };
  const input = { email: 'client@example.com', password: PASSWORD };
  await server.gql('storefront', 'mutation($i: CustomerCreateInput!) { customerCreate(input: $i) { userErrors { message } } }', { i: input }, headers);
  const res = await server.gql(
    'storefront',
    'mutation($i: CustomerAccessTokenCreateInput!) { customerAccessTokenCreate(input: $i) { customerAccessToken { accessToken } userErrors { message } } }',
    { i: input },
    headers,
  );
  const token = (res.data as any)?.customerAccessTokenCreate?.customerAccessToken?.accessToken;
  if (!token) throw new Error(`customer sign-in failed: ${JSON.stringify(res)}`);
  return { authorization: `Bearer ${token}` };
}

export async function buildWorld(): Promise<World> {
  const server = await startTestServer();
  const em = server.db.orm.em.fork();
  const f = new CatalogFixtures(em);
  const brandA = f.brand('brand-a', { en: 'Brand A' });
  const brandB = f.brand('brand-b', { en: 'Brand B' });
  const storeA = f.store('a-cn', [brandA]);
  const storeB = f.store('b-cn', [brandB]);
  const mall = f.store('design-mall', [brandA, brandB]);
  // The brands' own stores stock from a boutique, where concierges also receive clients.
  for (const s of [storeA, storeB]) s.location.kind = StockLocationKind.BOUTIQUE;
  const category = f.category('bags', 'Bags');
  const product = (brand: typeof brandA, handle: string, own: typeof storeA, status = ProductStatus.ACTIVE) =>
    f.product(brand, handle, { en: handle }, { category, status, stores: [{ ...own, price: 100_00 }, { ...mall, price: 120_00 }] });
  const pA = product(brandA, 'a-bag', storeA);
  const pADraft = product(brandA, 'a-draft', storeA, ProductStatus.DRAFT);
  const pB = product(brandB, 'b-bag', storeB);
  const pBDraft = product(brandB, 'b-draft', storeB, ProductStatus.DRAFT);
  const colA = f.collection('a-picks', 'A picks', [pA], brandA);
  const colB = f.collection('b-picks', 'B picks', [pB, pBDraft], brandB);
  const colPlatform = f.collection('gift-guide', 'Gift guide', [pA, pB, pBDraft]);
  await f.commit();

  const staff = async (email: string, role: StaffRole, brandIds: string[]) => {
    const user = await createStaffUser(server.db.orm.em.fork(), { email, password: PASSWORD, role, brandIds });
    return { id: user.id, headers: await login(server, email) };
  };
  const platformUser = await staff('platform@example.com', StaffRole.PLATFORM_ADMIN, []);
  const adminA = await staff('admin-a@example.com', StaffRole.BRAND_ADMIN, [brandA.id]);
  const conciergeA = await staff('concierge-a@example.com', StaffRole.CONCIERGE, [brandA.id]);
  const adminB = await staff('admin-b@example.com', StaffRole.BRAND_ADMIN, [brandB.id]);
  const gA = toGlobalId('Brand', brandA.id);
  const gB = toGlobalId('Brand', brandB.id);
  const keyA = await apiKey(server, platformUser.headers, 'pim-a', ['CATALOG_READ', 'CATALOG_WRITE'], [gA]);
  const keyANoScope = await apiKey(server, platformUser.headers, 'door-a', ['TICKETS_CHECKIN'], [gA]);
  const keyB = await apiKey(server, platformUser.headers, 'pim-b', ['CATALOG_READ'], [gB]);
  const keyAll = await apiKey(server, platformUser.headers, 'platform-pim', ['CATALOG_READ'], []);

  // Orders: one per brand in its own store, and a Design Mall order with a line of each brand.
  const order = (storeId: string, lines: { brandId: string; productId: string }[]) =>
    server.db.orm.em.fork().transactional((tx) => orderService.createOrder(tx, {
      storeId, customerId: null, email: 'guest@example.com', currency: CurrencyCode.CNY, status: 'PAID',
      lines: lines.map((l, i) => ({ ...l, variantId: l.productId, title: `Line ${i}`, sku: `LINE-${i}`, options: [], unitPrice: 100_00, quantity: 1 })),
      totals: { subtotal: lines.length * 100_00, shipping: 0, tax: 0, total: lines.length * 100_00 },
      delivery: { method: DeliveryMethod.SHIPPING, address: { address1: '1 Bund', city: 'Shanghai', countryCode: 'CN' } },
    }));
  const orderA = await order(storeA.store.id, [{ brandId: brandA.id, productId: pA.id }]);
  const orderB = await order(storeB.store.id, [{ brandId: brandB.id, productId: pB.id }]);
  const mallOrder = await order(mall.store.id, [{ brandId: brandA.id, productId: pA.id }, { brandId: brandB.id, productId: pB.id }]);
  const linesOf = async (orderId: string) => await server.db.orm.em.fork().find(OrderLine, { orderId });

  // Concierge: the same customer is a client of both brands (the client book is per brand), with a note,
  // an active hold, an appointment and a pending invitation to an invite-only tier on each side.
  const customer = await customerToken(server);
  const [{ id: customerId }] = await server.db.orm.em.fork().execute<{ id: string }[]>(`select id from customer where email = 'client@example.com'`);
  const conciergeOf = async (brand: typeof brandA, staffId: string, variantId: string, locationId: string, hour: number) => {
    const em2 = server.db.orm.em.fork();
    const client = em2.create(Client, { brandId: brand.id, customerId });
    const programme = em2.create(Programme, { brandId: brand.id, handle: `${brand.handle}-circle`, names: { en: 'Circle' }, currency: CurrencyCode.CNY, qualification: Qualification.ROLLING_12_MONTHS });
    const tier = em2.create(Tier, { brandId: brand.id, programmeId: programme.id, rank: 1, handle: 'private', names: { en: 'Private' }, inviteOnly: true, perks: { earlyAccessHours: 48, tierRestrictedAccess: true, assignedConcierge: true, freeServices: [] } });
    await em2.flush();
    const clientId = toGlobalId('Client', client.id);
    const run = async (name: string, input: Record<string, unknown>, pick: string) => {
      const res = await server.gql('admin', `mutation($i: ${name[0].toUpperCase()}${name.slice(1)}Input!) { ${name}(input: $i) { ${pick} { id } userErrors { code message } } }`, { i: input }, platformUser.headers);
      const id = (res.data as any)?.[name]?.[pick]?.id;
      if (!id) throw new Error(`${name} failed in the world: ${JSON.stringify(res)}`);
      return id as string;
    };
    const start = new Date(Date.now() + 86_400_000 * 7 + hour * 3_600_000);
    return {
      tierId: toGlobalId('VipTier', tier.id),
      ids: {
        VipProgramme: [toGlobalId('VipProgramme', programme.id)],
        VipTier: [toGlobalId('VipTier', tier.id)],
        Client: [clientId],
        ClientNote: [await run('clientNoteAdd', { clientId, body: `Prefers ${brand.handle} in navy` }, 'note')],
        ClientHold: [await run('holdCreate', { clientId, variantId, locationId, quantity: 1, expiresAt: new Date(Date.now() + 86_400_000).toISOString() }, 'hold')],
        Appointment: [await run('appointmentCreate', { clientId, locationId, staffId: toGlobalId('StaffUser', staffId), startsAt: start.toISOString(), endsAt: new Date(start.getTime() + 3_600_000).toISOString() }, 'appointment')],
        TierInvitation: [await run('tierInvite', { clientId, tierId: toGlobalId('VipTier', tier.id), reason: 'Long-standing client' }, 'invitation')],
      },
    };
  };

  const variants = async (p: typeof pA) => (await p.variants.loadItems()).map((v) => toGlobalId('ProductVariant', v.id));
  const side = async (brand: typeof brandA, store: typeof storeA, products: (typeof pA)[], collection: typeof colA, keys: string[], staffIds: string[], orderOf: typeof orderA): Promise<Side> => ({
    brandId: brand.id,
    ids: {
      Brand: [toGlobalId('Brand', brand.id)],
      Store: [toGlobalId('Store', store.store.id)],
      StockLocation: [toGlobalId('StockLocation', store.location.id)],
      Product: products.map((p) => toGlobalId('Product', p.id)),
      ProductVariant: (await Promise.all(products.map(variants))).flat(),
      Collection: [toGlobalId('Collection', collection.id)],
      ApiKey: keys,
      StaffUser: staffIds.map((id) => toGlobalId('StaffUser', id)),
      Order: [toGlobalId('Order', orderOf.id)],
      OrderLine: (await linesOf(orderOf.id)).map((l) => toGlobalId('OrderLine', l.id)),
    },
  });
  const a = await side(brandA, storeA, [pA, pADraft], colA, [keyA.id, keyANoScope.id], [adminA.id, conciergeA.id], orderA);
  const b = await side(brandB, storeB, [pB, pBDraft], colB, [keyB.id], [adminB.id], orderB);
  for (const [s, brand, staffId] of [[a, brandA, conciergeA.id], [b, brandB, adminB.id]] as const) {
    const c = await conciergeOf(brand, staffId, s.ids.ProductVariant[0], s.ids.StockLocation[0], 10);
    Object.assign(s.ids, c.ids);
    s.tierId = c.tierId;
    s.customerId = toGlobalId('Customer', customerId);
  }
  // Each brand's certificate signing key, made through the Admin API (the key id is walked like a node).
  for (const s of [a, b]) {
    const res = await server.gql('admin', 'mutation($i: BrandSigningKeyRotateInput!) { brandSigningKeyRotate(input: $i) { signingKey { id } userErrors { message } } }', { i: { brandId: s.ids.Brand[0] } }, platformUser.headers);
    const keyId = (res.data as any)?.brandSigningKeyRotate?.signingKey?.id;
    if (!keyId) throw new Error(`brandSigningKeyRotate failed in the world: ${JSON.stringify(res)}`);
    s.ids.BrandSigningKey = [keyId];
  }
  // Each brand's drop of its bag in its own store, made through the Admin API (unpublished: the matrix reads the Admin side).
  for (const s of [a, b]) {
    const input = { handle: `${s === a ? 'a' : 'b'}-drop`, productId: s.ids.Product[0], unitsPerVariant: 2, storeIds: s.ids.Store, perCustomerLimit: 1,
      publicOpensAt: new Date(Date.now() + 86_400_000).toISOString(), endsAt: new Date(Date.now() + 2 * 86_400_000).toISOString() };
    const res = await server.gql('admin', 'mutation($i: DropCreateInput!) { dropCreate(input: $i) { drop { id } userErrors { message } } }', { i: input }, platformUser.headers);
    const dropId = (res.data as any)?.dropCreate?.drop?.id;
    if (!dropId) throw new Error(`dropCreate failed in the world: ${JSON.stringify(res)}`);
    s.ids.Drop = [dropId];
  }
  // The platform's programme (spend with any brand counts): every brand's staff read it.
  const emP = server.db.orm.em.fork();
  const platformProgramme = emP.create(Programme, { brandId: null, handle: 'flagship-club', names: { en: 'Flagship Club' }, currency: CurrencyCode.CNY, qualification: Qualification.CALENDAR_YEAR });
  const platformTier = emP.create(Tier, { brandId: null, programmeId: platformProgramme.id, rank: 1, handle: 'silver', names: { en: 'Silver' }, threshold: 10_000_00, perks: { earlyAccessHours: 2, tierRestrictedAccess: false, assignedConcierge: false, freeServices: [] } });
  await emP.flush();

  const owners = new Map<string, Owner>();
  for (const [s, brand] of [[a, brandA.id], [b, brandB.id]] as const) {
    for (const ids of Object.values(s.ids)) for (const id of ids) owners.set(id, { brands: [brand] });
  }
  owners.set(toGlobalId('Store', mall.store.id), { brands: [brandA.id, brandB.id] });
  owners.set(toGlobalId('StockLocation', mall.location.id), { brands: [brandA.id, brandB.id] });
  owners.set(toGlobalId('Order', mallOrder.id), { brands: [brandA.id, brandB.id] });
  for (const line of await linesOf(mallOrder.id)) owners.set(toGlobalId('OrderLine', line.id), { brands: [line.brandId] });
  owners.set(toGlobalId('Category', category.id), 'shared');
  owners.set(toGlobalId('VipProgramme', platformProgramme.id), 'shared');
  owners.set(toGlobalId('VipTier', platformTier.id), 'shared');
  owners.set(toGlobalId('Collection', colPlatform.id), 'shared');
  owners.set(keyAll.id, 'all-brands');
  owners.set(toGlobalId('StaffUser', platformUser.id), 'all-brands');

  const schema = await schemaFor('admin');
  return {
    server,
    schema,
    nodeTypes: new Set([...schema.getImplementations(schema.getType('Node') as never).objects.map((t) => t.name), ...OWNED_NON_NODES]),
    a,
    b,
    owners,
    viewers: {
      anonymous: {},
      customer,
      conciergeA: conciergeA.headers,
      brandAdminA: adminA.headers,
      keyA: keyA.headers,
      keyANoScope: keyANoScope.headers,
      platform: platformUser.headers,
    },
    scope: { anonymous: [], customer: [], conciergeA: [brandA.id], brandAdminA: [brandA.id], keyA: [brandA.id], keyANoScope: [], platform: null },
  };
}

/** Types that are not Nodes but belong to one brand and are walked like Nodes (a client's notes, holds, appointments, invitations, a brand's signing keys). */
export const OWNED_NON_NODES = ['ClientNote', 'ClientHold', 'Appointment', 'TierInvitation', 'ClientAccessLogEntry', 'BrandSigningKey'];
/** Rows whose owner is the row they reference (an access-log entry belongs to the client read). */
const OWNED_THROUGH: Record<string, string> = { ClientAccessLogEntry: 'clientId' };

/** Every object with an id in a response, wherever it sits. */
export function rowsIn(world: Pick<World, 'nodeTypes'>, value: unknown, found: { id: string; typename: string; path: string }[] = [], path = ''): typeof found {
  if (Array.isArray(value)) value.forEach((v, i) => rowsIn(world, v, found, `${path}[${i}]`));
  else if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const typename = record.__typename as string;
    const idField = OWNED_THROUGH[typename] ?? 'id';
    if (typeof record[idField] === 'string' && world.nodeTypes.has(typename)) found.push({ id: record[idField] as string, typename, path });
    for (const [key, child] of Object.entries(record)) rowsIn(world, child, found, path ? `${path}.${key}` : key);
  }
  return found;
}

/** Rows a viewer must never receive: another brand's, or (for brand staff) all-brands rows. */
export function violations(world: World, viewer: ViewerName, data: unknown): string[] {
  const scope = world.scope[viewer];
  if (scope === null) return [];
  return rowsIn(world, data).flatMap((row) => {
    const owner = world.owners.get(row.id);
    if (!owner) return [`${row.path}: ${row.typename} ${row.id} has no known owner (add it to the world)`];
    if (owner === 'shared') return scope.length ? [] : [`${row.path}: ${row.typename} reached a caller with no catalog rights`];
    if (owner === 'all-brands' || !owner.brands.some((b) => scope.includes(b))) return [`${row.path}: ${row.typename} ${row.id} of another brand`];
    return [];
  });
}

/**
 * A selection set that reaches every field of a type down to `depth` object levels (no type repeated
 * along a path), with __typename and id wherever they exist; fields with required arguments are skipped.
 */
export function selectionFor(schema: GraphQLSchema, typeName: string, depth: number, path: string[] = []): string {
  const type = schema.getType(typeName);
  if (!type || !(isObjectType(type) || isInterfaceType(type))) return '';
  const parts = ['__typename'];
  const fields = Object.values((type as GraphQLObjectType).getFields()) as GraphQLField<unknown, unknown>[];
  for (const field of fields) {
    if (field.args.some((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined)) continue;
    const named = getNamedType(field.type);
    if (isLeafType(named)) parts.push(field.name);
    else if (depth > 0 && !path.includes(named.name)) {
      const inner = selectionFor(schema, named.name, depth - 1, [...path, typeName]);
      if (inner) parts.push(`${field.name} { ${inner} }`);
    }
  }
  return parts.join(' ');
}

/** Every public table's rows (last_used_at of API keys moves on every authenticated call), to prove a refused request wrote nothing. */
export async function databaseSnapshot(server: TestServer): Promise<string> {
  const em = server.db.orm.em.fork();
  const tables = await em.execute<{ table_name: string }[]>(
    `select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'
      and table_name not like 'mikro_orm%' and table_name not like 'rate_limit%' order by 1`,
  );
  const parts: string[] = [];
  for (const { table_name } of tables) {
    const rows = await em.execute<{ r: string }[]>(`select (to_jsonb(t) - 'last_used_at')::text as r from "${table_name}" t order by 1`);
    parts.push(`${table_name}: ${rows.map((row) => row.r).join('\n')}`);
  }
  return parts.join('\n');
}

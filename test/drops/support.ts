import { v7 as uuidv7 } from 'uuid';
import { createStaffUser } from '../../src/access/access.service.js';
import { issueToken } from '../../src/shared/auth.js';
import type { App } from '../../src/shared/context.js';
import { toGlobalId } from '../../src/shared/ids.js';
import { StaffRole } from '../../src/shared/roles.js';
import { CatalogFixtures } from '../support/catalog-fixtures.js';
import type { TestServer } from '../support/server.js';

const PASSWORD = 'a-long-test-password';

/** Brand A sold in its China flagship and a Design Mall, brand B in its own store; a one-variant bag of each brand. */
export async function dropWorld(server: TestServer) {
  const em = server.db.orm.em.fork();
  const f = new CatalogFixtures(em);
  const brandA = f.brand('brand-a', { en: 'Brand A' });
  const brandB = f.brand('brand-b', { en: 'Brand B' });
  const cn = f.store('a-cn', [brandA]);
  const mall = f.store('design-mall', [brandA, brandB]);
  const storeB = f.store('b-cn', [brandB]);
  const bag = f.product(brandA, 'selma-edition', { en: 'SELMA edition' }, { stores: [{ ...cn, price: 1000_00 }, { ...mall, price: 1000_00 }], colours: ['black', 'red'] });
  const bagB = f.product(brandB, 'b-edition', { en: 'B edition' }, { stores: [{ ...storeB, price: 500_00 }] });
  await f.commit();
  const staff = async (email: string, role: StaffRole, brandIds: string[]) => {
    await createStaffUser(server.db.orm.em.fork(), { email, password: PASSWORD, role, brandIds });
    const res = await server.gql('admin', 'mutation($i: StaffLoginInput!) { staffLogin(input: $i) { accessToken } }', { i: { email, password: PASSWORD } });
    return { authorization: `Bearer ${(res.data as any).staffLogin.accessToken}` };
  };
  const adminA = await staff('admin-a@example.com', StaffRole.BRAND_ADMIN, [brandA.id]);
  const platform = await staff('platform@example.com', StaffRole.PLATFORM_ADMIN, []);
  const variants = (await bag.variants.loadItems()).map((v) => v.id);
  return {
    adminA, platform,
    brandA: brandA.id, brandB: brandB.id,
    stores: { cn: toGlobalId('Store', cn.store.id), mall: toGlobalId('Store', mall.store.id), b: toGlobalId('Store', storeB.store.id) },
    product: toGlobalId('Product', bag.id), productB: toGlobalId('Product', bagB.id),
    variants: variants.map((id) => toGlobalId('ProductVariant', id)),
    variantsB: (await bagB.variants.loadItems()).map((v) => toGlobalId('ProductVariant', v.id)),
    variantIds: variants,
  };
}
export type DropWorld = Awaited<ReturnType<typeof dropWorld>>;

/** `n` customers written straight to the table (no password hashing per customer), each with a signed access token. */
export async function customers(server: TestServer, n: number, prefix = 'buyer'): Promise<{ id: string; token: string }[]> {
  const ids = Array.from({ length: n }, () => uuidv7());
  await server.db.orm.em.fork().execute(
    `insert into customer (id, email, password_hash, created_at, updated_at) select id, ? || '-' || ord || '@example.com', 'not-a-hash', now(), now() from unnest(?::uuid[]) with ordinality as t(id, ord)`,
    [`${prefix}-${uuidv7().slice(-8)}`, `{${ids.join(',')}}`],
  );
  return Promise.all(ids.map(async (id) => ({ id, token: (await issueToken(server.app as App, { typ: 'customer', sub: id })).token })));
}

export const storefront = (token: string | null, store = 'a-cn') => ({ 'x-store': store, ...(token ? { authorization: `Bearer ${token}` } : {}) });

const hour = 3_600_000;

/** A published drop made through the Admin API. */
export async function createDrop(server: TestServer, w: DropWorld, over: Record<string, unknown> = {}, publish = true) {
  const input = {
    handle: `drop-${uuidv7().slice(-8)}`, productId: w.product, variantIds: [w.variants[0]], unitsPerVariant: 100, storeIds: [w.stores.cn, w.stores.mall],
    publicOpensAt: new Date(Date.now() - hour).toISOString(), endsAt: new Date(Date.now() + 24 * hour).toISOString(), perCustomerLimit: 2, ...over,
  };
  const res = await server.gql('admin', 'mutation($i: DropCreateInput!) { dropCreate(input: $i) { drop { id handle editionSize } userErrors { code field message } } }', { i: input }, w.adminA);
  const created = (res.data as any)?.dropCreate;
  if (!created?.drop) throw new Error(`dropCreate failed: ${JSON.stringify(res)}`);
  if (publish) {
    const pub = await server.gql('admin', 'mutation($i: DropIdInput!) { dropPublish(input: $i) { drop { id } userErrors { code message } } }', { i: { id: created.drop.id } }, w.adminA);
    if (!(pub.data as any)?.dropPublish?.drop) throw new Error(`dropPublish failed: ${JSON.stringify(pub)}`);
  }
  return created.drop as { id: string; handle: string; editionSize: number };
}

export const RESERVE = `mutation($i: DropReserveInput!) { dropReserve(input: $i) { reservation { id quantity status expiresAt } userErrors { code field message } } }`;

/** Units by status for the drop's edition, straight from the table. */
export async function unitCounts(server: TestServer, dropGlobalId: string) {
  const [row] = await server.db.orm.em.fork().execute<{ available: number; reserved: number; sold: number; total: number }[]>(
    `select count(*) filter (where u.status = 'AVAILABLE')::int as available, count(*) filter (where u.status = 'RESERVED')::int as reserved,
            count(*) filter (where u.status = 'SOLD')::int as sold, count(*)::int as total
       from edition_unit u join drop_release d on d.edition_id = u.edition_id where d.id = ?`,
    [Buffer.from(dropGlobalId, 'base64').toString().split(':')[1]],
  );
  return row;
}

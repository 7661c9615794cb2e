import { v7 as uuidv7 } from 'uuid';
import { AdminClient360Document, AdminClientAccessLogDocument, AdminClientBookDocument } from '../generated/admin.js';
import { dataOf } from '../support/payload.js';
import { buildWorld, type World } from '../tenancy/world.js';

/**
 * The client book and the 360 view over HTTP: a fixed number of statements per page, every 360 read
 * logged, contact details (PII) by role, the access log for brand admins only.
 */
let world: World;
let clientA: string;
beforeAll(async () => {
  world = await buildWorld();
  clientA = world.a.ids.Client[0];
  // 60 more clients of brand A, with a phone on each account.
  const em = world.server.db.orm.em.fork();
  for (let i = 0; i < 60; i++) {
    const customerId = uuidv7();
    await em.execute(
      `insert into customer (id, created_at, updated_at, email, password_hash, first_name, last_name) values (?, now(), now(), ?, 'x', ?, 'Client')`,
      [customerId, `book-${i}@example.com`, `Reader${i}`],
    );
    await em.execute(`insert into client_profile (id, created_at, updated_at, brand_id, customer_id, preferences) values (?, now(), now(), ?, ?, '[{"key":"fit","value":"slim"}]')`, [uuidv7(), world.a.brandId, customerId]);
  }
  await em.execute(`update customer set phone = '+8613800000000' where email = 'client@example.com'`);
}, 120_000);
afterAll(() => world?.server.close());

const sql = <T>(query: string, params: unknown[] = []) => world.server.db.orm.em.fork().execute<T[]>(query, params);

test('clients(first: 5) and clients(first: 50) send the same number of SQL statements, at most 5', async () => {
  const counts: number[] = [];
  for (const first of [5, 50]) {
    const { result, queries } = await world.server.db.queries.measure(() => world.server.gql('admin', AdminClientBookDocument, { first }, world.viewers.brandAdminA));
    const { clients } = dataOf(result);
    expect(clients.nodes).toHaveLength(first);
    expect(clients.totalCount).toBe(61);
    expect(clients.nodes.every((c) => c.preferences.length >= 0 && c.spendLast12Months)).toBe(true);
    counts.push(queries);
  }
  expect(counts[0]).toBe(counts[1]);
  expect(counts[0]).toBeLessThanOrEqual(5);
});

test("the 360 view writes one access-log row per read; a concierge sees email and phone as null, a brand admin sees them", async () => {
  const logged = async () => (await sql<{ n: number }>(`select count(*)::int as n from client_access_log where client_id = ?`, [await clientUuid()]))[0].n;
  const before = await logged();

  const asConcierge = dataOf(await world.server.gql('admin', AdminClient360Document, { id: clientA }, world.viewers.conciergeA)).client!;
  expect(asConcierge).toMatchObject({ id: clientA, email: null, phone: null });
  expect(asConcierge.notes.map((n) => n.body)).toEqual(['Prefers brand-a in navy']);
  expect(asConcierge.holds).toHaveLength(1);
  expect(asConcierge.appointments).toHaveLength(1);
  expect(asConcierge.tierInvitations.map((i) => i.status)).toEqual(['PENDING']);

  const asAdmin = dataOf(await world.server.gql('admin', AdminClient360Document, { id: clientA }, world.viewers.brandAdminA)).client!;
  expect(asAdmin).toMatchObject({ email: 'client@example.com', phone: '+8613800000000' });
  expect(await logged()).toBe(before + 2);

  const [last] = await sql<{ staff_id: string; brand_id: string }>(`select staff_id, brand_id from client_access_log where client_id = ? order by id desc limit 1`, [await clientUuid()]);
  expect(last.brand_id).toBe(world.a.brandId);

  // Another brand's client reads as missing and leaves no log row.
  const other = await world.server.gql('admin', AdminClient360Document, { id: world.b.ids.Client[0] }, world.viewers.brandAdminA);
  expect(dataOf(other).client).toBeNull();
  expect(await logged()).toBe(before + 2);
});

test('clientAccessLog is for brand admins: the concierge is FORBIDDEN, the brand admin sees the reads of its own clients only', async () => {
  await world.server.gql('admin', AdminClient360Document, { id: clientA }, world.viewers.conciergeA);
  const refused = await world.server.gql('admin', AdminClientAccessLogDocument, { clientId: clientA }, world.viewers.conciergeA);
  expect(refused.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);

  await world.server.gql('admin', AdminClient360Document, { id: world.b.ids.Client[0] }, world.viewers.platform);
  const log = dataOf(await world.server.gql('admin', AdminClientAccessLogDocument, {}, world.viewers.brandAdminA)).clientAccessLog;
  expect(log.nodes.length).toBeGreaterThan(0);
  expect(new Set(log.nodes.map((e) => e.clientId))).toEqual(new Set([clientA]));
  const all = dataOf(await world.server.gql('admin', AdminClientAccessLogDocument, {}, world.viewers.platform)).clientAccessLog;
  expect(all.nodes.map((e) => e.clientId)).toContain(world.b.ids.Client[0]);
});

async function clientUuid() {
  const [row] = await sql<{ id: string }>(`select id from client_profile where brand_id = ? and customer_id = (select id from customer where email = 'client@example.com')`, [world.a.brandId]);
  return row.id;
}

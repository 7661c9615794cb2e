import pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { issueToken } from '../src/shared/auth.js';
import type { App } from '../src/shared/context.js';
import { toGlobalId } from '../src/shared/ids.js';
import { percentile } from './checkout-scenario.js';

/**
 * The drop storm of issue 12: `buyers` signed-in customers with distinct tokens send one dropReserve
 * each for a drop of `units` units (perCustomerLimit 1) from `connections` concurrent workers. Then, in
 * the same run and at the same concurrency, the ceiling of one hot stock row in plain SQL: each worker
 * on its own connection commits `update ... set n = n - 1 where n > 0` until the same `units` are gone.
 */
export const DROP_RESERVE = /* GraphQL */ `mutation Reserve($input: DropReserveInput!) {
  dropReserve(input: $input) { reservation { id quantity } userErrors { code field message } } }`;
const DROP_CREATE = /* GraphQL */ `mutation Create($input: DropCreateInput!) { dropCreate(input: $input) { drop { id } userErrors { code field message } } }`;
const DROP_PUBLISH = /* GraphQL */ `mutation Publish($input: DropIdInput!) { dropPublish(input: $input) { drop { id status } userErrors { code field message } } }`;

export interface DropStormOptions {
  url: string;
  databaseUrl: string;
  store: string;
  jwtSecret: string;
  connections: number;
  units?: number;
  buyers?: number;
  /** pg_stat_statements over the postgres database, or null with --no-sql. */
  sql?: pg.Client | null;
  /** CPU ms used so far by the server process and by PostgreSQL (null when the server is not ours). */
  cpuMs?: () => { server: number; postgres: number } | null;
}

type Body = { data?: any; errors?: unknown[] };
const post = async (url: string, headers: Record<string, string>, query: string, variables: Record<string, unknown>): Promise<Body> => {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
  return res.json() as Promise<Body>;
};

const HOUR = 3_600_000;

/** `count` customers written straight into the table, each with a token signed as sign-in signs it. */
async function buyersWithTokens(client: pg.Client, app: App, count: number, label: string): Promise<string[]> {
  const ids = Array.from({ length: count }, () => uuidv7());
  await client.query(
    `insert into customer (id, created_at, updated_at, email, password_hash) select id, now(), now(), 'drop-' || $2 || '-' || n || '@example.com', 'not-used'
       from unnest($1::uuid[]) with ordinality as t(id, n)`,
    [ids, label],
  );
  return Promise.all(ids.map(async (sub) => (await issueToken(app, { typ: 'customer', sub })).token));
}

/** A published, live drop of `units` units of one variant in `store`, made through the Admin API by a platform admin written into staff_user. */
async function liveDrop(o: DropStormOptions, client: pg.Client, app: App, units: number, handle: string) {
  const { rows } = await client.query<{ store_id: string; product_id: string; variant_id: string }>(
    `select s.id as store_id, p.id as product_id, v.id as variant_id from store s
       join product_listing l on l.store_id = s.id join product p on p.id = l.product_id and p.status = 'ACTIVE'
       join store_brand sb on sb.store_id = s.id and sb.brand_id = p.brand_id
       join product_variant v on v.product_id = p.id and v.archived_at is null
      where s.handle = $1 order by p.id, v.position, v.id limit 1`,
    [o.store],
  );
  if (!rows[0]) throw new Error(`drops: no active product with a live variant in store ${o.store}`);
  const staffId = uuidv7();
  await client.query(
    `insert into staff_user (id, created_at, updated_at, email, password_hash, role, brand_ids) values ($1, now(), now(), $2, 'not-used', 'PLATFORM_ADMIN', '{}')`,
    [staffId, `bench-${staffId}@example.com`],
  );
  const admin = { authorization: `Bearer ${(await issueToken(app, { typ: 'staff', sub: staffId })).token}` };
  const adminUrl = o.url.replace(/\/graphql$/, '/admin/graphql');
  const variantId = toGlobalId('ProductVariant', rows[0].variant_id);
  const input = {
    handle, productId: toGlobalId('Product', rows[0].product_id), variantIds: [variantId], unitsPerVariant: units, storeIds: [toGlobalId('Store', rows[0].store_id)],
    publicOpensAt: new Date(Date.now() - HOUR).toISOString(), endsAt: new Date(Date.now() + 24 * HOUR).toISOString(), perCustomerLimit: 1,
  };
  const created = await post(adminUrl, admin, DROP_CREATE, { input });
  const dropId = created.data?.dropCreate?.drop?.id;
  if (!dropId) throw new Error(`dropCreate: ${JSON.stringify(created).slice(0, 400)}`);
  const published = await post(adminUrl, admin, DROP_PUBLISH, { input: { id: dropId } });
  if (published.data?.dropPublish?.drop?.status !== 'LIVE') throw new Error(`dropPublish: ${JSON.stringify(published).slice(0, 400)}`);
  return { dropId: dropId as string, dropUuid: Buffer.from(dropId, 'base64').toString().split(':')[1], variantId };
}

/** One request per token from `connections` workers; per-request latency, and `onBody` sees each answer at its end time (ms from the start). */
async function fire(o: DropStormOptions, tokens: string[], query: string, variables: Record<string, unknown>, onBody: (body: any, endedAt: number) => void) {
  const durations: number[] = [];
  let errors = 0;
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: o.connections }, async () => {
      while (next < tokens.length) {
        const token = tokens[next++];
        const started = performance.now();
        try {
          const body = await post(o.url, { 'x-store': o.store, authorization: `Bearer ${token}` }, query, variables);
          const ended = performance.now();
          durations.push(ended - started);
          onBody(body, ended - t0);
        } catch (err) {
          if (errors++ === 0) console.error(`${query.slice(0, 40)}: ${(err as Error).message}`);
        }
      }
    }),
  );
  return { durations, errors, elapsedMs: performance.now() - t0 };
}

/** One dropReserve per buyer; when each unit was won, in ms from the start. */
async function storm(o: DropStormOptions, drop: { dropId: string; variantId: string }, tokens: string[]) {
  const wonAt: number[] = [];
  let soldOut = 0;
  let refused = 0;
  const fired = await fire(o, tokens, DROP_RESERVE, { input: { dropId: drop.dropId, variantId: drop.variantId, quantity: 1 } }, (body, endedAt) => {
    const r = body.data?.dropReserve;
    if (r?.reservation?.quantity === 1) wonAt.push(endedAt);
    else if (r?.userErrors?.length === 1 && r.userErrors[0].code === 'SOLD_OUT') soldOut++;
    else if (refused++ === 0) console.error(`dropReserve: ${JSON.stringify(body).slice(0, 400)}`);
  });
  return { ...fired, wonAt, soldOut, errors: fired.errors + refused };
}

/** The floor under any signed-in request here: the same buyers ask `customer { id }` (the token check and one read). */
const SIGNED_IN_FLOOR = /* GraphQL */ `query BenchFloor { customer { id } }`;

/** What the database holds after the storm: units reserved, distinct units and numbers, the most any customer holds. */
async function outcome(client: pg.Client, dropUuid: string) {
  const { rows: [r] } = await client.query<{ edition_size: number; reserved_quantity: number; reservations: number; max_per_customer: number; unit_rows: number; distinct_units: number; distinct_numbers: number; available: number }>(
    `select e.edition_size,
            (select coalesce(sum(quantity), 0)::int from drop_reservation where drop_id = d.id and status = 'ACTIVE') as reserved_quantity,
            (select count(*)::int from drop_reservation where drop_id = d.id and status = 'ACTIVE') as reservations,
            (select coalesce(max(q), 0)::int from (select sum(quantity) as q from drop_reservation where drop_id = d.id group by customer_id) c) as max_per_customer,
            (select count(*)::int from edition_unit u join drop_reservation r on r.id = u.reservation_id where r.drop_id = d.id and u.status = 'RESERVED') as unit_rows,
            (select count(distinct u.id)::int from edition_unit u join drop_reservation r on r.id = u.reservation_id where r.drop_id = d.id and u.status = 'RESERVED') as distinct_units,
            (select count(distinct u.number)::int from edition_unit u join drop_reservation r on r.id = u.reservation_id where r.drop_id = d.id and u.status = 'RESERVED') as distinct_numbers,
            (select count(*)::int from edition_unit where edition_id = e.id and status = 'AVAILABLE') as available
       from drop_release d join limited_edition e on e.id = d.edition_id where d.id = $1`,
    [dropUuid],
  );
  // Units promised beyond the distinct numbered units backing them (a unit held twice, or more than the edition).
  const oversell = Math.max(0, r.reserved_quantity - Math.min(r.distinct_numbers, r.edition_size));
  return { ...r, oversell };
}

/**
 * One hot stock row: `connections` workers, each on its own connection, commit one decrement per
 * transaction (durable: synchronous_commit as the server runs) until the counter's `units` are gone.
 */
async function hotRowCeiling(databaseUrl: string, connections: number, units: number) {
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  const workers = await Promise.all(Array.from({ length: connections }, async () => {
    const c = new pg.Client({ connectionString: databaseUrl });
    await c.connect();
    return c;
  }));
  try {
    await admin.query('create table if not exists bench_hot_row (id int primary key, n int not null)');
    await admin.query('insert into bench_hot_row (id, n) values (1, $1) on conflict (id) do update set n = excluded.n', [units]);
    const { rows: [{ synchronous_commit }] } = await admin.query<{ synchronous_commit: string }>('show synchronous_commit');
    const durations: number[] = [];
    let lastAt = 0;
    const t0 = performance.now();
    await Promise.all(workers.map(async (c) => {
      for (;;) {
        const started = performance.now();
        await c.query('begin');
        const { rowCount } = await c.query('update bench_hot_row set n = n - 1 where id = 1 and n > 0 returning n');
        await c.query('commit');
        if (!rowCount) return;
        const ended = performance.now();
        durations.push(ended - started);
        lastAt = Math.max(lastAt, ended - t0);
      }
    }));
    const { rows: [{ n }] } = await admin.query<{ n: number }>('select n from bench_hot_row where id = 1');
    if (n !== 0 || durations.length !== units) throw new Error(`hot row: ${durations.length} decrements, ${n} left of ${units}`);
    return { durations, lastAt, synchronous_commit };
  } finally {
    await admin.query('drop table if exists bench_hot_row');
    await admin.end();
    await Promise.all(workers.map((c) => c.end()));
  }
}

/** SQL statements of one successful dropReserve: 20 sequential reservations on a drop of their own, the statistics reset before each. */
async function statementsPerReserve(o: DropStormOptions, client: pg.Client, app: App, run: number, samples = 20): Promise<number> {
  const drop = await liveDrop(o, client, app, samples, `bench-sql-${run}`);
  const tokens = await buyersWithTokens(client, app, samples, `sql-${run}`);
  let total = 0;
  for (const token of tokens) {
    await o.sql!.query('select pg_stat_statements_reset()');
    const body = await post(o.url, { 'x-store': o.store, authorization: `Bearer ${token}` }, DROP_RESERVE, { input: { dropId: drop.dropId, variantId: drop.variantId, quantity: 1 } });
    if (body.data?.dropReserve?.reservation?.quantity !== 1) throw new Error(`dropReserve (SQL sample): ${JSON.stringify(body).slice(0, 400)}`);
    const { rows } = await o.sql!.query(`select coalesce(sum(calls), 0)::int as calls from pg_stat_statements where dbid = (select oid from pg_database where datname = 'flagship') and query not ilike '%pg_stat_statements%'`);
    total += rows[0].calls;
  }
  return +(total / samples).toFixed(2);
}

/** The `drop-storm` and `hot-row-ceiling` rows of the bench table; throws when a unit is oversold or the count is off. */
export async function benchDrops(o: DropStormOptions) {
  const units = o.units ?? 500;
  const buyers = o.buyers ?? 2000;
  const app = { config: { JWT_TTL_SECONDS: 3600, jwtSecret: o.jwtSecret } } as App;
  const client = new pg.Client({ connectionString: o.databaseUrl });
  await client.connect();
  try {
    const run = Date.now();
    // Warm-up on its own small drop (JIT, pools, caches), then the measured storm on a fresh one.
    const warm = await liveDrop(o, client, app, 50, `bench-warmup-${run}`);
    await storm(o, warm, await buyersWithTokens(client, app, 200, `warmup-${run}`));
    const drop = await liveDrop(o, client, app, units, `bench-storm-${run}`);
    const tokens = await buyersWithTokens(client, app, buyers, `storm-${run}`);
    const cpu0 = o.cpuMs?.();
    const s = await storm(o, drop, tokens);
    const cpu1 = o.cpuMs?.();
    const perRequest = (a?: number, b?: number, n = s.durations.length) => (a != null && b != null && n ? +((b - a) / n).toFixed(2) : null);
    const db = await outcome(client, drop.dropUuid);
    const sorted = [...s.durations].sort((a, b) => a - b);
    const soldOutAtMs = s.wonAt.length ? Math.max(...s.wonAt) : s.elapsedMs;
    const stormRow = {
      scenario: 'drop-storm',
      reqPerSec: +(s.durations.length / (s.elapsedMs / 1000)).toFixed(1),
      reservationsPerSec: +(db.unit_rows / (soldOutAtMs / 1000)).toFixed(1),
      p50: percentile(sorted, 50),
      p99: percentile(sorted, 99),
      errors: s.errors,
      unitsReserved: db.unit_rows,
      oversell: db.oversell,
      won: s.wonAt.length,
      soldOut: s.soldOut,
      maxPerCustomer: db.max_per_customer,
      soldOutAtMs: +soldOutAtMs.toFixed(0),
      serverCpuMsPerReq: perRequest(cpu0?.server, cpu1?.server),
      pgCpuMsPerReq: perRequest(cpu0?.postgres, cpu1?.postgres),
    };
    let answered = 0;
    const f0 = o.cpuMs?.();
    const f = await fire(o, tokens, SIGNED_IN_FLOOR, {}, (body) => { if (body.data?.customer?.id) answered++; });
    const f1 = o.cpuMs?.();
    const floorSorted = [...f.durations].sort((a, b) => a - b);
    const floorRow = {
      scenario: 'signed-in-floor',
      reqPerSec: +(f.durations.length / (f.elapsedMs / 1000)).toFixed(1),
      p50: percentile(floorSorted, 50),
      p99: percentile(floorSorted, 99),
      errors: tokens.length - answered,
      serverCpuMsPerReq: perRequest(f0?.server, f1?.server, f.durations.length),
      pgCpuMsPerReq: perRequest(f0?.postgres, f1?.postgres, f.durations.length),
    };
    const sqlPerReserve = o.sql ? await statementsPerReserve(o, client, app, run) : null;
    const hot = await hotRowCeiling(o.databaseUrl, o.connections, units);
    const hotSorted = [...hot.durations].sort((a, b) => a - b);
    const hotRow = {
      scenario: 'hot-row-ceiling',
      reqPerSec: +(hot.durations.length / (hot.lastAt / 1000)).toFixed(1),
      reservationsPerSec: +(hot.durations.length / (hot.lastAt / 1000)).toFixed(1),
      p50: percentile(hotSorted, 50),
      p99: percentile(hotSorted, 99),
      errors: 0,
      unitsReserved: hot.durations.length,
      oversell: 0,
      soldOutAtMs: +hot.lastAt.toFixed(0),
      synchronousCommit: hot.synchronous_commit,
    };
    const ratio = +(stormRow.reservationsPerSec / hotRow.reservationsPerSec).toFixed(2);
    console.log(
      `drop storm: ${buyers} buyers, ${units} units, ${o.connections} connections: units reserved ${db.unit_rows} (must be ${units}), oversell ${db.oversell} (must be 0), ` +
        `${stormRow.reservationsPerSec} reservations/s (sold out at ${stormRow.soldOutAtMs} ms), ${stormRow.reqPerSec} requests/s, p50 ${stormRow.p50} ms, p99 ${stormRow.p99} ms, errors ${s.errors}, SQL/reservation ${sqlPerReserve ?? '-'}, ` +
        `CPU ms/request server ${stormRow.serverCpuMsPerReq ?? '-'} PostgreSQL ${stormRow.pgCpuMsPerReq ?? '-'}`,
    );
    console.log(`signed-in floor (customer { id }, same buyers): ${floorRow.reqPerSec} requests/s, p50 ${floorRow.p50} ms, p99 ${floorRow.p99} ms, CPU ms/request server ${floorRow.serverCpuMsPerReq ?? '-'} PostgreSQL ${floorRow.pgCpuMsPerReq ?? '-'}`);
    console.log(`hot-row ceiling (plain SQL, synchronous_commit=${hot.synchronous_commit}): ${hotRow.reservationsPerSec} decrements/s, p50 ${hotRow.p50} ms, p99 ${hotRow.p99} ms; ratio drop storm / hot row = ${ratio}`);
    const problems = [
      db.unit_rows !== units && `${db.unit_rows} units reserved, not ${units}`,
      db.oversell > 0 && `oversold by ${db.oversell}`,
      db.unit_rows !== db.distinct_units && 'a unit is held twice',
      db.max_per_customer > 1 && `a customer holds ${db.max_per_customer} units (limit 1)`,
      s.wonAt.length !== db.reservations && `${s.wonAt.length} reservations answered, ${db.reservations} in the database`,
      s.errors > 0 && `${s.errors} requests failed`,
      floorRow.errors > 0 && `${floorRow.errors} floor requests failed`,
    ].filter(Boolean);
    if (problems.length) throw new Error(`drop storm: ${problems.join('; ')}`);
    return { rows: [{ ...stormRow, ratioToHotRow: ratio, sqlPerReq: sqlPerReserve }, floorRow, hotRow], ratio };
  } finally {
    await client.end();
  }
}

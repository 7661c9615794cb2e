import pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { issueToken } from '../src/shared/auth.js';
import type { App } from '../src/shared/context.js';

/**
 * The checkout flow for distinct signed-in customers: cartCreate, cartLinesAdd, checkoutComplete with
 * the built-in test provider (tok_approve). One flow is three requests, so it is not an autocannon
 * request shape: `concurrency` workers each run flows back to back; latency is per whole flow.
 */
export const CART_CREATE = /* GraphQL */ `mutation { cartCreate { cart { id } userErrors { code message } } }`;
export const LINES_ADD = /* GraphQL */ `mutation Add($cartId: ID!, $variant: ID!) {
  cartLinesAdd(input: { cartId: $cartId, lines: [{ merchandiseId: $variant, quantity: 1 }] }) { cart { id } userErrors { code message } } }`;
export const CHECKOUT = /* GraphQL */ `mutation Checkout($input: CheckoutCompleteInput!) {
  checkoutComplete(input: $input) { order { number status cost { total { amount } } } userErrors { code message } } }`;

export interface Flow {
  customers: string[];
  variantId: string;
}

/** Customers written straight into the database with tokens signed as sign-in signs them (sign-in's password hashing is not what this measures), and one variant with stock to spare. */
export async function prepareCheckout(databaseUrl: string, store: string, jwtSecret: string, count: number): Promise<Flow> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ variant_id: string; location_id: string }>(
      `select il.variant_id, il.location_id from inventory_level il join stock_location sl on sl.id = il.location_id join store s on s.id = sl.store_id
         join variant_price vp on vp.variant_id = il.variant_id and vp.store_id = s.id
         join product_variant v on v.id = il.variant_id join product p on p.id = v.product_id and p.status = 'ACTIVE'
        where s.handle = $1 and sl.archived_at is null order by il.variant_id limit 1`,
      [store],
    );
    if (!rows[0]) throw new Error(`checkout: no priced, stocked variant in store ${store}`);
    // Bench setup, like the seeds: stock enough for every flow the run can make.
    await client.query('update inventory_level set on_hand = on_hand + 1000000 where variant_id = $1 and location_id = $2', [rows[0].variant_id, rows[0].location_id]);
    const ids = Array.from({ length: count }, () => uuidv7());
    const run = Date.now();
    await client.query(
      `insert into customer (id, created_at, updated_at, email, password_hash) select id, now(), now(), 'bench-' || $2 || '-' || n || '@example.com', 'not-used'
         from unnest($1::uuid[]) with ordinality as t(id, n)`,
      [ids, run],
    );
    const app = { config: { JWT_TTL_SECONDS: 3600, jwtSecret } } as App;
    const customers = await Promise.all(ids.map(async (sub) => (await issueToken(app, { typ: 'customer', sub })).token));
    return { customers, variantId: Buffer.from(`ProductVariant:${rows[0].variant_id}`).toString('base64') };
  } finally {
    await client.end();
  }
}

type Post = (query: string, variables: Record<string, unknown>, token: string) => Promise<{ data?: any; errors?: unknown[] }>;

/** One checkout by the customer `token`; throws on any error so the bench never counts a failure as a checkout. */
export async function checkoutFlow(post: Post, flow: Flow, token: string, key: string, onCheckout?: () => Promise<void>): Promise<void> {
  const created = await post(CART_CREATE, {}, token);
  const cartId = created.data?.cartCreate?.cart?.id;
  if (!cartId) throw new Error(`cartCreate: ${JSON.stringify(created).slice(0, 300)}`);
  const added = await post(LINES_ADD, { cartId, variant: flow.variantId }, token);
  if (added.data?.cartLinesAdd?.userErrors?.length !== 0) throw new Error(`cartLinesAdd: ${JSON.stringify(added).slice(0, 300)}`);
  await onCheckout?.();
  const input = { cartId, idempotencyKey: key, payment: { provider: 'test', token: 'tok_approve' }, shippingAddress: { address1: '1 Bench Rd', city: 'Shanghai', countryCode: 'CN' } };
  const paid = await post(CHECKOUT, { input }, token);
  if (paid.data?.checkoutComplete?.order?.status !== 'PAID') throw new Error(`checkoutComplete: ${JSON.stringify(paid).slice(0, 300)}`);
}

/** Runs flows from `concurrency` workers for `seconds`; returns each flow's duration in ms. */
export async function loadCheckout(post: Post, flow: Flow, next: () => string, concurrency: number, seconds: number, label: string): Promise<{ durations: number[]; errors: number }> {
  const durations: number[] = [];
  let errors = 0;
  const end = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < end) {
        const started = performance.now();
        try {
          await checkoutFlow(post, flow, next(), `${label}-${uuidv7()}`);
          durations.push(performance.now() - started);
        } catch (err) {
          if (errors++ === 0) console.error(`checkout: ${(err as Error).message}`);
        }
      }
    }),
  );
  return { durations, errors };
}

export const percentile = (sorted: number[], p: number) => (sorted.length ? +sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))].toFixed(1) : null);

export interface CheckoutBenchOptions {
  url: string;
  databaseUrl: string;
  store: string;
  jwtSecret: string;
  connections: number;
  duration: number;
  warmup: number;
  /** pg_stat_statements over the postgres database, or null with --no-sql. */
  sql: pg.Client | null;
  samples: number;
}

/** The `checkout` row of the bench table: checkouts/s, p50/p99 of a whole flow, SQL statements of checkoutComplete alone. */
export async function benchCheckout(o: CheckoutBenchOptions) {
  // Upper bound of flows: warm-up + load at an optimistic 200 checkouts/s per connection group, plus the samples.
  const flow = await prepareCheckout(o.databaseUrl, o.store, o.jwtSecret, 200 * (o.duration + o.warmup) + o.samples + 50);
  let customer = 0;
  const next = () => {
    if (customer >= flow.customers.length) throw new Error('checkout: out of pre-created customers');
    return flow.customers[customer++];
  };
  const post: Post = async (query, variables, token) => {
    const res = await fetch(o.url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-store': o.store, authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables }) });
    return res.json() as Promise<{ data?: any; errors?: unknown[] }>;
  };
  await checkoutFlow(post, flow, next(), `validate-${uuidv7()}`);
  await loadCheckout(post, flow, next, o.connections, o.warmup, 'warmup');
  const { durations, errors } = await loadCheckout(post, flow, next, o.connections, o.duration, 'load');
  let statements: number | null = null;
  if (o.sql) {
    let total = 0;
    for (let i = 0; i < o.samples; i++) {
      await checkoutFlow(post, flow, next(), `sql-${uuidv7()}`, async () => {
        await o.sql!.query('select pg_stat_statements_reset()');
      });
      const { rows } = await o.sql.query(`select coalesce(sum(calls), 0)::int as calls from pg_stat_statements where dbid = (select oid from pg_database where datname = 'flagship') and query not ilike '%pg_stat_statements%'`);
      total += rows[0].calls;
    }
    statements = +(total / o.samples).toFixed(2);
  }
  const sorted = [...durations].sort((a, b) => a - b);
  return {
    scenario: 'checkout',
    reqPerSec: +(durations.length / o.duration).toFixed(1),
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    p97_5: percentile(sorted, 97.5),
    p99: percentile(sorted, 99),
    errors,
    sqlPerReq: statements,
    serverCpuMsPerReq: null,
    pgCpuMsPerReq: null,
  };
}

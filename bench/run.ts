import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { loadConfig } from '../src/shared/config.js';
import { openDatabase } from '../src/app/database.js';
import { benchCheckout } from './checkout-scenario.js';
import { benchDrops } from './drop-storm.js';
import { catalogScenarios, type Gql, type Scenario } from './scenarios.js';

/**
 * npm run bench -- [--store HANDLE] [--only grid,detail,checkout,drops] [--connections 16] [--duration 15] [--warmup 3]
 *                  [--url http://host/graphql] [--no-sql] [--label NAME] [--profile]
 * Same method as ../shared/peer-vendure/bench.mjs: each variable set validated once, 20 sequential
 * requests, 3 s warm-up, then a measured autocannon run over loopback; SQL statements per request
 * from pg_stat_statements over 20 sequential requests.
 */
const { values: opts } = parseArgs({
  options: {
    store: { type: 'string' },
    only: { type: 'string' },
    connections: { type: 'string', default: '16' },
    duration: { type: 'string', default: '15' },
    warmup: { type: 'string', default: '3' },
    url: { type: 'string' },
    'no-sql': { type: 'boolean', default: false },
    label: { type: 'string', default: 'flagship' },
    /** Writes the server's V8 CPU profile (open it in Chrome DevTools) to bench/results/profiles/. */
    profile: { type: 'boolean', default: false },
  },
});
const CONNECTIONS = Number(opts.connections);
const DURATION = Number(opts.duration);
const WARMUP = Number(opts.warmup);
const PREWARM = 20;
const SQL_SAMPLES = 20;
const BENCH_JWT_SECRET = 'bench-secret-bench-secret-bench-secret-00';

const freePort = () =>
  new Promise<number>((resolve) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });

function cpuMs(pid: number): number {
  try {
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(f[11]) + Number(f[12])) * 1000) / 100;
  } catch {
    return 0;
  }
}

function postgresCpuMs(): number {
  let total = 0;
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      if (readFileSync(`/proc/${pid}/comm`, 'utf8').trim().startsWith('postgres')) total += cpuMs(Number(pid));
    } catch {
      /* process ended */
    }
  }
  return total;
}

async function startServer(databaseUrl: string): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(process.execPath, [...(opts.profile ? ['--cpu-prof', '--cpu-prof-dir=bench/results/profiles'] : []), 'dist/src/app/main.js'], {
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), HOST: '127.0.0.1', SEED: 'none', JOBS: 'off', NODE_ENV: 'production', LOG_LEVEL: 'warn', JWT_SECRET: BENCH_JWT_SECRET, SIGNING_KEY_SECRET: `${BENCH_JWT_SECRET}-signing` },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (d) => String(d).includes('Storefront API') && resolve());
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  return { url: `http://127.0.0.1:${port}/graphql`, child };
}

async function main() {
  const config = loadConfig();
  // Same PostgreSQL settings as ../shared/peer-vendure (pg_stat_statements, 512 MB shared buffers).
  const database = opts.url ? null : await openDatabase(config, ['-c', 'shared_preload_libraries=pg_stat_statements', '-c', 'pg_stat_statements.track=all', '-c', 'shared_buffers=512MB']);
  const server = opts.url ? null : await startServer(database!.url);
  const url = opts.url ?? server!.url;
  const sql = database && !opts['no-sql'] ? new pg.Client({ connectionString: database.url.replace(/\/[^/]+$/, '/postgres') }) : null;
  await sql?.connect();
  await sql?.query('create extension if not exists pg_stat_statements');
  try {
    let store = opts.store;
    const gqlRaw = async (query: string, variables?: Record<string, unknown>) => {
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...(store ? { 'x-store': store } : {}) }, body: JSON.stringify({ query, variables }) });
      return res.json() as Promise<{ data?: any; errors?: unknown[] }>;
    };
    if (!store) {
      const pgc = new pg.Client({ connectionString: database!.url });
      await pgc.connect();
      const { rows } = await pgc.query(`select s.handle from store s join product_listing l on l.store_id = s.id group by s.handle order by count(*) desc limit 1`);
      await pgc.end();
      store = rows[0]?.handle;
      if (!store) throw new Error('No store with products: run `npm run seed:synthetic -- --products 100000` first');
    }
    const gql: Gql = gqlRaw;
    const extra = await import('./search-scenarios.js' as string).then((m) => m.searchScenarios as Scenario[]).catch(() => []);
    const scenarios = [...catalogScenarios, ...extra].filter((s) => !opts.only || opts.only.split(',').includes(s.name));
    const rows = [];
    for (const sc of scenarios) {
      await sc.setup?.(gql);
      const vars = sc.variables ?? (() => ({}));
      for (let i = 0; i < Math.max(sc.distinct ?? 1, PREWARM); i++) {
        const r = await gql(sc.query, vars(i));
        if (r.errors || !r.data || Object.values(r.data)[0] == null) throw new Error(`${sc.name}: bad response ${JSON.stringify(r).slice(0, 400)}`);
      }
      let counter = 0;
      const run = (seconds: number) =>
        autocannon({
          url,
          method: 'POST',
          connections: CONNECTIONS,
          duration: seconds,
          timeout: 30,
          headers: { 'content-type': 'application/json', 'x-store': store! },
          requests: [{ setupRequest: (req: any) => ({ ...req, body: JSON.stringify({ query: sc.query, variables: vars(counter++) }) }) }],
        });
      await run(WARMUP);
      const [cpu0, pg0] = [server ? cpuMs(server.child.pid!) : 0, postgresCpuMs()];
      const r = await run(DURATION);
      const [cpu1, pg1] = [server ? cpuMs(server.child.pid!) : 0, postgresCpuMs()];
      const ok = r['2xx'];
      let statements: number | null = null;
      if (sql) {
        await new Promise((resolve) => setTimeout(resolve, 1000)); // let requests cut off by the load's end finish
        await sql.query('select pg_stat_statements_reset()');
        for (let i = 0; i < SQL_SAMPLES; i++) await gql(sc.query, vars(i));
        const { rows: s } = await sql.query(`select coalesce(sum(calls), 0)::int as calls from pg_stat_statements where dbid = (select oid from pg_database where datname = 'flagship') and query not ilike '%pg_stat_statements%'`);
        statements = +(s[0].calls / SQL_SAMPLES).toFixed(2);
      }
      const row = {
        scenario: sc.name,
        reqPerSec: +(ok / DURATION).toFixed(1),
        p50: r.latency.p50,
        p90: r.latency.p90,
        // autocannon reports p97.5, not p95
        p97_5: r.latency.p97_5,
        p99: r.latency.p99,
        errors: r.errors + r.timeouts + r.non2xx,
        sqlPerReq: statements,
        serverCpuMsPerReq: server && ok ? +((cpu1 - cpu0) / ok).toFixed(2) : null,
        pgCpuMsPerReq: ok ? +((pg1 - pg0) / ok).toFixed(2) : null,
      };
      rows.push(row);
      console.log(`${sc.name}: ${row.reqPerSec} req/s  p50 ${row.p50} ms  p99 ${row.p99} ms  errors ${row.errors}  SQL/req ${row.sqlPerReq ?? '-'}`);
    }
    if (!opts.only || opts.only.split(',').includes('checkout')) {
      const jwtSecret = server ? BENCH_JWT_SECRET : (process.env.JWT_SECRET ?? config.jwtSecret);
      const row = await benchCheckout({ url, databaseUrl: database?.url ?? process.env.DATABASE_URL!, store: store!, jwtSecret, connections: CONNECTIONS, duration: DURATION, warmup: WARMUP, sql, samples: SQL_SAMPLES });
      rows.push(row);
      console.log(`checkout: ${row.reqPerSec} checkouts/s  p50 ${row.p50} ms  p99 ${row.p99} ms  errors ${row.errors}  SQL/checkout ${row.sqlPerReq ?? '-'}`);
    }
    if (!opts.only || opts.only.split(',').includes('drops')) {
      const jwtSecret = server ? BENCH_JWT_SECRET : (process.env.JWT_SECRET ?? config.jwtSecret);
      const drops = await benchDrops({ url, databaseUrl: database?.url ?? process.env.DATABASE_URL!, store: store!, jwtSecret, connections: CONNECTIONS, sql,
        cpuMs: () => (server ? { server: cpuMs(server.child.pid!), postgres: postgresCpuMs() } : null) });
      rows.push(...drops.rows);
    }
    console.table(rows);
    const out = { label: opts.label, store, when: new Date().toISOString(), machine: { cpus: os.cpus().length, node: process.version }, settings: { connections: CONNECTIONS, durationS: DURATION, warmupS: WARMUP }, rows };
    mkdirSync('bench/results', { recursive: true });
    const file = `bench/results/${opts.label}-${out.when.replace(/[:.]/g, '-')}.json`;
    writeFileSync(file, JSON.stringify(out, null, 2) + '\n');
    console.log(`wrote ${file}`);
  } finally {
    await sql?.end();
    if (server) {
      server.child.kill('SIGTERM');
      await new Promise((r) => server.child.once('exit', r));
    }
    await database?.stop();
  }
}

main().catch((err) => {
  console.error(`bench failed: ${(err as Error).message}`);
  process.exit(1);
});

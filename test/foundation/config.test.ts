import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { ConfigError, DEV_JWT_SECRET, loadConfig } from '../../src/shared/config.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';

const MAIN = new URL('../../dist/src/app/main.js', import.meta.url).pathname;
const ROOT = new URL('../..', import.meta.url).pathname;

describe('loadConfig', () => {
  test.each([
    ['PORT', { PORT: 'eighty' }],
    ['PORT', { PORT: '70000' }],
    ['DATABASE_URL', { DATABASE_URL: 'mysql://localhost/x' }],
    ['DATABASE_URL', { DATABASE_URL: 'not a url' }],
    ['JWT_SECRET', { JWT_SECRET: 'short' }],
    ['JWT_SECRET', { NODE_ENV: 'production' }],
    ['MEILI_URL', { MEILI_URL: 'localhost:7700' }],
    ['SEED', { SEED: 'everything' }],
    ['SIGN_IN_MAX_FAILURES_PER_EMAIL', { SIGN_IN_MAX_FAILURES_PER_EMAIL: '0' }],
    ['SIGN_IN_MAX_FAILURES_PER_IP', { SIGN_IN_MAX_FAILURES_PER_IP: 'many' }],
    ['SIGN_IN_WINDOW_SECONDS', { SIGN_IN_WINDOW_SECONDS: '-5' }],
    ['TRUST_PROXY', { TRUST_PROXY: 'loopback, 10.0.0.0/8/1' }],
    ['TRUST_PROXY', { TRUST_PROXY: 'the load balancer' }],
  ])('a bad %s is a ConfigError naming it (%j)', (name, env) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(name);
  });

  test('TRUST_PROXY reads as express trust proxy: none by default, all, a hop count, or a list', () => {
    expect(loadConfig({}).TRUST_PROXY).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'true' }).TRUST_PROXY).toBe(true);
    expect(loadConfig({ TRUST_PROXY: '2' }).TRUST_PROXY).toBe(2);
    expect(loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8, ::1' }).TRUST_PROXY).toEqual(['loopback', '10.0.0.0/8', '::1']);
  });

  test('defaults, coercion, and empty values treated as unset', () => {
    const config = loadConfig({ PORT: '8080', DATABASE_URL: '', JWT_SECRET: '' });
    expect(config).toMatchObject({ PORT: 8080, HOST: '0.0.0.0', SEED: 'demo', JOBS: 'in-process' });
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.JWT_SECRET).toBeUndefined();
    expect(config.jwtSecret.length).toBeGreaterThanOrEqual(32);
  });

  test('production refuses the published development secret, even when passed explicitly', () => {
    const env = { NODE_ENV: 'production', JWT_SECRET: DEV_JWT_SECRET };
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(/JWT_SECRET.*development secret/);
    expect(loadConfig({ NODE_ENV: 'development', JWT_SECRET: DEV_JWT_SECRET }).jwtSecret).toBe(DEV_JWT_SECRET);
  });

  test('sign-in limits default to 5 failures per email and 20 per IP in 15 minutes', () => {
    expect(loadConfig({})).toMatchObject({ SIGN_IN_MAX_FAILURES_PER_EMAIL: 5, SIGN_IN_MAX_FAILURES_PER_IP: 20, SIGN_IN_WINDOW_SECONDS: 900 });
    expect(loadConfig({ SIGN_IN_MAX_FAILURES_PER_EMAIL: '10' }).SIGN_IN_MAX_FAILURES_PER_EMAIL).toBe(10);
  });

  test('production takes the given JWT secret', () => {
    const secret = 'x'.repeat(40);
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: secret, SIGNING_KEY_SECRET: 'y'.repeat(40) }).jwtSecret).toBe(secret);
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: secret })).toThrow(/SIGNING_KEY_SECRET.*required/);
  });
});

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Starts `node dist/src/app/main.js` with only the given environment (plus PATH and HOME). */
function startMain(env: Record<string, string>) {
  const child = spawn(process.execPath, [MAIN], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NODE_ENV: 'test', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const out = { stdout: '', stderr: '' };
  child.stdout.on('data', (d) => (out.stdout += d));
  child.stderr.on('data', (d) => (out.stderr += d));
  const exited = new Promise<Run>((resolve) => child.on('exit', (code) => resolve({ code, ...out })));
  return { child, out, exited };
}

/** Runs main.js to its exit, failing the test after `ms`. */
async function runMain(env: Record<string, string>, ms = 30_000): Promise<Run> {
  const { child, exited } = startMain(env);
  const timer = setTimeout(() => child.kill('SIGKILL'), ms);
  try {
    return await exited;
  } finally {
    clearTimeout(timer);
  }
}

function listen(port = 0): Promise<net.Server> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

const portOf = (server: net.Server) => (server.address() as net.AddressInfo).port;
const closeServer = (server: net.Server) => new Promise((resolve) => server.close(resolve));

async function freePort(): Promise<number> {
  const server = await listen();
  const port = portOf(server);
  await closeServer(server);
  return port;
}

function expectOneLine(run: Run, pattern: RegExp) {
  expect(run.code).toBe(1);
  const lines = run.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
}

describe('main.js start-up failures: exit 1 with one clear line on stderr', () => {
  test('a bad environment value names the variable', async () => {
    expectOneLine(await runMain({ PORT: 'eighty' }), /^error: .*\bPORT\b/);
    expectOneLine(await runMain({ JWT_SECRET: 'short' }), /^error: .*\bJWT_SECRET\b/);
    expectOneLine(await runMain({ NODE_ENV: 'production' }), /^error: .*\bJWT_SECRET\b/);
  });

  test('an unreachable database', async () => {
    const port = await freePort();
    const run = await runMain({ DATABASE_URL: `postgres://postgres:secret@127.0.0.1:${port}/x`, SEED: 'none', JOBS: 'off' });
    expectOneLine(run, new RegExp(`PostgreSQL.*127\\.0\\.0\\.1:${port}`));
    expect(run.stderr).toMatch(/ECONNREFUSED|refused/i);
    expect(run.stderr).not.toContain('secret');
  });

  // Under root the embedded PostgreSQL runs as the postgres user, which cannot enter a mode-700 folder.
  (process.getuid?.() === 0 ? test : test.skip)('as root, a DATA_DIR the postgres user cannot reach', async () => {
    const locked = mkdtempSync(path.join(os.tmpdir(), 'flagship-locked-'));
    try {
      const run = await runMain({ DATA_DIR: path.join(locked, 'data'), EMBEDDED_PG_PORT: String(await freePort()), SEED: 'none' });
      expectOneLine(run, new RegExp(`^error: embedded PostgreSQL runs as user 'postgres', which cannot enter ${locked} \\(mode 700\\).*or set DATABASE_URL$`));
    } finally {
      rmSync(locked, { recursive: true, force: true });
    }
  });

  describe('with a database', () => {
    let db: TestDatabase;
    beforeAll(async () => {
      db = await createTestDatabase({ migrate: false, poolSize: 2 });
    });
    afterAll(() => db.drop());

    test('a port already in use', async () => {
      const holder = await listen();
      try {
        const port = portOf(holder);
        const run = await runMain({ DATABASE_URL: db.url, SEED: 'none', JOBS: 'off', HOST: '127.0.0.1', PORT: String(port) });
        expectOneLine(run, new RegExp(`Port ${port} is already in use`));
      } finally {
        await closeServer(holder);
      }
    });

    test('starts, prints both URLs, serves both APIs and health, and exits 0 on SIGTERM', async () => {
      const port = await freePort();
      const { child, out, exited } = startMain({ DATABASE_URL: db.url, SEED: 'none', HOST: '127.0.0.1', PORT: String(port) });
      try {
        const base = `http://127.0.0.1:${port}`;
        for (let i = 0; i < 300 && !out.stdout.includes('Admin API'); i++) {
          if (child.exitCode !== null) throw new Error(`main.js exited early: ${out.stderr}`);
          await new Promise((r) => setTimeout(r, 100));
        }
        expect(out.stdout).toContain(`${base}/graphql`);
        expect(out.stdout).toContain(`${base}/admin/graphql`);
        for (const path of ['/graphql', '/admin/graphql']) {
          const res = await fetch(base + path, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ query: '{ __typename }' }),
          });
          expect(await res.json()).toEqual({ data: { __typename: 'Query' } });
        }
        expect((await fetch(`${base}/healthz`)).status).toBe(200);
        child.kill('SIGTERM');
        const run = await exited;
        expect(run.code).toBe(0);
        expect(run.stderr).toBe('');
      } finally {
        if (child.exitCode === null) child.kill('SIGKILL');
      }
    });
  });
});

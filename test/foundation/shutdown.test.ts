import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { portInUse } from '../../src/app/database.js';

// The real thing: `node dist/src/app/main.js` on its own embedded PostgreSQL (no DATABASE_URL), as
// `npm start` runs it, in a process group of its own as a terminal would give it.
const ROOT = new URL('../..', import.meta.url).pathname;
const dist = (file: string) => path.join(ROOT, 'dist/src/app', file);

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

interface Exit {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(script: string, args: string[], env: Record<string, string>, opts: { detached?: boolean } = {}) {
  const child = spawn(process.execPath, [dist(script), ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NODE_ENV: 'test', LOG_LEVEL: 'info', SEED: 'none', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: opts.detached,
  });
  const out = { stdout: '', stderr: '' };
  child.stdout.on('data', (d) => (out.stdout += d));
  child.stderr.on('data', (d) => (out.stderr += d));
  const exited = new Promise<Exit>((resolve) => child.on('exit', (code) => resolve({ code, ...out })));
  return { child, out, exited };
}

/** Log lines at pino level 50 (error) or above, and anything that mentions a FATAL from PostgreSQL. */
const errorLines = (log: string) =>
  log.split('\n').filter((line) => {
    if (/57P01|FATAL/.test(line)) return true;
    try {
      return (JSON.parse(line) as { level?: number }).level! >= 50;
    } catch {
      return false;
    }
  });

let dir: string;
let env: Record<string, string>;
let base: string;

async function startServer() {
  const server = run('main.js', [], env, { detached: true });
  for (let i = 0; i < 1200 && !server.out.stdout.includes('Jobs'); i++) {
    if (server.child.exitCode !== null) throw new Error(`main.js exited early: ${server.out.stderr}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return server;
}

/** Signals the server's whole process group, as Ctrl-C in a terminal does, and times its exit. */
async function stopGroup(server: ReturnType<typeof run>, signal: NodeJS.Signals) {
  const started = performance.now();
  process.kill(-server.child.pid!, signal);
  const exit = await server.exited;
  return { ...exit, ms: performance.now() - started };
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'flagship-shutdown-'));
  chmodSync(dir, 0o755); // under root the embedded PostgreSQL runs as another user
  const port = await freePort();
  env = { DATA_DIR: path.join(dir, 'data'), PORT: String(port), HOST: '127.0.0.1', EMBEDDED_PG_PORT: String(await freePort()) };
  base = `http://127.0.0.1:${port}`;
});
afterAll(async () => {
  // After a failed test the database may outlive a killed server (it has its own process group).
  const pidFile = path.join(env.DATA_DIR, 'pg/postmaster.pid');
  if (existsSync(pidFile)) {
    const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
    try {
      process.kill(pid, 'SIGQUIT');
      await new Promise((r) => setTimeout(r, 500));
    } catch {
      /* already gone */
    }
  }
  rmSync(dir, { recursive: true, force: true });
});
const SLOW = 180_000; // initdb and a start-up on a loaded machine

test('admin:create and migrate connect to the running embedded database; Ctrl-C then drains, stops the worker, then the database, with a clean log', async () => {
  const server = await startServer();
  try {
    const create = await run('cli/admin-create.js', ['--email', 'ops@example.com', '--password', 'a-long-password'], env).exited;
    expect(create.stderr).toBe('');
    expect(create.stdout).toContain('Created platform admin ops@example.com');
    expect(create.code).toBe(0);
    const migrate = await run('cli/migrate.js', [], env).exited;
    expect(migrate).toMatchObject({ code: 0, stdout: 'Database is up to date.\n' });

    const login = await fetch(`${base}/admin/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'mutation { staffLogin(input: { email: "ops@example.com", password: "a-long-password" }) { accessToken userErrors { code } } }' }),
    });
    const { data } = (await login.json()) as { data: { staffLogin: { accessToken: string | null; userErrors: unknown[] } } };
    expect(data.staffLogin.userErrors).toEqual([]);
    expect(data.staffLogin.accessToken).toEqual(expect.any(String));
    expect(await portInUse(Number(env.EMBEDDED_PG_PORT))).toBe(true); // the CLIs left the server's database running

    const exit = await stopGroup(server, 'SIGINT');
    expect(errorLines(exit.stdout + exit.stderr)).toEqual([]);
    expect(exit.code).toBe(0);
    expect(exit.ms).toBeLessThan(5_000); // a sanity bound, not a benchmark
    expect(await portInUse(Number(env.EMBEDDED_PG_PORT))).toBe(false);
  } finally {
    if (server.child.exitCode === null) process.kill(-server.child.pid!, 'SIGKILL');
  }
}, SLOW);

test('SIGTERM with a keep-alive client connected and nothing in flight exits 0 promptly', async () => {
  const server = await startServer();
  try {
    const agent = new http.Agent({ keepAlive: true });
    await new Promise<void>((resolve, reject) =>
      http.get(`${base}/healthz`, { agent }, (res) => res.resume().on('end', resolve)).on('error', reject),
    );
    const exit = await stopGroup(server, 'SIGTERM');
    agent.destroy();
    expect(errorLines(exit.stdout + exit.stderr)).toEqual([]);
    expect(exit.code).toBe(0);
    expect(exit.ms).toBeLessThan(5_000);
    expect(await portInUse(Number(env.EMBEDDED_PG_PORT))).toBe(false);
  } finally {
    if (server.child.exitCode === null) process.kill(-server.child.pid!, 'SIGKILL');
  }
}, SLOW);

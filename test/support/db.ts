import 'reflect-metadata';
import type { MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';
import { randomBytes } from 'node:crypto';
import { openOrm } from '../../src/app/orm.config.js';
import { QueryCounter } from '../../src/shared/query-counter.js';

export interface TestDatabase {
  url: string;
  name: string;
  orm: MikroORM;
  queries: QueryCounter;
  drop(): Promise<void>;
}

function serverUrl(): string {
  const url = process.env.TEST_PG_URL;
  if (!url) throw new Error('TEST_PG_URL is not set: run the tests with `npm test` (jest globalSetup starts PostgreSQL)');
  return url;
}

export async function adminQuery(sql: string) {
  const client = new pg.Client({ connectionString: `${serverUrl()}/postgres` });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A fresh, migrated database for one test file: files never share data, so they run in parallel. */
export async function createTestDatabase(opts: { migrate?: boolean; poolSize?: number } = {}): Promise<TestDatabase> {
  const name = `test_${process.env.JEST_WORKER_ID ?? 0}_${randomBytes(5).toString('hex')}`;
  await adminQuery(`create database ${name}`);
  const url = `${serverUrl()}/${name}`;
  const queries = new QueryCounter();
  const orm = await openOrm(url, opts.poolSize ?? 10, { loggerFactory: queries.factory });
  if (opts.migrate !== false) await orm.migrator.up();
  return {
    url,
    name,
    orm,
    queries,
    async drop() {
      // Tolerates a database a test already dropped (its pooled connections were terminated).
      await orm.close(true).catch(() => {});
      await adminQuery(`drop database if exists ${name} with (force)`);
    },
  };
}

import { once } from '../../src/shared/idempotency.js';
import { DomainError, errorCodes, userErrorType } from '../../src/shared/user-errors.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.drop());

/** One mutation attempt: its own forked entity manager, transaction and pooled connection. */
function attempt<T>(key: string, request: unknown, work: () => Promise<T>, scope = 'orderCreate:customer-1') {
  return db.orm.em.fork().transactional((tx) => once(tx, scope, key, request, work));
}

async function rows(key: string): Promise<number> {
  const [row] = await db.orm.em.fork().execute<{ n: string }[]>('select count(*) as n from idempotency_record where key = ?', [key]);
  return Number(row.n);
}

test('a retry with the same key returns the first result and the work runs once', async () => {
  let runs = 0;
  const work = async () => ({ orderNumber: 1000 + ++runs });
  const first = await attempt('k-retry', { sku: 'LW-PUZZLE', qty: 1 }, work);
  const second = await attempt('k-retry', { sku: 'LW-PUZZLE', qty: 1 }, work);
  expect(first).toEqual({ result: { orderNumber: 1001 }, replayed: false });
  expect(second).toEqual({ result: { orderNumber: 1001 }, replayed: true });
  expect(runs).toBe(1);
});

test('concurrent attempts on separate connections run the work once', async () => {
  let runs = 0;
  const work = async () => {
    runs++;
    await new Promise((resolve) => setTimeout(resolve, 200)); // hold the key while the others arrive
    return { orderNumber: 2000 + runs };
  };
  const results = await Promise.all(Array.from({ length: 6 }, () => attempt('k-race', { qty: 1 }, work)));
  expect(runs).toBe(1);
  expect(results.filter((r) => !r.replayed)).toHaveLength(1);
  expect(results.map((r) => r.result)).toEqual(Array(6).fill({ orderNumber: 2001 }));
  expect(await rows('k-race')).toBe(1);
});

test('the same key for a different request is IDEMPOTENCY_KEY_REUSED', async () => {
  await attempt('k-reuse', { qty: 1 }, async () => 'first');
  let ran = false;
  const reused = attempt('k-reuse', { qty: 2 }, async () => {
    ran = true;
    return 'second';
  });
  await expect(reused).rejects.toThrow(DomainError);
  await expect(reused).rejects.toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED', field: ['input', 'idempotencyKey'] });
  expect(ran).toBe(false);
});

test('a failed attempt leaves the key free, and keys never cross scopes', async () => {
  await expect(attempt('k-fail', {}, async () => Promise.reject(new Error('payment declined')))).rejects.toThrow('payment declined');
  expect(await rows('k-fail')).toBe(0);
  expect(await attempt('k-fail', {}, async () => 'ok')).toEqual({ result: 'ok', replayed: false });
  expect(await attempt('k-fail', {}, async () => 'other viewer', 'orderCreate:customer-2')).toEqual({ result: 'other viewer', replayed: false });
});

test('without a key the work runs every time and nothing is recorded', async () => {
  let runs = 0;
  const work = async () => ++runs;
  const run = (key: null | undefined) => db.orm.em.fork().transactional((tx) => once(tx, 'inventoryAdjust:staff-1', key, { qty: 1 }, work));
  expect(await run(undefined)).toEqual({ result: 1, replayed: false });
  expect(await run(null)).toEqual({ result: 2, replayed: false });
  expect(runs).toBe(2);
  const [row] = await db.orm.em.fork().execute<{ n: string }[]>("select count(*) as n from idempotency_record where scope = 'inventoryAdjust:staff-1'");
  expect(Number(row.n)).toBe(0);
});

test("IDEMPOTENCY_KEY_REUSED is in every domain's code enum: errorCodes() adds it, userErrorType() refuses an enum without it", () => {
  const codes = errorCodes('TestDomainErrorCode', { SOLD_OUT: 'Nothing left.' });
  expect(codes).toEqual({ SOLD_OUT: 'SOLD_OUT', IDEMPOTENCY_KEY_REUSED: 'IDEMPOTENCY_KEY_REUSED' });
  expect(() => userErrorType('HandMadeUserError', { SOLD_OUT: 'SOLD_OUT' } as never)).toThrow(/lacks IDEMPOTENCY_KEY_REUSED; build it with errorCodes/);
});

test('every ErrorCode enum of both APIs offers IDEMPOTENCY_KEY_REUSED', async () => {
  const { readFile } = await import('node:fs/promises');
  for (const api of ['storefront', 'admin']) {
    const sdl = await readFile(new URL(`../../schema/${api}.graphql`, import.meta.url), 'utf8');
    const enums = [...sdl.matchAll(/enum (\w+ErrorCode) \{([^}]*)\}/g)];
    if (api === 'admin') expect(enums.map((e) => e[1])).toEqual(expect.arrayContaining(['AccessErrorCode', 'CatalogErrorCode']));
    for (const [, name, body] of enums) expect({ name, shared: /\bIDEMPOTENCY_KEY_REUSED\b/.test(body) }).toEqual({ name, shared: true });
  }
});

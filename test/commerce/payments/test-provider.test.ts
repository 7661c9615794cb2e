import { randomUUID } from 'node:crypto';
import { openOrm } from '../../../src/app/orm.config.js';
import { TestPaymentProvider } from '../../../src/commerce/payments/test-provider.js';
import { createTestDatabase, type TestDatabase } from '../../support/db.js';
import { describeProviderContract } from './provider-contract.js';

const SLOW_MS = 300;
let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.drop());

describeProviderContract('test payment provider standing in for a payment network', async () => ({
  provider: new TestPaymentProvider(db.orm, { slowMs: SLOW_MS }),
  slowMs: SLOW_MS,
}));

describe('its books (test payment provider standing in for a payment network)', () => {
  const count = async (sql: string, params: unknown[]) => Number((await db.orm.em.fork().execute<{ n: string }[]>(sql, params))[0].n);

  test('10 concurrent calls with one key write one ledger row and one authorization', async () => {
    const provider = new TestPaymentProvider(db.orm, { slowMs: SLOW_MS });
    const key = randomUUID();
    const outcomes = await Promise.all(Array.from({ length: 10 }, () => provider.authorize({ idempotencyKey: key, amount: 100, currency: 'EUR', token: 'tok_approve' })));
    expect(await count('select count(*) as n from test_payment_ledger where idempotency_key = ?', [key])).toBe(1);
    expect(await count('select count(*) as n from test_payment_authorization where reference = ?', [outcomes[0].reference])).toBe(1);
  });

  test('idempotency holds across processes: another connection pool sees the first outcome', async () => {
    const key = randomUUID();
    const first = await new TestPaymentProvider(db.orm, { slowMs: SLOW_MS }).authorize({ idempotencyKey: key, amount: 100, currency: 'EUR', token: 'tok_approve' });
    const otherOrm = await openOrm(db.url, 2);
    try {
      const again = await new TestPaymentProvider(otherOrm, { slowMs: SLOW_MS }).authorize({ idempotencyKey: key, amount: 100, currency: 'EUR', token: 'tok_approve' });
      expect(again).toEqual(first);
    } finally {
      await otherOrm.close(true);
    }
  });

  test('tok_slow commits the authorization before it answers (the crash window recovery closes)', async () => {
    const provider = new TestPaymentProvider(db.orm, { slowMs: 1000 });
    const key = randomUUID();
    const pending = provider.authorize({ idempotencyKey: key, amount: 100, currency: 'EUR', token: 'tok_slow' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const seen = await provider.lookup(key);
    expect(seen?.status).toBe('SUCCEEDED');
    expect(await pending).toEqual(seen);
  });

  test('a database it cannot reach is PaymentUnavailableError', async () => {
    const deadOrm = await openOrm('postgresql://nobody@127.0.0.1:1/none', 1);
    try {
      await expect(new TestPaymentProvider(deadOrm, { slowMs: 0 }).authorize({ idempotencyKey: randomUUID(), amount: 100, currency: 'EUR', token: 'tok_approve' })).rejects.toMatchObject({
        name: 'PaymentUnavailableError',
      });
    } finally {
      await deadOrm.close(true).catch(() => {});
    }
  });
});

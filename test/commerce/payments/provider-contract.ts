import { randomUUID } from 'node:crypto';
import { PaymentUnavailableError, type PaymentProvider } from '../../../src/commerce/payments/provider.js';

export interface ProviderUnderTest {
  provider: PaymentProvider;
  /** How long the provider takes to answer tok_slow, in ms. */
  slowMs: number;
}

/**
 * What every PaymentProvider adapter must do, whatever network it talks to. A real adapter runs this
 * against its sandbox with test tokens mapped to the same outcomes (approve, decline, error, slow,
 * capture fails).
 */
export function describeProviderContract(name: string, makeProvider: () => Promise<ProviderUnderTest>) {
  describe(`PaymentProvider contract: ${name}`, () => {
    let provider: PaymentProvider;
    let slowMs: number;
    beforeAll(async () => {
      ({ provider, slowMs } = await makeProvider());
    });

    const key = () => `contract-${randomUUID()}`;
    const approved = async (amount = 1000, token = 'tok_approve') => {
      const outcome = await provider.authorize({ idempotencyKey: key(), amount, currency: 'CNY', token });
      expect(outcome.status).toBe('SUCCEEDED');
      return outcome.reference;
    };

    test('tok_approve authorizes and names the authorization', async () => {
      const outcome = await provider.authorize({ idempotencyKey: key(), amount: 1999, currency: 'CNY', token: 'tok_approve', description: 'order' });
      expect(outcome).toEqual({ status: 'SUCCEEDED', reference: expect.any(String) });
      expect(outcome.reference.length).toBeGreaterThan(0);
    });

    test('tok_decline is DECLINED with card_declined', async () => {
      const outcome = await provider.authorize({ idempotencyKey: key(), amount: 1999, currency: 'CNY', token: 'tok_decline' });
      expect(outcome).toMatchObject({ status: 'DECLINED', declineCode: 'card_declined' });
    });

    test('tok_error throws PaymentUnavailableError', async () => {
      await expect(provider.authorize({ idempotencyKey: key(), amount: 1999, currency: 'CNY', token: 'tok_error' })).rejects.toBeInstanceOf(PaymentUnavailableError);
    });

    test('tok_slow approves after the configured delay', async () => {
      const started = Date.now();
      const outcome = await provider.authorize({ idempotencyKey: key(), amount: 500, currency: 'CNY', token: 'tok_slow' });
      expect(outcome.status).toBe('SUCCEEDED');
      expect(Date.now() - started).toBeGreaterThanOrEqual(slowMs - 5);
    });

    test('tok_capture_fails authorizes, then every capture is DECLINED', async () => {
      const reference = await approved(1000, 'tok_capture_fails');
      const outcome = await provider.capture({ idempotencyKey: key(), reference, amount: 1000 });
      expect(outcome.status).toBe('DECLINED');
      expect(outcome.declineCode).toEqual(expect.any(String));
    });

    test('the same key returns the first outcome: same reference, even for a later different token', async () => {
      const k = key();
      const first = await provider.authorize({ idempotencyKey: k, amount: 700, currency: 'CNY', token: 'tok_decline' });
      const again = await provider.authorize({ idempotencyKey: k, amount: 700, currency: 'CNY', token: 'tok_approve' });
      expect(again).toEqual(first);
      const k2 = key();
      const a = await provider.authorize({ idempotencyKey: k2, amount: 700, currency: 'CNY', token: 'tok_approve' });
      const b = await provider.authorize({ idempotencyKey: k2, amount: 700, currency: 'CNY', token: 'tok_approve' });
      expect(b.reference).toBe(a.reference);
    });

    test('10 concurrent authorizations with one key: one reference', async () => {
      const k = key();
      const outcomes = await Promise.all(Array.from({ length: 10 }, () => provider.authorize({ idempotencyKey: k, amount: 900, currency: 'CNY', token: 'tok_approve' })));
      expect(new Set(outcomes.map((o) => o.reference)).size).toBe(1);
      expect(outcomes.every((o) => o.status === 'SUCCEEDED')).toBe(true);
    });

    test('10 concurrent captures with one key capture once', async () => {
      const reference = await approved(1000);
      const k = key();
      const outcomes = await Promise.all(Array.from({ length: 10 }, () => provider.capture({ idempotencyKey: k, reference, amount: 400 })));
      expect(outcomes.every((o) => o.status === 'SUCCEEDED')).toBe(true);
      // Only 400 was taken: the remaining 600 can be captured, and not one more.
      expect((await provider.capture({ idempotencyKey: key(), reference, amount: 600 })).status).toBe('SUCCEEDED');
      expect((await provider.capture({ idempotencyKey: key(), reference, amount: 1 })).status).toBe('DECLINED');
    });

    test('a partial capture, then the rest; over-capture is DECLINED', async () => {
      const reference = await approved(1000);
      expect((await provider.capture({ idempotencyKey: key(), reference, amount: 300 })).status).toBe('SUCCEEDED');
      const over = await provider.capture({ idempotencyKey: key(), reference, amount: 701 });
      expect(over.status).toBe('DECLINED');
      expect(over.declineCode).toEqual(expect.any(String));
      expect((await provider.capture({ idempotencyKey: key(), reference, amount: 700 })).status).toBe('SUCCEEDED');
    });

    test('an uncaptured authorization can be voided, once; then nothing can be captured', async () => {
      const reference = await approved(1000);
      const k = key();
      expect((await provider.void({ idempotencyKey: k, reference })).status).toBe('SUCCEEDED');
      expect((await provider.void({ idempotencyKey: k, reference })).status).toBe('SUCCEEDED');
      expect((await provider.void({ idempotencyKey: key(), reference })).status).toBe('DECLINED');
      expect((await provider.capture({ idempotencyKey: key(), reference, amount: 1 })).status).toBe('DECLINED');
    });

    test('void after a capture is DECLINED', async () => {
      const reference = await approved(1000);
      await provider.capture({ idempotencyKey: key(), reference, amount: 1000 });
      const outcome = await provider.void({ idempotencyKey: key(), reference });
      expect(outcome.status).toBe('DECLINED');
    });

    test('partial refunds up to the captured amount, not beyond', async () => {
      const reference = await approved(1000);
      await provider.capture({ idempotencyKey: key(), reference, amount: 600 });
      expect((await provider.refund({ idempotencyKey: key(), reference, amount: 601 })).status).toBe('DECLINED');
      expect((await provider.refund({ idempotencyKey: key(), reference, amount: 200 })).status).toBe('SUCCEEDED');
      expect((await provider.refund({ idempotencyKey: key(), reference, amount: 400 })).status).toBe('SUCCEEDED');
      expect((await provider.refund({ idempotencyKey: key(), reference, amount: 1 })).status).toBe('DECLINED');
    });

    test('a refund retried with its key refunds once', async () => {
      const reference = await approved(1000);
      await provider.capture({ idempotencyKey: key(), reference, amount: 500 });
      const k = key();
      const outcomes = await Promise.all(Array.from({ length: 5 }, () => provider.refund({ idempotencyKey: k, reference, amount: 300 })));
      expect(outcomes.every((o) => o.status === 'SUCCEEDED')).toBe(true);
      expect((await provider.refund({ idempotencyKey: key(), reference, amount: 200 })).status).toBe('SUCCEEDED');
      expect((await provider.refund({ idempotencyKey: key(), reference, amount: 1 })).status).toBe('DECLINED');
    });

    test('a refund of an uncaptured authorization is DECLINED', async () => {
      const reference = await approved(1000);
      expect((await provider.refund({ idempotencyKey: key(), reference, amount: 1 })).status).toBe('DECLINED');
    });

    test('a non-positive or fractional amount is DECLINED', async () => {
      for (const amount of [0, -5, 10.5]) {
        expect((await provider.authorize({ idempotencyKey: key(), amount, currency: 'CNY', token: 'tok_approve' })).status).toBe('DECLINED');
      }
    });

    test('a key reused for a different request is refused', async () => {
      const k = key();
      await provider.authorize({ idempotencyKey: k, amount: 100, currency: 'CNY', token: 'tok_approve' });
      await expect(provider.authorize({ idempotencyKey: k, amount: 200, currency: 'CNY', token: 'tok_approve' })).rejects.toThrow(/different/);
    });

    test('lookup tells the outcome of an earlier authorize by its key, and never acts', async () => {
      const k = key();
      expect(await provider.lookup(k)).toBeNull();
      const outcome = await provider.authorize({ idempotencyKey: k, amount: 100, currency: 'CNY', token: 'tok_approve' });
      expect(await provider.lookup(k)).toEqual(outcome);
    });
  });
}

import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { setTimeout as sleep } from 'node:timers/promises';
import { v7 as uuidv7 } from 'uuid';
import {
  IdempotencyKeyConflictError,
  PaymentUnavailableError,
  type AuthorizeRequest,
  type CaptureRequest,
  type PaymentProvider,
  type ProviderOutcome,
  type RefundRequest,
  type VoidRequest,
} from './provider.js';

/**
 * The built-in `test` provider: a stand-in for a payment network, with outcomes chosen by token.
 *
 * | token               | authorize                                   | later calls                 |
 * | ------------------- | ------------------------------------------- | --------------------------- |
 * | `tok_approve`       | SUCCEEDED                                   | as the rules allow          |
 * | `tok_decline`       | DECLINED `card_declined`                    |                             |
 * | `tok_error`         | throws PaymentUnavailableError, records nothing |                         |
 * | `tok_slow`          | authorizes at once, answers after `slowMs`  | as the rules allow          |
 * | `tok_capture_fails` | SUCCEEDED                                   | capture DECLINED `capture_declined` |
 * | anything else       | DECLINED `invalid_token`                    |                             |
 *
 * `tok_slow` commits the authorization before it waits, like a network whose answer is lost: a process
 * killed during the wait leaves an authorization our side never recorded (recovery finds it with
 * `lookup`). Its books live in PostgreSQL (test_payment_ledger, test_payment_authorization), written
 * in transactions of its own, so idempotency holds across server processes and restarts. The rules a
 * real network enforces are single guarded UPDATEs: capture <= authorized - captured, refund <=
 * captured - refunded, void only an authorization with nothing captured.
 */
export class TestPaymentProvider implements PaymentProvider {
  readonly name = 'test';

  constructor(
    private readonly orm: MikroORM,
    private readonly options: { slowMs: number },
  ) {}

  describe(): string {
    return `test payment provider (tokens tok_approve, tok_decline, tok_error, tok_slow ${this.options.slowMs} ms, tok_capture_fails)`;
  }

  async authorize(request: AuthorizeRequest): Promise<ProviderOutcome> {
    if (request.token === 'tok_error') throw new PaymentUnavailableError('test token tok_error');
    const invalid = invalidAmount(request.amount);
    if (invalid) return invalid;
    const reference = `tp_${uuidv7()}`;
    const { outcome, replay } = await this.once(
      { key: request.idempotencyKey, operation: 'AUTHORIZE', reference, amount: request.amount, currency: request.currency },
      async (tx) => {
        if (request.token === 'tok_decline') return declined(reference, 'card_declined', 'The card was declined');
        if (!APPROVING_TOKENS.has(request.token)) return declined(reference, 'invalid_token', `Unknown test token ${request.token}`);
        await tx.execute(
          'insert into test_payment_authorization (reference, currency, authorized_amount, capture_fails) values (?, ?, ?, ?)',
          [reference, request.currency, request.amount, request.token === 'tok_capture_fails'],
        );
        return { status: 'SUCCEEDED', reference };
      },
    );
    if (!replay && request.token === 'tok_slow') await sleep(this.options.slowMs);
    return outcome;
  }

  async capture(request: CaptureRequest): Promise<ProviderOutcome> {
    const invalid = invalidAmount(request.amount, request.reference);
    if (invalid) return invalid;
    const { outcome } = await this.once({ key: request.idempotencyKey, operation: 'CAPTURE', reference: request.reference, amount: request.amount }, async (tx) => {
      const done = await tx.execute<unknown[]>(
        `update test_payment_authorization set captured_amount = captured_amount + ?
          where reference = ? and not voided and not capture_fails and captured_amount + ? <= authorized_amount returning 1`,
        [request.amount, request.reference, request.amount],
      );
      if (done.length) return { status: 'SUCCEEDED', reference: request.reference };
      const auth = await this.authorization(tx, request.reference);
      if (!auth) return unknownReference(request.reference);
      if (auth.capture_fails) return declined(request.reference, 'capture_declined', 'The network refused the capture');
      if (auth.voided) return declined(request.reference, 'authorization_voided', 'The authorization was voided');
      return declined(request.reference, 'amount_exceeds_authorized', `At most ${auth.authorized_amount - auth.captured_amount} can still be captured`);
    });
    return outcome;
  }

  async void(request: VoidRequest): Promise<ProviderOutcome> {
    const { outcome } = await this.once({ key: request.idempotencyKey, operation: 'VOID', reference: request.reference, amount: null }, async (tx) => {
      const done = await tx.execute<unknown[]>(
        'update test_payment_authorization set voided = true where reference = ? and not voided and captured_amount = 0 returning 1',
        [request.reference],
      );
      if (done.length) return { status: 'SUCCEEDED', reference: request.reference };
      const auth = await this.authorization(tx, request.reference);
      if (!auth) return unknownReference(request.reference);
      if (auth.voided) return declined(request.reference, 'already_voided', 'The authorization is already voided');
      return declined(request.reference, 'already_captured', 'A captured authorization cannot be voided; refund it instead');
    });
    return outcome;
  }

  async refund(request: RefundRequest): Promise<ProviderOutcome> {
    const invalid = invalidAmount(request.amount, request.reference);
    if (invalid) return invalid;
    const { outcome } = await this.once({ key: request.idempotencyKey, operation: 'REFUND', reference: request.reference, amount: request.amount }, async (tx) => {
      const done = await tx.execute<unknown[]>(
        'update test_payment_authorization set refunded_amount = refunded_amount + ? where reference = ? and refunded_amount + ? <= captured_amount returning 1',
        [request.amount, request.reference, request.amount],
      );
      if (done.length) return { status: 'SUCCEEDED', reference: request.reference };
      const auth = await this.authorization(tx, request.reference);
      if (!auth) return unknownReference(request.reference);
      return declined(request.reference, 'amount_exceeds_captured', `At most ${auth.captured_amount - auth.refunded_amount} can still be refunded`);
    });
    return outcome;
  }

  async lookup(authorizeKey: string): Promise<ProviderOutcome | null> {
    const rows = await this.guarded(() =>
      this.orm.em.fork().execute<LedgerRow[]>(`select ${LEDGER_COLUMNS} from test_payment_ledger where idempotency_key = ? and operation = 'AUTHORIZE'`, [authorizeKey]),
    );
    return rows[0] ? outcomeOf(rows[0]) : null;
  }

  /**
   * Runs `act` once per idempotency key. The ledger row is inserted first, in the same transaction as
   * the act, so a concurrent call with the key waits on the unique index until the first commits, then
   * reads its outcome. A key reused for another request is refused.
   */
  private async once(
    request: { key: string; operation: Operation; reference: string; amount: number | null; currency?: string },
    act: (tx: EntityManager) => Promise<ProviderOutcome>,
  ): Promise<{ outcome: ProviderOutcome; replay: boolean }> {
    return this.guarded(() =>
      this.orm.em.fork().transactional(async (tx) => {
        const claimed = await tx.execute<unknown[]>(
          `insert into test_payment_ledger (idempotency_key, operation, reference, amount, currency, status) values (?, ?, ?, ?, ?, 'SUCCEEDED')
           on conflict (idempotency_key) do nothing returning 1`,
          [request.key, request.operation, request.reference, request.amount, request.currency ?? null],
        );
        if (!claimed.length) {
          const [first] = await tx.execute<LedgerRow[]>(`select ${LEDGER_COLUMNS} from test_payment_ledger where idempotency_key = ?`, [request.key]);
          const sameRequest =
            first.operation === request.operation &&
            first.amount === request.amount &&
            (request.operation === 'AUTHORIZE' ? first.currency === request.currency : first.reference === request.reference);
          if (!sameRequest) throw new IdempotencyKeyConflictError(request.key);
          return { outcome: outcomeOf(first), replay: true };
        }
        const outcome = await act(tx);
        await tx.execute('update test_payment_ledger set status = ?, decline_code = ?, message = ? where idempotency_key = ?', [
          outcome.status,
          outcome.declineCode ?? null,
          outcome.message ?? null,
          request.key,
        ]);
        return { outcome, replay: false };
      }),
    );
  }

  private async authorization(tx: EntityManager, reference: string) {
    const [row] = await tx.execute<AuthorizationRow[]>(
      'select authorized_amount, captured_amount, refunded_amount, voided, capture_fails from test_payment_authorization where reference = ?',
      [reference],
    );
    return row;
  }

  /** Whatever goes wrong inside the "network" reaches callers as PaymentUnavailableError. */
  private async guarded<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (err) {
      if (err instanceof IdempotencyKeyConflictError || err instanceof PaymentUnavailableError) throw err;
      throw new PaymentUnavailableError(err instanceof Error ? err.message : String(err), { cause: err });
    }
  }
}

type Operation = 'AUTHORIZE' | 'CAPTURE' | 'VOID' | 'REFUND';

const APPROVING_TOKENS = new Set(['tok_approve', 'tok_slow', 'tok_capture_fails']);

const LEDGER_COLUMNS = 'operation, reference, amount, currency, status, decline_code, message';

interface LedgerRow {
  operation: Operation;
  reference: string;
  amount: number | null;
  currency: string | null;
  status: 'SUCCEEDED' | 'DECLINED';
  decline_code: string | null;
  message: string | null;
}

interface AuthorizationRow {
  authorized_amount: number;
  captured_amount: number;
  refunded_amount: number;
  voided: boolean;
  capture_fails: boolean;
}

function outcomeOf(row: LedgerRow): ProviderOutcome {
  return row.status === 'SUCCEEDED' ? { status: 'SUCCEEDED', reference: row.reference } : declined(row.reference, row.decline_code ?? 'declined', row.message ?? undefined);
}

function declined(reference: string, declineCode: string, message?: string): ProviderOutcome {
  return { status: 'DECLINED', reference, declineCode, ...(message ? { message } : {}) };
}

const unknownReference = (reference: string) => declined(reference, 'unknown_reference', `No authorization ${reference}`);

function invalidAmount(amount: number, reference = ''): ProviderOutcome | undefined {
  if (Number.isSafeInteger(amount) && amount > 0) return undefined;
  return declined(reference, 'invalid_amount', `The amount must be a positive whole number of minor units, got ${amount}`);
}

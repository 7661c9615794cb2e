import type { EntityManager } from '@mikro-orm/postgresql';
import { v7 as uuidv7 } from 'uuid';
import type { App } from '../../shared/context.js';
import { apply } from '../../shared/state-machine.js';
import { transaction } from '../../shared/transaction.js';
import { DomainError } from '../../shared/user-errors.js';
import { paymentLifecycle, type PaymentEvent } from './payment-lifecycle.js';
import { PaymentStatus, PaymentTransactionKind, PaymentTransactionStatus, type PaymentPurpose } from './payment.entity.js';
import type { ProviderOutcome } from './provider.js';

/**
 * How payment.service.ts writes what a provider call came to: one short transaction that locks the
 * payment row, records the call as a payment_transaction and, for a settled success, moves the amounts
 * and the lifecycle together. A call already recorded under its idempotency key changes nothing, so
 * retries and concurrent duplicates are recorded once.
 */

export interface PaymentRow {
  id: string;
  storeId: string;
  orderId: string | null;
  purpose: PaymentPurpose;
  amount: number;
  currency: string;
  provider: string;
  providerReference: string | null;
  status: PaymentStatus;
  authorizedAmount: number;
  capturedAmount: number;
  refundedAmount: number;
  abandonedAt: Date | null;
  createdAt: Date;
}

const PAYMENT_COLUMNS = `id, store_id as "storeId", order_id as "orderId", purpose, amount, currency, provider, provider_reference as "providerReference",
  status, authorized_amount as "authorizedAmount", captured_amount as "capturedAmount", refunded_amount as "refundedAmount",
  abandoned_at as "abandonedAt", created_at as "createdAt"`;

export async function readPayment(em: EntityManager, paymentId: string, lock = false): Promise<PaymentRow> {
  const [row] = await em.execute<PaymentRow[]>(`select ${PAYMENT_COLUMNS} from payment where id = ?${lock ? ' for update' : ''}`, [paymentId]);
  if (!row) throw new DomainError('NOT_FOUND', 'No such payment', ['input', 'paymentId']);
  return row;
}

export interface RecordedCall {
  kind: PaymentTransactionKind;
  amount: number;
  status: PaymentTransactionStatus;
  idempotencyKey: string;
  providerReference?: string;
  declineCode?: string;
  message?: string;
}

export interface SettledTransaction {
  status: PaymentTransactionStatus.SUCCEEDED | PaymentTransactionStatus.DECLINED;
  declineCode: string | null;
  message: string | null;
}

/** The settled outcome recorded under a provider idempotency key, if any. */
export async function settledCall(em: EntityManager, storeId: string, idempotencyKey: string): Promise<SettledTransaction | undefined> {
  const [row] = await em.execute<{ status: SettledTransaction['status']; declineCode: string | null; message: string | null }[]>(
    'select status, decline_code as "declineCode", message from payment_transaction where store_id = ? and idempotency_key = ?',
    [storeId, idempotencyKey],
  );
  return row;
}

export const callOf = (kind: PaymentTransactionKind, amount: number, idempotencyKey: string, outcome: ProviderOutcome): RecordedCall => ({
  kind,
  amount,
  idempotencyKey,
  status: outcome.status === 'SUCCEEDED' ? PaymentTransactionStatus.SUCCEEDED : PaymentTransactionStatus.DECLINED,
  providerReference: outcome.reference || undefined,
  declineCode: outcome.declineCode,
  message: outcome.message,
});

/** The lifecycle event and new amounts a settled success brings, from the locked row. */
function effectOf(row: PaymentRow, call: RecordedCall): { event: PaymentEvent; set: Partial<PaymentRow> } | undefined {
  if (call.status === PaymentTransactionStatus.FAILED) return row.status === PaymentStatus.PENDING ? { event: 'fail', set: {} } : undefined;
  if (call.status === PaymentTransactionStatus.DECLINED) return call.kind === PaymentTransactionKind.AUTHORIZE ? { event: 'decline', set: {} } : undefined;
  switch (call.kind) {
    case PaymentTransactionKind.AUTHORIZE:
      return { event: 'authorize', set: { authorizedAmount: call.amount, providerReference: call.providerReference ?? null } };
    case PaymentTransactionKind.CAPTURE: {
      const capturedAmount = row.capturedAmount + call.amount;
      return { event: capturedAmount >= row.authorizedAmount ? 'capture' : 'capture_part', set: { capturedAmount } };
    }
    case PaymentTransactionKind.VOID:
      return { event: 'void', set: {} };
    case PaymentTransactionKind.REFUND: {
      const refundedAmount = row.refundedAmount + call.amount;
      return { event: refundedAmount >= row.capturedAmount ? 'refund' : 'refund_part', set: { refundedAmount } };
    }
  }
}

/** Records one provider call and its effect; returns the payment as it stands afterwards. */
export async function recordCall(app: App, paymentId: string, call: RecordedCall, actor: string): Promise<PaymentRow> {
  return transaction({ em: app.orm.em.fork() }, async (tx) => {
    const row = await readPayment(tx, paymentId, true);
    const settled = call.status !== PaymentTransactionStatus.FAILED;
    const inserted = await tx.execute<unknown[]>(
      `insert into payment_transaction (id, created_at, updated_at, payment_id, store_id, kind, amount, status, idempotency_key, provider_reference, decline_code, message)
       values (?, now(), now(), ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (store_id, idempotency_key) do nothing returning 1`,
      [
        uuidv7(),
        row.id,
        row.storeId,
        call.kind,
        call.amount,
        call.status,
        settled ? call.idempotencyKey : null,
        call.providerReference ?? null,
        call.declineCode ?? null,
        call.message?.slice(0, 500) ?? null,
      ],
    );
    if (!inserted.length) return row;
    const effect = effectOf(row, call);
    if (!effect) return row;
    const { authorizedAmount, capturedAmount, refundedAmount, providerReference } = { ...row, ...effect.set };
    await tx.execute(
      'update payment set authorized_amount = ?, captured_amount = ?, refunded_amount = ?, provider_reference = ?, updated_at = now() where id = ?',
      [authorizedAmount, capturedAmount, refundedAmount, providerReference, row.id],
    );
    const move = await apply(tx, paymentLifecycle, {
      table: 'payment',
      id: row.id,
      event: effect.event,
      actor,
      expectedFrom: row.status,
      payload: { storeId: row.storeId, orderId: row.orderId, amount: call.amount },
    });
    return { ...row, authorizedAmount, capturedAmount, refundedAmount, providerReference, status: move.to };
  });
}

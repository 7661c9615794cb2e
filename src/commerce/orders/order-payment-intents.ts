import type { EntityManager } from '@mikro-orm/postgresql';
import { once } from '../../shared/idempotency.js';
import { transaction } from '../../shared/transaction.js';
import { DomainError } from '../../shared/user-errors.js';
import type { App } from '../../shared/context.js';

/**
 * The intent of a money operation on an order (capture, cancel, refund), written in the first short
 * transaction before the provider is called, and settled in the last one.
 *
 * It lives in the shared `idempotency_record` table through `once()`: the scope names the operation and
 * the order (`order.refund:<orderId>`), the key is the client's idempotency key (or a generated one),
 * and the stored response is the intent itself. So the same key replays the first intent (and, once
 * settled, its outcome), the same key with a different request is IDEMPOTENCY_KEY_REUSED, and the
 * PENDING intents of an order are what is in flight: their amounts are held back from what the next
 * capture or refund may take, which is how two concurrent refunds can never together exceed the
 * captured amount. A PENDING intent is resumed by a retry with its key (every provider call is keyed by
 * it, so it acts once); one left by a crash stops holding its amount after STALE_AFTER.
 */
export type IntentKind = 'capture' | 'cancel' | 'refund';
export type IntentStatus = 'PENDING' | 'SUCCEEDED' | 'DECLINED';

export interface PlannedCall {
  paymentId: string;
  action: 'capture' | 'void' | 'refund';
  /** Minor units (the authorized amount for a void). */
  amount: number;
}

export interface OrderLineQuantity {
  lineId: string;
  quantity: number;
}

export interface Intent {
  key: string;
  status: IntentStatus;
  /** Minor units the operation moves in total. */
  amount: number;
  plan: PlannedCall[];
  lines?: OrderLineQuantity[];
  restock?: boolean;
  reason?: string;
  /** What the provider said when it refused. */
  declineMessage?: string;
}

export const STALE_AFTER = '15 minutes';

export const scopeOf = (kind: IntentKind, orderId: string) => `order.${kind}:${orderId}`;

/** Writes the intent once per key in the caller's transaction; a replay returns the stored one (perhaps settled). */
export async function markIntent(tx: EntityManager, kind: IntentKind, orderId: string, key: string, request: unknown, plan: () => Promise<Intent>) {
  return once(tx, scopeOf(kind, orderId), key, request, plan);
}

/** Minor units held by in-flight intents of this kind on the order. */
export async function pendingAmount(tx: EntityManager, kind: IntentKind, orderId: string): Promise<number> {
  const [row] = await tx.execute<{ amount: number }[]>(
    `select coalesce(sum((response->>'amount')::int), 0)::int as amount from idempotency_record
      where scope = ? and response->>'status' = 'PENDING' and created_at > now() - interval '${STALE_AFTER}'`,
    [scopeOf(kind, orderId)],
  );
  return row.amount;
}

export async function hasPending(tx: EntityManager, kinds: IntentKind[], orderId: string): Promise<boolean> {
  const rows = await tx.execute<unknown[]>(
    `select 1 from idempotency_record where scope = any(?) and response->>'status' = 'PENDING' and created_at > now() - interval '${STALE_AFTER}' limit 1`,
    [`{${kinds.map((k) => scopeOf(k, orderId)).join(',')}}`],
  );
  return rows.length > 0;
}

/** Quantities of each line already refunded or being refunded. */
export async function refundedQuantities(tx: EntityManager, orderId: string): Promise<Map<string, number>> {
  const rows = await tx.execute<{ line_id: string; quantity: number }[]>(
    `select l->>'lineId' as line_id, sum((l->>'quantity')::int)::int as quantity
       from idempotency_record, jsonb_array_elements(coalesce(response->'lines', '[]'::jsonb)) l
      where scope = ? and (response->>'status' = 'SUCCEEDED' or (response->>'status' = 'PENDING' and created_at > now() - interval '${STALE_AFTER}'))
      group by 1`,
    [scopeOf('refund', orderId)],
  );
  return new Map(rows.map((r) => [r.line_id, r.quantity]));
}

/** Records the outcome on the intent (in the caller's transaction, or a short one of its own). */
export async function settleIntent(em: EntityManager, kind: IntentKind, orderId: string, intent: Intent, status: IntentStatus, declineMessage?: string) {
  await em.execute('update idempotency_record set response = ? where scope = ? and key = ?', [
    JSON.stringify({ ...intent, status, declineMessage }),
    scopeOf(kind, orderId),
    intent.key,
  ]);
}

export function settleDeclined(app: App, kind: IntentKind, orderId: string, intent: Intent, message: string) {
  return transaction({ em: app.orm.em.fork() }, (tx) => settleIntent(tx, kind, orderId, intent, 'DECLINED', message));
}

/** The error a settled, declined intent replays. */
export function declinedError(kind: IntentKind, message: string | undefined): DomainError {
  const code = kind === 'capture' ? 'CAPTURE_DECLINED' : kind === 'refund' ? 'REFUND_DECLINED' : 'PAYMENT_DECLINED';
  return new DomainError(code, `The payment network refused: ${message ?? 'declined'}`, ['input', 'id']);
}

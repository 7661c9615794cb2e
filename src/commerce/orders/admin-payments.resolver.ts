import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { Context } from '../../shared/context.js';
import { groupByKey } from '../../shared/loaders.js';
import { Money, type CurrencyCode } from '../../shared/money.js';
import { payload } from '../../shared/user-errors.js';
import { OrderWrite } from './auth.js';
import { Order } from './entities.js';
import { orderPaymentsService } from './order-payments.service.js';
import {
  OrderCancelInput, OrderCancelPayload, OrderCaptureInput, OrderCapturePayload, OrderPayment, OrderRefundInput, OrderRefundPayload,
} from './order-payments.types.js';

interface PaymentRead {
  id: string; order_id: string; status: string; amount: number; authorized_amount: number; captured_amount: number; refunded_amount: number;
  transactions: { kind: string; amount: number; status: string; created_at: string }[];
}

/** The order's payments with their transactions, one statement per page of orders. */
async function paymentsOf(ctx: Context, order: Order): Promise<PaymentRead[]> {
  return ctx.loaders
    .get<string, PaymentRead[]>('orders.payments', async (ids) => {
      const rows = await ctx.em.execute<PaymentRead[]>(
        `select p.id, p.order_id, p.status, p.amount, p.authorized_amount, p.captured_amount, p.refunded_amount,
                coalesce((select json_agg(json_build_object('kind', t.kind, 'amount', t.amount, 'status', t.status, 'created_at', t.created_at) order by t.created_at, t.id)
                            from payment_transaction t where t.payment_id = p.id), '[]') as transactions
           from payment p where p.order_id = any(?::uuid[]) order by p.created_at, p.id`,
        [`{${ids.join(',')}}`],
      );
      return groupByKey(ids, rows, (r) => r.order_id);
    })
    .load(order.id);
}

/**
 * Money on an order (Admin API): orderCapture, orderCancel, orderRefund (order-payments.service.ts) and
 * the order's payments. Brand admins of every brand in the order and platform admins: moving money is
 * operations work like fulfilment, so concierges may read an order's payments but not capture, cancel
 * or refund, and no API key scope writes orders.
 */
@Resolver(() => Order)
export class AdminOrderPaymentsResolver {
  @Mutation(() => OrderCapturePayload, { description: 'Captures the order\'s authorized payments, all or `amount`; fully captured, PENDING_PAYMENT -> PAID.' })
  @OrderWrite()
  orderCapture(@Arg('input') input: OrderCaptureInput, @Ctx() ctx: Context) {
    return payload(input, () => orderPaymentsService.capture(ctx, input));
  }

  @Mutation(() => OrderCancelPayload, { description: 'Cancels a PENDING_PAYMENT or PAID order: voids what is only authorized, refunds in full what was captured, restocks by default.' })
  @OrderWrite()
  orderCancel(@Arg('input') input: OrderCancelInput, @Ctx() ctx: Context) {
    return payload(input, () => orderPaymentsService.cancel(ctx, input));
  }

  @Mutation(() => OrderRefundPayload, { description: 'Refunds lines (at their unit price) or an amount, never more than was captured: PARTIALLY_REFUNDED, or REFUNDED when all of it is.' })
  @OrderWrite()
  orderRefund(@Arg('input') input: OrderRefundInput, @Ctx() ctx: Context) {
    return payload(input, () => orderPaymentsService.refund(ctx, input));
  }

  @FieldResolver(() => [OrderPayment], { description: 'Every payment of the order with each call made to the payment network, oldest first.' })
  async payments(@Root() order: Order, @Ctx() ctx: Context): Promise<OrderPayment[]> {
    const money = (minor: number) => Money.of(minor, order.currency as CurrencyCode);
    return (await paymentsOf(ctx, order)).map((p) => ({
      status: p.status,
      amount: money(p.amount),
      authorizedAmount: money(p.authorized_amount),
      capturedAmount: money(p.captured_amount),
      refundedAmount: money(p.refunded_amount),
      transactions: p.transactions.map((t) => ({ kind: t.kind, amount: money(t.amount), status: t.status, createdAt: new Date(t.created_at) })),
    }));
  }

  @FieldResolver(() => Money, { description: 'What was captured over all payments.' })
  async capturedTotal(@Root() order: Order, @Ctx() ctx: Context): Promise<Money> {
    return Money.of((await paymentsOf(ctx, order)).reduce((s, p) => s + p.captured_amount, 0), order.currency);
  }

  @FieldResolver(() => Money, { description: 'What was refunded over all payments.' })
  async refundedTotal(@Root() order: Order, @Ctx() ctx: Context): Promise<Money> {
    return Money.of((await paymentsOf(ctx, order)).reduce((s, p) => s + p.refunded_amount, 0), order.currency);
  }
}

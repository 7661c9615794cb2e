import type { EntityManager } from '@mikro-orm/postgresql';
import { queueJob } from '../../shared/jobs.js';

/** At balanceDueAt: settles a deposit still awaiting its balance (forfeit or refund, units back on sale). */
export const DEPOSIT_DUE_TASK = 'drop_deposit_due';
/** After a deposit reached a final state that moves money (refund, void, forfeit capture): the provider call, retried until done. */
export const DEPOSIT_PAYMENT_TASK = 'drop_deposit_payment';

/** Queues a deposit job in the caller's transaction, one per task and deposit. */
export async function queueDepositJob(tx: EntityManager, task: string, depositId: string, runAt: Date): Promise<void> {
  await queueJob(tx, task, { depositId }, { runAt, jobKey: `${task}:${depositId}` });
}

import type { EntityManager } from '@mikro-orm/postgresql';

/** At balanceDueAt: settles a deposit still awaiting its balance (forfeit or refund, units back on sale). */
export const DEPOSIT_DUE_TASK = 'drop_deposit_due';
/** After a deposit reached a final state that moves money (refund, void, forfeit capture): the provider call, retried until done. */
export const DEPOSIT_PAYMENT_TASK = 'drop_deposit_payment';

/** Queues a deposit job in the caller's transaction, one per task and deposit (graphile-worker's queue is absent until boot installs it). */
export async function queueDepositJob(tx: EntityManager, task: string, depositId: string, runAt: Date): Promise<void> {
  const [{ installed }] = await tx.execute<{ installed: boolean }[]>(`select to_regnamespace('graphile_worker') is not null as installed`);
  if (!installed) return;
  await tx.execute(`select graphile_worker.add_job(?, json_build_object('depositId', ?::text), run_at => ?::timestamptz, job_key => ?)`, [
    task, depositId, runAt.toISOString(), `${task}:${depositId}`,
  ]);
}

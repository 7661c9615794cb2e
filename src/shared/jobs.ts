import { Logger as WorkerLogger, run, runMigrations, type Task } from 'graphile-worker';
import type { EntityManager } from '@mikro-orm/postgresql';
import pg from 'pg';
import type { App } from './context.js';
import type { TaskHandler } from './module.js';

/**
 * Background jobs on graphile-worker (PostgreSQL-backed: jobs commit with the data that caused them,
 * retries with exponential backoff). Domains declare their tasks in their module manifests.
 */

/** Installs graphile-worker's own schema (idempotent); the outbox trigger uses it once present. */
export async function installJobSchema(app: App, connectionString: string) {
  await runMigrations({ connectionString, logger: workerLogger(app) });
}

function workerLogger(app: App) {
  const log = app.logger.child({ component: 'jobs' });
  return new WorkerLogger(() => (level, message, meta) => {
    const method = level === 'error' ? 'error' : level === 'warning' ? 'warn' : 'debug';
    log[method](meta ?? {}, message);
  });
}

let queueInstalled = false;

/**
 * Whether graphile-worker's queue exists in this database (boot installs it; a database without it has
 * no worker). Once seen it stays: the answer is cached for the process, so hot paths probe once.
 */
export async function jobQueueInstalled(tx: EntityManager): Promise<boolean> {
  if (queueInstalled) return true;
  const [{ installed }] = await tx.execute<{ installed: boolean }[]>(`select to_regnamespace('graphile_worker') is not null as installed`);
  queueInstalled = installed;
  return installed;
}

/** Queues a task in the caller's transaction (it commits with the data that caused it); `jobKey` replaces an earlier job of that key. */
export async function queueJob(tx: EntityManager, task: string, payload: Record<string, string>, at: { runAt: Date; jobKey: string }): Promise<void> {
  await queueJobs(tx, task, [{ payload, ...at }]);
}

/** Many jobs of one task in one graphile-worker add_jobs call: one statement and one NOTIFY, not one each. */
export async function queueJobs(tx: EntityManager, task: string, jobs: { payload: Record<string, string>; jobKey: string; runAt?: Date }[]): Promise<void> {
  if (jobs.length === 0 || !(await jobQueueInstalled(tx))) return;
  const specs = jobs.map((j) => ({ identifier: task, payload: j.payload, job_key: j.jobKey, run_at: (j.runAt ?? new Date()).toISOString() }));
  await tx.execute(`select 1 from graphile_worker.add_jobs(array(select json_populate_recordset(null::graphile_worker.job_spec, ?::json)), false)`, [JSON.stringify(specs)]);
}

export interface Worker {
  stop(): Promise<void>;
}

/** Runs the registered tasks; stop() finishes running jobs and closes the worker's own pool. */
export async function startWorker(
  app: App,
  connectionString: string,
  tasks: Record<string, TaskHandler>,
  schedules: readonly string[] = [],
  concurrency = 2,
): Promise<Worker> {
  const taskList: Record<string, Task> = {};
  for (const [name, handler] of Object.entries(tasks)) taskList[name] = (payload) => handler(app, payload);
  // Our own pool, so shutdown can end it before the database stops (and log, not crash, on a lost connection).
  const pgPool = new pg.Pool({ connectionString, max: concurrency + 2 });
  const lost = (err: Error) => app.logger.warn({ err }, 'job worker lost a database connection');
  const open = new Set<pg.PoolClient>();
  pgPool.on('error', lost);
  pgPool.on('connect', (client) => {
    open.add(client);
    client.on('error', lost);
    client.once('end', () => open.delete(client));
  });
  const runner = await run({
    pgPool,
    concurrency,
    taskList,
    noHandleSignals: true,
    pollInterval: 1000,
    logger: workerLogger(app),
    // The domains' schedules (module manifests): catch-up relays, recovery, nightly passes, sweeps.
    crontab: schedules.join('\n'),
  });
  return {
    async stop() {
      await runner.stop();
      await pgPool.end();
      // Pool.end() resolves once its clients are told to end, not once they have: wait (briefly) for
      // the connections to close, so a database stopped next never cuts one (FATAL 57P01 in the log).
      const closed = Promise.all([...open].map((client) => new Promise((resolve) => client.once('end', resolve))));
      await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 2_000).unref())]);
    },
  };
}

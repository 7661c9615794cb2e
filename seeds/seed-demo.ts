import 'reflect-metadata';
import { bootRuntime, exitOnStartupError } from '../src/app/boot.js';
import { PRODUCTS, STORES } from './demo-data.js';
import { seedOnFirstRun } from './run.js';

/** npm run seed:demo: loads the demo catalog now, as the first start with SEED=demo would (once). */
async function main() {
  const runtime = await bootRuntime({ ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' }, { worker: false });
  try {
    const loaded = await seedOnFirstRun(runtime.app.orm, runtime.app.logger);
    console.log(
      loaded
        ? `Demo catalog loaded: ${PRODUCTS.length} products in ${STORES.length} stores (${runtime.database.description}).`
        : 'Demo catalog already loaded (seed_history has "demo"): nothing to do.',
    );
  } finally {
    await runtime.shutdown();
  }
}

// Explicit exit: embedded PostgreSQL's exit hook would otherwise end the process with code 0.
main()
  .then(() => process.exit(0))
  .catch(exitOnStartupError);

import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { bootRuntime, exitOnStartupError, StartupError } from '../../app/boot.js';
import { progressBar } from '../../app/cli/progress.js';
import { recomputeAll } from '../programmes/vip.service.js';

const USAGE = 'usage: npm run vip:recompute -- [--at 2027-01-01T00:00:00Z] [--batch-size N]';

/**
 * npm run vip:recompute: the nightly pass the `vip_recompute` cron task also runs: converts spend whose
 * exchange rate arrived late, applies retention expiry downgrades and recomputes every member's spend
 * and tier, with a progress bar. `--at` evaluates as of another moment (an audit or a replay).
 */
async function main() {
  const { values } = parseArgs({ options: { at: { type: 'string' }, 'batch-size': { type: 'string' }, help: { type: 'boolean' } } });
  if (values.help) return console.log(USAGE);
  const at = values.at ? new Date(values.at) : new Date();
  if (Number.isNaN(at.getTime())) throw new StartupError(`--at must be an ISO 8601 date. ${USAGE}`);
  const batchSize = values['batch-size'] === undefined ? 200 : Number(values['batch-size']);
  if (!(Number.isInteger(batchSize) && batchSize > 0)) throw new StartupError(`--batch-size must be a positive integer. ${USAGE}`);

  const runtime = await bootRuntime({ LOG_LEVEL: 'warn', ...process.env }, { worker: false });
  const bar = progressBar('vip recompute', 'members');
  const t0 = performance.now();
  try {
    const count = await recomputeAll(runtime.app.orm.em.fork(), at, bar.progress, batchSize);
    bar.stop();
    console.log(`Evaluated ${count} members as of ${at.toISOString()} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  } finally {
    bar.stop();
    await runtime.shutdown();
  }
}

// Explicit exit: embedded PostgreSQL's exit hook would otherwise end the process with code 0.
main()
  .then(() => process.exit(0))
  .catch(exitOnStartupError);

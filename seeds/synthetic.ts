import 'reflect-metadata';
import cliProgress from 'cli-progress';
import { parseArgs } from 'node:util';
import { bootRuntime, exitOnStartupError, StartupError } from '../src/app/boot.js';
import { CatalogNotEmptyError, DEFAULT_SEED, seedSynthetic, type SyntheticMode } from './synthetic-catalog.js';

const USAGE = 'usage: npm run seed:synthetic -- --products N [--append | --reset] [--seed N] [--batch N] [--database-url postgres://...]';

/**
 * npm run seed:synthetic -- --products 100000
 * Writes a deterministic synthetic catalog into the server's database (the embedded one under DATA_DIR,
 * or DATABASE_URL / --database-url), after applying migrations. Refuses a catalog that already has
 * products unless --append (add after them) or --reset (empty the catalog tables first).
 */
async function main() {
  const values = parseOptions();
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const products = positiveInt(values.products, '--products');
  const seed = values.seed === undefined ? DEFAULT_SEED : positiveInt(values.seed, '--seed');
  const batchSize = values.batch === undefined ? undefined : positiveInt(values.batch, '--batch');
  if (values.append && values.reset) throw new StartupError('--append and --reset exclude each other: choose one');
  const mode: SyntheticMode = values.reset ? 'reset' : values.append ? 'append' : 'refuse';

  const env = { ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn', ...(values['database-url'] && { DATABASE_URL: values['database-url'] }) };
  const runtime = await bootRuntime(env, { worker: false });
  const bar = new cliProgress.SingleBar(
    { format: 'products |{bar}| {percentage}% | {value}/{total} ready ({written} written) | {duration_formatted} (eta {eta_formatted})', hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  const started = performance.now();
  try {
    const result = await seedSynthetic(runtime.app.orm, {
      products,
      seed,
      mode,
      batchSize,
      onStart: (first) => {
        console.log(`Synthetic catalog: products #${fmt(first)}–#${fmt(first + products - 1)} (seed ${seed}${mode === 'refuse' ? '' : `, ${mode}`}) into ${runtime.database.description}`);
        bar.start(products, 0, { written: 0 });
      },
      // rows are written batch by batch; a batch is ready once its listings are refreshed
      onProgress: (phase, done) => (phase === 'products' ? bar.update({ written: done }) : bar.update(done)),
    });
    bar.stop();
    const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
    console.log(
      `Created ${fmt(result.products)} products (#${fmt(result.firstIndex)}–#${fmt(result.firstIndex + result.products - 1)}), ` +
        `${fmt(result.variants)} variants, ${fmt(result.prices)} prices, ${fmt(result.inventoryLevels)} stock levels, ${fmt(result.listings)} listings ` +
        `in ${s(performance.now() - started)} (writing rows ${s(result.insertMs)}, refreshing listings ${s(result.refreshMs)}, side by side).`,
    );
  } catch (err) {
    bar.stop();
    if (err instanceof CatalogNotEmptyError) throw new StartupError(err.message);
    throw err;
  } finally {
    await runtime.shutdown();
  }
}

function parseOptions() {
  try {
    return parseArgs({
      options: {
        products: { type: 'string' },
        seed: { type: 'string' },
        batch: { type: 'string' },
        append: { type: 'boolean', default: false },
        reset: { type: 'boolean', default: false },
        'database-url': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }).values;
  } catch (err) {
    throw new StartupError(`${(err as Error).message}\n${USAGE}`);
  }
}

function positiveInt(value: string | undefined, flag: string): number {
  const n = Number(value);
  if (value === undefined || !Number.isSafeInteger(n) || n < 1) {
    throw new StartupError(`${flag} needs a positive whole number${value === undefined ? '' : `, not "${value}"`}\n${USAGE}`);
  }
  return n;
}

const fmt = (n: number) => n.toLocaleString('en');

// Explicit exit: embedded PostgreSQL's exit hook would otherwise end the process with code 0.
main()
  .then(() => process.exit(0))
  .catch(exitOnStartupError);

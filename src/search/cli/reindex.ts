import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { bootRuntime, exitOnStartupError, StartupError } from '../../app/boot.js';
import { progressBar } from '../../app/cli/progress.js';
import { reindexMeilisearch } from '../indexer.js';
import { MeilisearchEngine } from '../meilisearch-engine.js';
import { rebuildPostgresIndex } from '../postgres-engine.js';

const USAGE = 'usage: npm run search:reindex -- [--engine postgres|meilisearch] [--batch-size N]';

/**
 * npm run search:reindex: rebuilds the configured engine's index from the catalog, with a progress bar.
 * Meilisearch: into a fresh index, swapped in when complete (searches keep working meanwhile), then the
 * products changed during the rebuild are synced again. PostgreSQL: every product's rows, batch by
 * batch, each batch in its own transaction (`--engine postgres` also refreshes them while Meilisearch
 * is configured, before switching back).
 */
async function main() {
  const { values } = parseArgs({ options: { engine: { type: 'string' }, 'batch-size': { type: 'string' }, help: { type: 'boolean' } } });
  if (values.help) return console.log(USAGE);
  const batchSize = values['batch-size'] === undefined ? undefined : Number(values['batch-size']);
  if (batchSize !== undefined && !(Number.isInteger(batchSize) && batchSize > 0)) throw new StartupError(`--batch-size must be a positive integer. ${USAGE}`);
  if (values.engine && !['postgres', 'meilisearch'].includes(values.engine)) throw new StartupError(`Unknown engine "${values.engine}". ${USAGE}`);

  const runtime = await bootRuntime({ LOG_LEVEL: 'warn', ...process.env }, { worker: false });
  const engine = runtime.app.ports.search!;
  const target = values.engine ?? engine.kind;
  const bar = progressBar(`reindex ${target}`, 'products');
  const t0 = performance.now();
  try {
    let count: number;
    if (target === 'meilisearch') {
      if (!(engine instanceof MeilisearchEngine)) throw new StartupError('--engine meilisearch needs MEILI_URL (and MEILI_API_KEY when the instance has a master key)');
      count = await reindexMeilisearch(runtime.app.orm, engine, bar.progress, batchSize);
    } else {
      count = await rebuildPostgresIndex(runtime.app.orm, bar.progress, batchSize);
    }
    bar.stop();
    console.log(`Reindexed ${count} products into ${target === 'meilisearch' ? engine.describe() : 'PostgreSQL'} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  } finally {
    bar.stop();
    await runtime.shutdown();
  }
}

// Explicit exit: embedded PostgreSQL's exit hook would otherwise end the process with code 0.
main()
  .then(() => process.exit(0))
  .catch(exitOnStartupError);

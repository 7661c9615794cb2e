import 'reflect-metadata';
import cliProgress from 'cli-progress';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { StaffRole } from '../../shared/roles.js';
import { bootRuntime, exitOnStartupError, StartupError } from '../../app/boot.js';
import type { Viewer } from '../../shared/context.js';
import { importCatalog, type ImportReport } from '../import/import.service.js';

const USAGE = 'Usage: npm run catalog:import -- <file.jsonl> [--dry-run] [--batch-size 500]';

/** Scripts act with platform scope; stock changes are audited as "system:catalog-import". */
const SYSTEM: Viewer = { kind: 'staff', staffId: 'system', role: StaffRole.PLATFORM_ADMIN, brandIds: [] };

function printReport(report: ImportReport, seconds: number) {
  const rate = Math.round(report.lines / Math.max(seconds, 0.001));
  console.log(
    `${report.dryRun ? 'Checked (dry run, nothing written)' : 'Imported'} ${report.lines} lines in ${seconds.toFixed(1)} s (${rate} lines/s): ` +
      `${report.created} created, ${report.updated} updated, ${report.failed} failed`,
  );
  for (const e of report.errors.slice(0, 50)) console.log(`  line ${e.line}${e.field.length ? ` ${e.field.join('.')}` : ''}: ${e.message} [${e.code}]`);
  if (report.errors.length > 50) console.log(`  ... and ${report.errors.length - 50} more`);
}

/** npm run catalog:import -- file.jsonl: the same import as the catalogImport mutation, with a progress bar. */
async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { 'dry-run': { type: 'boolean', default: false }, 'batch-size': { type: 'string' } },
  });
  const file = positionals[0];
  if (!file) throw new StartupError(USAGE);
  const batchSize = values['batch-size'] ? Number(values['batch-size']) : undefined;
  if (batchSize !== undefined && !(Number.isInteger(batchSize) && batchSize > 0)) throw new StartupError(`--batch-size must be a positive integer. ${USAGE}`);
  let jsonl: string;
  try {
    jsonl = readFileSync(file, 'utf8');
  } catch (err) {
    throw new StartupError(`Cannot read ${file}: ${(err as Error).message}`);
  }

  const runtime = await bootRuntime({ LOG_LEVEL: 'warn', ...process.env }, { worker: false });
  const bar = new cliProgress.SingleBar(
    { format: 'catalog import [{bar}] {percentage}% | {value}/{total} lines | {rate} lines/s', hideCursor: true, clearOnComplete: false },
    cliProgress.Presets.shades_classic,
  );
  const started = performance.now();
  try {
    let barStarted = false;
    const report = await importCatalog(runtime.app.orm.em.fork(), SYSTEM, jsonl, {
      dryRun: values['dry-run'],
      batchSize,
      actor: 'system:catalog-import',
      onProgress: (done, total) => {
        const rate = Math.round(done / Math.max((performance.now() - started) / 1000, 0.001));
        if (!barStarted) bar.start(total, done, { rate });
        else bar.update(done, { rate });
        barStarted = true;
      },
    });
    bar.stop();
    printReport(report, (performance.now() - started) / 1000);
    return report.failed ? 1 : 0;
  } finally {
    bar.stop();
    await runtime.shutdown();
  }
}

// Explicit exit: embedded PostgreSQL's exit hook would otherwise end the process with code 0.
main()
  .then((code) => process.exit(code))
  .catch(exitOnStartupError);

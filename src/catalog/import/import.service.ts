import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../../shared/context.js';
import { DomainError } from '../../shared/user-errors.js';
import { CatalogErrorCode } from '../admin/errors.js';
import { actorOf } from '../../shared/scope.js';
import { runBatch, lineError, type LineError } from './batch.js';
import { loadCatalogCache } from './catalog-cache.js';
import { importLine } from './format.js';
import { planLine, type PlannedLine } from './plan.js';

export interface ImportOptions {
  dryRun?: boolean;
  /** Audit name for stock changes; defaults to the viewer ("staff:<id>", "apiKey:<id>"). */
  actor?: string;
  batchSize?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface ImportReport {
  lines: number;
  created: number;
  updated: number;
  failed: number;
  dryRun: boolean;
  errors: LineError[];
}

class DryRunRollback extends Error {
  constructor(readonly result: Awaited<ReturnType<typeof runBatch>>) {
    super('dry run');
  }
}

/** Splits the text into numbered, non-blank lines parsed and checked against the reference data. */
function parse(jsonl: string, plan: (data: unknown, line: number) => PlannedLine, errors: LineError[]) {
  const planned: PlannedLine[] = [];
  let lines = 0;
  jsonl.split(/\r?\n/).forEach((text, index) => {
    if (!text.trim()) return;
    lines++;
    const line = index + 1;
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (err) {
      errors.push({ line, code: CatalogErrorCode.INVALID, field: [], message: `Not valid JSON: ${(err as Error).message}` });
      return;
    }
    const parsed = importLine.safeParse(data);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      errors.push({ line, code: CatalogErrorCode.INVALID, field: issue.path.map(String), message: issue.message });
      return;
    }
    try {
      planned.push(plan(parsed.data, line));
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      errors.push(lineError(line, err));
    }
  });
  return { planned, lines };
}

/** Batches without a handle or SKU twice, so a later line of the file updates what an earlier one wrote. */
function batches(planned: PlannedLine[], size: number): PlannedLine[][] {
  const out: PlannedLine[][] = [];
  let current: PlannedLine[] = [];
  let keys = new Set<string>();
  for (const plan of planned) {
    const own = [`h:${plan.handle}`, ...plan.variants.map((v) => `s:${v.sku}`)];
    if (current.length >= size || own.some((k) => keys.has(k))) {
      out.push(current);
      current = [];
      keys = new Set();
    }
    current.push(plan);
    own.forEach((k) => keys.add(k));
  }
  if (current.length) out.push(current);
  return out;
}

/**
 * Imports a JSON Lines catalog: upsert by product handle and variant SKU. Lines are checked, then
 * written in batches (one transaction each, a constant number of statements per batch); a line that
 * fails is reported with its number, field and reason, and nothing of it is written. If a batch hits
 * an unexpected database error, its lines are retried one transaction each to isolate the bad one.
 */
export async function importCatalog(em: EntityManager, viewer: Viewer, jsonl: string, opts: ImportOptions = {}): Promise<ImportReport> {
  const errors: LineError[] = [];
  const cache = await loadCatalogCache(em);
  const { planned, lines } = parse(jsonl, (data, line) => planLine(data as never, line, cache, viewer), errors);
  const actor = opts.actor ?? actorOf(viewer);
  const report: ImportReport = { lines, created: 0, updated: 0, failed: 0, dryRun: !!opts.dryRun, errors };
  let done = lines - planned.length;
  opts.onProgress?.(done, lines);

  const run = async (plans: PlannedLine[]) => {
    try {
      return await em.transactional(async (tx) => {
        const result = await runBatch(tx, plans, actor);
        if (opts.dryRun) throw new DryRunRollback(result);
        return result;
      });
    } catch (err) {
      if (err instanceof DryRunRollback) return err.result;
      throw err;
    }
  };
  for (const batch of batches(planned, opts.batchSize ?? 500)) {
    let results;
    try {
      results = [await run(batch)];
    } catch {
      results = [];
      for (const plan of batch) {
        try {
          results.push(await run([plan]));
        } catch (err) {
          errors.push({ line: plan.line, code: CatalogErrorCode.INVALID, field: [], message: databaseMessage(err) });
        }
      }
    }
    for (const r of results) {
      report.created += r.created.length;
      report.updated += r.updated.length;
      errors.push(...r.errors);
    }
    done += batch.length;
    opts.onProgress?.(done, lines);
  }
  errors.sort((a, b) => a.line - b.line);
  report.failed = new Set(errors.map((e) => e.line)).size;
  return report;
}

function databaseMessage(err: unknown): string {
  const message = (err as Error).message ?? String(err);
  return `The database refused the line: ${message.split('\n')[0].replace(/^.*? - /, '')}`;
}

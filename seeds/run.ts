import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import { refreshListings } from '../src/catalog/listing.service.js';
import { writeDemoCatalog } from './demo.js';

/**
 * Loads the demo data set once: a seed_history row records that it ran, written in the same transaction
 * as the catalog, so a failed seed leaves nothing behind and is retried on the next start. Two servers
 * starting together cannot both load it: the second one's insert waits for the first to commit, then
 * finds the row and does nothing.
 */
export async function seedOnFirstRun(orm: MikroORM, logger: Pick<Logger, 'info'>): Promise<boolean> {
  const em = orm.em.fork();
  const done = await em.execute(`select 1 from seed_history where name = 'demo'`);
  if (done.length) return false;
  const products = await em.transactional(async (tx) => {
    const claimed = await tx.execute(`insert into seed_history (name) values ('demo') on conflict do nothing returning name`);
    if (!claimed.length) return null;
    const ids = await writeDemoCatalog(tx);
    await refreshListings(tx, ids);
    return ids.length;
  });
  if (products === null) return false;
  logger.info({ products }, 'demo seed loaded');
  return true;
}

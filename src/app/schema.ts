import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { authChecker } from './auth.js';
import type { Api } from './context.js';
import { adminResolvers, storefrontResolvers } from './modules.js';

const cache = new Map<Api, Promise<GraphQLSchema>>();

/** Builds (once per process) the schema of one API from its resolver set. */
export function schemaFor(api: Api): Promise<GraphQLSchema> {
  let schema = cache.get(api);
  if (!schema) {
    schema = buildSchema({
      resolvers: api === 'storefront' ? storefrontResolvers : adminResolvers,
      authChecker,
      authMode: 'error',
      validate: false, // inputs are validated by payload(), which reports failures as userErrors
    });
    cache.set(api, schema);
  }
  return schema;
}

/** The SDL committed in schema/<api>.graphql: sorted, so diffs show only real contract changes. */
export async function printSdl(api: Api): Promise<string> {
  return printSchema(lexicographicSortSchema(await schemaFor(api))) + '\n';
}

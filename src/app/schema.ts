import { GraphQLScalarType, GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { GraphQLDateTimeISO } from 'graphql-scalars';
import { buildSchema, getMetadataStorage } from 'type-graphql';
import { authChecker } from '../shared/auth.js';
import type { Api } from '../shared/context.js';
import { errorEnumTypes } from '../shared/errors.js';
import { adminResolvers, storefrontResolvers } from './modules.js';

/** Every Date field is a `DateTime` (ARCHITECTURE: "DateTime in UTC ISO 8601"), e.g. "2026-11-24T05:32:00.000Z". */
export const DateTimeScalar = new GraphQLScalarType({
  ...GraphQLDateTimeISO.toConfig(),
  name: 'DateTime',
  description: 'A date-time in UTC, as an ISO 8601 string such as "2026-11-24T05:32:00.000Z".',
});

const cache = new Map<Api, Promise<GraphQLSchema>>();

/**
 * type-graphql (2.0.0-rc) keeps the field list it computes for each object type on the global metadata,
 * including the fields its @FieldResolver methods add: the second API built would also get the first
 * API's field-resolver fields (with a plain property resolver). Forgetting the computed lists before
 * each build keeps each API's field resolvers to that API.
 */
function forgetComputedFields() {
  const storage = getMetadataStorage() as unknown as { objectTypes: { fields?: unknown }[]; interfaceTypes: { fields?: unknown }[] };
  for (const type of [...storage.objectTypes, ...storage.interfaceTypes]) delete type.fields;
}

/** ErrorCode and InputErrorReason describe GraphQL errors, not fields: type-graphql's orphanedTypes takes no enums. */
function withErrorEnums(schema: GraphQLSchema): GraphQLSchema {
  const config = schema.toConfig();
  return new GraphQLSchema({ ...config, types: [...config.types, ...errorEnumTypes()] });
}

/** Builds (once per process) the schema of one API from its resolver set. */
export function schemaFor(api: Api): Promise<GraphQLSchema> {
  let schema = cache.get(api);
  if (!schema) {
    forgetComputedFields(); // buildSchema reads the metadata synchronously, before its promise settles
    schema = buildSchema({
      resolvers: api === 'storefront' ? storefrontResolvers : adminResolvers,
      authChecker,
      scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
      authMode: 'error',
      validate: false, // inputs are validated by payload(), which reports failures as userErrors
    }).then(withErrorEnums);
    cache.set(api, schema);
  }
  return schema;
}

/** The SDL committed in schema/<api>.graphql: sorted, so diffs show only real contract changes. */
export async function printSdl(api: Api): Promise<string> {
  return printSchema(lexicographicSortSchema(await schemaFor(api))) + '\n';
}

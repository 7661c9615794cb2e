import { Field, ObjectType, type ClassType } from 'type-graphql';

type ReturnTypeFunc = Parameters<typeof Field>[0] & ((...args: never[]) => unknown);

/**
 * Declares `<name> { <fields>..., userErrors: [<Domain>UserError!]! }` for a mutation: every result field
 * is null when the mutation was refused. Each domain passes its own `*UserError` type (userErrorType()).
 */
export function payloadType(name: string, userError: ClassType, fields: Record<string, ReturnTypeFunc>): ClassType {
  @ObjectType(name)
  class Payload {
    @Field(() => [userError], { description: 'Why the mutation was refused; empty on success (nothing was written otherwise).' })
    userErrors!: unknown[];
  }
  for (const [key, type] of Object.entries(fields)) Field(type, { nullable: true })(Payload.prototype, key);
  return Payload;
}

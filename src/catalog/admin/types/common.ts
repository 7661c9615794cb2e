import { Length } from 'class-validator';
import { Field, InputType, ObjectType, type ClassType } from 'type-graphql';

type ReturnTypeFunc = Parameters<typeof Field>[0] & ((...args: never[]) => unknown);
import { CatalogUserError } from '../errors.js';
import { IsLocale } from '../validation.js';

/**
 * Declares `<name> { <fields>..., userErrors: [CatalogUserError!]! }`: every result field is null
 * when the mutation was refused.
 */
export function payloadType(name: string, fields: Record<string, ReturnTypeFunc>): ClassType {
  @ObjectType(name)
  class Payload {
    @Field(() => [CatalogUserError], { description: 'Why the mutation was refused; empty on success (nothing was written otherwise).' })
    userErrors!: CatalogUserError[];
  }
  for (const [key, type] of Object.entries(fields)) Field(type, { nullable: true })(Payload.prototype, key);
  return Payload;
}

@InputType({ description: 'A text in one locale, e.g. { locale: "zh-CN", value: "颜色" }.' })
export class LocalizedTextInput {
  @Field({ description: 'BCP 47 locale.' }) @IsLocale() locale!: string;
  @Field() @Length(1, 500) value!: string;
}

@ObjectType({ description: 'A text in one locale.' })
export class LocalizedText {
  @Field() locale!: string;
  @Field() value!: string;
}

export function toLocalized(map: Record<string, string> | undefined): LocalizedText[] {
  return Object.entries(map ?? {}).map(([locale, value]) => ({ locale, value }));
}

import { Length } from 'class-validator';
import { Field, InputType, ObjectType, type ClassType } from 'type-graphql';
import { payloadType as sharedPayloadType } from '../../../shared/payload-type.js';
import { CatalogUserError } from '../errors.js';
import { IsLocale } from '../validation.js';

/** A catalog mutation's payload: its result fields and `userErrors: [CatalogUserError!]!`. */
export const payloadType = (name: string, fields: Parameters<typeof sharedPayloadType>[2]): ClassType => sharedPayloadType(name, CatalogUserError, fields);

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

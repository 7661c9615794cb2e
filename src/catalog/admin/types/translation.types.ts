import { ArrayMaxSize, ArrayMinSize, IsOptional, Length, ValidateNested } from 'class-validator';
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { IsLocale, IsLocaleList } from '../validation.js';
import { payloadType } from './common.js';

const KEYS =
  'Product: title, descriptionHtml, option.<code> (option name), option.<code>.<valueCode> (value name), media.<mediaId>.alt; ' +
  'Collection: title, descriptionHtml; Category: name; Brand: name, story.';

@InputType()
export class TranslationInput {
  @Field({ description: KEYS }) @Length(1, 200) key!: string;
  @Field() @Length(0, 100_000) value!: string;
}

@ObjectType({ description: 'One translated field of a resource.' })
export class Translation {
  @Field() key!: string;
  @Field() locale!: string;
  @Field() value!: string;
}

@InputType()
export class TranslationsRegisterInput {
  @Field(() => ID, { description: 'A Product, Collection, Category or Brand.' }) resourceId!: string;
  @Field() @IsLocale() locale!: string;
  @Field(() => [TranslationInput]) @ValidateNested() @ArrayMinSize(1) @ArrayMaxSize(500) translations!: TranslationInput[];
}

@InputType()
export class TranslationsRemoveInput {
  @Field(() => ID) resourceId!: string;
  @Field(() => [String]) @IsLocaleList() @ArrayMinSize(1) @ArrayMaxSize(50) locales!: string[];
  @Field(() => [String], { nullable: true, description: 'Keys to remove; all of them when left out.' })
  @IsOptional()
  @ArrayMaxSize(500)
  keys?: string[];
}

export const TranslationsRegisterPayload = payloadType('TranslationsRegisterPayload', { translations: () => [Translation] });
export const TranslationsRemovePayload = payloadType('TranslationsRemovePayload', { translations: () => [Translation] });

import { ArrayMaxSize, IsOptional, Length, ValidateNested } from 'class-validator';
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { Collection } from '../../entities/collection.entity.js';
import { IsHandle, IsLocale } from '../validation.js';
import { payloadType } from './common.js';

@InputType()
export class CollectionTranslationInput {
  @Field() @IsLocale() locale!: string;
  @Field({ nullable: true }) @IsOptional() @Length(1, 500) title?: string;
  @Field({ nullable: true }) @IsOptional() @Length(0, 100_000) descriptionHtml?: string;
}

@ObjectType()
export class CollectionTranslation {
  @Field() locale!: string;
  @Field(() => String, { nullable: true }) title!: string | null;
  @Field(() => String, { nullable: true }) descriptionHtml!: string | null;
}

@InputType()
export class CollectionCreateInput {
  @Field() @IsHandle() @Length(1, 200) handle!: string;
  @Field(() => ID, { nullable: true, description: 'The owning brand; left out for a platform-curated collection (platform admins only).' })
  brandId?: string;
  @Field(() => [CollectionTranslationInput], { description: 'Needs at least one title.' })
  @ValidateNested()
  @ArrayMaxSize(50)
  translations!: CollectionTranslationInput[];
}

@InputType({ description: 'Fields left out stay as they are; translations merge per locale.' })
export class CollectionUpdateInput {
  @Field(() => ID) id!: string;
  @Field({ nullable: true }) @IsOptional() @IsHandle() @Length(1, 200) handle?: string;
  @Field(() => [CollectionTranslationInput], { nullable: true })
  @IsOptional()
  @ValidateNested()
  @ArrayMaxSize(50)
  translations?: CollectionTranslationInput[];
}

@InputType()
export class CollectionArchiveInput {
  @Field(() => ID) id!: string;
}

@InputType()
export class CollectionProductsSetInput {
  @Field(() => ID) id!: string;
  @Field(() => [ID], { description: 'The whole membership, in display order; replaces the previous list.' })
  @ArrayMaxSize(5000)
  productIds!: string[];
}

export const CollectionCreatePayload = payloadType('CollectionCreatePayload', { collection: () => Collection });
export const CollectionUpdatePayload = payloadType('CollectionUpdatePayload', { collection: () => Collection });
export const CollectionArchivePayload = payloadType('CollectionArchivePayload', { collection: () => Collection });
export const CollectionProductsSetPayload = payloadType('CollectionProductsSetPayload', { collection: () => Collection });

import { ArrayMaxSize, IsOptional, IsUrl, Length, ValidateNested } from 'class-validator';
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { Brand, BrandGroup } from '../../entities/brand.entity.js';
import { IsHandle, IsLocale } from '../validation.js';
import { payloadType } from './common.js';

@InputType()
export class BrandGroupCreateInput {
  @Field() @IsHandle() @Length(1, 100) handle!: string;
  @Field() @Length(1, 200) name!: string;
}

@InputType({ description: "A brand's name and story in one locale." })
export class BrandTranslationInput {
  @Field() @IsLocale() locale!: string;
  @Field({ nullable: true }) @IsOptional() @Length(1, 200) name?: string;
  @Field({ nullable: true }) @IsOptional() @Length(0, 20_000) story?: string;
}

@ObjectType()
export class BrandTranslation {
  @Field() locale!: string;
  @Field(() => String, { nullable: true }) name!: string | null;
  @Field(() => String, { nullable: true }) story!: string | null;
}

@InputType()
export class BrandCreateInput {
  @Field() @IsHandle() @Length(1, 100) handle!: string;
  @Field(() => ID, { nullable: true }) groupId?: string;
  @Field({ description: 'The locale the brand writes in first; the last step of every fallback chain.' })
  @IsLocale()
  defaultLocale!: string;
  @Field(() => [BrandTranslationInput], { description: 'Must include a name in the default locale.' })
  @ValidateNested()
  @ArrayMaxSize(50)
  translations!: BrandTranslationInput[];
  @Field({ nullable: true }) @IsOptional() @IsUrl({ require_protocol: true }) logoUrl?: string;
}

@InputType({ description: 'Fields left out stay as they are; translations are merged per locale.' })
export class BrandUpdateInput {
  @Field(() => ID) id!: string;
  @Field({ nullable: true }) @IsOptional() @IsHandle() @Length(1, 100) handle?: string;
  @Field(() => ID, { nullable: true, description: 'null removes the brand from its group.' }) groupId?: string | null;
  @Field({ nullable: true }) @IsOptional() @IsLocale() defaultLocale?: string;
  @Field(() => [BrandTranslationInput], { nullable: true }) @IsOptional() @ValidateNested() @ArrayMaxSize(50) translations?: BrandTranslationInput[];
  @Field(() => String, { nullable: true }) @IsOptional() @IsUrl({ require_protocol: true }) logoUrl?: string | null;
}

@InputType()
export class BrandArchiveInput {
  @Field(() => ID) id!: string;
}

export const BrandGroupCreatePayload = payloadType('BrandGroupCreatePayload', { brandGroup: () => BrandGroup });
export const BrandCreatePayload = payloadType('BrandCreatePayload', { brand: () => Brand });
export const BrandUpdatePayload = payloadType('BrandUpdatePayload', { brand: () => Brand });
export const BrandArchivePayload = payloadType('BrandArchivePayload', { brand: () => Brand });

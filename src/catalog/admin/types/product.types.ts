import { ArrayMaxSize, IsEnum, IsInt, IsOptional, IsUrl, Length, Max, Min, ValidateNested } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { DecimalScalar } from '../../../shared/money.js';
import { ProductStatus } from '../../entities/enums.js';
import { Product, ProductVariant } from '../../entities/product.entity.js';
import { IsCode, IsHandle, IsLocale, IsSku } from '../validation.js';
import { LocalizedText, LocalizedTextInput, payloadType } from './common.js';

@InputType({ description: 'Title and description in one locale.' })
export class ProductTranslationInput {
  @Field() @IsLocale() locale!: string;
  @Field({ nullable: true }) @IsOptional() @Length(1, 500) title?: string;
  @Field({ nullable: true }) @IsOptional() @Length(0, 100_000) descriptionHtml?: string;
}

@ObjectType()
export class ProductTranslation {
  @Field() locale!: string;
  @Field(() => String, { nullable: true }) title!: string | null;
  @Field(() => String, { nullable: true }) descriptionHtml!: string | null;
}

@InputType()
export class ProductOptionValueInput {
  @Field({ description: 'Stable code, e.g. "black".' }) @IsCode() @Length(1, 64) code!: string;
  @Field(() => [LocalizedTextInput], { description: 'Name per locale, e.g. [{ locale: "zh-CN", value: "黑色" }].' })
  @ValidateNested()
  @ArrayMaxSize(50)
  names!: LocalizedTextInput[];
}

@InputType()
export class ProductOptionInput {
  @Field({ description: 'Stable code, e.g. "colour".' }) @IsCode() @Length(1, 64) code!: string;
  @Field(() => [LocalizedTextInput]) @ValidateNested() @ArrayMaxSize(50) names!: LocalizedTextInput[];
  @Field(() => [ProductOptionValueInput]) @ValidateNested() @ArrayMaxSize(200) values!: ProductOptionValueInput[];
}

@ObjectType({ description: 'An option value with its name in every locale.' })
export class ProductOptionValueDefinition {
  @Field() code!: string;
  @Field(() => [LocalizedText]) names!: LocalizedText[];
}

@ObjectType({ description: 'An option (colour, size) with its names and values in every locale.' })
export class ProductOptionDefinition {
  @Field() code!: string;
  @Field(() => [LocalizedText]) names!: LocalizedText[];
  @Field(() => [ProductOptionValueDefinition]) values!: ProductOptionValueDefinition[];
}

@InputType()
export class MediaInput {
  @Field() @IsUrl({ require_protocol: true }) @Length(1, 2000) url!: string;
  @Field(() => [LocalizedTextInput], { defaultValue: [], description: 'Alt text per locale.' })
  @ValidateNested()
  @ArrayMaxSize(50)
  alt!: LocalizedTextInput[];
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(1) width?: number;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(1) height?: number;
}

@InputType({ description: 'One option value of a variant, e.g. { option: "colour", value: "black" }.' })
export class VariantOptionValueInput {
  @Field() @Length(1, 64) option!: string;
  @Field() @Length(1, 64) value!: string;
}

@ObjectType()
export class VariantOptionValue {
  @Field() option!: string;
  @Field() value!: string;
}

@InputType()
export class ProductVariantInput {
  @Field() @IsSku() @Length(1, 64) sku!: string;
  @Field(() => [VariantOptionValueInput], { defaultValue: [], description: 'Names each option of the product exactly once.' })
  @ValidateNested()
  @ArrayMaxSize(20)
  optionValues!: VariantOptionValueInput[];
  @Field({ nullable: true }) @IsOptional() @Length(1, 64) barcode?: string;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(0) @Max(1_000_000) weightGrams?: number;
}

@InputType()
export class ProductCreateInput {
  @Field(() => ID) brandId!: string;
  @Field() @IsHandle() @Length(1, 200) handle!: string;
  @Field(() => ProductStatus, { defaultValue: ProductStatus.DRAFT }) @IsEnum(ProductStatus) status!: ProductStatus;
  @Field(() => ID, { nullable: true }) categoryId?: string;
  @Field(() => [String], { defaultValue: [] }) @ArrayMaxSize(100) @Length(1, 100, { each: true }) tags!: string[];
  @Field(() => [ProductTranslationInput], { description: "Needs a title in the brand's default locale." })
  @ValidateNested()
  @ArrayMaxSize(50)
  translations!: ProductTranslationInput[];
  @Field(() => [ProductOptionInput], { defaultValue: [] }) @ValidateNested() @ArrayMaxSize(10) options!: ProductOptionInput[];
  @Field(() => [MediaInput], { defaultValue: [], description: 'In order; the first is the featured image.' })
  @ValidateNested()
  @ArrayMaxSize(100)
  media!: MediaInput[];
  @Field(() => [ProductVariantInput], { defaultValue: [] }) @ValidateNested() @ArrayMaxSize(500) variants!: ProductVariantInput[];
}

@InputType({ description: 'Fields left out stay as they are; translations merge per locale; options and media are replaced.' })
export class ProductUpdateInput {
  @Field(() => ID) id!: string;
  @Field({ nullable: true }) @IsOptional() @IsHandle() @Length(1, 200) handle?: string;
  @Field(() => ProductStatus, { nullable: true }) @IsOptional() @IsEnum(ProductStatus) status?: ProductStatus;
  @Field(() => ID, { nullable: true, description: 'null files the product under no category.' }) categoryId?: string | null;
  @Field(() => [String], { nullable: true }) @IsOptional() @ArrayMaxSize(100) @Length(1, 100, { each: true }) tags?: string[];
  @Field(() => [ProductTranslationInput], { nullable: true }) @IsOptional() @ValidateNested() @ArrayMaxSize(50) translations?: ProductTranslationInput[];
  @Field(() => [ProductOptionInput], { nullable: true, description: 'Every live variant must still match the new options.' })
  @IsOptional()
  @ValidateNested()
  @ArrayMaxSize(10)
  options?: ProductOptionInput[];
  @Field(() => [MediaInput], { nullable: true }) @IsOptional() @ValidateNested() @ArrayMaxSize(100) media?: MediaInput[];
}

@InputType()
export class ProductArchiveInput {
  @Field(() => ID) id!: string;
}

/** Shared fields of productPublish and productUnpublish (not emitted itself: nothing refers to it). */
@InputType()
export class ProductPublicationInput {
  @Field(() => ID) id!: string;
  @Field(() => [ID]) @ArrayMaxSize(200) storeIds!: string[];
}

@InputType()
export class ProductPublishInput extends ProductPublicationInput {}

@InputType()
export class ProductUnpublishInput extends ProductPublicationInput {}

@InputType()
export class ProductVariantsCreateInput {
  @Field(() => ID) productId!: string;
  @Field(() => [ProductVariantInput]) @ValidateNested() @ArrayMaxSize(500) variants!: ProductVariantInput[];
}

@InputType({ description: 'Fields left out stay as they are.' })
export class ProductVariantUpdateInput {
  @Field(() => ID) id!: string;
  @Field({ nullable: true }) @IsOptional() @IsSku() @Length(1, 64) sku?: string;
  @Field(() => [VariantOptionValueInput], { nullable: true }) @IsOptional() @ValidateNested() @ArrayMaxSize(20) optionValues?: VariantOptionValueInput[];
  @Field(() => String, { nullable: true }) @IsOptional() @Length(1, 64) barcode?: string | null;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(0) @Max(1_000_000) weightGrams?: number | null;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(0) position?: number;
}

@InputType()
export class ProductVariantsUpdateInput {
  @Field(() => ID) productId!: string;
  @Field(() => [ProductVariantUpdateInput]) @ValidateNested() @ArrayMaxSize(500) variants!: ProductVariantUpdateInput[];
}

@InputType()
export class ProductVariantArchiveInput {
  @Field(() => ID) id!: string;
}

@InputType({ description: "A variant's price in one store, in the store's currency." })
export class VariantPriceInput {
  @Field(() => ID) variantId!: string;
  @Field(() => ID) storeId!: string;
  @Field(() => DecimalScalar, { description: 'e.g. "12999.00".' }) amount!: string;
  @Field(() => DecimalScalar, { nullable: true, description: 'The "was" price; must exceed the amount. null removes it.' })
  compareAtAmount?: string | null;
}

@InputType()
export class VariantPricesSetInput {
  @Field(() => [VariantPriceInput]) @ValidateNested() @ArrayMaxSize(1000) prices!: VariantPriceInput[];
}

export const ProductCreatePayload = payloadType('ProductCreatePayload', { product: () => Product });
export const ProductUpdatePayload = payloadType('ProductUpdatePayload', { product: () => Product });
export const ProductArchivePayload = payloadType('ProductArchivePayload', { product: () => Product });
export const ProductPublishPayload = payloadType('ProductPublishPayload', { product: () => Product });
export const ProductUnpublishPayload = payloadType('ProductUnpublishPayload', { product: () => Product });
export const ProductVariantsCreatePayload = payloadType('ProductVariantsCreatePayload', {
  product: () => Product,
  productVariants: () => [ProductVariant],
});
export const ProductVariantsUpdatePayload = payloadType('ProductVariantsUpdatePayload', {
  product: () => Product,
  productVariants: () => [ProductVariant],
});
export const ProductVariantArchivePayload = payloadType('ProductVariantArchivePayload', { productVariant: () => ProductVariant });
export const VariantPricesSetPayload = payloadType('VariantPricesSetPayload', { productVariants: () => [ProductVariant] });

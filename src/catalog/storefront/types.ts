import { ArrayMaxSize, IsOptional, Length, MaxLength, ValidateNested } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DecimalScalar, Money } from '../../shared/money.js';
import { connectionType } from '../../shared/pagination.js';
import { Collection } from '../entities/collection.entity.js';
import { Product } from '../entities/product.entity.js';

export enum ProductSortKey {
  RELEVANCE = 'RELEVANCE',
  PRICE = 'PRICE',
  CREATED_AT = 'CREATED_AT',
  TITLE = 'TITLE',
  BEST_SELLING = 'BEST_SELLING',
}
registerEnumType(ProductSortKey, {
  name: 'ProductSortKey',
  valuesConfig: {
    RELEVANCE: { description: 'Collection order inside a collection; newest first elsewhere.' },
    PRICE: { description: 'Lowest variant price in the store, cheapest first.' },
    CREATED_AT: { description: 'Oldest first.' },
    TITLE: { description: "Title in the store's default locale, A to Z." },
    BEST_SELLING: { description: 'Most units sold first; newest first until orders exist.' },
  },
});

@InputType({ description: 'An option value to match, e.g. { option: "colour", value: "black" }.' })
export class OptionValueFilter {
  @Field() @Length(1, 64) option!: string;
  @Field() @Length(1, 64) value!: string;
}

@InputType({
  description:
    "A price range [min, max) in the store's currency: min included, max excluded; either bound may be left out. A product matches when its price range " +
    '(lowest to highest variant price) overlaps it, the rule of search PRICE facet buckets, whose `min` and `max` can be passed here as they are.',
})
export class PriceRangeFilter {
  @Field(() => DecimalScalar, { nullable: true }) min?: string;
  @Field(() => DecimalScalar, { nullable: true }) max?: string;
}

@InputType({ description: 'Narrows a product list. Values within one field match any; different fields must all match.' })
export class ProductFilter {
  @Field(() => [String], { nullable: true }) @IsOptional() @ArrayMaxSize(50) brands?: string[];
  @Field({ nullable: true, description: 'Collection handle.' }) @IsOptional() @MaxLength(200) collection?: string;
  @Field({ nullable: true, description: 'Category handle; includes its descendants.' }) @IsOptional() @MaxLength(200) category?: string;
  @Field(() => [String], { nullable: true, description: 'Products with any of these tags.' }) @IsOptional() @ArrayMaxSize(50) tags?: string[];
  @Field(() => [OptionValueFilter], { nullable: true }) @IsOptional() @ArrayMaxSize(50) @ValidateNested({ each: true }) optionValues?: OptionValueFilter[];
  @Field(() => PriceRangeFilter, { nullable: true }) @IsOptional() @ValidateNested() price?: PriceRangeFilter;
  @Field({ nullable: true }) availableForSale?: boolean;
}

@ObjectType({ simpleResolvers: true })
export class PriceRange {
  @Field(() => Money) minVariantPrice!: Money;
  @Field(() => Money) maxVariantPrice!: Money;
}

@ObjectType({ simpleResolvers: true, description: 'An image of a product.' })
export class Image {
  @Field(() => ID, { description: 'Stable while the image stays on its product (not a node(id:) ID).' }) id!: string;
  @Field() url!: string;
  @Field(() => String, { nullable: true, description: 'In the request locale, with the catalog fallback chain.' }) altText!: string | null;
  @Field(() => Int, { nullable: true }) width?: number;
  @Field(() => Int, { nullable: true }) height?: number;
}

@ObjectType({ simpleResolvers: true })
export class ProductOptionValue {
  @Field({ description: 'Stable code used in filters, e.g. "black".' }) code!: string;
  @Field({ description: 'Localized name, e.g. "黑色".' }) name!: string;
}

@ObjectType({ simpleResolvers: true })
export class ProductOption {
  @Field({ description: 'Stable code used in filters, e.g. "colour".' }) code!: string;
  @Field() name!: string;
  @Field(() => [ProductOptionValue]) values!: ProductOptionValue[];
}

@ObjectType({ simpleResolvers: true })
export class SelectedOption {
  @Field() code!: string;
  @Field() name!: string;
  @Field() valueCode!: string;
  @Field() value!: string;
}

export const ProductConnection = connectionType(Product, 'Product');
export const CollectionConnection = connectionType(Collection, 'Collection');

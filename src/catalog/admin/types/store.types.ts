import { ArrayMaxSize, ArrayMinSize, IsEnum, IsOptional, Length } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { CurrencyCode } from '../../../shared/money.js';
import { StockLocationKind, StoreKind } from '../../entities/enums.js';
import { StockLocation, Store } from '../../entities/store.entity.js';
import { IsCountryCode, IsHandle, IsLocale, IsLocaleList, IsTimeZone } from '../validation.js';
import { payloadType } from './common.js';

@InputType()
export class StoreCreateInput {
  @Field({ description: 'Sent by storefronts in the x-store header.' }) @IsHandle() @Length(1, 100) handle!: string;
  @Field() @Length(1, 200) name!: string;
  @Field(() => StoreKind) @IsEnum(StoreKind) kind!: StoreKind;
  @Field(() => [ID], { description: 'One brand for a flagship; several for a Design Mall.' })
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  brandIds!: string[];
  @Field({ description: 'ISO 3166-1 alpha-2, e.g. CN.' }) @IsCountryCode() marketCountry!: string;
  @Field(() => CurrencyCode) @IsEnum(CurrencyCode) currency!: CurrencyCode;
  @Field() @IsLocale() defaultLocale!: string;
  @Field(() => [String], { description: 'Includes the default locale (added when left out).' })
  @IsLocaleList()
  @ArrayMaxSize(50)
  supportedLocales!: string[];
  @Field({ description: 'IANA time zone, e.g. Asia/Shanghai.' }) @IsTimeZone() timeZone!: string;
  @Field({ defaultValue: false }) showStockQuantity!: boolean;
}

@InputType({ description: 'Fields left out stay as they are.' })
export class StoreUpdateInput {
  @Field(() => ID) id!: string;
  @Field({ nullable: true }) @IsOptional() @IsHandle() @Length(1, 100) handle?: string;
  @Field({ nullable: true }) @IsOptional() @Length(1, 200) name?: string;
  @Field(() => StoreKind, { nullable: true }) @IsOptional() @IsEnum(StoreKind) kind?: StoreKind;
  @Field(() => [ID], { nullable: true, description: 'Replaces the brands carried; you need access to the old and the new ones.' })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  brandIds?: string[];
  @Field({ nullable: true }) @IsOptional() @IsCountryCode() marketCountry?: string;
  @Field(() => CurrencyCode, { nullable: true, description: 'Only while the store has no prices.' })
  @IsOptional()
  @IsEnum(CurrencyCode)
  currency?: CurrencyCode;
  @Field({ nullable: true }) @IsOptional() @IsLocale() defaultLocale?: string;
  @Field(() => [String], { nullable: true }) @IsOptional() @IsLocaleList() @ArrayMaxSize(50) supportedLocales?: string[];
  @Field({ nullable: true }) @IsOptional() @IsTimeZone() timeZone?: string;
  @Field({ nullable: true }) showStockQuantity?: boolean;
}

@InputType()
export class StoreArchiveInput {
  @Field(() => ID) id!: string;
}

@InputType()
export class StockLocationCreateInput {
  @Field(() => ID) storeId!: string;
  @Field({ description: 'Unique within the store.' }) @IsHandle() @Length(1, 100) handle!: string;
  @Field() @Length(1, 200) name!: string;
  @Field(() => StockLocationKind) @IsEnum(StockLocationKind) kind!: StockLocationKind;
}

@InputType()
export class StockLocationUpdateInput {
  @Field(() => ID) id!: string;
  @Field({ nullable: true }) @IsOptional() @IsHandle() @Length(1, 100) handle?: string;
  @Field({ nullable: true }) @IsOptional() @Length(1, 200) name?: string;
  @Field(() => StockLocationKind, { nullable: true }) @IsOptional() @IsEnum(StockLocationKind) kind?: StockLocationKind;
}

@InputType()
export class StockLocationArchiveInput {
  @Field(() => ID) id!: string;
}

export const StoreCreatePayload = payloadType('StoreCreatePayload', { store: () => Store });
export const StoreUpdatePayload = payloadType('StoreUpdatePayload', { store: () => Store });
export const StoreArchivePayload = payloadType('StoreArchivePayload', { store: () => Store });
export const StockLocationCreatePayload = payloadType('StockLocationCreatePayload', { stockLocation: () => StockLocation });
export const StockLocationUpdatePayload = payloadType('StockLocationUpdatePayload', { stockLocation: () => StockLocation });
export const StockLocationArchivePayload = payloadType('StockLocationArchivePayload', { stockLocation: () => StockLocation });

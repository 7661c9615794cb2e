import { IsInt, IsOptional, Length, Max, Min, NotEquals } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { ProductVariant } from '../../entities/product.entity.js';
import { StockLocation } from '../../entities/store.entity.js';
import { payloadType } from './common.js';

@ObjectType('InventoryLevel', { description: 'Stock of a variant at one location. available = onHand - reserved.' })
export class InventoryLevelView {
  @Field(() => ProductVariant) variant!: ProductVariant;
  @Field(() => StockLocation) location!: StockLocation;
  @Field(() => Int) onHand!: number;
  @Field(() => Int, { description: 'Held by carts, reservations and unpaid orders.' }) reserved!: number;
  @Field(() => Int) available!: number;
  @Field() updatedAt!: Date;
}

@InputType()
export class InventoryAdjustInput {
  @Field(() => ID) variantId!: string;
  @Field(() => ID) locationId!: string;
  @Field(() => Int, { description: 'Units to add (positive) or remove (negative).' })
  @IsInt()
  @NotEquals(0)
  @Min(-1_000_000)
  @Max(1_000_000)
  delta!: number;
  @Field({ description: 'Why, for the audit trail: "received", "damaged", "cycle count", ...' }) @Length(1, 200) reason!: string;
  @Field({ nullable: true, description: 'A retry with the same key returns the first result and never adjusts twice.' })
  @IsOptional()
  @Length(1, 200)
  idempotencyKey?: string;
}

@InputType()
export class InventorySetInput {
  @Field(() => ID) variantId!: string;
  @Field(() => ID) locationId!: string;
  @Field(() => Int, { description: 'The counted units on hand; not below the units reserved.' }) @IsInt() @Min(0) @Max(10_000_000) onHand!: number;
  @Field() @Length(1, 200) reason!: string;
  @Field({ nullable: true }) @IsOptional() @Length(1, 200) idempotencyKey?: string;
}

export const InventoryAdjustPayload = payloadType('InventoryAdjustPayload', { inventoryLevel: () => InventoryLevelView });
export const InventorySetPayload = payloadType('InventorySetPayload', { inventoryLevel: () => InventoryLevelView });

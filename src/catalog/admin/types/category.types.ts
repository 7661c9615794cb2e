import { ArrayMaxSize, ArrayMinSize, IsInt, IsOptional, Length, Min, ValidateNested } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Category } from '../../entities/category.entity.js';
import { IsHandle, IsLocale } from '../validation.js';
import { payloadType } from './common.js';

@InputType()
export class CategoryTranslationInput {
  @Field() @IsLocale() locale!: string;
  @Field() @Length(1, 200) name!: string;
}

@ObjectType()
export class CategoryTranslation {
  @Field() locale!: string;
  @Field(() => String, { nullable: true }) name!: string | null;
}

@InputType()
export class CategoryCreateInput {
  @Field({ description: 'Unique in the whole tree.' }) @IsHandle() @Length(1, 100) handle!: string;
  @Field(() => ID, { nullable: true, description: 'Left out for a top-level category.' }) parentId?: string;
  @Field(() => Int, { nullable: true, description: 'Order among its siblings.' }) @IsOptional() @IsInt() @Min(0) position?: number;
  @Field(() => [CategoryTranslationInput]) @ValidateNested() @ArrayMinSize(1) @ArrayMaxSize(50) translations!: CategoryTranslationInput[];
}

@InputType({ description: 'Fields left out stay as they are; moving a category moves its subtree.' })
export class CategoryUpdateInput {
  @Field(() => ID) id!: string;
  @Field({ nullable: true }) @IsOptional() @IsHandle() @Length(1, 100) handle?: string;
  @Field(() => ID, { nullable: true, description: 'The new parent; null moves it to the top level.' }) parentId?: string | null;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(0) position?: number;
  @Field(() => [CategoryTranslationInput], { nullable: true, description: 'Merged per locale.' })
  @IsOptional()
  @ValidateNested()
  @ArrayMaxSize(50)
  translations?: CategoryTranslationInput[];
}

@InputType()
export class CategoryDeleteInput {
  @Field(() => ID) id!: string;
}

export const CategoryCreatePayload = payloadType('CategoryCreatePayload', { category: () => Category });
export const CategoryUpdatePayload = payloadType('CategoryUpdatePayload', { category: () => Category });
export const CategoryDeletePayload = payloadType('CategoryDeletePayload', { deletedCategoryId: () => ID });

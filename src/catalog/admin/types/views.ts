import { Field, ObjectType } from 'type-graphql';
import { Money } from '../../../shared/money.js';
import { Store } from '../../entities/store.entity.js';

@ObjectType({ description: 'A store the product is published to, with the facts its storefront lists use.' })
export class ProductPublication {
  @Field(() => Store) store!: Store;
  @Field() publishedAt!: Date;
  @Field(() => Money, { nullable: true, description: 'Lowest live variant price in the store; null when unpriced.' }) minPrice!: Money | null;
  @Field(() => Money, { nullable: true }) maxPrice!: Money | null;
  @Field({ description: 'Whether a priced variant has stock at one of the store’s locations.' }) available!: boolean;
}

@ObjectType({ description: "A variant's price in one store." })
export class VariantStorePrice {
  @Field(() => Store) store!: Store;
  @Field(() => Money) price!: Money;
  @Field(() => Money, { nullable: true }) compareAtPrice!: Money | null;
}

import type { Opt, Ref } from '@mikro-orm/core';
import { Entity, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { IsString, Matches } from 'class-validator';
import { Field, InputType, ObjectType } from 'type-graphql';
import { Node } from '../../shared/entity.js';

/** One size the customer wears, e.g. { category: "shoes", system: "EU", value: "38" }. */
@ObjectType('CustomerSize')
@InputType('CustomerSizeInput')
export class CustomerSize {
  @Field({ description: 'What the size is for: lowercase letters, digits and dashes ("shoes", "ring", "dress").' })
  @Matches(/^[a-z][a-z0-9-]{0,39}$/, { message: 'category must be 1-40 lowercase letters, digits or dashes, starting with a letter' })
  category!: string;

  @Field({ description: 'The sizing system ("EU", "US", "UK", "IT", "CN", "INTL").' })
  @Matches(/^[A-Za-z0-9]{1,10}$/, { message: 'system must be 1-10 letters or digits' })
  system!: string;

  @Field({ description: 'The size in that system ("38", "8.5", "M").' })
  @IsString()
  @Matches(/^\S(.{0,18}\S)?$/, { message: 'value must be 1-20 characters without surrounding spaces' })
  value!: string;
}

@ObjectType({ implements: Node, description: 'A shopper with an account, platform-wide: one login across flagship stores.' })
@Entity({ tableName: 'customer' })
export class Customer extends Node {
  @Field()
  @Property({ unique: true })
  email!: string;

  @Property({ hidden: true })
  passwordHash!: string;

  @Field(() => String, { nullable: true })
  @Property({ nullable: true })
  firstName?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ nullable: true })
  lastName?: string | null;

  @Field(() => String, { nullable: true, description: 'E.164, e.g. "+8613800138000".' })
  @Property({ length: 16, nullable: true })
  phone?: string | null;

  @Field(() => String, { nullable: true, description: 'A BCP 47 language tag in canonical form, e.g. "zh-CN".' })
  @Property({ length: 35, nullable: true })
  preferredLocale?: string | null;

  @Property({ type: 'json', nullable: true })
  sizes?: CustomerSize[] | null;

  /** At most one by construction; the address service keeps it set whenever the customer has any address. */
  @ManyToOne(() => CustomerAddress, { ref: true, nullable: true, deleteRule: 'set null', index: true })
  defaultAddress?: Ref<CustomerAddress> | null;
}

@ObjectType({ implements: Node, description: 'A postal address of the signed-in customer; only its owner sees it.' })
@Entity({ tableName: 'customer_address' })
export class CustomerAddress extends Node {
  @ManyToOne(() => Customer, { ref: true, deleteRule: 'cascade', index: true })
  customer!: Ref<Customer>;

  @Field(() => String, { nullable: true }) @Property({ length: 100, nullable: true }) firstName?: string | null;
  @Field(() => String, { nullable: true }) @Property({ length: 100, nullable: true }) lastName?: string | null;
  @Field(() => String, { nullable: true }) @Property({ length: 100, nullable: true }) company?: string | null;
  @Field() @Property({ length: 200 }) address1!: string;
  @Field(() => String, { nullable: true }) @Property({ length: 200, nullable: true }) address2?: string | null;
  @Field() @Property({ length: 100 }) city!: string;
  @Field(() => String, { nullable: true, description: 'State, province or region.' }) @Property({ length: 100, nullable: true }) province?: string | null;
  @Field(() => String, { nullable: true }) @Property({ length: 20, nullable: true }) zip?: string | null;
  @Field({ description: 'ISO 3166-1 alpha-2, upper case ("CN", "IT").' }) @Property({ length: 2 }) countryCode!: string;
  @Field(() => String, { nullable: true, description: 'E.164.' }) @Property({ length: 16, nullable: true }) phone?: string | null;
}

/**
 * A customer access token revoked before its expiry (customerAccessTokenDelete). Kept until the token
 * would have expired anyway; the per-request account check refuses any token listed here.
 */
@Entity({ tableName: 'customer_token_revocation' })
export class CustomerTokenRevocation {
  @PrimaryKey({ type: 'uuid' })
  tokenId!: string;

  @ManyToOne(() => Customer, { ref: true, deleteRule: 'cascade', index: true })
  customer!: Ref<Customer>;

  @Property({ type: 'timestamptz', index: true })
  expiresAt!: Date;

  @Property({ type: 'timestamptz' })
  revokedAt: Opt<Date> = new Date();
}

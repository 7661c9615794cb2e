import { Entity, Property } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType } from 'type-graphql';
import { Node } from '../../shared/entity.js';

@ObjectType({ implements: Node, description: 'A shopper with an account.' })
@Entity({ tableName: 'customer' })
export class Customer extends Node {
  @Field()
  @Property({ unique: true })
  email!: string;

  @Property({ hidden: true })
  passwordHash!: string;

  @Field({ nullable: true })
  @Property({ nullable: true })
  firstName?: string;

  @Field({ nullable: true })
  @Property({ nullable: true })
  lastName?: string;
}

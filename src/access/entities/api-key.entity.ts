import type { Opt } from '@mikro-orm/core';
import { Entity, Property } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType } from 'type-graphql';
import { Node } from '../../shared/entity.js';
import { ApiScope } from '../../shared/roles.js';

@ObjectType({ implements: Node, description: 'A credential for an integration (box office, door scanner, PIM). The secret is shown once.' })
@Entity({ tableName: 'api_key' })
export class ApiKey extends Node {
  @Field()
  @Property()
  name!: string;

  /** Public, indexed part of the key used to find the row; the secret part is only stored hashed. */
  @Field({ description: 'The first characters of the key, to recognise it in lists.' })
  @Property({ unique: true })
  prefix!: string;

  @Property({ hidden: true })
  secretHash!: string;

  @Field(() => [ApiScope])
  @Property({ type: 'text[]' })
  scopes: Opt<ApiScope[]> = [];

  @Property({ type: 'uuid[]' })
  brandIds: Opt<string[]> = [];

  @Property({ type: 'uuid' })
  createdById!: string;

  @Field({ nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  lastUsedAt?: Date;

  @Field({ nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  revokedAt?: Date;
}

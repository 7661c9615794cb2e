import type { Opt } from '@mikro-orm/core';
import { PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Field, ID, InterfaceType } from 'type-graphql';
import { v7 as uuidv7 } from 'uuid';
import { toGlobalId } from './ids.js';

/**
 * Columns every table row has: a UUIDv7 key (time-ordered, so inserts stay at the right edge of the
 * index and ids sort by creation) and its creation and update times.
 */
export abstract class Row {
  @PrimaryKey({ type: 'uuid' })
  id: Opt<string> = uuidv7();

  @Property({ type: 'timestamptz', onCreate: () => new Date() })
  createdAt: Opt<Date> = new Date();

  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Opt<Date> = new Date();
}

/**
 * Base of every entity clients can fetch by ID. The GraphQL id is the opaque base64("Type:uuid").
 */
@InterfaceType('Node', {
  // Each API lists only the types its resolvers reach: admin types stay out of the Storefront API.
  autoRegisterImplementations: false,
  description: 'An object with a globally unique, opaque ID, fetchable with node(id:).' })
export abstract class Node extends Row {
  @Field(() => ID, { name: 'id' })
  get globalId(): Opt<string> {
    return toGlobalId(this.constructor.name, this.id);
  }
}

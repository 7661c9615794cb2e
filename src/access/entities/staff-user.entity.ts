import type { Opt } from '@mikro-orm/core';
import { Entity, Enum, Property } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType } from 'type-graphql';
import { Node } from '../../shared/entity.js';
import { StaffRole } from '../../shared/roles.js';

@ObjectType({ implements: Node, description: 'A member of staff: platform operator, brand admin or client advisor.' })
@Entity({ tableName: 'staff_user' })
export class StaffUser extends Node {
  @Field()
  @Property({ unique: true })
  email!: string;

  @Property({ hidden: true })
  passwordHash!: string;

  @Field(() => StaffRole)
  @Enum({ items: () => StaffRole, nativeEnumName: 'staff_role' })
  role!: StaffRole;

  /** Brands this user may act on; empty for platform admins, who act on all. */
  @Property({ type: 'uuid[]' })
  brandIds: Opt<string[]> = [];

  @Property({ type: 'timestamptz', nullable: true })
  disabledAt?: Date;
}

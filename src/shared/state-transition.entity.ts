import type { Opt } from '@mikro-orm/core';
import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

/** One move of a row through a state machine (shared/state-machine.ts): who did what, when, from where to where. */
@Entity({ tableName: 'state_transition' })
@Index({ properties: ['machine', 'entityId'] })
export class StateTransition {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  /** The machine's name, e.g. "product", "order". */
  @Property()
  machine!: string;

  @Property({ type: 'uuid' })
  entityId!: string;

  @Property()
  event!: string;

  @Property()
  fromState!: string;

  @Property()
  toState!: string;

  /** "staff:<uuid>", "apiKey:<uuid>", "customer:<uuid>" or "system" */
  @Property()
  actor!: string;

  @Property({ type: 'timestamptz' })
  createdAt: Opt<Date> = new Date();
}

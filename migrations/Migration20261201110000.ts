import { Migration } from '@mikro-orm/migrations';

/** Audit rows of state machine transitions (shared/state-machine.ts): machine, row, event, from, to, actor, time. */
export class Migration20261201110000 extends Migration {

  override name = 'Migration20261201110000';

  override up(): void | Promise<void> {
    this.addSql(`create table "state_transition" ("id" bigserial primary key, "machine" varchar(255) not null, "entity_id" uuid not null, "event" varchar(255) not null, "from_state" varchar(255) not null, "to_state" varchar(255) not null, "actor" varchar(255) not null, "created_at" timestamptz not null);`);
    this.addSql(`create index "state_transition_machine_entity_id_index" on "state_transition" ("machine", "entity_id");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "state_transition" cascade;`);
  }

}

import type { Opt } from '@mikro-orm/core';
import { Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Node } from '../../shared/entity.js';

/**
 * A drop's draw: `commitment` = sha256(seed) is public from drawOpen on; `seed` stays secret until
 * drawRun reveals it (`revealedAt`), which also closes entries. See fair-draw.ts for the algorithm.
 */
@Entity({ tableName: 'drop_draw' })
export class DropDraw {
  @PrimaryKey({ type: 'uuid' }) dropId!: string;
  @Property({ type: 'uuid' }) brandId!: string;
  @Property({ length: 64 }) seed!: string;
  @Property({ length: 64 }) commitment!: string;
  @Property({ type: 'integer' }) units!: number;
  @Property({ type: 'timestamptz' }) entriesCloseAt!: Date;
  @Property({ type: 'integer' }) purchaseHours!: number;
  /** Entries weigh their tier perks' drawWeight (1 otherwise). */
  @Property() weightByTier: Opt<boolean> = false;
  @Property({ type: 'timestamptz', nullable: true }) revealedAt?: Date | null;
}

/**
 * One entry per customer per drop, for one variant, made in `storeId`; `rank` (1-based draw order) once
 * drawn; `reservationId` and `purchaseDeadline` once a unit is held for it (at the run, or rolled over).
 */
@Entity({ tableName: 'drop_entry' })
@Unique({ properties: ['dropId', 'customerId'] })
@Index({ properties: ['customerId', 'id'] })
@Index({ properties: ['dropId', 'variantId', 'rank'] })
export class DropEntry extends Node {
  @Property({ type: 'uuid' }) dropId!: string;
  @Property({ type: 'uuid' }) brandId!: string;
  @Property({ type: 'uuid' }) customerId!: string;
  @Property({ type: 'uuid' }) variantId!: string;
  @Property({ type: 'uuid' }) storeId!: string;
  @Property({ type: 'integer' }) weight!: number;
  @Property({ type: 'integer', nullable: true }) rank?: number | null;
  @Property({ type: 'timestamptz', nullable: true }) purchaseDeadline?: Date | null;
  @Property({ type: 'uuid', nullable: true }) reservationId?: string | null;
}

export const drawEntities = [DropDraw, DropEntry];

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
  @Property({ type: 'timestamptz', nullable: true }) revealedAt?: Date | null;
}

/** One entry per customer per drop; `rank` (1-based draw order) and, for winners, `purchaseDeadline` once drawn. */
@Entity({ tableName: 'drop_entry' })
@Unique({ properties: ['dropId', 'customerId'] })
@Index({ properties: ['customerId', 'id'] })
export class DropEntry extends Node {
  @Property({ type: 'uuid' }) dropId!: string;
  @Property({ type: 'uuid' }) brandId!: string;
  @Property({ type: 'uuid' }) customerId!: string;
  @Property({ type: 'integer' }) weight!: number;
  @Property({ type: 'integer', nullable: true }) rank?: number | null;
  @Property({ type: 'timestamptz', nullable: true }) purchaseDeadline?: Date | null;
}

export const drawEntities = [DropDraw, DropEntry];

import type { Opt } from '@mikro-orm/core';
import { Entity, Enum, Index, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Node } from '../../shared/entity.js';
import { CurrencyCode } from '../../shared/money.js';

/** An entry deposit's lifecycle (entry-deposits.ts): held, then the winner's order deposit, given back, or kept. */
export enum EntryDepositStatus {
  AUTHORIZED = 'AUTHORIZED',
  /** The winner checked out: the authorization became the order's deposit (customer.deposits from then on). */
  APPLIED = 'APPLIED',
  VOIDED = 'VOIDED',
  FORFEITED = 'FORFEITED',
}

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
  /** dropEnter authorizes the drop's deposit percent of the entered variant's price (needs the drop's deposit terms). */
  @Property() entryDeposit: Opt<boolean> = false;
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
@Index({ properties: ['dropId', 'depositStatus'] })
@Index({ properties: ['reservationId'] })
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
  /** The entry deposit (a draw with entryDeposit): the DEPOSIT payment, authorized before the entry was made. */
  @Property({ type: 'uuid', nullable: true }) depositPaymentId?: string | null;
  @Property({ type: 'integer', nullable: true }) depositAmount?: number | null;
  @Enum({ items: () => CurrencyCode, nativeEnumName: 'currency_code', nullable: true }) depositCurrency?: CurrencyCode | null;
  @Enum({ items: () => EntryDepositStatus, nativeEnumName: 'drop_entry_deposit_status', nullable: true }) depositStatus?: EntryDepositStatus | null;
  /** Set once the provider call a VOIDED or FORFEITED deposit needs (void, capture) was made. */
  @Property({ type: 'timestamptz', nullable: true }) depositSettledAt?: Date | null;
}

export const drawEntities = [DropDraw, DropEntry];

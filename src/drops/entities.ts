import type { Opt } from '@mikro-orm/core';
import { Entity, Enum, Index, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Node } from '../shared/entity.js';
import { UnpaidBalance } from './deposits/entities.js';

export enum UnitStatus {
  AVAILABLE = 'AVAILABLE',
  RESERVED = 'RESERVED',
  SOLD = 'SOLD',
}

export enum ReservationStatus {
  ACTIVE = 'ACTIVE',
  CONVERTED = 'CONVERTED',
  EXPIRED = 'EXPIRED',
  RELEASED = 'RELEASED',
}

export enum DropAllocation {
  FIRST_COME = 'FIRST_COME',
  DRAW = 'DRAW',
}

/** How a reservation came to be: the dashboard counts reservations and sales per phase. */
export enum ReservationPhase {
  EARLY_ACCESS = 'EARLY_ACCESS',
  PUBLIC = 'PUBLIC',
  DRAW = 'DRAW',
  CONCIERGE = 'CONCIERGE',
}

/** A product's numbered edition: `editionSize` units in all, spread over `variantIds` (sizes per variant in `unitsPerVariant`). */
@Entity({ tableName: 'limited_edition' })
export class LimitedEdition extends Node {
  @Property({ type: 'uuid' }) brandId!: string;
  @Property({ type: 'uuid' }) productId!: string;
  @Property({ type: 'jsonb' }) variantIds!: string[];
  @Property({ type: 'integer' }) editionSize!: number;
}

/**
 * One numbered unit of an edition: claimed with FOR UPDATE SKIP LOCKED (ARCHITECTURE "Performance
 * notes"), never counted on one hot row. `storeId` is the store the unit was reserved or sold in.
 */
@Entity({ tableName: 'edition_unit' })
@Unique({ properties: ['editionId', 'number'] })
@Index({ properties: ['editionId', 'variantId', 'status', 'number'] })
@Index({ properties: ['reservationId'] })
export class EditionUnit {
  @PrimaryKey({ type: 'uuid' }) id!: string;
  @Property({ type: 'uuid' }) brandId!: string;
  @Property({ type: 'uuid' }) editionId!: string;
  @Property({ type: 'uuid' }) variantId!: string;
  @Property({ type: 'integer' }) number!: number;
  @Enum({ items: () => UnitStatus, nativeEnumName: 'edition_unit_status' }) status!: UnitStatus;
  @Property({ type: 'uuid', nullable: true }) storeId?: string | null;
  @Property({ type: 'uuid', nullable: true }) reservationId?: string | null;
  @Property({ type: 'uuid', nullable: true }) orderId?: string | null;
}

/** The release of an edition in one or more stores (only those: market exclusivity). */
@Entity({ tableName: 'drop_release' })
export class Drop extends Node {
  @Property({ type: 'uuid' }) brandId!: string;
  @Property({ length: 100, unique: true }) handle!: string;
  @Property({ type: 'uuid' }) editionId!: string;
  @Property({ type: 'uuid' }) productId!: string;
  @Property({ type: 'jsonb' }) storeIds!: string[];
  @Property({ type: 'timestamptz' }) publicOpensAt!: Date;
  @Property({ type: 'timestamptz' }) endsAt!: Date;
  @Property({ type: 'integer' }) perCustomerLimit!: number;
  @Enum({ items: () => DropAllocation, nativeEnumName: 'drop_allocation' }) allocation: Opt<DropAllocation> = DropAllocation.FIRST_COME;
  @Property() showUnitsLeft: Opt<boolean> = true;
  @Property() tierRestricted: Opt<boolean> = false;
  @Property() published: Opt<boolean> = false;
  @Property({ type: 'timestamptz', nullable: true }) cancelledAt?: Date | null;
  /** Deposit pre-sale terms (src/drops/deposits): all four set, or none. */
  @Property({ type: 'integer', nullable: true }) depositPercent?: number | null;
  @Property({ type: 'timestamptz', nullable: true }) depositBalanceOpensAt?: Date | null;
  @Property({ type: 'timestamptz', nullable: true }) depositBalanceDueAt?: Date | null;
  @Enum({ items: () => UnpaidBalance, nativeEnumName: 'drop_deposit_unpaid_balance', nullable: true }) depositUnpaidBalance?: UnpaidBalance | null;
}

/** What reserving and eligibility read of a drop: a Drop will do, and so will the hot path's plain row (no ORM hydration). */
export type DropTerms = Pick<Drop, 'id' | 'brandId' | 'editionId' | 'storeIds' | 'publicOpensAt' | 'endsAt' | 'perCustomerLimit' | 'allocation' | 'tierRestricted' | 'cancelledAt'>;

/** Units of one variant held for a customer until `expiresAt`; ends exactly once (state machine, compare-and-set). */
@Entity({ tableName: 'drop_reservation' })
@Index({ properties: ['customerId', 'id'] })
@Index({ properties: ['dropId', 'status'] })
@Index({ properties: ['status', 'expiresAt'] })
export class DropReservation extends Node {
  @Property({ type: 'uuid' }) brandId!: string;
  @Property({ type: 'uuid' }) storeId!: string;
  @Property({ type: 'uuid' }) dropId!: string;
  @Property({ type: 'uuid' }) customerId!: string;
  @Property({ type: 'uuid' }) variantId!: string;
  @Property({ type: 'integer' }) quantity!: number;
  @Enum({ items: () => ReservationStatus, nativeEnumName: 'drop_reservation_status' }) status!: ReservationStatus;
  @Property({ type: 'timestamptz' }) expiresAt!: Date;
  @Property({ type: 'uuid', nullable: true }) orderId?: string | null;
  @Enum({ items: () => ReservationPhase, nativeEnumName: 'drop_reservation_phase' }) phase: Opt<ReservationPhase> = ReservationPhase.PUBLIC;
}

/** How many units a customer holds or bought in a drop, across every store: the per-customer limit's guard row. */
@Entity({ tableName: 'drop_customer_allocation' })
export class DropCustomerAllocation {
  @PrimaryKey({ type: 'uuid' }) dropId!: string;
  @PrimaryKey({ type: 'uuid' }) customerId!: string;
  @Property({ type: 'uuid' }) brandId!: string;
  @Property({ type: 'integer' }) count!: number;
}

export const dropEntities = [LimitedEdition, EditionUnit, Drop, DropReservation, DropCustomerAllocation];

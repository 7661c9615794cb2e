import type { Opt } from '@mikro-orm/core';
import { Entity, Enum, Index, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { v7 as uuidv7 } from 'uuid';
import { Node } from '../../shared/entity.js';

/** One key/value a client advisor keeps about a client ("fit": "slim", "colours": "navy, camel"). */
export interface StoredPreference {
  key: string;
  value: string;
}
export interface StoredSize {
  category: string;
  system: string;
  value: string;
}

/**
 * A client: the relation between one brand and one customer (accounts are platform-wide, the client
 * book is per brand). Created when the customer first pays an order with a line of the brand (outbox
 * subscriber, wiring.ts); every other concierge table hangs off it and repeats its brand_id, so each
 * row is read and written by brand (ARCHITECTURE "Scale"). References to other domains are plain ids.
 */
@Entity({ tableName: 'client_profile' })
@Unique({ properties: ['brandId', 'customerId'] })
@Index({ properties: ['brandId', 'assignedStaffId'] })
export class Client extends Node {
  @Property({ type: 'uuid' }) brandId!: string;
  @Property({ type: 'uuid' }) customerId!: string;
  @Property({ type: 'uuid', nullable: true }) assignedStaffId?: string | null;
  @Property({ type: 'jsonb' }) preferences: Opt<StoredPreference[]> = [];
  /** Sizes noted by the brand's advisors; null falls back to the sizes the customer gave. */
  @Property({ type: 'jsonb', nullable: true }) sizes?: StoredSize[] | null;
}

@Entity({ tableName: 'client_note' })
@Index({ properties: ['clientId', 'id'] })
export class ClientNote extends Node {
  @Property({ type: 'uuid' }) clientId!: string;
  @Property({ type: 'uuid' }) brandId!: string;
  /** actorOf() of who wrote it. */
  @Property({ length: 80 }) author!: string;
  @Property({ type: 'text' }) body!: string;
}

export enum HoldStatus {
  ACTIVE = 'ACTIVE',
  RELEASED = 'RELEASED',
  EXPIRED = 'EXPIRED',
  CONVERTED = 'CONVERTED',
}

/**
 * Units of a variant held for a client until `expiresAt`: reserved at one stock location (stock.service
 * reserve/release), or, for a variant of a live drop's edition, as edition units of the drop reservation
 * `reservationId` (the `editionHolds` port).
 */
@Entity({ tableName: 'client_hold' })
@Index({ properties: ['clientId', 'id'] })
@Index({ properties: ['reservationId'] })
export class ClientHold extends Node {
  @Property({ type: 'uuid' }) clientId!: string;
  @Property({ type: 'uuid' }) brandId!: string;
  @Property({ type: 'uuid' }) storeId!: string;
  @Property({ type: 'uuid' }) variantId!: string;
  @Property({ type: 'uuid' }) locationId!: string;
  @Property({ type: 'integer' }) quantity!: number;
  @Property({ type: 'timestamptz' }) expiresAt!: Date;
  @Enum({ items: () => HoldStatus, nativeEnumName: 'client_hold_status' }) status!: HoldStatus;
  @Property({ length: 80 }) createdBy!: string;
  /** The cart the held units went into (CONVERTED). */
  @Property({ type: 'uuid', nullable: true }) cartId?: string | null;
  /** The drop reservation holding edition units for this hold; the hold follows its end (concierge.edition_holds). */
  @Property({ type: 'uuid', nullable: true }) reservationId?: string | null;
}

export enum AppointmentStatus {
  BOOKED = 'BOOKED',
  CANCELLED = 'CANCELLED',
}

/**
 * A private appointment at a boutique. A concierge is never double-booked: appointmentService.create
 * takes a transaction-scoped advisory lock on the staff member before its overlap check, so concurrent
 * bookings of one person run one after the other (an exclusion constraint would be the declarative way,
 * but MikroORM's schema diff cannot describe one and would keep proposing to drop it).
 */
@Index({ properties: ['staffId', 'startsAt'] })
@Entity({ tableName: 'client_appointment' })
@Index({ properties: ['clientId', 'startsAt'] })
export class Appointment extends Node {
  @Property({ type: 'uuid' }) clientId!: string;
  @Property({ type: 'uuid' }) brandId!: string;
  @Property({ type: 'uuid' }) staffId!: string;
  @Property({ type: 'uuid' }) storeId!: string;
  @Property({ type: 'uuid' }) locationId!: string;
  @Property({ type: 'timestamptz' }) startsAt!: Date;
  @Property({ type: 'timestamptz' }) endsAt!: Date;
  @Property({ type: 'text', nullable: true }) note?: string | null;
  @Enum({ items: () => AppointmentStatus, nativeEnumName: 'appointment_status' }) status!: AppointmentStatus;
}

export enum InvitationStatus {
  PENDING = 'PENDING',
  APPROVED = 'APPROVED',
  DECLINED = 'DECLINED',
}

/** A nomination of a client for an invite-only tier; a brand admin approves (the tier is then given through the programmes service) or declines it. */
@Entity({ tableName: 'tier_invitation' })
@Index({ properties: ['clientId', 'id'] })
@Index({ properties: ['brandId', 'status'] })
export class TierInvitation extends Node {
  @Property({ type: 'uuid' }) clientId!: string;
  @Property({ type: 'uuid' }) brandId!: string;
  @Property({ type: 'uuid' }) customerId!: string;
  @Property({ type: 'uuid' }) programmeId!: string;
  @Property({ type: 'uuid' }) tierId!: string;
  @Enum({ items: () => InvitationStatus, nativeEnumName: 'tier_invitation_status' }) status!: InvitationStatus;
  @Property({ length: 80 }) nominatedBy!: string;
  @Property({ type: 'text', nullable: true }) reason?: string | null;
  @Property({ type: 'string', length: 80, nullable: true }) decidedBy?: string | null;
}

/** Every read of a client's 360 view: who (staff or API key), which client, when. Written in the reading request. */
@Entity({ tableName: 'client_access_log' })
@Index({ properties: ['brandId', 'id'] })
@Index({ properties: ['clientId', 'id'] })
export class ClientAccessLog {
  @PrimaryKey({ type: 'uuid' }) id: Opt<string> = uuidv7();
  @Property({ type: 'uuid', nullable: true }) staffId?: string | null;
  @Property({ type: 'uuid', nullable: true }) apiKeyId?: string | null;
  @Property({ type: 'uuid' }) clientId!: string;
  @Property({ type: 'uuid' }) brandId!: string;
  @Property({ type: 'timestamptz' }) at: Opt<Date> = new Date();
}

/**
 * A cart a concierge prepared for a client (remote selling). Checkout reads it through
 * `remoteSelling.attributionFor(em, cartId)` and sets the order's attributedStaffId from it.
 */
@Entity({ tableName: 'client_cart' })
export class ClientCart {
  @PrimaryKey({ type: 'uuid' }) cartId!: string;
  @Property({ type: 'uuid' }) clientId!: string;
  @Property({ type: 'uuid' }) brandId!: string;
  @Property({ type: 'uuid' }) storeId!: string;
  @Property({ type: 'uuid' }) staffId!: string;
  @Property({ type: 'timestamptz' }) createdAt: Opt<Date> = new Date();
}

export const conciergeEntities = [Client, ClientNote, ClientHold, Appointment, TierInvitation, ClientAccessLog, ClientCart];

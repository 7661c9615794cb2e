import { BigIntType, type Opt } from '@mikro-orm/core';
import { Entity, Enum, Index, Property, Unique } from '@mikro-orm/decorators/legacy';
import { registerEnumType } from 'type-graphql';
import { CurrencyCode } from '../../shared/money.js';
import { Row } from '../../shared/entity.js';

/**
 * VIP programmes, tiers, memberships and the spend that earns them. References are plain uuid columns
 * without foreign keys (like orders), and every table carries `brand_id` (null for the platform's own
 * programmes, which stay small reference data) so rows distribute by brand (ARCHITECTURE "Scale").
 * `vip_exchange_rate` is a platform reference table.
 */

export enum Qualification {
  ROLLING_12_MONTHS = 'ROLLING_12_MONTHS',
  CALENDAR_YEAR = 'CALENDAR_YEAR',
}
registerEnumType(Qualification, {
  name: 'VipQualification',
  valuesConfig: {
    ROLLING_12_MONTHS: { description: 'Spend over the last 12 months; a tier earned is kept for the 12 months after.' },
    CALENDAR_YEAR: { description: 'Spend within the calendar year (UTC); a tier earned is kept until the end of the next year.' },
  },
});

export enum TierChangeReason {
  SPEND = 'SPEND',
  INVITATION = 'INVITATION',
  RETENTION_EXPIRED = 'RETENTION_EXPIRED',
  MANUAL = 'MANUAL',
}
registerEnumType(TierChangeReason, { name: 'VipTierChangeReason' });

/** What a tier grants; other domains read it through vipService.perksFor (drops, sessions, concierge). */
export interface TierPerks {
  /** Hours before the public that drops open to this tier. */
  earlyAccessHours: number;
  /** Access to tier-restricted drops, sessions and auctions. */
  tierRestrictedAccess: boolean;
  assignedConcierge: boolean;
  freeServices: string[];
  /** Tickets in a drop's draw when the draw weights by tier (1-100); absent in rows written before it existed: 1. */
  drawWeight?: number;
}

/** Stored perks with every field present (rows written before drawWeight existed lack it). */
export const perksWithDefaults = (stored: TierPerks): Required<TierPerks> => ({ ...stored, drawWeight: stored.drawWeight ?? 1 });

const bigint = () => new BigIntType('number');

@Entity({ tableName: 'vip_programme' })
@Unique({
  name: 'vip_programme_handle_unique',
  expression: `create unique index "vip_programme_handle_unique" on "vip_programme" (coalesce("brand_id", '00000000-0000-0000-0000-000000000000'::uuid), "handle")`,
})
export class Programme extends Row {
  /** Null: the platform's programme, counting orders of every brand. */
  @Property({ type: 'uuid', nullable: true })
  brandId?: string | null;

  @Property({ length: 100 })
  handle!: string;

  /** { "<BCP 47 locale>": name }. */
  @Property({ type: 'jsonb' })
  names!: Record<string, string>;

  @Enum({ items: () => CurrencyCode, nativeEnumName: 'currency_code' })
  currency!: CurrencyCode;

  @Enum({ items: () => Qualification, nativeEnumName: 'vip_qualification' })
  qualification!: Qualification;

  @Property({ default: true })
  active: Opt<boolean> = true;
}

@Entity({ tableName: 'vip_tier' })
@Unique({ properties: ['programmeId', 'rank'] })
@Unique({ properties: ['programmeId', 'handle'] })
export class Tier extends Row {
  @Property({ type: 'uuid', nullable: true })
  brandId?: string | null;

  @Property({ type: 'uuid' })
  programmeId!: string;

  /** 1 = the lowest tier. */
  @Property({ type: 'integer' })
  rank!: number;

  @Property({ length: 100 })
  handle!: string;

  @Property({ type: 'jsonb' })
  names!: Record<string, string>;

  /**
   * Qualifying spend in minor units of the programme currency. For an invite-only tier it is optional
   * and only keeps the tier (renews its retention); spend never reaches an invite-only tier.
   */
  @Property({ type: bigint(), nullable: true })
  threshold?: number | null;

  @Property({ default: false })
  inviteOnly: Opt<boolean> = false;

  @Property({ type: 'jsonb' })
  perks!: TierPerks;
}

@Entity({ tableName: 'vip_membership' })
@Unique({ properties: ['programmeId', 'customerId'] })
@Index({ properties: ['customerId'] })
@Index({ properties: ['retainedUntil'] })
export class Membership extends Row {
  @Property({ type: 'uuid', nullable: true })
  brandId?: string | null;

  @Property({ type: 'uuid' })
  programmeId!: string;

  @Property({ type: 'uuid' })
  customerId!: string;

  /** Null once the member has dropped below the lowest tier (the history stays). */
  @Property({ type: 'uuid', nullable: true })
  tierId?: string | null;

  /** When the current tier was reached. */
  @Property({ type: 'timestamptz' })
  since!: Date;

  /** End of the next qualifying period after the tier was earned (or last renewed). */
  @Property({ type: 'timestamptz' })
  retainedUntil!: Date;

  /** Minor units of the programme currency over the current period, as of the last evaluation. */
  @Property({ type: bigint(), default: '0' })
  qualifyingSpend: Opt<number> = 0;
}

@Entity({ tableName: 'vip_qualifying_spend' })
@Unique({ properties: ['programmeId', 'eventId'] })
@Index({ properties: ['programmeId', 'customerId', 'occurredAt'] })
export class QualifyingSpend extends Row {
  @Property({ type: 'uuid', nullable: true })
  brandId?: string | null;

  @Property({ type: 'uuid' })
  programmeId!: string;

  @Property({ type: 'uuid' })
  customerId!: string;

  @Property({ type: 'uuid' })
  orderId!: string;

  /** The outbox event that brought it: an event delivered twice counts once. */
  @Property({ type: 'bigint' })
  eventId!: string;

  /** Signed minor units of `currency` (refunds negative). */
  @Property({ type: 'integer' })
  amount!: number;

  @Enum({ items: () => CurrencyCode, nativeEnumName: 'currency_code' })
  currency!: CurrencyCode;

  /** The exchange rate used (1 for the programme currency); null until a rate is configured. */
  @Property({ type: 'decimal', precision: 20, scale: 10, nullable: true })
  rate?: string | null;

  @Property({ type: 'integer', nullable: true })
  amountInProgrammeCurrency?: number | null;

  @Property({ type: 'timestamptz' })
  occurredAt!: Date;
}

@Entity({ tableName: 'vip_tier_change' })
@Index({ properties: ['membershipId', 'at'] })
export class TierChange extends Row {
  @Property({ type: 'uuid', nullable: true })
  brandId?: string | null;

  @Property({ type: 'uuid' })
  membershipId!: string;

  @Property({ type: 'uuid', nullable: true })
  fromTierId?: string | null;

  @Property({ type: 'uuid', nullable: true })
  toTierId?: string | null;

  @Enum({ items: () => TierChangeReason, nativeEnumName: 'vip_tier_change_reason' })
  reason!: TierChangeReason;

  /** actorOf(viewer), or "system" for the spend subscriber and the nightly recompute. */
  @Property({ length: 100 })
  actor!: string;

  @Property({ type: 'text', nullable: true })
  note?: string | null;

  @Property({ type: 'timestamptz' })
  at!: Date;
}

/** `1 <from> = rate <to>` from `validFrom` on; the latest rate valid when the order was paid applies. */
@Entity({ tableName: 'vip_exchange_rate' })
@Unique({ properties: ['from', 'to', 'validFrom'] })
export class ExchangeRate extends Row {
  @Enum({ items: () => CurrencyCode, nativeEnumName: 'currency_code', fieldName: 'from_currency' })
  from!: CurrencyCode;

  @Enum({ items: () => CurrencyCode, nativeEnumName: 'currency_code', fieldName: 'to_currency' })
  to!: CurrencyCode;

  @Property({ type: 'decimal', precision: 20, scale: 10 })
  rate!: string;

  @Property({ type: 'timestamptz' })
  validFrom!: Date;
}

export const vipEntities = [Programme, Tier, Membership, QualifyingSpend, TierChange, ExchangeRate];

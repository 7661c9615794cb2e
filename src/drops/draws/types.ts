import { IsInt, IsOptional, Length, Max, Min, ValidateNested } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { CheckoutPaymentInput } from '../../commerce/checkout/types.js';
import { toGlobalId } from '../../shared/ids.js';
import { Money } from '../../shared/money.js';
import { payloadType } from '../../shared/payload-type.js';
import { DropView } from '../types.js';
import { ReservationStatus } from '../entities.js';
import { EntryDepositStatus, type DropDraw, type DropEntry } from './entities.js';
import { DrawUserError } from './errors.js';

export enum DropEntryStatus {
  ENTERED = 'ENTERED',
  WON = 'WON',
  WAITING = 'WAITING',
  EXPIRED = 'EXPIRED',
  PURCHASED = 'PURCHASED',
}
registerEnumType(DropEntryStatus, {
  name: 'DropEntryStatus',
  valuesConfig: {
    ENTERED: { description: 'Not drawn yet.' },
    WON: { description: 'A unit is held for you: buy it with reservationCheckout before purchaseDeadline.' },
    WAITING: { description: 'Drawn, on the waiting list: a unit a winner does not buy in time goes to the next entry for that variant.' },
    EXPIRED: { description: 'You won but did not buy in time (or the drop was cancelled).' },
    PURCHASED: { description: 'You bought the unit held for you.' },
  },
});

registerEnumType(EntryDepositStatus, {
  name: 'DropEntryDepositStatus',
  valuesConfig: {
    AUTHORIZED: { description: 'Authorized (held, not charged) with the entry.' },
    APPLIED: { description: 'You won and checked out: it is the deposit of your order (customer.deposits).' },
    VOIDED: { description: 'Given back: you got no unit at the draw, the drop was cancelled, or a REFUND drop let your win lapse.' },
    FORFEITED: { description: 'Kept: you won but did not buy before the purchase deadline, on a drop whose unpaid balance is FORFEIT.' },
  },
});

@ObjectType('DropEntryDeposit', { simpleResolvers: true, description: "An entry deposit: the drop's deposit percent of the entered variant's price, authorized when entering." })
export class DropEntryDepositView {
  @Field(() => Money) amount!: Money;
  @Field(() => EntryDepositStatus) status!: EntryDepositStatus;
}

@ObjectType('DrawEntry', { simpleResolvers: true, description: 'A published entry: the id and weight the draw algorithm uses.' })
export class DrawEntryView {
  @Field({ description: 'The entry id exactly as hashed by the draw (a uuid, not a global id); reveals nothing about the entrant.' }) id!: string;
  @Field(() => Int) weight!: number;
  @Field(() => ID, { description: 'The variant (size) entered for: the run holds a unit of it.' }) variantId!: string;
}

@ObjectType('DrawWinner', { simpleResolvers: true })
export class DrawWinnerView extends DrawEntryView {
  @Field(() => Int, { description: 'Place in the draw order (1 = first).' }) rank!: number;
  @Field({ description: 'The winner buys before this, or the unit goes to the next entry in draw order.' }) purchaseDeadline!: Date;
}

@ObjectType('DropDraw', { simpleResolvers: true, description: 'Everything needed to recompute the draw (README "Draws"): commitment, then the seed and the entries.' })
export class DropDrawView {
  @Field({ description: 'hex(sha256(seed bytes)), published from drawOpen on, before entries close.' }) commitment!: string;
  @Field(() => String, { nullable: true, description: 'The 32-byte seed in hex; null until drawRun reveals it.' }) seed!: string | null;
  @Field(() => Int, { description: 'Units drawn: the first `units` entries of the draw order win.' }) units!: number;
  @Field() entriesCloseAt!: Date;
  @Field({ description: "Entries weigh their tier perks' drawWeight (1 otherwise)." }) weightByTier!: boolean;
  @Field({ description: "dropEnter authorizes a deposit (the drop's deposit percent of the variant's price): a winner's becomes the order's deposit, the others are voided." }) entryDeposit!: boolean;
  @Field(() => Date, { nullable: true }) revealedAt!: Date | null;
  @Field(() => [DrawEntryView], { description: 'Every entry, sorted by id (the canonical published list).' }) entries!: DrawEntryView[];
  @Field(() => [DrawWinnerView], { description: 'Entries a unit was held for (at the run, or rolled over from an unclaimed win), in draw order; empty until drawn.' }) winners!: DrawWinnerView[];
}

@ObjectType('DropEntry', { simpleResolvers: true, description: "The viewer's entry in a drop's draw." })
export class DropEntryView {
  @Field(() => ID) id!: string;
  @Field({ description: 'The id as published in Drop.draw.entries.' }) entryId!: string;
  @Field(() => ID) dropId!: string;
  @Field(() => ID, { description: 'The variant (size) entered for.' }) variantId!: string;
  @Field(() => Int) weight!: number;
  @Field(() => DropEntryStatus) status!: DropEntryStatus;
  @Field(() => Int, { nullable: true, description: 'Place in the draw order once drawn.' }) rank!: number | null;
  @Field(() => Date, { nullable: true, description: 'Set once a unit is held for the entry: buy before it.' }) purchaseDeadline!: Date | null;
  @Field(() => ID, { nullable: true, description: 'The DropReservation holding your unit (reservationCheckout pays it); null until one is held.' }) reservationId!: string | null;
  @Field(() => DropEntryDepositView, { nullable: true, description: 'The entry deposit; null when the draw takes none.' }) deposit!: DropEntryDepositView | null;
}

/** The entry's status from its rows: drawn or not, and the status of the reservation made for it. */
export function entryStatus(e: DropEntry, reservation: ReservationStatus | undefined): DropEntryStatus {
  if (e.rank == null) return DropEntryStatus.ENTERED;
  if (!e.reservationId || !reservation) return DropEntryStatus.WAITING;
  if (reservation === ReservationStatus.ACTIVE) return DropEntryStatus.WON;
  return reservation === ReservationStatus.CONVERTED ? DropEntryStatus.PURCHASED : DropEntryStatus.EXPIRED;
}

export const entryView = (e: DropEntry, reservation?: ReservationStatus): DropEntryView => ({
  id: toGlobalId('DropEntry', e.id), entryId: e.id, dropId: toGlobalId('Drop', e.dropId), variantId: toGlobalId('ProductVariant', e.variantId), weight: e.weight,
  status: entryStatus(e, reservation), rank: e.rank ?? null, purchaseDeadline: e.purchaseDeadline ?? null,
  reservationId: e.reservationId ? toGlobalId('DropReservation', e.reservationId) : null,
  deposit: e.depositStatus && e.depositAmount != null && e.depositCurrency ? { amount: Money.of(e.depositAmount, e.depositCurrency), status: e.depositStatus } : null,
});

export function drawView(draw: DropDraw, entries: DropEntry[]): DropDrawView {
  const revealed = !!draw.revealedAt;
  return {
    commitment: draw.commitment, seed: revealed ? draw.seed : null, units: draw.units, entriesCloseAt: draw.entriesCloseAt, weightByTier: draw.weightByTier, entryDeposit: draw.entryDeposit, revealedAt: draw.revealedAt ?? null,
    entries: entries.map((e) => ({ id: e.id, weight: e.weight, variantId: toGlobalId('ProductVariant', e.variantId) })).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    winners: entries.filter((e) => e.reservationId && e.purchaseDeadline).sort((a, b) => a.rank! - b.rank!)
      .map((e) => ({ id: e.id, weight: e.weight, variantId: toGlobalId('ProductVariant', e.variantId), rank: e.rank!, purchaseDeadline: e.purchaseDeadline! })),
  };
}

@InputType('DrawOpenInput')
export class DrawOpenInput {
  @Field(() => ID) dropId!: string;
  @Field(() => Int, { description: 'Units drawn (at most the edition size).' }) @IsInt() @Min(1) @Max(100_000) units!: number;
  @Field({ description: 'Entries are accepted until then (or until drawRun, whichever is first).' }) entriesCloseAt!: Date;
  @Field(() => Int, { nullable: true, description: 'Hours a winner has to buy (default 48).' }) @IsOptional() @IsInt() @Min(1) @Max(720) purchaseHours?: number;
  @Field({ nullable: true, description: "Entries weigh their VIP tier perks' drawWeight (default false: every entry weighs 1)." }) @IsOptional() weightByTier?: boolean;
  @Field({ nullable: true, description: "dropEnter authorizes the drop's deposit percent of the entered variant's price (default false); needs the drop's deposit terms." }) @IsOptional() entryDeposit?: boolean;
}

@InputType('DrawRunInput')
export class DrawRunInput {
  @Field(() => ID) dropId!: string;
}

@InputType('DropEnterInput')
export class DropEnterInput {
  @Field(() => ID) dropId!: string;
  @Field(() => ID, { nullable: true, description: 'The variant (size) wanted; required when the edition has several, the only one otherwise.' }) variantId?: string | null;
  @Field(() => CheckoutPaymentInput, { nullable: true, description: 'The entry deposit (required when Drop.draw.entryDeposit, refused otherwise): authorized, not charged; no entry without it.' })
  @IsOptional() @ValidateNested() payment?: CheckoutPaymentInput | null;
  @Field({ nullable: true, description: 'A retry with the same key returns the first entry (and authorizes once).' }) @IsOptional() @Length(1, 200) idempotencyKey?: string;
}

export const DrawPayload = payloadType('DrawPayload', DrawUserError, { drop: () => DropView });
export const DropEnterPayload = payloadType('DropEnterPayload', DrawUserError, { entry: () => DropEntryView });

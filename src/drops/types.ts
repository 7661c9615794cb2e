import { ArrayMaxSize, ArrayMinSize, IsInt, IsOptional, Length, Max, Min, ValidateNested } from 'class-validator';
import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { IsHandle } from '../catalog/admin/validation.js';
import { CheckoutAddressInput, CheckoutPaymentInput } from '../commerce/checkout/types.js';
import { Order } from '../commerce/orders/entities.js';
import { Node } from '../shared/entity.js';
import { toGlobalId } from '../shared/ids.js';
import { connectionType } from '../shared/pagination.js';
import { payloadType } from '../shared/payload-type.js';
import { DropAllocation, ReservationPhase, ReservationStatus, type Drop, type DropReservation } from './entities.js';
import { DropDepositTermsInput } from './deposits/terms.js';
import { DropUserError } from './errors.js';

export enum DropStatus {
  UPCOMING = 'UPCOMING',
  EARLY_ACCESS = 'EARLY_ACCESS',
  LIVE = 'LIVE',
  SOLD_OUT = 'SOLD_OUT',
  ENDED = 'ENDED',
}
registerEnumType(DropStatus, { name: 'DropStatus', description: 'Derived from the time and the units left.' });
registerEnumType(DropAllocation, { name: 'DropAllocation', description: 'FIRST_COME: units go to whoever reserves first. DRAW: units go to the winners of the drop\'s provably fair draw (README "Draws"), then down its waiting list.' });
registerEnumType(ReservationStatus, { name: 'DropReservationStatus' });

@ObjectType('DropPhases', { simpleResolvers: true })
export class DropPhases {
  @Field({ description: 'The earliest any tier gets in (earlyAccessHours of the tier perks before the public); publicOpensAt when no tier has early access.' })
  earlyAccessOpensAt!: Date;
  @Field() publicOpensAt!: Date;
  @Field() endsAt!: Date;
}

/** A drop as both APIs show it; the storefront and admin resolvers add their own fields. */
@ObjectType('Drop', { implements: Node, description: 'The release of a numbered limited edition in one or more stores.' })
export class DropView {
  @Field(() => ID) id!: string;
  @Field() handle!: string;
  @Field(() => Int, { description: 'Numbered units in the edition (numbers 1..editionSize).' }) editionSize!: number;
  @Field(() => Int, { description: 'Most units one customer may hold or buy, every store together.' }) perCustomerLimit!: number;
  @Field(() => DropAllocation) allocation!: DropAllocation;
  @Field({ description: 'Only customers whose tier perks include tierRestrictedAccess may reserve.' }) tierRestricted!: boolean;
  row!: Drop;
}

export const dropView = (row: Drop, editionSize: number): DropView =>
  Object.assign(new DropView(), { id: toGlobalId('Drop', row.id), handle: row.handle, editionSize, perCustomerLimit: row.perCustomerLimit, allocation: row.allocation, tierRestricted: row.tierRestricted, row });

export const DropConnection = connectionType(DropView, 'Drop');

@ObjectType('DropEligibility', { simpleResolvers: true })
export class DropEligibility {
  @Field() eligible!: boolean;
  @Field(() => String, { nullable: true, description: 'A DropErrorCode (NOT_ELIGIBLE, NOT_OPEN_YET, LIMIT_EXCEEDED, ENDED) when not eligible.' }) reason!: string | null;
  @Field({ description: 'When the drop opens for the viewer (their tier perks\' early access).' }) opensAt!: Date;
  @Field(() => Int, { description: 'Units the viewer may still reserve.' }) remainingLimit!: number;
}

@ObjectType('DropStats', { simpleResolvers: true })
export class DropStats {
  @Field(() => Int) available!: number;
  @Field(() => Int) reserved!: number;
  @Field(() => Int) sold!: number;
}

registerEnumType(ReservationPhase, {
  name: 'DropReservationPhase',
  description: 'How a reservation was made: EARLY_ACCESS (dropReserve before publicOpensAt), PUBLIC, DRAW (a draw win), CONCIERGE (a concierge hold).',
});

@ObjectType('DropPhaseStats', { simpleResolvers: true, description: "The reservations of one phase and what became of them." })
export class DropPhaseStats {
  @Field(() => ReservationPhase) phase!: ReservationPhase;
  @Field(() => Int, { description: 'Reservations made in this phase, whatever became of them.' }) reservations!: number;
  @Field(() => Int, { description: 'Units those reservations held (sum of their quantities).' }) unitsReserved!: number;
  @Field(() => Int, { description: 'Reservations bought (CONVERTED).' }) converted!: number;
  @Field(() => Int, { description: 'Units of the converted reservations.' }) unitsSold!: number;
  @Field(() => Int) expired!: number;
  @Field(() => Int) released!: number;
}

@ObjectType('DropDashboard', { simpleResolvers: true, description: 'Where a drop stands: its units, draw entries and reservations by phase.' })
export class DropDashboard {
  @Field(() => DropStats, { description: 'Edition units by status now.' }) units!: DropStats;
  @Field(() => Int, { description: 'Draw entries of the drop.' }) entries!: number;
  @Field(() => Int, { description: 'Reservations ever made, every phase and status.' }) reservations!: number;
  @Field(() => Int, { description: 'Reservations bought (CONVERTED).' }) converted!: number;
  @Field(() => Float, { description: 'converted / reservations, rounded to 4 decimals; 0 without reservations.' }) conversionRate!: number;
  @Field(() => [DropPhaseStats], { description: 'One entry per phase that has reservations, in phase order.' }) phases!: DropPhaseStats[];
}

@ObjectType('DropReservation', { simpleResolvers: true, description: 'Units held for the customer until expiresAt.' })
export class DropReservationView {
  @Field(() => ID) id!: string;
  @Field(() => ID) dropId!: string;
  @Field(() => ID) variantId!: string;
  @Field(() => Int) quantity!: number;
  @Field(() => ReservationStatus) status!: ReservationStatus;
  @Field() expiresAt!: Date;
  @Field(() => ID, { nullable: true }) orderId!: string | null;
  @Field(() => [Int], { description: 'Edition numbers of the units, known once sold ("12/500").' }) numbers!: number[];
}

export const reservationView = (r: Pick<DropReservation, 'id' | 'dropId' | 'variantId' | 'quantity' | 'status' | 'expiresAt' | 'orderId'>, numbers: number[] = []): DropReservationView => ({
  id: toGlobalId('DropReservation', r.id), dropId: toGlobalId('Drop', r.dropId), variantId: toGlobalId('ProductVariant', r.variantId), quantity: r.quantity,
  status: r.status, expiresAt: r.expiresAt, orderId: r.orderId ? toGlobalId('Order', r.orderId) : null, numbers,
});

@InputType('DropFilter')
export class DropFilter {
  @Field(() => DropStatus, { nullable: true }) status?: DropStatus;
}

@InputType('DropReserveInput')
export class DropReserveInputType {
  @Field(() => ID) dropId!: string;
  @Field(() => ID) variantId!: string;
  @Field(() => Int) @IsInt() @Min(1) @Max(100) quantity!: number;
  @Field({ nullable: true, description: 'A retry with the same key returns the first result and never reserves twice.' }) @IsOptional() @Length(1, 200) idempotencyKey?: string;
}
export const DropReservePayload = payloadType('DropReservePayload', DropUserError, { reservation: () => DropReservationView });

@InputType('DropCreateInput')
export class DropCreateInput {
  @Field() @IsHandle() @Length(1, 100) handle!: string;
  @Field(() => ID) productId!: string;
  @Field(() => [ID], { nullable: true, description: 'Variants in the edition; all live variants of the product when omitted.' }) @IsOptional() @ArrayMinSize(1) @ArrayMaxSize(100) variantIds?: string[];
  @Field(() => Int, { description: 'Numbered units per variant (edition size = this x variants).' }) @IsInt() @Min(1) @Max(100_000) unitsPerVariant!: number;
  @Field(() => [ID], { description: 'Stores the drop is released in (only those: market exclusivity).' }) @ArrayMinSize(1) @ArrayMaxSize(50) storeIds!: string[];
  @Field() publicOpensAt!: Date;
  @Field() endsAt!: Date;
  @Field(() => Int) @IsInt() @Min(1) @Max(100) perCustomerLimit!: number;
  @Field({ nullable: true, description: 'false: the storefront shows only a lowStock flag (default true).' }) @IsOptional() showUnitsLeft?: boolean;
  @Field({ nullable: true }) @IsOptional() tierRestricted?: boolean;
  @Field(() => DropAllocation, { nullable: true, description: 'FIRST_COME (default) or DRAW: the units then go only through the drop\'s draw (drawOpen, dropEnter, drawRun).' }) @IsOptional() allocation?: DropAllocation;
  @Field(() => DropDepositTermsInput, { nullable: true, description: 'A deposit pre-sale: reservationCheckout charges percent of the total, the balance is paid in its window.' })
  @IsOptional() @ValidateNested() deposit?: DropDepositTermsInput | null;
}

@InputType('DropUpdateInput')
export class DropUpdateInput {
  @Field(() => ID) id!: string;
  @Field({ nullable: true }) @IsOptional() publicOpensAt?: Date;
  @Field({ nullable: true }) @IsOptional() endsAt?: Date;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(1) @Max(100) perCustomerLimit?: number;
  @Field({ nullable: true }) @IsOptional() showUnitsLeft?: boolean;
  @Field({ nullable: true }) @IsOptional() tierRestricted?: boolean;
  @Field(() => DropDepositTermsInput, { nullable: true, description: 'New deposit terms; null removes them. Refused once a reservation was checked out with a deposit.' })
  @IsOptional() @ValidateNested() deposit?: DropDepositTermsInput | null;
}

@InputType('DropIdInput')
export class DropIdInput {
  @Field(() => ID) id!: string;
}

export const DropPayload = payloadType('DropPayload', DropUserError, { drop: () => DropView });
export const DropCancelPayload = payloadType('DropCancelPayload', DropUserError, { drop: () => DropView, releasedReservations: () => Int, voidedDeposits: () => Int });

@InputType('ReservationCheckoutInput')
export class ReservationCheckoutInputType {
  @Field(() => ID) reservationId!: string;
  @Field(() => CheckoutPaymentInput) @ValidateNested() payment!: CheckoutPaymentInput;
  @Field({ description: 'Any unique string per attempt: retries with it return the first result and never charge twice.' }) @Length(8, 200) idempotencyKey!: string;
  @Field(() => CheckoutAddressInput, { nullable: true, description: 'Where the units ship (required).' }) @IsOptional() @ValidateNested() shippingAddress?: CheckoutAddressInput;
}
export const ReservationCheckoutPayload = payloadType('ReservationCheckoutPayload', DropUserError, { order: () => Order });

import { IsInt, IsOptional, Length, Matches, Max, Min, ValidateNested, ArrayMaxSize } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { CustomerSize } from '../../commerce/customers/customer.entity.js';
import { Node } from '../../shared/entity.js';
import { Money } from '../../shared/money.js';
import { connectionType } from '../../shared/pagination.js';
import { AppointmentStatus, HoldStatus, InvitationStatus } from './entities.js';
import { ConciergeUserError } from './errors.js';

registerEnumType(HoldStatus, {
  name: 'ClientHoldStatus',
  valuesConfig: {
    ACTIVE: { description: 'Units reserved for the client until expiresAt.' },
    RELEASED: { description: 'Given back by a concierge (holdRelease).' },
    EXPIRED: { description: 'Given back by the job queue at expiresAt.' },
    CONVERTED: { description: 'Moved into a cart prepared for the client (clientCartCreate).' },
  },
});
registerEnumType(AppointmentStatus, { name: 'AppointmentStatus' });
registerEnumType(InvitationStatus, { name: 'TierInvitationStatus' });

@ObjectType('ClientPreference', { simpleResolvers: true })
@InputType('ClientPreferenceInput')
export class ClientPreference {
  @Field({ description: 'Lowercase letters, digits and dashes, e.g. "colours", "fit", "occasion".' })
  @Matches(/^[a-z][a-z0-9-]{0,39}$/, { message: 'key must be 1-40 lowercase letters, digits or dashes, starting with a letter' })
  key!: string;

  @Field()
  @Length(1, 500)
  value!: string;
}

@ObjectType('Client', { implements: Node, description: "A customer in one brand's client book: what the brand's advisors know and have done for them." })
export class ClientView {
  @Field(() => ID) id!: string;
  /** uuid of the profile row. */
  clientId!: string;
  brandId!: string;
  customerUuid!: string;
  assignedStaffId!: string | null;

  @Field(() => ID, { description: 'The Customer (platform-wide account).' }) customerId!: string;
  @Field(() => String, { nullable: true }) firstName!: string | null;
  @Field(() => String, { nullable: true }) lastName!: string | null;
  @Field(() => String, { nullable: true, description: 'Null unless your role holds the PII permission (BRAND_ADMIN, PLATFORM_ADMIN).' }) email!: string | null;
  @Field(() => String, { nullable: true, description: 'Null unless your role holds the PII permission (BRAND_ADMIN, PLATFORM_ADMIN).' }) phone!: string | null;
  @Field(() => [ClientPreference]) preferences!: ClientPreference[];
  @Field(() => [CustomerSize], { description: "Sizes noted by the brand's advisors, else the sizes the customer gave." }) sizes!: CustomerSize[];
  @Field(() => [Money], { description: 'Spend with this brand over the last 12 months (lines of the brand in paid orders), one amount per currency.' }) spendLast12Months!: Money[];
  @Field(() => Date, { nullable: true, description: 'The last paid order with a line of this brand.' }) lastPurchaseAt!: Date | null;
  @Field() createdAt!: Date;
}

@ObjectType('ClientNote', { simpleResolvers: true })
export class ClientNoteView {
  @Field(() => ID) id!: string;
  @Field() body!: string;
  @Field({ description: '"staff:<id>" of who wrote it.' }) author!: string;
  @Field() createdAt!: Date;
}

@ObjectType('ClientHold', { simpleResolvers: true, description: "Units of a variant held for a client until a deadline: stock at a location, or a live drop's edition units." })
export class ClientHoldView {
  @Field(() => ID) id!: string;
  @Field(() => ID) variantId!: string;
  @Field(() => ID) locationId!: string;
  @Field(() => Int) quantity!: number;
  @Field() expiresAt!: Date;
  @Field(() => HoldStatus) status!: HoldStatus;
  @Field() createdAt!: Date;
  @Field(() => ID, { nullable: true, description: "For a variant of a live drop's edition: the client's DropReservation holding the units (they buy it with reservationCheckout); null for stock at the location." })
  reservationId!: string | null;
}

@ObjectType('Appointment', { simpleResolvers: true, description: 'A private appointment with a client at a boutique.' })
export class AppointmentView {
  @Field(() => ID) id!: string;
  @Field(() => ID, { description: 'The StaffUser who receives the client.' }) staffId!: string;
  @Field(() => ID, { description: 'The boutique (StockLocation).' }) locationId!: string;
  @Field() startsAt!: Date;
  @Field() endsAt!: Date;
  @Field(() => String, { nullable: true }) note!: string | null;
  @Field(() => AppointmentStatus) status!: AppointmentStatus;
}

@ObjectType('TierInvitation', { simpleResolvers: true, description: 'A nomination of a client for an invite-only tier.' })
export class TierInvitationView {
  @Field(() => ID) id!: string;
  @Field(() => ID) clientId!: string;
  @Field(() => ID, { description: 'The VIP tier (invite-only).' }) tierId!: string;
  @Field(() => InvitationStatus) status!: InvitationStatus;
  @Field(() => String, { nullable: true }) reason!: string | null;
  @Field() nominatedBy!: string;
  @Field(() => String, { nullable: true }) decidedBy!: string | null;
  @Field() createdAt!: Date;
}

@ObjectType('ClientAccessLogEntry', { simpleResolvers: true, description: "One read of a client's 360 view." })
export class ClientAccessLogEntry {
  @Field(() => ID) id!: string;
  @Field(() => ID) clientId!: string;
  @Field(() => ID, { nullable: true, description: 'The StaffUser who read it.' }) staffId!: string | null;
  @Field(() => ID, { nullable: true, description: 'The API key that read it.' }) apiKeyId!: string | null;
  @Field() at!: Date;
}

export const ClientConnection = connectionType(ClientView, 'Client');
export const ClientAccessLogConnection = connectionType(ClientAccessLogEntry, 'ClientAccessLogEntry');

@InputType()
export class ClientFilter {
  @Field(() => ID, { nullable: true, description: 'Clients currently in this VIP tier.' }) tier?: string;
  @Field({ nullable: true, description: 'Only the clients assigned to you.' }) assignedToMe?: boolean;
  @Field(() => Date, { nullable: true, description: 'Last purchase strictly before.' }) lastPurchaseBefore?: Date;
  @Field(() => Date, { nullable: true, description: 'Last purchase at or after.' }) lastPurchaseAfter?: Date;
  @Field({ nullable: true, description: 'Part of the name (anyone) or of the email (roles with the PII permission).' })
  @IsOptional() @Length(1, 100)
  search?: string;
}

const payload = (name: string, field: string, type: () => unknown) => {
  @ObjectType(name)
  class P {
    @Field(() => [ConciergeUserError]) userErrors!: unknown[];
  }
  Field(type as never, { nullable: true })(P.prototype, field);
  return P;
};

@InputType()
export class ClientNoteAddInput {
  @Field(() => ID) clientId!: string;
  @Field() @Length(1, 5000) body!: string;
}
export const ClientNoteAddPayload = payload('ClientNoteAddPayload', 'note', () => ClientNoteView);

@InputType()
export class ClientPreferencesUpdateInput {
  @Field(() => ID) clientId!: string;
  @Field(() => [ClientPreference], { nullable: true, description: 'Replaces the preferences (keys unique).' })
  @IsOptional() @ValidateNested({ each: true }) @ArrayMaxSize(50)
  preferences?: ClientPreference[];
  @Field(() => [CustomerSize], { nullable: true, description: 'Replaces the sizes noted for this brand; [] falls back to the customer\'s own.' })
  @IsOptional() @ValidateNested({ each: true }) @ArrayMaxSize(20)
  sizes?: CustomerSize[];
}
export const ClientPayload = (name: string) => payload(name, 'client', () => ClientView);
export const ClientPreferencesUpdatePayload = ClientPayload('ClientPreferencesUpdatePayload');

@InputType()
export class ClientAssignInput {
  @Field(() => ID) clientId!: string;
  @Field(() => ID, { nullable: true, description: 'A concierge or brand admin of the client\'s brand; null unassigns.' }) staffId?: string | null;
}
export const ClientAssignPayload = ClientPayload('ClientAssignPayload');

@InputType()
export class HoldCreateInput {
  @Field(() => ID) clientId!: string;
  @Field(() => ID) variantId!: string;
  @Field(() => ID, { description: 'A stock location of a store carrying the brand.' }) locationId!: string;
  @Field(() => Int) @IsInt() @Min(1) @Max(20) quantity!: number;
  @Field({ description: 'Within the next 30 days.' }) expiresAt!: Date;
}
export const HoldPayload = (name: string) => payload(name, 'hold', () => ClientHoldView);
export const HoldCreatePayload = HoldPayload('HoldCreatePayload');

@InputType()
export class HoldReleaseInput {
  @Field(() => ID) id!: string;
}
export const HoldReleasePayload = HoldPayload('HoldReleasePayload');

@InputType()
export class AppointmentCreateInput {
  @Field(() => ID) clientId!: string;
  @Field(() => ID, { description: 'A live boutique (StockLocation of kind BOUTIQUE) of a store carrying the brand.' }) locationId!: string;
  @Field(() => ID, { nullable: true, description: 'Who receives the client; you unless told.' }) staffId?: string;
  @Field() startsAt!: Date;
  @Field({ description: 'After startsAt, at most 8 hours later.' }) endsAt!: Date;
  @Field({ nullable: true }) @IsOptional() @Length(1, 1000) note?: string;
}
export const AppointmentPayload = (name: string) => payload(name, 'appointment', () => AppointmentView);
export const AppointmentCreatePayload = AppointmentPayload('AppointmentCreatePayload');

@InputType()
export class AppointmentCancelInput {
  @Field(() => ID) id!: string;
}
export const AppointmentCancelPayload = AppointmentPayload('AppointmentCancelPayload');

@InputType()
export class TierInviteInput {
  @Field(() => ID) clientId!: string;
  @Field(() => ID, { description: 'An invite-only tier of a programme of the client\'s brand.' }) tierId!: string;
  @Field({ nullable: true }) @IsOptional() @Length(1, 1000) reason?: string;
}
export const InvitationPayload = (name: string) => payload(name, 'invitation', () => TierInvitationView);
export const TierInvitePayload = InvitationPayload('TierInvitePayload');

@InputType()
export class TierInvitationDecideInput {
  @Field(() => ID) id!: string;
}
export const TierInvitationApprovePayload = InvitationPayload('TierInvitationApprovePayload');
export const TierInvitationDeclinePayload = InvitationPayload('TierInvitationDeclinePayload');

@InputType()
export class ClientCartLineInput {
  @Field(() => ID, { description: 'A ProductVariant of the client\'s brand.' }) merchandiseId!: string;
  @Field(() => Int) @IsInt() @Min(1) @Max(99) quantity!: number;
}

@InputType()
export class ClientCartCreateInput {
  @Field(() => ID) clientId!: string;
  @Field(() => ID, { description: 'A store carrying the client\'s brand.' }) storeId!: string;
  @Field(() => [ClientCartLineInput], { defaultValue: [] }) @ValidateNested({ each: true }) @ArrayMaxSize(50) lines!: ClientCartLineInput[];
  @Field(() => [ID], { nullable: true, description: "ACTIVE holds of this client in this store: their units go into the cart." }) @IsOptional() @ArrayMaxSize(50) holdIds?: string[];
}

@ObjectType('ClientCart', { simpleResolvers: true })
export class ClientCartView {
  @Field(() => ID, { description: 'The Cart id the storefront opens (the client must sign in: the cart is theirs).' }) cartId!: string;
  @Field({ description: 'STOREFRONT_URL + /cart/<cart id>: the link to send the client.' }) checkoutUrl!: string;
  @Field(() => Int) totalQuantity!: number;
}
export const ClientCartCreatePayload = payload('ClientCartCreatePayload', 'cart', () => ClientCartView);

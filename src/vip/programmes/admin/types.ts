import { ArrayMaxSize, ArrayMinSize, IsInt, IsOptional, Length, Max, Min, ValidateNested } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { IsHandle, IsLocale } from '../../../catalog/admin/validation.js';
import { Node } from '../../../shared/entity.js';
import { CurrencyCode, DecimalScalar, Money } from '../../../shared/money.js';
import { payloadType } from '../../../shared/payload-type.js';
import { Qualification } from '../entities.js';
import { VipPerks } from '../types.js';
import { VipUserError } from './errors.js';

@ObjectType('VipLocalizedName', { simpleResolvers: true })
@InputType('VipLocalizedNameInput')
export class VipLocalizedName {
  @Field() @IsLocale() locale!: string;
  @Field() @Length(1, 100) name!: string;
}

@InputType('VipPerksInput')
export class VipPerksInput {
  @Field(() => Int, { description: 'Hours before the public that drops open to this tier (0-720).' }) @IsInt() @Min(0) @Max(720) earlyAccessHours!: number;
  @Field() tierRestrictedAccess!: boolean;
  @Field() assignedConcierge!: boolean;
  @Field(() => [String], { description: 'Codes such as "alterations", "atelier-visit".' }) @ArrayMaxSize(20) @Length(1, 60, { each: true }) freeServices!: string[];
  @Field(() => Int, { nullable: true, description: "Tickets in a drop's draw that weights by tier (1-100, default 1)." }) @IsOptional() @IsInt() @Min(1) @Max(100) drawWeight?: number;
}

@ObjectType('VipTier', { implements: Node, simpleResolvers: true, description: 'One rung of a VIP programme.' })
export class VipTierView {
  @Field(() => ID) id!: string;
  @Field(() => ID) programmeId!: string;
  @Field() handle!: string;
  @Field({ description: 'In the request locale, falling back to any the tier has.' }) name!: string;
  @Field(() => [VipLocalizedName]) names!: VipLocalizedName[];
  @Field(() => Int, { description: '1 = the lowest tier.' }) rank!: number;
  @Field(() => Money, { nullable: true, description: 'Qualifying spend that earns the tier (keeps it, for an invite-only tier); null: none.' })
  threshold!: Money | null;
  @Field({ description: 'Reached only by invitation or a manual change, never by spend.' }) inviteOnly!: boolean;
  @Field(() => VipPerks) perks!: VipPerks;
}

@ObjectType('VipProgramme', { implements: Node, simpleResolvers: true, description: "The platform's VIP programme (brandId null) or one brand's." })
export class VipProgrammeView {
  @Field(() => ID) id!: string;
  @Field(() => ID, { nullable: true, description: 'Null: the platform programme, counting orders of every brand.' }) brandId!: string | null;
  @Field() handle!: string;
  @Field() name!: string;
  @Field(() => [VipLocalizedName]) names!: VipLocalizedName[];
  @Field(() => CurrencyCode) currency!: CurrencyCode;
  @Field(() => Qualification) qualification!: Qualification;
  @Field() active!: boolean;
  @Field(() => [VipTierView], { description: 'By rank, lowest first.' }) tiers!: VipTierView[];
}

@ObjectType('VipMembership', { simpleResolvers: true, description: "A customer's standing in one programme." })
export class VipMembershipView {
  @Field(() => ID) programmeId!: string;
  @Field(() => ID) customerId!: string;
  @Field(() => VipTierView, { nullable: true, description: 'Null: out of the programme (the history stays).' }) tier!: VipTierView | null;
  @Field() since!: Date;
  @Field() retainedUntil!: Date;
}

@ObjectType('VipExchangeRate', { simpleResolvers: true, description: '1 `from` = `rate` `to`, from `validFrom` on.' })
export class VipExchangeRateView {
  @Field(() => CurrencyCode) from!: CurrencyCode;
  @Field(() => CurrencyCode) to!: CurrencyCode;
  @Field(() => DecimalScalar) rate!: string;
  @Field() validFrom!: Date;
}

@InputType()
export class VipProgrammeCreateInput {
  @Field(() => ID, { nullable: true, description: 'Null or absent: a platform programme (platform admins only).' }) brandId?: string | null;
  @Field() @IsHandle() @Length(1, 100) handle!: string;
  @Field(() => [VipLocalizedName]) @ValidateNested() @ArrayMinSize(1) @ArrayMaxSize(50) names!: VipLocalizedName[];
  @Field(() => CurrencyCode) currency!: CurrencyCode;
  @Field(() => Qualification) qualification!: Qualification;
}

@InputType()
export class VipTierCreateInput {
  @Field(() => ID) programmeId!: string;
  @Field() @IsHandle() @Length(1, 100) handle!: string;
  @Field(() => [VipLocalizedName]) @ValidateNested() @ArrayMinSize(1) @ArrayMaxSize(50) names!: VipLocalizedName[];
  @Field(() => Int, { description: '1 = the lowest; unique in the programme.' }) @IsInt() @Min(1) @Max(100) rank!: number;
  @Field(() => DecimalScalar, { nullable: true, description: 'In the programme currency; required unless inviteOnly.' }) threshold?: string | null;
  @Field({ defaultValue: false }) inviteOnly!: boolean;
  @Field(() => VipPerksInput) @ValidateNested() perks!: VipPerksInput;
}

@InputType({ description: 'Fields left out stay as they are; names are replaced per locale.' })
export class VipTierUpdateInput {
  @Field(() => ID) id!: string;
  @Field({ nullable: true }) @IsOptional() @IsHandle() @Length(1, 100) handle?: string;
  @Field(() => [VipLocalizedName], { nullable: true }) @IsOptional() @ValidateNested() @ArrayMaxSize(50) names?: VipLocalizedName[];
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(1) @Max(100) rank?: number;
  @Field(() => DecimalScalar, { nullable: true, description: 'null removes it (invite-only tiers only).' }) threshold?: string | null;
  @Field({ nullable: true }) inviteOnly?: boolean;
  @Field(() => VipPerksInput, { nullable: true }) @IsOptional() @ValidateNested() perks?: VipPerksInput;
}

@InputType()
export class VipExchangeRateSetInput {
  @Field(() => CurrencyCode) from!: CurrencyCode;
  @Field(() => CurrencyCode) to!: CurrencyCode;
  @Field(() => DecimalScalar, { description: '1 `from` = rate `to`; positive, at most 10 decimals.' }) rate!: string;
  @Field({ nullable: true, description: 'Default: now. Spend paid from then on converts at this rate.' }) validFrom?: Date;
}

@InputType()
export class VipMembershipSetInput {
  @Field(() => ID) programmeId!: string;
  @Field(() => ID, { description: 'The Customer.' }) customerId!: string;
  @Field(() => ID, { nullable: true, description: 'A tier of the programme; null takes the customer out of it.' }) tierId?: string | null;
  @Field({ description: 'Recorded with the MANUAL change and its actor.' }) @Length(1, 500) reason!: string;
}

export const VipProgrammeCreatePayload = payloadType('VipProgrammeCreatePayload', VipUserError, { programme: () => VipProgrammeView });
export const VipTierCreatePayload = payloadType('VipTierCreatePayload', VipUserError, { tier: () => VipTierView });
export const VipTierUpdatePayload = payloadType('VipTierUpdatePayload', VipUserError, { tier: () => VipTierView });
export const VipExchangeRateSetPayload = payloadType('VipExchangeRateSetPayload', VipUserError, { exchangeRate: () => VipExchangeRateView });
export const VipMembershipSetPayload = payloadType('VipMembershipSetPayload', VipUserError, { membership: () => VipMembershipView });

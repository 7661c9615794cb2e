import { Field, Int, ObjectType } from 'type-graphql';
import { CurrencyCode, Money } from '../../shared/money.js';
import { Qualification } from './entities.js';

@ObjectType('VipPerks', { simpleResolvers: true, description: 'What a tier grants.' })
export class VipPerks {
  @Field(() => Int, { description: 'Hours before the public that drops open to this tier.' }) earlyAccessHours!: number;
  @Field({ description: 'Access to tier-restricted drops, sessions and auctions.' }) tierRestrictedAccess!: boolean;
  @Field() assignedConcierge!: boolean;
  @Field(() => [String]) freeServices!: string[];
  @Field(() => Int, { description: "Tickets in a drop's draw when the draw weights by tier (1 = like everyone; merged as the highest)." }) drawWeight!: number;
}

@ObjectType('CustomerVipProgramme', { simpleResolvers: true })
export class CustomerVipProgramme {
  @Field() handle!: string;
  @Field({ description: 'In the request locale, falling back to any the programme has.' }) name!: string;
  @Field(() => CurrencyCode) currency!: CurrencyCode;
  @Field(() => Qualification) qualification!: Qualification;
}

@ObjectType('CustomerVipTier', { simpleResolvers: true })
export class CustomerVipTier {
  @Field() handle!: string;
  @Field() name!: string;
  @Field(() => Int, { description: '1 = the lowest tier.' }) rank!: number;
  @Field() inviteOnly!: boolean;
  @Field(() => VipPerks) perks!: VipPerks;
}

@ObjectType('CustomerVip', { simpleResolvers: true, description: "The signed-in customer's standing in one VIP programme." })
export class CustomerVip {
  @Field(() => CustomerVipProgramme) programme!: CustomerVipProgramme;
  @Field(() => CustomerVipTier) tier!: CustomerVipTier;
  @Field(() => Money, { description: 'Qualifying spend of the current period, in the programme currency (as of the last evaluation).' })
  qualifyingSpend!: Money;
  @Field(() => Date, { description: 'CALENDAR_YEAR: the end of the year; ROLLING_12_MONTHS: when the tier is next re-assessed.' })
  periodEndsAt!: Date;
  @Field(() => Date, { description: 'The tier is kept at least until then.' }) retainedUntil!: Date;
  @Field(() => CustomerVipTier, { nullable: true, description: 'The next tier spend can reach; null at the top (invite-only tiers are never reached by spend).' })
  nextTier!: CustomerVipTier | null;
  @Field(() => Money, { nullable: true }) spendToNextTier!: Money | null;
}

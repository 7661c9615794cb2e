import { IsEnum, IsInt, Max, Min } from 'class-validator';
import { Field, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DomainError } from '../../shared/user-errors.js';
import type { Drop } from '../entities.js';
import { UnpaidBalance } from './entities.js';

registerEnumType(UnpaidBalance, {
  name: 'DropUnpaidBalance',
  description: 'What an unpaid balance at balanceDueAt does to the deposit; either way the order is cancelled and its units go back on sale.',
  valuesConfig: { FORFEIT: { description: 'The deposit is kept.' }, REFUND: { description: 'The deposit is refunded.' } },
});

/** A drop's deposit terms: the buyer pays `percent` of the order now, the rest in [balanceOpensAt, balanceDueAt). */
@InputType('DropDepositTermsInput')
export class DropDepositTermsInput {
  @Field(() => Int, { description: 'Share of the order total charged at reservationCheckout, 1..99.' }) @IsInt() @Min(1) @Max(99) percent!: number;
  @Field() balanceOpensAt!: Date;
  @Field({ description: 'After publicOpensAt and balanceOpensAt; unpaid by then, the deposit is settled per unpaidBalance.' }) balanceDueAt!: Date;
  @Field(() => UnpaidBalance) @IsEnum(UnpaidBalance) unpaidBalance!: UnpaidBalance;
}

@ObjectType('DropDepositTerms', { simpleResolvers: true, description: 'A deposit pre-sale: percent of the total now, the balance in its window.' })
export class DropDepositTerms {
  @Field(() => Int) percent!: number;
  @Field() balanceOpensAt!: Date;
  @Field() balanceDueAt!: Date;
  @Field(() => UnpaidBalance) unpaidBalance!: UnpaidBalance;
}

export function termsOf(drop: Drop): DropDepositTerms | null {
  if (drop.depositPercent == null) return null;
  return { percent: drop.depositPercent, balanceOpensAt: drop.depositBalanceOpensAt!, balanceDueAt: drop.depositBalanceDueAt!, unpaidBalance: drop.depositUnpaidBalance! };
}

/** The drop's columns for the terms (all null: no deposit). */
export function termColumns(terms: DropDepositTermsInput | null) {
  return {
    depositPercent: terms?.percent ?? null, depositBalanceOpensAt: terms?.balanceOpensAt ?? null,
    depositBalanceDueAt: terms?.balanceDueAt ?? null, depositUnpaidBalance: terms?.unpaidBalance ?? null,
  };
}

/** The window must be a window, and the balance cannot fall due before the public may even buy. */
export function checkTerms(terms: DropDepositTermsInput, publicOpensAt: Date) {
  if (!(terms.balanceDueAt > terms.balanceOpensAt)) throw new DomainError('INVALID', 'balanceDueAt must be after balanceOpensAt', ['input', 'deposit', 'balanceDueAt']);
  if (!(terms.balanceDueAt > publicOpensAt)) throw new DomainError('INVALID', 'balanceDueAt must be after publicOpensAt', ['input', 'deposit', 'balanceDueAt']);
}

/**
 * The deposit and balance of an order total, in minor units: percent rounded half up, and each part at
 * least one minor unit (the payment port refuses zero).
 */
export function splitTotal(total: number, percent: number): { deposit: number; balance: number } {
  const deposit = Math.min(Math.max(Math.floor((total * percent + 50) / 100), 1), total - 1);
  return { deposit, balance: total - deposit };
}

import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { Customer } from '../../commerce/customers/customer.entity.js';
import type { Context } from '../../shared/context.js';
import { payload } from '../../shared/user-errors.js';
import { viewsOf } from '../drop-read.js';
import { Drop } from '../entities.js';
import { DropView } from '../types.js';
import { depositService } from './deposit.service.js';
import { DropDepositTerms, termsOf } from './terms.js';
import { DepositPayBalanceInputType, DepositPayBalancePayload, depositView, DropDepositView } from './types.js';

/** `Drop.deposit` in both APIs. */
@Resolver(() => DropView)
export class DropDepositTermsResolver {
  @FieldResolver(() => DropDepositTerms, { nullable: true, description: 'Deposit pre-sale terms; null when the drop sells in full at checkout.' })
  deposit(@Root() drop: DropView): DropDepositTerms | null {
    return termsOf(drop.row);
  }
}

@Resolver(() => DropDepositView)
export class DepositStorefrontResolver {
  @FieldResolver(() => DropView)
  async drop(@Root() deposit: DropDepositView, @Ctx() ctx: Context): Promise<DropView> {
    return deposit.drop ?? (await viewsOf(ctx.em, [await ctx.em.findOneOrFail(Drop, deposit.row.dropId)]))[0];
  }

  @Mutation(() => DepositPayBalancePayload, { description: 'Pays the balance of a deposit between balanceOpensAt and balanceDueAt: the units SOLD with their numbers and certificates, the order PAID once captured.' })
  depositPayBalance(@Arg('input') input: DepositPayBalanceInputType, @Ctx() ctx: Context) {
    return payload(input, async () => {
      const { deposit, order } = await depositService.payBalance(ctx, input);
      return { deposit: depositView(deposit), order };
    });
  }
}

/** `customer { deposits }`. */
@Resolver(() => Customer)
export class CustomerDepositsResolver {
  @FieldResolver(() => [DropDepositView], { description: 'Deposit pre-sales, newest first (the last 100).' })
  async deposits(@Root() customer: Customer, @Ctx() ctx: Context): Promise<DropDepositView[]> {
    const deposits = await depositService.depositsOf(ctx.em, customer.id);
    // Their drops in two statements for the whole list (drops, then editions), not two per deposit.
    const drops = await viewsOf(ctx.em, await ctx.em.find(Drop, { id: { $in: [...new Set(deposits.map((d) => d.dropId))] } }));
    const byId = new Map(drops.map((v) => [v.row.id, v]));
    return deposits.map((d) => Object.assign(depositView(d), { drop: byId.get(d.dropId) }));
  }
}

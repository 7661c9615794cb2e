import type { EntityManager } from '@mikro-orm/postgresql';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { pickText } from '../../catalog/i18n.js';
import { Customer } from '../../commerce/customers/customer.entity.js';
import type { Context } from '../../shared/context.js';
import { Money } from '../../shared/money.js';
import { Membership, perksWithDefaults, Programme, Tier } from './entities.js';
import { currentPeriodEnd } from './periods.js';
import { CustomerVip, type CustomerVipTier } from './types.js';

const nameIn = (names: Record<string, string>, locales: string[]) => pickText(names, locales) ?? Object.values(names)[0] ?? '';

/** One entry per active programme the customer holds a tier in: three statements whatever their number. */
export async function customerVip(em: EntityManager, customerId: string, locales: string[], now = new Date()): Promise<CustomerVip[]> {
  const memberships = await em.find(Membership, { customerId, tierId: { $ne: null } }, { orderBy: { programmeId: 'asc' } });
  if (memberships.length === 0) return [];
  const programmeIds = memberships.map((m) => m.programmeId);
  const [programmes, tiers] = await Promise.all([
    em.find(Programme, { id: { $in: programmeIds }, active: true }),
    em.find(Tier, { programmeId: { $in: programmeIds } }, { orderBy: { rank: 'asc' } }),
  ]);
  const tierView = (t: Tier): CustomerVipTier => ({ handle: t.handle, name: nameIn(t.names, locales), rank: t.rank, inviteOnly: t.inviteOnly, perks: perksWithDefaults(t.perks) });
  return memberships.flatMap((m) => {
    const programme = programmes.find((p) => p.id === m.programmeId);
    const tier = tiers.find((t) => t.id === m.tierId);
    if (!programme || !tier) return [];
    const next = tiers.find((t) => t.programmeId === programme.id && t.rank > tier.rank && !t.inviteOnly && t.threshold != null) ?? null;
    return [{
      programme: { handle: programme.handle, name: nameIn(programme.names, locales), currency: programme.currency, qualification: programme.qualification },
      tier: tierView(tier),
      qualifyingSpend: Money.of(m.qualifyingSpend, programme.currency),
      periodEndsAt: currentPeriodEnd(programme.qualification, now, m.retainedUntil),
      retainedUntil: m.retainedUntil,
      nextTier: next && tierView(next),
      spendToNextTier: next ? Money.of(Math.max(0, next.threshold! - m.qualifyingSpend), programme.currency) : null,
    }];
  });
}

/** `customer { vip }`: added here, on the customers domain's type, so that domain does not know VIP. */
@Resolver(() => Customer)
export class CustomerVipResolver {
  @FieldResolver(() => [CustomerVip], { description: 'One entry per VIP programme the customer holds a tier in (platform and brands).' })
  vip(@Root() customer: Customer, @Ctx() ctx: Context) {
    return customerVip(ctx.em, customer.id, ctx.locales);
  }
}

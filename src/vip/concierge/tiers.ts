import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { Context } from '../../shared/context.js';
import { toGlobalId } from '../../shared/ids.js';
import { vipService } from '../programmes/vip.service.js';

/**
 * The tier a client holds in their brand's programme, read through the VIP service
 * (`vipService.tierOfClients`, batched per request: one statement per page). Read-only; tier changes
 * belong to the programmes service.
 */
@ObjectType('ClientTier', { simpleResolvers: true })
export class ClientTier {
  @Field(() => ID, { description: 'The VIP tier.' }) tierId!: string;
  @Field(() => ID) programmeId!: string;
  @Field() handle!: string;
  @Field() name!: string;
  @Field(() => Int, { description: '1 = the lowest tier.' }) rank!: number;
  @Field() since!: Date;
}

@ObjectType('ClientTierChange', { simpleResolvers: true })
export class ClientTierChange {
  @Field(() => ID, { nullable: true }) fromTierId!: string | null;
  @Field(() => ID, { nullable: true }) toTierId!: string | null;
  @Field({ description: 'SPEND, INVITATION, RETENTION_EXPIRED or MANUAL.' }) reason!: string;
  @Field() actor!: string;
  @Field() at!: Date;
}

const nameOf = (names: Record<string, string>, locales: string[]) => locales.map((l) => names[l]).find(Boolean) ?? names.en ?? Object.values(names)[0] ?? '';

export const clientTiers = {
  /** Current tier in the brand's programme for many (brand, customer) pairs: one statement. */
  tierOf(ctx: Context, brandId: string, customerId: string): Promise<ClientTier | null> {
    return ctx.loaders
      .get<string, ClientTier | null>('concierge.tier', async (keys) => {
        const byKey = await vipService.tierOfClients(ctx.em, keys.map((k) => {
          const [brandId, customerId] = k.split(':');
          return { brandId, customerId };
        }));
        return keys.map((k) => {
          const t = byKey.get(k);
          return t ? { tierId: toGlobalId('VipTier', t.tierId), programmeId: toGlobalId('VipProgramme', t.programmeId), handle: t.handle, name: nameOf(t.names, ctx.locales), rank: t.rank, since: t.since } : null;
        });
      })
      .load(`${brandId}:${customerId}`);
  },

  /** Tier changes in the brand's programme, newest first. */
  async history(ctx: Context, brandId: string, customerId: string): Promise<ClientTierChange[]> {
    const rows = await ctx.em.execute<{ from_tier_id: string | null; to_tier_id: string | null; reason: string; actor: string; at: Date }[]>(
      `select c.from_tier_id, c.to_tier_id, c.reason, c.actor, c.at from vip_tier_change c join vip_membership m on m.id = c.membership_id
        where m.brand_id = ? and m.customer_id = ? order by c.at desc, c.id desc`,
      [brandId, customerId],
    );
    return rows.map((r) => ({
      fromTierId: r.from_tier_id ? toGlobalId('VipTier', r.from_tier_id) : null,
      toTierId: r.to_tier_id ? toGlobalId('VipTier', r.to_tier_id) : null,
      reason: r.reason, actor: r.actor, at: new Date(r.at),
    }));
  },
};

/** `clients(filter: { tier })`: the client's membership in that tier (the programme is the client's brand's). */
export function tierFilterSql(tierId: string) {
  return { sql: 'exists (select 1 from vip_membership m where m.customer_id = c.customer_id and m.brand_id = c.brand_id and m.tier_id = ?)', params: [tierId] };
}

import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { Context } from '../../shared/context.js';
import { toGlobalId } from '../../shared/ids.js';
import { pgArray } from '../../shared/sql.js';

/**
 * The tier a client holds in their brand's programme, read from the programmes model
 * (src/vip/programmes/entities.ts: vip_membership, vip_tier, vip_tier_change), batched per request.
 * Read-only; tier changes belong to the programmes service. When `vipService.tierOf` lands, the loader
 * below should call it (one statement per page either way).
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
        const pairs = keys.map((k) => k.split(':'));
        const rows = await ctx.em.execute<{ brand_id: string; customer_id: string; tier_id: string; programme_id: string; handle: string; names: Record<string, string>; rank: number; since: Date }[]>(
          `select m.brand_id, m.customer_id, t.id as tier_id, m.programme_id, t.handle, t.names, t.rank, m.since
             from vip_membership m join vip_tier t on t.id = m.tier_id
            where (m.brand_id, m.customer_id) in (select * from unnest(?::uuid[], ?::uuid[]))`,
          [pgArray(pairs.map((p) => p[0])), pgArray(pairs.map((p) => p[1]))],
        );
        const byKey = new Map(rows.map((r) => [`${r.brand_id}:${r.customer_id}`, r]));
        return keys.map((k) => {
          const r = byKey.get(k);
          return r ? { tierId: toGlobalId('VipTier', r.tier_id), programmeId: toGlobalId('VipProgramme', r.programme_id), handle: r.handle, name: nameOf(r.names, ctx.locales), rank: r.rank, since: new Date(r.since) } : null;
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

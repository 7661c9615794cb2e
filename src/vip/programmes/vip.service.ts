import type { EntityManager } from '@mikro-orm/postgresql';
import { v7 as uuidv7 } from 'uuid';
import { convertMinor } from './conversion.js';
import { rateAt } from './conversion.js';
import { Membership, perksWithDefaults, Programme, QualifyingSpend, Tier, TierChangeReason, type TierPerks } from './entities.js';
import { evaluateMember, lockMembership, recordChange } from './evaluation.js';
import { retentionEnd } from './periods.js';
import { pgArray } from '../../shared/sql.js';

/** A customer's tier in one programme. */
export interface HeldTier {
  programmeId: string;
  /** Null for the platform programme. */
  brandId: string | null;
  tierId: string;
  rank: number;
  handle: string;
  perks: Required<TierPerks>;
  /** { "<locale>": name }. */
  names: Record<string, string>;
  /** When the tier was reached. */
  since: Date;
  retainedUntil: Date;
}

const NO_PERKS: Required<TierPerks> = { earlyAccessHours: 0, tierRestrictedAccess: false, assignedConcierge: false, freeServices: [], drawWeight: 1 };

/** The most generous combination: the longest early access, any access flag, every free service, the heaviest draw weight. */
export function mergePerks(tiers: readonly { perks: TierPerks }[]): Required<TierPerks> {
  return tiers.reduce<Required<TierPerks>>(
    (all, { perks }) => ({
      earlyAccessHours: Math.max(all.earlyAccessHours, perks.earlyAccessHours),
      tierRestrictedAccess: all.tierRestrictedAccess || perks.tierRestrictedAccess,
      assignedConcierge: all.assignedConcierge || perks.assignedConcierge,
      freeServices: [...new Set([...all.freeServices, ...perks.freeServices])],
      drawWeight: Math.max(all.drawWeight, perks.drawWeight ?? 1),
    }),
    NO_PERKS,
  );
}

type HeldRow = { programme_id: string; brand_id: string | null; tier_id: string; rank: number; handle: string; perks: TierPerks; names: Record<string, string>; since: Date; retained_until: Date; customer_id: string };
const held = (r: HeldRow): HeldTier => ({
  programmeId: r.programme_id, brandId: r.brand_id, tierId: r.tier_id, rank: r.rank, handle: r.handle, perks: perksWithDefaults(r.perks), names: r.names, since: new Date(r.since), retainedUntil: r.retained_until,
});
const HELD_COLUMNS = 'm.programme_id, m.brand_id, t.id as tier_id, t.rank, t.handle, t.perks, t.names, m.since, m.retained_until, m.customer_id';

/**
 * What other domains read about VIP tiers (drops: early-access hours and tier-restricted access;
 * concierge: the client book's tier). Read-only, one SQL statement each, any entity manager.
 * - `perksFor(em, customerId, brandId)`: the customer's tiers in the active platform programme(s) and
 *   that brand's, the best one (highest rank, the brand's programme first on a tie) and their perks
 *   merged (`perks`: the longest early access, any flag, every free service, the highest drawWeight). No tier: `best` null
 *   and no perks.
 * - `tierOf(em, programmeId, customerIds)`: batched, a Map from customer id to the held tier (absent: none).
 * - `tierOfClients(em, pairs)`: the same for (brand, customer) pairs across brands' programmes (the concierge client book).
 * Writes, inside the caller's transaction: `changeTier(tx, ...)` (MANUAL from the Admin API, INVITATION
 * from the concierge's approved invitations) and `evaluate(tx, programmeId, customerId, now)`.
 */
export const vipService = {
  /** The longest early access any active programme applying to the brand gives (platform-wide or the brand's): when a drop's early phase opens. */
  async longestEarlyAccessHours(em: EntityManager, brandId: string): Promise<number> {
    const [row] = await em.execute<{ hours: number | null }[]>(
      `select max((t.perks->>'earlyAccessHours')::int) as hours from vip_tier t join vip_programme p on p.id = t.programme_id
        where p.active and (p.brand_id is null or p.brand_id = ?)`,
      [brandId],
    );
    return row?.hours ?? 0;
  },

  async perksFor(em: EntityManager, customerId: string, brandId: string | null): Promise<{ tiers: HeldTier[]; best: HeldTier | null; perks: Required<TierPerks> }> {
    const rows = await em.execute<HeldRow[]>(
      `select ${HELD_COLUMNS}
         from vip_membership m join vip_tier t on t.id = m.tier_id join vip_programme p on p.id = m.programme_id
        where m.customer_id = ? and p.active and (p.brand_id is null or p.brand_id = ?)
        order by t.rank desc, (p.brand_id is null) asc`,
      [customerId, brandId],
    );
    const tiers = rows.map(held);
    return { tiers, best: tiers[0] ?? null, perks: mergePerks(tiers) };
  },

  async tierOf(em: EntityManager, programmeId: string, customerIds: readonly string[]): Promise<Map<string, HeldTier>> {
    if (customerIds.length === 0) return new Map();
    const rows = await em.execute<HeldRow[]>(
      `select ${HELD_COLUMNS}
         from vip_membership m join vip_tier t on t.id = m.tier_id
        where m.programme_id = ? and m.customer_id = any(?::uuid[])`,
      [programmeId, `{${customerIds.join(',')}}`],
    );
    return new Map(rows.map((r) => [r.customer_id, held(r)]));
  },

  /** The tiers held in the brands' programmes by many (brand, customer) pairs (the client book): one statement, a Map keyed "brandId:customerId". */
  async tierOfClients(em: EntityManager, pairs: readonly { brandId: string; customerId: string }[]): Promise<Map<string, HeldTier>> {
    if (pairs.length === 0) return new Map();
    const rows = await em.execute<HeldRow[]>(
      `select ${HELD_COLUMNS}
         from vip_membership m join vip_tier t on t.id = m.tier_id
        where (m.brand_id, m.customer_id) in (select * from unnest(?::uuid[], ?::uuid[]))`,
      [pgArray(pairs.map((p) => p.brandId)), pgArray(pairs.map((p) => p.customerId))],
    );
    return new Map(rows.map((r) => [`${r.brand_id}:${r.customer_id}`, held(r)]));
  },

  /** Sets a member's tier (null: out of the programme) for a MANUAL change or an approved INVITATION; kept until the end of the next period. */
  async changeTier(
    tx: EntityManager,
    input: { programme: Programme; customerId: string; tier: Tier | null; reason: TierChangeReason.MANUAL | TierChangeReason.INVITATION; actor: string; note?: string | null; now?: Date },
  ): Promise<Membership> {
    const now = input.now ?? new Date();
    const { programme } = input;
    let m = await lockMembership(tx, programme.id, input.customerId);
    if (!m) {
      m = tx.create(Membership, { id: uuidv7(), brandId: programme.brandId ?? null, programmeId: programme.id, customerId: input.customerId, tierId: null, since: now, retainedUntil: now, qualifyingSpend: 0 });
    }
    recordChange(tx, m, input.tier, input.reason, input.actor, now, input.note);
    m.retainedUntil = retentionEnd(programme.qualification, now);
    await tx.flush();
    return m;
  },

  async evaluate(tx: EntityManager, programmeId: string, customerId: string, now = new Date()) {
    const programme = await tx.findOneOrFail(Programme, programmeId);
    return evaluateMember(tx, programme, customerId, now);
  },
};

/**
 * The nightly recompute (`npm run vip:recompute`, graphile-worker cron task `vip_recompute`): converts
 * spend recorded before its exchange rate was configured, then evaluates every member and every customer
 * with spend at `now` (retention expiry downgrades, upgrades, cached spend), `batchSize` members per
 * transaction. Returns how many were evaluated.
 */
export async function recomputeAll(em: EntityManager, now = new Date(), progress?: (done: number, total: number) => void, batchSize = 200): Promise<number> {
  const unconverted = await em.find(QualifyingSpend, { rate: null });
  for (const row of unconverted) {
    const programme = await em.findOneOrFail(Programme, row.programmeId);
    const rate = await rateAt(em, row.currency, programme.currency, row.occurredAt);
    if (rate === null) continue;
    await em.nativeUpdate(QualifyingSpend, { id: row.id, rate: null }, { rate, amountInProgrammeCurrency: convertMinor(row.amount, row.currency, programme.currency, rate) });
  }
  const pairs = await em.execute<{ programme_id: string; customer_id: string }[]>(
    `select programme_id, customer_id from vip_membership union select programme_id, customer_id from vip_qualifying_spend order by 1, 2`,
  );
  progress?.(0, pairs.length);
  for (let i = 0; i < pairs.length; i += batchSize) {
    const batch = pairs.slice(i, i + batchSize);
    await em.fork().transactional(async (tx) => {
      const programmes = new Map((await tx.find(Programme, { id: { $in: [...new Set(batch.map((p) => p.programme_id))] } })).map((p) => [p.id, p]));
      const ladders = new Map<string, Tier[]>();
      for (const pair of batch) {
        const programme = programmes.get(pair.programme_id);
        if (!programme?.active) continue;
        if (!ladders.has(programme.id)) ladders.set(programme.id, await tx.find(Tier, { programmeId: programme.id }, { orderBy: { rank: 'asc' } }));
        await evaluateMember(tx, programme, pair.customer_id, now, ladders.get(programme.id));
      }
    });
    progress?.(Math.min(i + batchSize, pairs.length), pairs.length);
  }
  return pairs.length;
}

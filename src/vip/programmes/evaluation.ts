import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { v7 as uuidv7 } from 'uuid';
import { Membership, type Programme, Tier, TierChange, TierChangeReason } from './entities.js';
import { nextPeriodEnd, periodEndingAt, retentionEnd, spendWindow } from './periods.js';

/**
 * The tier rules, applied to one (programme, customer) at a given `now` (tests pass their own):
 * 1. Retention: while the membership's `retainedUntil` has passed, the tier is kept for one more period
 *    if the spend of the period just ended still meets its threshold; otherwise it drops one tier
 *    (RETENTION_EXPIRED), and that lower tier is held for the next period. So at most one tier per period.
 * 2. Spend: the qualifying spend of the current window earns the highest tier whose threshold it meets,
 *    invite-only tiers excepted (spend never reaches them). A higher tier than the current one is an
 *    upgrade (SPEND), retained until the end of the next period; meeting the current tier's threshold
 *    again renews its retention. Lower spend (refunds included) never downgrades before retention ends.
 * An invite-only tier may carry a threshold: the spend that keeps (never earns) it.
 */
export async function tiersOf(em: EntityManager, programmeId: string): Promise<Tier[]> {
  return em.find(Tier, { programmeId }, { orderBy: { rank: 'asc' } });
}

export async function spendBetween(em: EntityManager, programmeId: string, customerId: string, window: { from: Date; to: Date }): Promise<number> {
  const [row] = await em.execute<{ total: string | null }[]>(
    `select sum(amount_in_programme_currency) as total from vip_qualifying_spend
      where programme_id = ? and customer_id = ? and occurred_at > ? and occurred_at <= ?`,
    [programmeId, customerId, window.from, window.to],
  );
  return Number(row?.total ?? 0);
}

/** The highest tier spend earns: never an invite-only one. */
export function earnedBySpend(tiers: readonly Tier[], spend: number): Tier | null {
  let best: Tier | null = null;
  for (const tier of tiers) if (!tier.inviteOnly && tier.threshold != null && spend >= tier.threshold) best = tier;
  return best;
}

const keeps = (tier: Tier, spend: number) => tier.threshold != null && spend >= tier.threshold;

export function recordChange(em: EntityManager, m: Membership, to: Tier | null, reason: TierChangeReason, actor: string, at: Date, note?: string | null) {
  em.create(TierChange, { brandId: m.brandId ?? null, membershipId: m.id, fromTierId: m.tierId ?? null, toTierId: to?.id ?? null, reason, actor, note: note ?? null, at });
  m.tierId = to?.id ?? null;
  m.since = at;
}

/** Locks the membership row (or returns null): evaluations of one member never interleave. */
export function lockMembership(em: EntityManager, programmeId: string, customerId: string) {
  return em.findOne(Membership, { programmeId, customerId }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
}

/** Applies retention expiry and spend to one member at `now`, inside the caller's transaction. */
export async function evaluateMember(tx: EntityManager, programme: Programme, customerId: string, now: Date, tiers?: Tier[]): Promise<Membership | null> {
  const ladder = tiers ?? (await tiersOf(tx, programme.id));
  const q = programme.qualification;
  const spend = await spendBetween(tx, programme.id, customerId, spendWindow(q, now));
  const earned = earnedBySpend(ladder, spend);
  let m = await lockMembership(tx, programme.id, customerId);
  if (!m) {
    if (!earned) return null;
    m = tx.create(Membership, { id: uuidv7(), brandId: programme.brandId ?? null, programmeId: programme.id, customerId, tierId: null, since: now, retainedUntil: retentionEnd(q, now), qualifyingSpend: spend });
    recordChange(tx, m, earned, TierChangeReason.SPEND, 'system', now);
    await tx.flush();
    return m;
  }
  m.qualifyingSpend = spend;
  let current = ladder.find((t) => t.id === m.tierId) ?? null;
  while (current && m.retainedUntil <= now) {
    const ended = m.retainedUntil;
    if (!keeps(current, await spendBetween(tx, programme.id, customerId, periodEndingAt(q, ended)))) {
      const lower = [...ladder].reverse().find((t) => t.rank < current!.rank) ?? null;
      recordChange(tx, m, lower, TierChangeReason.RETENTION_EXPIRED, 'system', ended);
      current = lower;
    }
    m.retainedUntil = nextPeriodEnd(q, ended);
  }
  if (earned && (!current || earned.rank > current.rank)) {
    recordChange(tx, m, earned, TierChangeReason.SPEND, 'system', now);
    m.retainedUntil = retentionEnd(q, now);
  } else if (current && keeps(current, spend)) {
    const renewed = retentionEnd(q, now);
    if (renewed > m.retainedUntil) m.retainedUntil = renewed;
  }
  await tx.flush();
  return m;
}

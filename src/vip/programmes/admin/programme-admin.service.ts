import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { validate as isUuid } from 'uuid';
import { canonicalLocale } from '../../../catalog/admin/validation.js';
import { isPlatformAdmin } from '../../../shared/auth.js';
import type { Context } from '../../../shared/context.js';
import { tryDecodeGlobalId } from '../../../shared/ids.js';
import { parseDecimal } from '../../../shared/money.js';
import { actorOf, seesBrand, visibleBrandIds, type ServiceCtx } from '../../../shared/scope.js';
import { transaction } from '../../../shared/transaction.js';
import { ExchangeRate, Programme, Tier, TierChangeReason } from '../entities.js';
import { vipService } from '../vip.service.js';
import { VipErrorCode, vipError } from './errors.js';
import type { VipExchangeRateSetInput, VipLocalizedName, VipMembershipSetInput, VipProgrammeCreateInput, VipTierCreateInput, VipTierUpdateInput } from './types.js';
import { membershipView, programmesWithTiers, seesProgramme, tierView } from './views.js';

type Ctx = ServiceCtx & Pick<Context, 'locales'>;
type Rung = { rank: number; threshold?: number | null; inviteOnly: boolean };

/** The uuid of a global id of `type`; anything else is NOT_FOUND on the field (a bad id reveals nothing). */
function uuidOf(globalId: string, type: string, field: string[]): string {
  const decoded = tryDecodeGlobalId(globalId);
  if (decoded?.type !== type || !isUuid(decoded.id)) throw vipError(VipErrorCode.NOT_FOUND, `"${globalId}" is not a ${type} id`, field);
  return decoded.id;
}

function namesOf(items: VipLocalizedName[], field: string[]): Record<string, string> {
  const names: Record<string, string> = {};
  items.forEach((item, i) => {
    const locale = canonicalLocale(item.locale)!;
    if (locale in names) throw vipError(VipErrorCode.INVALID, `The locale "${locale}" is given twice`, [...field, i, 'locale']);
    names[locale] = item.name.trim();
  });
  return names;
}

/** Platform programmes are platform admins' alone; a brand's, its brand admins' (the resolvers admit BRAND_ADMIN and up). */
function assertManages(ctx: ServiceCtx, brandId: string | null | undefined, field: string[]) {
  if (brandId == null ? !isPlatformAdmin(ctx.viewer) : !seesBrand(ctx.viewer, brandId)) {
    throw vipError(VipErrorCode.FORBIDDEN, brandId == null ? 'Only a platform admin manages platform programmes' : 'You do not manage this brand', field);
  }
}

/** A programme the viewer manages, locked so that concurrent tier edits check the ladder one at a time; another brand's reads as missing. */
async function programmeForWrite(ctx: ServiceCtx, tx: EntityManager, id: string, field: string[], what = 'programme'): Promise<Programme> {
  const programme = await tx.findOne(Programme, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!programme || !seesProgramme(ctx.viewer, programme)) throw vipError(VipErrorCode.NOT_FOUND, `No such ${what}`, field);
  assertManages(ctx, programme.brandId, field);
  return programme;
}

function thresholdOf(value: string | null | undefined, programme: Programme): number | null | undefined {
  if (value == null) return value;
  const minor = parseDecimal(value, programme.currency, ['input', 'threshold']);
  if (minor < 0) throw vipError(VipErrorCode.INVALID, 'The threshold cannot be negative', ['input', 'threshold']);
  return minor;
}

/** Tiers reached by spend need a threshold, higher with each rank (invite-only tiers stand outside that ladder). */
function checkLadder(tiers: Rung[]) {
  const bySpend = tiers.filter((t) => !t.inviteOnly).sort((x, y) => x.rank - y.rank);
  if (bySpend.some((t) => t.threshold == null)) throw vipError(VipErrorCode.INVALID, 'A tier reached by spend needs a threshold', ['input', 'threshold']);
  for (let i = 1; i < bySpend.length; i++) {
    if (bySpend[i].threshold! <= bySpend[i - 1].threshold!) {
      throw vipError(VipErrorCode.THRESHOLD_ORDER, `Rank ${bySpend[i].rank} must need more spend than rank ${bySpend[i - 1].rank}`, ['input', 'threshold']);
    }
  }
}

function assertFree(ladder: readonly Tier[], self: string | null, want: { rank?: number; handle?: string }) {
  const others = ladder.filter((t) => t.id !== self);
  if (want.rank !== undefined && others.some((t) => t.rank === want.rank)) throw vipError(VipErrorCode.TAKEN, `Rank ${want.rank} is taken in this programme`, ['input', 'rank']);
  if (want.handle !== undefined && others.some((t) => t.handle === want.handle)) throw vipError(VipErrorCode.TAKEN, `The handle "${want.handle}" is taken in this programme`, ['input', 'handle']);
}

const RATE = /^\d{1,10}(\.\d{1,10})?$/;

/**
 * The VIP Admin API: programmes, tiers, exchange rates and manual tier changes. Each write is one
 * transaction; a refusal is a VipUserError and writes nothing. Tier changes go through vipService.changeTier.
 */
export const programmeAdmin = {
  async programmes(ctx: Ctx, brandGlobalId?: string | null) {
    const visible = visibleBrandIds(ctx.viewer);
    if (brandGlobalId) {
      const decoded = tryDecodeGlobalId(brandGlobalId);
      if (decoded?.type !== 'Brand' || !isUuid(decoded.id) || !seesBrand(ctx.viewer, decoded.id)) return [];
      return programmesWithTiers(ctx.em, await ctx.em.find(Programme, { brandId: decoded.id }, { orderBy: { handle: 'asc' } }), ctx.locales);
    }
    const where = visible ? { $or: [{ brandId: null }, { brandId: { $in: visible } }] } : {};
    return programmesWithTiers(ctx.em, await ctx.em.find(Programme, where, { orderBy: { brandId: 'asc nulls first', handle: 'asc' } }), ctx.locales);
  },

  async programmeNode(ctx: Context, id: string) {
    const programme = ctx.viewer.kind === 'staff' ? await ctx.em.findOne(Programme, { id }) : null;
    if (!programme || !seesProgramme(ctx.viewer, programme)) return null;
    return (await programmesWithTiers(ctx.em, [programme], ctx.locales))[0];
  },

  async tierNode(ctx: Context, id: string) {
    const tier = ctx.viewer.kind === 'staff' ? await ctx.em.findOne(Tier, { id }) : null;
    const programme = tier && (await ctx.em.findOne(Programme, { id: tier.programmeId }));
    if (!tier || !programme || !seesProgramme(ctx.viewer, programme)) return null;
    return tierView(tier, programme, ctx.locales);
  },

  async programmeCreate(ctx: Ctx, input: VipProgrammeCreateInput) {
    const brandField = ['input', 'brandId'];
    const brandId = input.brandId ? uuidOf(input.brandId, 'Brand', brandField) : null;
    assertManages(ctx, brandId, brandField);
    const names = namesOf(input.names, ['input', 'names']);
    return transaction(ctx, async (tx) => {
      if (brandId && !(await tx.execute('select 1 from brand where id = ?', [brandId])).length) throw vipError(VipErrorCode.NOT_FOUND, 'No such brand', brandField);
      if (await tx.count(Programme, { brandId, handle: input.handle })) throw vipError(VipErrorCode.TAKEN, `The handle "${input.handle}" is taken`, ['input', 'handle']);
      const programme = tx.create(Programme, { brandId, handle: input.handle, names, currency: input.currency, qualification: input.qualification });
      await tx.flush();
      return { programme: (await programmesWithTiers(tx, [programme], ctx.locales))[0] };
    });
  },

  async tierCreate(ctx: Ctx, input: VipTierCreateInput) {
    const names = namesOf(input.names, ['input', 'names']);
    return transaction(ctx, async (tx) => {
      const programme = await programmeForWrite(ctx, tx, uuidOf(input.programmeId, 'VipProgramme', ['input', 'programmeId']), ['input', 'programmeId']);
      const ladder = await tx.find(Tier, { programmeId: programme.id });
      assertFree(ladder, null, { rank: input.rank, handle: input.handle });
      const threshold = thresholdOf(input.threshold, programme) ?? null;
      checkLadder([...ladder, { rank: input.rank, threshold, inviteOnly: input.inviteOnly }]);
      const tier = tx.create(Tier, {
        brandId: programme.brandId ?? null, programmeId: programme.id, rank: input.rank, handle: input.handle, names,
        threshold, inviteOnly: input.inviteOnly, perks: { ...input.perks, freeServices: [...new Set(input.perks.freeServices)], drawWeight: input.perks.drawWeight ?? 1 },
      });
      await tx.flush();
      return { tier: tierView(tier, programme, ctx.locales) };
    });
  },

  async tierUpdate(ctx: Ctx, input: VipTierUpdateInput) {
    const idField = ['input', 'id'];
    const id = uuidOf(input.id, 'VipTier', idField);
    const names = input.names && namesOf(input.names, ['input', 'names']);
    return transaction(ctx, async (tx) => {
      const found = await tx.findOne(Tier, { id });
      if (!found) throw vipError(VipErrorCode.NOT_FOUND, 'No such tier', idField);
      const programme = await programmeForWrite(ctx, tx, found.programmeId, idField, 'tier');
      const ladder = await tx.find(Tier, { programmeId: programme.id });
      const tier = ladder.find((t) => t.id === id)!;
      assertFree(ladder, tier.id, { rank: input.rank, handle: input.handle });
      if (input.handle !== undefined) tier.handle = input.handle;
      if (names) tier.names = { ...tier.names, ...names };
      if (input.rank !== undefined) tier.rank = input.rank;
      if (input.threshold !== undefined) tier.threshold = thresholdOf(input.threshold, programme) ?? null;
      if (input.inviteOnly != null) tier.inviteOnly = input.inviteOnly;
      if (input.perks) tier.perks = { ...input.perks, freeServices: [...new Set(input.perks.freeServices)], drawWeight: input.perks.drawWeight ?? 1 };
      checkLadder(ladder);
      await tx.flush();
      return { tier: tierView(tier, programme, ctx.locales) };
    });
  },

  async exchangeRateSet(ctx: Ctx, input: VipExchangeRateSetInput) {
    if (input.from === input.to) throw vipError(VipErrorCode.INVALID, 'A rate converts between two different currencies', ['input', 'to']);
    if (!RATE.test(input.rate) || !/[1-9]/.test(input.rate)) throw vipError(VipErrorCode.INVALID, 'The rate must be positive, with at most 10 digits before and after the point', ['input', 'rate']);
    const validFrom = input.validFrom ?? new Date();
    return transaction(ctx, async (tx) => {
      if (await tx.count(ExchangeRate, { from: input.from, to: input.to, validFrom })) {
        throw vipError(VipErrorCode.TAKEN, `A ${input.from}/${input.to} rate already starts then`, ['input', 'validFrom']);
      }
      const rate = tx.create(ExchangeRate, { from: input.from, to: input.to, rate: input.rate, validFrom });
      await tx.flush();
      return { exchangeRate: { from: rate.from, to: rate.to, rate: input.rate, validFrom } };
    });
  },

  async membershipSet(ctx: Ctx, input: VipMembershipSetInput) {
    const customerField = ['input', 'customerId'];
    const customerId = uuidOf(input.customerId, 'Customer', customerField);
    const reason = input.reason.trim();
    if (!reason) throw vipError(VipErrorCode.INVALID, 'Give the reason for the change', ['input', 'reason']);
    return transaction(ctx, async (tx) => {
      const programme = await programmeForWrite(ctx, tx, uuidOf(input.programmeId, 'VipProgramme', ['input', 'programmeId']), ['input', 'programmeId']);
      if (!(await tx.execute('select 1 from customer where id = ?', [customerId])).length) throw vipError(VipErrorCode.NOT_FOUND, 'No such customer', customerField);
      const tierField = ['input', 'tierId'];
      const tier = input.tierId ? await tx.findOne(Tier, { id: uuidOf(input.tierId, 'VipTier', tierField), programmeId: programme.id }) : null;
      if (input.tierId && !tier) throw vipError(VipErrorCode.NOT_FOUND, 'No such tier in this programme', tierField);
      const membership = await vipService.changeTier(tx, { programme, customerId, tier, reason: TierChangeReason.MANUAL, actor: actorOf(ctx.viewer), note: reason });
      return { membership: membershipView(membership, programme, tier, ctx.locales) };
    });
  },
};

import type { EntityManager } from '@mikro-orm/postgresql';
import { pickText } from '../../../catalog/i18n.js';
import type { Viewer } from '../../../shared/context.js';
import { toGlobalId } from '../../../shared/ids.js';
import { Money } from '../../../shared/money.js';
import { seesBrand } from '../../../shared/scope.js';
import { type Membership, perksWithDefaults, Programme, Tier } from '../entities.js';
import { VipMembershipView, VipProgrammeView, VipTierView } from './types.js';

const nameIn = (names: Record<string, string>, locales: string[]) => pickText(names, locales) ?? Object.values(names)[0] ?? '';
const nameList = (names: Record<string, string>) => Object.entries(names).map(([locale, name]) => ({ locale, name }));

export function tierView(t: Tier, programme: Pick<Programme, 'currency'>, locales: string[]): VipTierView {
  return Object.assign(new VipTierView(), {
    id: toGlobalId('VipTier', t.id), programmeId: toGlobalId('VipProgramme', t.programmeId), handle: t.handle,
    name: nameIn(t.names, locales), names: nameList(t.names), rank: t.rank, inviteOnly: t.inviteOnly, perks: perksWithDefaults(t.perks),
    threshold: t.threshold == null ? null : Money.of(t.threshold, programme.currency),
  });
}

export function programmeView(p: Programme, tiers: readonly Tier[], locales: string[]): VipProgrammeView {
  return Object.assign(new VipProgrammeView(), {
    id: toGlobalId('VipProgramme', p.id), brandId: p.brandId ? toGlobalId('Brand', p.brandId) : null, handle: p.handle,
    name: nameIn(p.names, locales), names: nameList(p.names), currency: p.currency, qualification: p.qualification, active: p.active,
    tiers: tiers.filter((t) => t.programmeId === p.id).sort((x, y) => x.rank - y.rank).map((t) => tierView(t, p, locales)),
  });
}

export function membershipView(m: Membership, programme: Programme, tier: Tier | null, locales: string[]): VipMembershipView {
  return Object.assign(new VipMembershipView(), {
    programmeId: toGlobalId('VipProgramme', m.programmeId), customerId: toGlobalId('Customer', m.customerId),
    tier: tier && tierView(tier, programme, locales), since: m.since, retainedUntil: m.retainedUntil,
  });
}

/** Staff see their brands' programmes and the platform's (which spend on any brand counts for); API keys see none. */
export const seesProgramme = (viewer: Viewer, p: Pick<Programme, 'brandId'>) => viewer.kind === 'staff' && (p.brandId == null || seesBrand(viewer, p.brandId));

/** Programmes with their tiers: two statements whatever their number. */
export async function programmesWithTiers(em: EntityManager, programmes: Programme[], locales: string[]): Promise<VipProgrammeView[]> {
  if (!programmes.length) return [];
  const tiers = await em.find(Tier, { programmeId: { $in: programmes.map((p) => p.id) } });
  return programmes.map((p) => programmeView(p, tiers, locales));
}

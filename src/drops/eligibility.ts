import type { EntityManager } from '@mikro-orm/postgresql';
import { vipService } from '../vip/programmes/vip.service.js';
import type { DropTerms } from './entities.js';
import { DropErrorCode } from './errors.js';

const HOUR = 3_600_000;

export interface Eligibility {
  eligible: boolean;
  /** A DropErrorCode when not eligible now. */
  reason: string | null;
  /** When the drop opens for this customer: earlyAccessHours of their best perks before the public. */
  opensAt: Date;
  remainingLimit: number;
}

/**
 * Whether a customer (null: anonymous) may reserve now: tier restriction, early access from VIP perks,
 * end, cancellation. `decisionOnly` (reserving, entering) skips reading the perks when they cannot
 * change the answer (public phase of a drop open to every tier); `opensAt` is then the public opening.
 */
export async function eligibilityOf(em: EntityManager, drop: DropTerms, customerId: string | null, held: number, options: { now?: Date; decisionOnly?: boolean } = {}): Promise<Eligibility> {
  const now = options.now ?? new Date();
  const remainingLimit = Math.max(0, drop.perCustomerLimit - held);
  const perksMatter = !options.decisionOnly || drop.tierRestricted || now < drop.publicOpensAt;
  const perks = customerId && perksMatter ? (await vipService.perksFor(em, customerId, drop.brandId)).perks : null;
  const opensAt = new Date(drop.publicOpensAt.getTime() - (perks?.earlyAccessHours ?? 0) * HOUR);
  const refuse = (reason: string) => ({ eligible: false, reason, opensAt, remainingLimit });
  if (drop.cancelledAt || now >= drop.endsAt) return refuse(DropErrorCode.ENDED);
  if (!customerId) return refuse(DropErrorCode.NOT_ELIGIBLE);
  if (drop.tierRestricted && !perks?.tierRestrictedAccess) return refuse(DropErrorCode.NOT_ELIGIBLE);
  if (now < opensAt) return refuse(DropErrorCode.NOT_OPEN_YET);
  if (remainingLimit === 0) return refuse(DropErrorCode.LIMIT_EXCEEDED);
  return { eligible: true, reason: null, opensAt, remainingLimit };
}

export const eligibilityMessages: Record<string, (e: Eligibility) => string> = {
  [DropErrorCode.ENDED]: () => 'The drop has ended',
  [DropErrorCode.NOT_ELIGIBLE]: () => 'This drop is reserved to signed-in customers of the tiers it names',
  [DropErrorCode.NOT_OPEN_YET]: (e) => `The drop opens for you at ${e.opensAt.toISOString()}`,
  [DropErrorCode.LIMIT_EXCEEDED]: () => 'You already hold the most units of this drop a customer may have',
};

import type { EntityManager } from '@mikro-orm/postgresql';
import { subscribe, type OutboxEvent } from '../../shared/outbox.js';
import { Programme, Tier, TierChange, TierChangeReason } from './entities.js';
import { vipService } from './vip.service.js';

export const VIP_INVITATION_SUBSCRIBER = { name: 'vip.invitations', topics: ['tier_invitation.approve'] };

/**
 * Gives the invite-only tier of an approved invitation (src/vip/concierge publishes `tier_invitation.approve`
 * with { id, actor }; the invitation row names programme, tier and customer): reason INVITATION, actor the
 * approving brand admin. The change's note names the invitation, so a redelivered event gives nothing twice.
 */
export async function applyInvitations(tx: EntityManager, events: readonly OutboxEvent[]): Promise<void> {
  for (const event of events) {
    const { id, actor } = event.payload as { id: string; actor: string };
    const note = `tier_invitation ${id}`;
    if (await tx.count(TierChange, { reason: TierChangeReason.INVITATION, note })) continue;
    const [invitation] = await tx.execute<{ programme_id: string; tier_id: string; customer_id: string }[]>(
      'select programme_id, tier_id, customer_id from tier_invitation where id = ?',
      [id],
    );
    const programme = invitation && (await tx.findOne(Programme, invitation.programme_id));
    const tier = invitation && (await tx.findOne(Tier, { id: invitation.tier_id, programmeId: invitation.programme_id }));
    if (!programme || !tier) continue;
    await vipService.changeTier(tx, { programme, customerId: invitation.customer_id, tier, reason: TierChangeReason.INVITATION, actor, note });
  }
}

export function subscribeVipInvitations(): () => void {
  return subscribe(VIP_INVITATION_SUBSCRIBER, (events, tx) => applyInvitations(tx, events));
}

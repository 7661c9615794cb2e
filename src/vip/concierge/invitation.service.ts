import { Tier, Programme } from '../programmes/entities.js';
import type { Context } from '../../shared/context.js';
import { toGlobalId } from '../../shared/ids.js';
import { actorOf, seesBrand, type ServiceCtx } from '../../shared/scope.js';
import { apply } from '../../shared/state-machine.js';
import { transaction } from '../../shared/transaction.js';
import { DomainError } from '../../shared/user-errors.js';
import { clientInScope, notFound, uuidOf } from './access.js';
import { InvitationStatus, TierInvitation } from './entities.js';
import { ConciergeErrorCode } from './errors.js';
import { invitationLifecycle } from './lifecycles.js';

export const invitationView = (i: TierInvitation) => ({
  id: toGlobalId('TierInvitation', i.id), clientId: toGlobalId('Client', i.clientId), tierId: toGlobalId('VipTier', i.tierId),
  status: i.status, reason: i.reason ?? null, nominatedBy: i.nominatedBy, decidedBy: i.decidedBy ?? null, createdAt: i.createdAt,
});

/**
 * Nominations for invite-only tiers. A concierge or brand admin nominates; a brand admin approves or
 * declines. Approval is the `tier_invitation.approve` outbox event (payload: id, actor; the invitation
 * row names programme, tier and customer): the programmes service gives the tier from it with reason
 * INVITATION, so tier changes stay in one place.
 */
export const invitationService = {
  invite(ctx: ServiceCtx, input: { clientId: string; tierId: string; reason?: string }) {
    return transaction(ctx, async (tx) => {
      const client = await clientInScope(ctx, tx, input.clientId);
      const field = ['input', 'tierId'];
      const tier = await tx.findOne(Tier, { id: uuidOf(input.tierId, 'VipTier', field) });
      const programme = tier && (await tx.findOne(Programme, { id: tier.programmeId }));
      if (!tier || !programme || programme.brandId !== client.brandId) throw notFound(field, "tier of the client's brand programme");
      if (!tier.inviteOnly) throw new DomainError(ConciergeErrorCode.NOT_INVITE_ONLY, 'This tier is reached by spend, not by invitation', field);
      const pending = await tx.count(TierInvitation, { clientId: client.id, tierId: tier.id, status: InvitationStatus.PENDING });
      if (pending) throw new DomainError(ConciergeErrorCode.ALREADY_INVITED, 'The client already has a pending invitation to this tier', field);
      const invitation = tx.create(TierInvitation, {
        clientId: client.id, brandId: client.brandId, customerId: client.customerId, programmeId: programme.id, tierId: tier.id,
        status: InvitationStatus.PENDING, nominatedBy: actorOf(ctx.viewer), reason: input.reason?.trim() || null,
      });
      return { invitation: invitationView(invitation) };
    });
  },

  decide(ctx: ServiceCtx, input: { id: string }, event: 'approve' | 'decline') {
    return transaction(ctx, async (tx) => {
      const field = ['input', 'id'];
      const invitation = await tx.findOne(TierInvitation, { id: uuidOf(input.id, 'TierInvitation', field) });
      if (!invitation || !seesBrand(ctx.viewer, invitation.brandId)) throw notFound(field, 'invitation');
      const actor = actorOf(ctx.viewer);
      const move = await apply(tx, invitationLifecycle, {
        table: 'tier_invitation', id: invitation.id, event, actor, expectedFrom: invitation.status, field,
        payload: { customerId: invitation.customerId, programmeId: invitation.programmeId, tierId: invitation.tierId, brandId: invitation.brandId },
      });
      invitation.status = move.to;
      invitation.decidedBy = actor;
      return { invitation: invitationView(invitation) };
    });
  },

  forClient: (ctx: Context, clientId: string) =>
    ctx.em.find(TierInvitation, { clientId }, { orderBy: { id: 'desc' } }).then((rows) => rows.map(invitationView)),
};

import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../../shared/context.js';
import { payload } from '../../shared/user-errors.js';
import { BrandAdminAccess, ConciergeAccess } from './access.js';
import { appointmentService } from './appointment.service.js';
import { clientService } from './client.service.js';
import { holdService } from './hold.service.js';
import { invitationService } from './invitation.service.js';
import { remoteSelling } from './remote-selling.service.js';
import {
  AppointmentCancelInput, AppointmentCancelPayload, AppointmentCreateInput, AppointmentCreatePayload, ClientAssignInput, ClientAssignPayload,
  ClientCartCreateInput, ClientCartCreatePayload, ClientNoteAddInput, ClientNoteAddPayload, ClientPreferencesUpdateInput, ClientPreferencesUpdatePayload,
  HoldCreateInput, HoldCreatePayload, HoldReleaseInput, HoldReleasePayload, TierInvitationApprovePayload, TierInvitationDeclinePayload,
  TierInvitationDecideInput, TierInviteInput, TierInvitePayload,
} from './types.js';

/** Concierge mutations: thin, one service call each; refusals are ConciergeUserErrors and write nothing. */
@Resolver()
export class ConciergeMutationResolver {
  @Mutation(() => ClientNoteAddPayload) @ConciergeAccess()
  clientNoteAdd(@Arg('input') input: ClientNoteAddInput, @Ctx() ctx: Context) {
    return payload(input, () => clientService.noteAdd(ctx, input));
  }

  @Mutation(() => ClientPreferencesUpdatePayload) @ConciergeAccess()
  clientPreferencesUpdate(@Arg('input') input: ClientPreferencesUpdateInput, @Ctx() ctx: Context) {
    return payload(input, () => clientService.preferencesUpdate(ctx, input));
  }

  @Mutation(() => ClientAssignPayload, { description: "Assigns the client to a concierge (or brand admin) of the client's brand." }) @ConciergeAccess()
  clientAssign(@Arg('input') input: ClientAssignInput, @Ctx() ctx: Context) {
    return payload(input, () => clientService.assign(ctx, input));
  }

  @Mutation(() => TierInvitePayload, { description: 'Nominates the client for an invite-only tier: a PENDING invitation a brand admin decides.' }) @ConciergeAccess()
  tierInvite(@Arg('input') input: TierInviteInput, @Ctx() ctx: Context) {
    return payload(input, () => invitationService.invite(ctx, input));
  }

  @Mutation(() => TierInvitationApprovePayload, { description: 'Brand admins: approves; the programmes service then gives the tier (reason INVITATION).' }) @BrandAdminAccess()
  tierInvitationApprove(@Arg('input') input: TierInvitationDecideInput, @Ctx() ctx: Context) {
    return payload(input, () => invitationService.decide(ctx, input, 'approve'));
  }

  @Mutation(() => TierInvitationDeclinePayload) @BrandAdminAccess()
  tierInvitationDecline(@Arg('input') input: TierInvitationDecideInput, @Ctx() ctx: Context) {
    return payload(input, () => invitationService.decide(ctx, input, 'decline'));
  }

  @Mutation(() => AppointmentCreatePayload, { description: 'A private appointment at a boutique; a staff member is never double-booked.' }) @ConciergeAccess()
  appointmentCreate(@Arg('input') input: AppointmentCreateInput, @Ctx() ctx: Context) {
    return payload(input, () => appointmentService.create(ctx, input));
  }

  @Mutation(() => AppointmentCancelPayload) @ConciergeAccess()
  appointmentCancel(@Arg('input') input: AppointmentCancelInput, @Ctx() ctx: Context) {
    return payload(input, () => appointmentService.cancel(ctx, input));
  }

  @Mutation(() => HoldCreatePayload, { description: 'Reserves units for the client until expiresAt; the job queue gives them back then.' }) @ConciergeAccess()
  holdCreate(@Arg('input') input: HoldCreateInput, @Ctx() ctx: Context) {
    return payload(input, () => holdService.create(ctx, input));
  }

  @Mutation(() => HoldReleasePayload) @ConciergeAccess()
  holdRelease(@Arg('input') input: HoldReleaseInput, @Ctx() ctx: Context) {
    return payload(input, () => holdService.release(ctx, input));
  }

  @Mutation(() => ClientCartCreatePayload, { description: 'Prepares a cart for the client (held units included) and returns the link they check out with.' }) @ConciergeAccess()
  clientCartCreate(@Arg('input') input: ClientCartCreateInput, @Ctx() ctx: Context) {
    return payload(input, () => remoteSelling.create(ctx, input));
  }
}

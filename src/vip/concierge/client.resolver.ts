import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { StaffUser } from '../../access/entities/staff-user.entity.js';
import { Order } from '../../commerce/orders/entities.js';
import type { Context } from '../../shared/context.js';
import { byKey } from '../../shared/loaders.js';
import { ConnectionArgs } from '../../shared/pagination.js';
import { BrandAdminAccess, ConciergeAccess } from './access.js';
import { appointmentService } from './appointment.service.js';
import { clientService } from './client.service.js';
import { holdService } from './hold.service.js';
import { invitationService } from './invitation.service.js';
import { ClientTier, ClientTierChange, clientTiers } from './tiers.js';
import {
  AppointmentView, ClientAccessLogConnection, ClientConnection, ClientFilter, ClientHoldView, ClientNoteView, ClientView, TierInvitationView,
} from './types.js';

/** The client book and 360 view (Admin API): concierges and brand admins of the client's brand. */
@Resolver(() => ClientView)
export class ClientResolver {
  @Query(() => ClientConnection, { description: "Your brands' client book, oldest client first, with tier, 12-month spend, last purchase and assigned concierge." })
  @ConciergeAccess()
  clients(@Args() args: ConnectionArgs, @Ctx() ctx: Context, @Arg('filter', () => ClientFilter, { nullable: true }) filter?: ClientFilter) {
    return clientService.list(ctx, filter, args);
  }

  @Query(() => ClientView, { nullable: true, description: "A client's 360 view, or null. Every read is recorded in the client access log." })
  @ConciergeAccess()
  client(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return clientService.get(ctx, id);
  }

  @Query(() => ClientAccessLogConnection, { description: "Reads of your brands' clients' 360 views, newest first (brand admins)." })
  @BrandAdminAccess()
  clientAccessLog(@Args() args: ConnectionArgs, @Ctx() ctx: Context, @Arg('clientId', () => ID, { nullable: true }) clientId?: string) {
    return clientService.accessLog(ctx, clientId, args);
  }

  @FieldResolver(() => StaffUser, { nullable: true, description: 'The concierge assigned to the client.' })
  assignedTo(@Root() client: ClientView, @Ctx() ctx: Context) {
    if (!client.assignedStaffId) return null;
    return ctx.loaders
      .get<string, StaffUser | null>('concierge.staff', async (ids) => byKey(ids, await ctx.em.find(StaffUser, { id: { $in: [...ids] } }), (s) => s.id))
      .load(client.assignedStaffId);
  }

  @FieldResolver(() => ClientTier, { nullable: true, description: "The tier in the brand's VIP programme." })
  tier(@Root() client: ClientView, @Ctx() ctx: Context) {
    return clientTiers.tierOf(ctx, client.brandId, client.customerUuid);
  }

  @FieldResolver(() => [ClientTierChange], { description: "Tier changes in the brand's programme, newest first." })
  tierHistory(@Root() client: ClientView, @Ctx() ctx: Context) {
    return clientTiers.history(ctx, client.brandId, client.customerUuid);
  }

  @FieldResolver(() => [Order], { description: 'The 50 latest orders with a line of this brand.' })
  orders(@Root() client: ClientView, @Ctx() ctx: Context) {
    return ctx.em.find(Order, { customerId: client.customerUuid, brandIds: { $contains: [client.brandId] } }, { orderBy: { id: 'desc' }, limit: 50 });
  }

  @FieldResolver(() => [ClientNoteView], { description: 'Newest first.' })
  notes(@Root() client: ClientView, @Ctx() ctx: Context) {
    return clientService.notes(ctx, client.clientId);
  }

  @FieldResolver(() => [ClientHoldView], { description: 'Newest first.' })
  holds(@Root() client: ClientView, @Ctx() ctx: Context) {
    return holdService.forClients(ctx, { id: client.clientId });
  }

  @FieldResolver(() => [AppointmentView], { description: 'Latest first.' })
  appointments(@Root() client: ClientView, @Ctx() ctx: Context) {
    return appointmentService.forClient(ctx, client.clientId);
  }

  @FieldResolver(() => [TierInvitationView], { description: 'Newest first.' })
  tierInvitations(@Root() client: ClientView, @Ctx() ctx: Context) {
    return invitationService.forClient(ctx, client.clientId);
  }
}

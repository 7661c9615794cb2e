import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { Customer } from '../../commerce/customers/customer.entity.js';
import type { Requirement } from '../../shared/auth.js';
import type { Context } from '../../shared/context.js';
import { StaffRole } from '../../shared/roles.js';
import { payload } from '../../shared/user-errors.js';
import { DropView } from '../types.js';
import { drawService } from './draw.service.js';
import { DrawOpenInput, DrawPayload, DrawRunInput, DropDrawView, DropEnterInput, DropEnterPayload, DropEntryView } from './types.js';

/** `Drop.draw` in both APIs: the published data anyone recomputes the draw from. */
@Resolver(() => DropView)
export class DropDrawResolver {
  @FieldResolver(() => DropDrawView, { nullable: true, description: 'The draw (null when the drop has none): commitment, then the revealed seed, entries and winners.' })
  draw(@Root() drop: DropView, @Ctx() ctx: Context) {
    return drawService.published(ctx.em, drop.row.id);
  }
}

@Resolver()
export class DrawStorefrontResolver {
  @Mutation(() => DropEnterPayload, { description: 'Enters the drop\'s draw (one entry per customer; eligibility as for dropReserve).' })
  dropEnter(@Arg('input') input: DropEnterInput, @Ctx() ctx: Context) {
    return payload(input, () => drawService.enter(ctx, input));
  }
}

@Resolver(() => Customer)
export class CustomerDropEntriesResolver {
  @FieldResolver(() => [DropEntryView], { description: 'Draw entries, newest first (the last 100).' })
  dropEntries(@Root() customer: Customer, @Ctx() ctx: Context) {
    return drawService.entriesOf(ctx.em, customer.id);
  }
}

/** Brand admins of the drop's brand and platform admins. */
@Resolver()
export class DrawAdminResolver {
  @Mutation(() => DrawPayload, { description: 'Publishes the commitment sha256(seed) of a new secret seed and opens entries until entriesCloseAt.' })
  @Authorized<Requirement>(StaffRole.BRAND_ADMIN)
  drawOpen(@Arg('input') input: DrawOpenInput, @Ctx() ctx: Context) {
    return payload(input, () => drawService.open(ctx, input));
  }

  @Mutation(() => DrawPayload, { description: 'Closes entries, reveals the seed and ranks every entry; the first `units` win with a purchase deadline.' })
  @Authorized<Requirement>(StaffRole.BRAND_ADMIN)
  drawRun(@Arg('input') input: DrawRunInput, @Ctx() ctx: Context) {
    return payload(input, () => drawService.run(ctx, input));
  }
}

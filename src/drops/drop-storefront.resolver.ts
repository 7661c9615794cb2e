import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root, Int } from 'type-graphql';
import { Product } from '../catalog/entities/product.entity.js';
import { currentStore } from '../catalog/storefront/current-store.js';
import { storefrontCatalog } from '../catalog/storefront/storefront-catalog.js';
import { Customer } from '../commerce/customers/customer.entity.js';
import type { Context } from '../shared/context.js';
import { ConnectionArgs } from '../shared/pagination.js';
import { payload } from '../shared/user-errors.js';
import { eligibilityOf } from './eligibility.js';
import { phasesOf, statusOfView, unitStats } from './drop-read.js';
import { dropStorefront } from './drop-storefront.service.js';
import { reservationCheckout } from './reservation-checkout.service.js';
import { reservationService } from './reservation.service.js';
import { DropConnection, DropEligibility, DropFilter, DropPhases, DropReservationView, DropReserveInputType, DropReservePayload, DropStatus, DropView, ReservationCheckoutInputType, ReservationCheckoutPayload } from './types.js';
import { allocations } from './units.js';

/** Few units left: at most a tenth of the edition (and at least one). */
const lowStockAt = (editionSize: number) => Math.max(1, Math.floor(editionSize / 10));

@Resolver(() => DropView)
export class DropStorefrontResolver {
  @Query(() => DropConnection, { description: 'Published drops released in this store (x-store), soonest public opening first.' })
  drops(@Arg('filter', () => DropFilter, { nullable: true }) filter: DropFilter | null, @Args() args: ConnectionArgs, @Ctx() ctx: Context) {
    return dropStorefront.list(ctx, filter ?? {}, args);
  }

  @Query(() => DropView, { nullable: true, description: 'A published drop by handle (also when released in other stores only: dropReserve then says MARKET_EXCLUDED).' })
  drop(@Arg('handle') handle: string, @Ctx() ctx: Context) {
    return dropStorefront.byHandle(ctx, handle);
  }

  @FieldResolver(() => Product, { nullable: true, description: 'The product as this store shows it; null where it is not on sale in this store.' })
  async product(@Root() drop: DropView, @Ctx() ctx: Context) {
    const [product] = await storefrontCatalog.productsByIds(ctx, [drop.row.productId]);
    return product;
  }

  @FieldResolver(() => Int, { nullable: true, description: 'Units not reserved or sold; null when the drop shows only lowStock.' })
  async unitsLeft(@Root() drop: DropView, @Ctx() ctx: Context) {
    if (!drop.row.showUnitsLeft) return null;
    return (await unitStats(ctx).load(drop.row.editionId)).available;
  }

  @FieldResolver(() => Boolean, { description: 'At most a tenth of the edition is left.' })
  async lowStock(@Root() drop: DropView, @Ctx() ctx: Context): Promise<boolean> {
    const left = (await unitStats(ctx).load(drop.row.editionId)).available;
    return left <= lowStockAt(drop.editionSize);
  }

  @FieldResolver(() => DropPhases) phases(@Root() drop: DropView, @Ctx() ctx: Context) { return phasesOf(ctx, drop.row); }
  @FieldResolver(() => DropStatus) status(@Root() drop: DropView, @Ctx() ctx: Context) { return statusOfView(ctx, drop); }

  @FieldResolver(() => DropEligibility, { description: 'Whether the viewer may reserve now, when the drop opens for them and how many units they may still take.' })
  async viewerEligibility(@Root() drop: DropView, @Ctx() ctx: Context) {
    const customerId = ctx.viewer.kind === 'customer' ? ctx.viewer.customerId : null;
    const held = customerId ? await allocations.countOf(ctx.em, drop.row.id, customerId) : 0;
    const eligibility = await eligibilityOf(ctx.em, drop.row, customerId, held);
    const store = await currentStore(ctx);
    if (eligibility.eligible && !drop.row.storeIds.includes(store.id)) return { ...eligibility, eligible: false, reason: 'MARKET_EXCLUDED' };
    return eligibility;
  }

  @Mutation(() => DropReservePayload, { description: 'Holds units for DROP_RESERVATION_SECONDS (default 600); pay them with reservationCheckout before expiresAt.' })
  dropReserve(@Arg('input') input: DropReserveInputType, @Ctx() ctx: Context) {
    return payload(input, async () => {
      const { reservationId, fresh } = await reservationService.reserve(ctx, input);
      return { reservation: fresh ?? (await dropStorefront.reservation(ctx, reservationId)) };
    });
  }

  @Mutation(() => ReservationCheckoutPayload, { description: "Pays a reservation: the order, its units SOLD with their edition numbers and an authenticity certificate each. On a deposit drop only the deposit is charged; a draw winner's authorized entry deposit is that deposit, and `payment` is then not charged (depositPayBalance takes the rest)." })
  reservationCheckout(@Arg('input') input: ReservationCheckoutInputType, @Ctx() ctx: Context) {
    return payload(input, () => reservationCheckout.complete(ctx, input));
  }
}

/** `customer { reservations }`: added here, on the customers domain's type. */
@Resolver(() => Customer)
export class CustomerReservationsResolver {
  @FieldResolver(() => [DropReservationView], { description: 'Drop reservations, newest first (the last 100).' })
  async reservations(@Root() customer: Customer, @Ctx() ctx: Context) {
    return dropStorefront.reservationsOf(ctx, customer.id);
  }
}

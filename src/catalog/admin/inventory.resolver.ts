import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../../shared/context.js';
import { payload } from '../../shared/user-errors.js';
import { CatalogWrite } from './auth.js';
import { inventoryService } from './inventory.service.js';
import * as I from './types/inventory.types.js';

@Resolver()
export class InventoryAdminResolver {
  @Mutation(() => I.InventoryAdjustPayload, { description: 'Adds or removes units (audited); never below the units reserved.' })
  @CatalogWrite()
  inventoryAdjust(@Arg('input') input: I.InventoryAdjustInput, @Ctx() ctx: Context) {
    return payload(input, () => inventoryService.adjust(ctx, input));
  }

  @Mutation(() => I.InventorySetPayload, { description: 'Sets the counted units on hand (audited with the difference).' })
  @CatalogWrite()
  inventorySet(@Arg('input') input: I.InventorySetInput, @Ctx() ctx: Context) {
    return payload(input, () => inventoryService.set(ctx, input));
  }
}

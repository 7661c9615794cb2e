import { IsBoolean, IsInt, IsOptional, Max, Min } from 'class-validator';
import { Arg, Authorized, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, ObjectType, Resolver, Root } from 'type-graphql';
import { assertStoreAccess } from '../../catalog/admin/scope.js';
import { Store } from '../../catalog/entities/store.entity.js';
import type { Requirement } from '../../shared/auth.js';
import type { Context } from '../../shared/context.js';
import { byKey } from '../../shared/loaders.js';
import { DecimalScalar, Money, parseDecimal } from '../../shared/money.js';
import { payloadType } from '../../shared/payload-type.js';
import { StaffRole } from '../../shared/roles.js';
import { idOf, loadForWrite, type ServiceCtx } from '../../shared/scope.js';
import { transaction } from '../../shared/transaction.js';
import { DomainError, errorCodes, payload, userErrorType } from '../../shared/user-errors.js';
import { StoreCommerceSettings } from './cart.entity.js';

export const CommerceSettingsErrorCode = errorCodes('CommerceSettingsErrorCode', {
  NOT_FOUND: 'No such store within your brands (a store is yours when you work for every brand it carries).',
  INVALID: 'The value is malformed or breaks a rule (see message).',
});
const CommerceSettingsUserError = userErrorType('CommerceSettingsUserError', CommerceSettingsErrorCode);

@ObjectType('StoreCommerceSettings', { simpleResolvers: true, description: "A store's delivery and tax terms (README \"Carts\"); a store without any charges neither." })
export class StoreCommerceSettingsView {
  @Field({ description: 'Prices shown include tax (tax = total - total / (1 + rate)); false: tax is added on top.' }) pricesIncludeTax!: boolean;
  @Field(() => Int, { description: 'Tax rate in basis points: 1300 = 13%.' }) taxRateBasisPoints!: number;
  @Field(() => Money, { description: 'Flat shipping per order; 0 ships free.' }) shippingFlat!: Money;
  @Field(() => Money, { nullable: true, description: 'A subtotal at or above it ships free; null: never free.' }) freeShippingThreshold!: Money | null;
}

@InputType('StoreCommerceSettingsUpdateInput', { description: 'Omitted fields keep their value (a store without terms starts from none).' })
export class StoreCommerceSettingsUpdateInput {
  @Field(() => ID) storeId!: string;
  @Field({ nullable: true }) @IsOptional() @IsBoolean() pricesIncludeTax?: boolean;
  @Field(() => Int, { nullable: true, description: '0..10000 (0% to 100%).' }) @IsOptional() @IsInt() @Min(0) @Max(10_000) taxRateBasisPoints?: number;
  @Field(() => DecimalScalar, { nullable: true, description: "In the store's currency, at least 0." }) @IsOptional() shippingFlat?: string;
  @Field(() => DecimalScalar, { nullable: true, description: "In the store's currency, above 0; null: never free." }) @IsOptional() freeShippingThreshold?: string | null;
}

const StoreCommerceSettingsUpdatePayload = payloadType('StoreCommerceSettingsUpdatePayload', CommerceSettingsUserError, { settings: () => StoreCommerceSettingsView });

const NONE = { pricesIncludeTax: false, taxRateBasisPoints: 0, shippingFlatAmount: 0, freeShippingThreshold: null };

function view(store: Store, s: Pick<StoreCommerceSettings, 'pricesIncludeTax' | 'taxRateBasisPoints' | 'shippingFlatAmount' | 'freeShippingThreshold'>): StoreCommerceSettingsView {
  return {
    pricesIncludeTax: s.pricesIncludeTax, taxRateBasisPoints: s.taxRateBasisPoints, shippingFlat: Money.of(s.shippingFlatAmount, store.currency),
    freeShippingThreshold: s.freeShippingThreshold == null ? null : Money.of(s.freeShippingThreshold, store.currency),
  };
}

/** A non-negative (or, for the threshold, positive) amount of the store's currency in minor units. */
function amountOf(value: string, store: Store, field: string, positive: boolean): number {
  const minor = parseDecimal(value, store.currency, ['input', field]);
  if (positive ? minor <= 0 : minor < 0) throw new DomainError(CommerceSettingsErrorCode.INVALID, `${field} must be ${positive ? 'above' : 'at least'} 0`, ['input', field]);
  return minor;
}

export const commerceSettingsService = {
  /** Upserts the store's terms: you need every brand the store carries (the store-write rule of the catalog). */
  update(ctx: ServiceCtx, input: StoreCommerceSettingsUpdateInput) {
    const id = idOf(input.storeId, 'Store', 'storeId');
    return transaction(ctx, async (tx) => {
      const store = await loadForWrite(tx, Store, { id }, { what: 'store within your brands', field: ['input', 'storeId'], authorize: (s) => assertStoreAccess(tx, ctx.viewer, s.id) });
      const settings = (await tx.findOne(StoreCommerceSettings, { store: store.id })) ?? tx.create(StoreCommerceSettings, { store, ...NONE });
      if (input.pricesIncludeTax != null) settings.pricesIncludeTax = input.pricesIncludeTax;
      if (input.taxRateBasisPoints != null) settings.taxRateBasisPoints = input.taxRateBasisPoints;
      if (input.shippingFlat != null) settings.shippingFlatAmount = amountOf(input.shippingFlat, store, 'shippingFlat', false);
      if (input.freeShippingThreshold !== undefined) {
        settings.freeShippingThreshold = input.freeShippingThreshold === null ? null : amountOf(input.freeShippingThreshold, store, 'freeShippingThreshold', true);
      }
      await tx.flush();
      return { settings: view(store, settings) };
    });
  },

  async of(ctx: Context, store: Store): Promise<StoreCommerceSettingsView> {
    const settings = await ctx.loaders
      .get<string, StoreCommerceSettings | null>('carts.commerceSettings', async (ids) => {
        const rows = await ctx.em.find(StoreCommerceSettings, { store: { $in: [...ids] } });
        return byKey(ids, rows, (r) => r.store.id);
      })
      .load(store.id);
    return view(store, settings ?? NONE);
  },
};

/** Admin: the delivery and tax terms carts and checkout charge, on the catalog's Store type. */
@Resolver(() => Store)
export class StoreCommerceSettingsResolver {
  @FieldResolver(() => StoreCommerceSettingsView, { description: 'Delivery and tax terms carts and checkout charge in this store.' })
  commerceSettings(@Root() store: Store, @Ctx() ctx: Context) {
    return commerceSettingsService.of(ctx, store);
  }

  @Mutation(() => StoreCommerceSettingsUpdatePayload, { description: "Sets a store's delivery and tax terms: you need every brand the store carries." })
  @Authorized<Requirement>(StaffRole.BRAND_ADMIN)
  storeCommerceSettingsUpdate(@Arg('input') input: StoreCommerceSettingsUpdateInput, @Ctx() ctx: Context) {
    return payload(input, () => commerceSettingsService.update(ctx, input));
  }
}

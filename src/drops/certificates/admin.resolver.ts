import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { Requirement } from '../../shared/auth.js';
import type { Context } from '../../shared/context.js';
import { StaffRole } from '../../shared/roles.js';
import { payload } from '../../shared/user-errors.js';
import { signingKeyService } from './signing-key.service.js';
import { BrandSigningKeyRotateInput, BrandSigningKeyRotatePayload, BrandSigningKeyView } from './types.js';

/** Brand admins of the brand and platform admins; concierges and API keys do not reach signing keys. */
@Resolver()
export class CertificateAdminResolver {
  @Query(() => [BrandSigningKeyView], { description: "The brand's signing keys, newest first (public parts only); another brand's: none." })
  @Authorized<Requirement>(StaffRole.BRAND_ADMIN)
  brandSigningKeys(@Arg('brandId', () => ID) brandId: string, @Ctx() ctx: Context) {
    return signingKeyService.brandKeys(ctx, brandId);
  }

  @Mutation(() => BrandSigningKeyRotatePayload, { description: 'A new Ed25519 key signs new certificates; the previous one is retired and still verifies those it signed.' })
  @Authorized<Requirement>(StaffRole.BRAND_ADMIN)
  brandSigningKeyRotate(@Arg('input') input: BrandSigningKeyRotateInput, @Ctx() ctx: Context) {
    return payload(input, () => signingKeyService.rotate(ctx, input));
  }
}

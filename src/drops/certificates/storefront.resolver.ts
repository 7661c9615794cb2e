import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { Product } from '../../catalog/entities/product.entity.js';
import { storefrontCatalog } from '../../catalog/storefront/storefront-catalog.js';
import { Customer } from '../../commerce/customers/customer.entity.js';
import type { Context } from '../../shared/context.js';
import { limitRequest } from '../../shared/rate-limit.js';
import { certificateService } from './certificate.service.js';
import { signingKeyService } from './signing-key.service.js';
import { AuthenticityCertificate, AuthenticityCheck, BrandPublicKey } from './types.js';

/** The product as the current store shows it; null without a store or when it is not visible there. */
async function visibleProduct(ctx: Context, productId: string | null) {
  if (!productId || !ctx.storeHandle) return null;
  return (await storefrontCatalog.productsByIds(ctx, [productId]))[0];
}

@Resolver(() => AuthenticityCheck)
export class AuthenticityResolver {
  @Query(() => AuthenticityCheck, {
    description: 'Checks a certificate serial (counted); unknown or tampered: valid false. At most VERIFY_AUTHENTICITY_PER_MINUTE checks a minute per client address (THROTTLED, HTTP 429, not counted).',
  })
  async verifyAuthenticity(@Arg('serial') serial: string, @Ctx() ctx: Context) {
    await limitRequest(ctx.app, 'verify_authenticity', ctx.clientIp ?? 'unknown', ctx.app.config.VERIFY_AUTHENTICITY_PER_MINUTE);
    return certificateService.verify(ctx.em, serial);
  }

  @Query(() => [BrandPublicKey], { description: "Every key a brand signs or signed certificates with, newest first: verify offline (README \"Authenticity\")." })
  brandPublicKeys(@Arg('brandHandle') brandHandle: string, @Ctx() ctx: Context) {
    return signingKeyService.publicKeys(ctx.em, brandHandle);
  }

  @FieldResolver(() => Product, { nullable: true, description: 'The product, when the current store shows it.' })
  product(@Root() check: AuthenticityCheck, @Ctx() ctx: Context) {
    return visibleProduct(ctx, check.productId);
  }
}

@Resolver(() => AuthenticityCertificate)
export class AuthenticityCertificateResolver {
  @FieldResolver(() => Product, { nullable: true, description: 'The product, when the current store shows it.' })
  product(@Root() certificate: AuthenticityCertificate, @Ctx() ctx: Context) {
    return visibleProduct(ctx, certificate.productId);
  }
}

/** `customer { certificates }`: added here so the customers domain does not know drops. */
@Resolver(() => Customer)
export class CustomerCertificatesResolver {
  @FieldResolver(() => [AuthenticityCertificate], { description: 'Certificates of the units this customer bought, newest first.' })
  certificates(@Root() customer: Customer, @Ctx() ctx: Context) {
    return certificateService.ofCustomer(ctx.em, customer.id);
  }
}

import { CertificateAdminResolver } from './admin.resolver.js';
import { certificateEntities } from './entities.js';
import { AuthenticityCertificateResolver, AuthenticityResolver, CustomerCertificatesResolver } from './storefront.resolver.js';

/** What authenticity certificates and brand signing keys add to src/drops/module.ts. */
export const certificates = {
  entities: certificateEntities,
  storefront: [AuthenticityResolver, AuthenticityCertificateResolver, CustomerCertificatesResolver],
  admin: [CertificateAdminResolver],
};

import type { Opt } from '@mikro-orm/core';
import { Entity, Enum, Index, Property, Unique } from '@mikro-orm/decorators/legacy';
import { registerEnumType } from 'type-graphql';
import { Row } from '../../shared/entity.js';

/**
 * Brands' Ed25519 signing keys and the authenticity certificates signed with them. Both carry brand_id
 * (rows distribute by brand, ARCHITECTURE "Scale"); references to other domains are plain uuid columns.
 */

export enum SigningKeyStatus {
  ACTIVE = 'ACTIVE',
  RETIRED = 'RETIRED',
}
registerEnumType(SigningKeyStatus, {
  name: 'SigningKeyStatus',
  valuesConfig: {
    ACTIVE: { description: 'Signs new certificates (one per brand).' },
    RETIRED: { description: 'Signs nothing new; certificates it signed stay verifiable with it.' },
  },
});

/** `id` is the published key id that certificates name. */
@Entity({ tableName: 'brand_signing_key' })
@Index({ properties: ['brandId', 'createdAt'] })
@Unique({
  name: 'brand_signing_key_active_unique',
  expression: `create unique index "brand_signing_key_active_unique" on "brand_signing_key" ("brand_id") where "status" = 'ACTIVE'`,
})
export class BrandSigningKey extends Row {
  @Property({ type: 'uuid' })
  brandId!: string;

  /** SPKI PEM. */
  @Property({ type: 'text' })
  publicKey!: string;

  /** PKCS8 DER, AES-256-GCM under a key scrypt-derived from SIGNING_KEY_SECRET (signing.ts `sealPrivateKey`). */
  @Property({ type: 'text', lazy: true })
  privateKeySealed!: string;

  @Enum({ items: () => SigningKeyStatus, nativeEnumName: 'signing_key_status' })
  status: Opt<SigningKeyStatus> = SigningKeyStatus.ACTIVE;

  @Property({ type: 'timestamptz', nullable: true })
  retiredAt?: Date | null;
}

/** One per sold numbered unit. `customerId` is private (customer { certificates }); the payload carries only the pseudonym. */
@Entity({ tableName: 'authenticity_certificate' })
@Unique({ properties: ['editionId', 'unitNumber'] })
@Index({ properties: ['customerId', 'issuedAt'] })
@Index({ properties: ['brandId', 'issuedAt'] })
export class Certificate extends Row {
  @Property({ length: 40, unique: 'authenticity_certificate_serial_unique' })
  serial!: string;

  @Property({ type: 'uuid' })
  brandId!: string;

  @Property({ type: 'uuid' })
  storeId!: string;

  @Property({ type: 'uuid' })
  editionId!: string;

  @Property({ type: 'int' })
  unitNumber!: number;

  @Property({ type: 'int' })
  editionSize!: number;

  @Property({ type: 'uuid' })
  productId!: string;

  @Property({ type: 'uuid' })
  variantId!: string;

  @Property({ type: 'uuid' })
  customerId!: string;

  @Property({ length: 64 })
  ownerPseudonym!: string;

  @Property({ type: 'uuid' })
  keyId!: string;

  /** The canonical JSON that was signed (signing.ts `canonicalPayload`), byte for byte. */
  @Property({ type: 'text' })
  payload!: string;

  /** base64url Ed25519 signature over the UTF-8 bytes of `payload`. */
  @Property({ type: 'text' })
  signature!: string;

  @Property({ type: 'timestamptz' })
  issuedAt!: Date;

  @Property({ type: 'int', default: 0 })
  verificationCount: Opt<number> = 0;

  @Property({ type: 'timestamptz', nullable: true })
  lastVerifiedAt?: Date | null;
}

export const certificateEntities = [BrandSigningKey, Certificate];

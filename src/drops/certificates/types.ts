import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { payloadType } from '../../shared/payload-type.js';
import { SigningKeyStatus } from './entities.js';
import { CertificateUserError } from './errors.js';

@ObjectType('BrandPublicKey', { description: 'A key that signs (ACTIVE) or signed (RETIRED) a brand\'s certificates: verify them offline with it.' })
export class BrandPublicKey {
  @Field({ description: 'The keyId that certificates name.' })
  keyId!: string;

  @Field({ description: 'Ed25519 public key, SPKI PEM.' })
  publicKey!: string;

  @Field(() => SigningKeyStatus)
  status!: SigningKeyStatus;

  @Field()
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  retiredAt!: Date | null;
}

@ObjectType('BrandSigningKey', { description: 'A brand\'s certificate signing key (its private half never leaves the server).' })
export class BrandSigningKeyView extends BrandPublicKey {
  @Field(() => ID)
  id!: string;

  @Field(() => ID, { description: 'The Brand.' })
  brandId!: string;
}

@InputType()
export class BrandSigningKeyRotateInput {
  @Field(() => ID)
  brandId!: string;
}

export const BrandSigningKeyRotatePayload = payloadType('BrandSigningKeyRotatePayload', CertificateUserError, {
  signingKey: () => BrandSigningKeyView,
  retiredKey: () => BrandSigningKeyView,
});

@ObjectType('AuthenticityEdition')
export class AuthenticityEdition {
  @Field(() => Int, { description: 'Units in the edition ("12/500": 500).' })
  size!: number;
}

@ObjectType('AuthenticityCertificate', { description: 'A signed certificate of one numbered unit; `payload` + `signature` verify offline with brandPublicKeys.' })
export class AuthenticityCertificate {
  @Field()
  serial!: string;

  @Field(() => AuthenticityEdition)
  edition!: AuthenticityEdition;

  @Field(() => Int, { description: 'The unit number ("12/500": 12).' })
  number!: number;

  @Field({ description: "The first owner's pseudonym: the same for one customer within a brand, revealing nothing." })
  ownerPseudonym!: string;

  @Field()
  keyId!: string;

  @Field({ description: 'The canonical JSON that was signed (see README "Authenticity").' })
  payload!: string;

  @Field({ description: 'base64url Ed25519 signature over the UTF-8 bytes of payload.' })
  signature!: string;

  @Field()
  issuedAt!: Date;

  @Field(() => Int)
  verificationCount!: number;

  productId!: string;
}

@ObjectType('AuthenticityCheck', { description: 'The result of a verification: every field but valid, serial and verificationCount is null unless valid.' })
export class AuthenticityCheck {
  @Field({ description: 'The serial exists and its stored certificate carries a good signature of the brand over exactly these values.' })
  valid!: boolean;

  @Field()
  serial!: string;

  @Field(() => AuthenticityEdition, { nullable: true })
  edition!: AuthenticityEdition | null;

  @Field(() => Int, { nullable: true })
  number!: number | null;

  @Field(() => Date, { nullable: true })
  issuedAt!: Date | null;

  @Field(() => String, { nullable: true })
  keyId!: string | null;

  @Field(() => String, { nullable: true })
  payload!: string | null;

  @Field(() => String, { nullable: true })
  signature!: string | null;

  @Field(() => Int, { description: 'How many times this serial was checked, this check included (many checks from many places signal a counterfeit).' })
  verificationCount!: number;

  @Field(() => Date, { nullable: true })
  lastVerifiedAt!: Date | null;

  productId!: string | null;
}

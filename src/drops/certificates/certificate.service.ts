import type { EntityManager } from '@mikro-orm/postgresql';
import { Certificate } from './entities.js';
import {
  canonicalPayload, newSerial, normalizeSerial, ownerPseudonym, parseCanonicalPayload, PAYLOAD_VERSION, SERIAL_PATTERN, signPayload, verifyPayload, type CertificatePayload,
} from './signing.js';
import { privateKeyOf, signingKeyService, signingSecret } from './signing-key.service.js';
import type { AuthenticityCertificate, AuthenticityCheck } from './types.js';

export interface IssueInput {
  brandId: string;
  editionId: string;
  unitNumber: number;
  editionSize: number;
  productId: string;
  variantId: string;
  customerId: string;
  storeId: string;
}

/** Columns of authenticity_certificate as `update … returning *` gives them. */
interface CertificateRow {
  serial: string;
  brand_id: string;
  edition_id: string;
  unit_number: number;
  edition_size: number;
  product_id: string;
  variant_id: string;
  owner_pseudonym: string;
  key_id: string;
  payload: string;
  signature: string;
  issued_at: Date;
  verification_count: number;
  last_verified_at: Date | null;
}

/** Every signed field must equal its column: a row edited after signing (number, product, key...) is not authentic. */
function payloadMatchesRow(p: CertificatePayload, row: CertificateRow): boolean {
  return (
    p.v === PAYLOAD_VERSION && p.serial === row.serial && p.brandId === row.brand_id && p.editionId === row.edition_id && p.number === row.unit_number &&
    p.editionSize === row.edition_size && p.productId === row.product_id && p.variantId === row.variant_id && p.ownerPseudonym === row.owner_pseudonym &&
    p.keyId === row.key_id && p.issuedAt === new Date(row.issued_at).toISOString()
  );
}

export const certificateView = (c: Certificate): AuthenticityCertificate => ({
  serial: c.serial, edition: { size: c.editionSize }, number: c.unitNumber, ownerPseudonym: c.ownerPseudonym, keyId: c.keyId,
  payload: c.payload, signature: c.signature, issuedAt: c.issuedAt, verificationCount: c.verificationCount, productId: c.productId,
});

/**
 * Authenticity certificates: issued by the drops domain inside the transaction that sells a numbered
 * unit, signed with the brand's active Ed25519 key; verified by anyone (verifyAuthenticity, or offline).
 */
export const certificateService = {
  /** Signs and writes the unit's certificate in the caller's transaction (creating the brand's first key if needed). */
  async issue(tx: EntityManager, input: IssueInput): Promise<Certificate> {
    if (!Number.isSafeInteger(input.editionSize) || input.editionSize < 1 || !Number.isSafeInteger(input.unitNumber) || input.unitNumber < 1 || input.unitNumber > input.editionSize) {
      throw new Error(`certificateService.issue: unit ${input.unitNumber} of an edition of ${input.editionSize}`);
    }
    const key = await signingKeyService.activeKey(tx, input.brandId);
    const issuedAt = new Date();
    const payload: CertificatePayload = {
      v: PAYLOAD_VERSION, serial: newSerial(), brandId: input.brandId, editionId: input.editionId, number: input.unitNumber, editionSize: input.editionSize,
      productId: input.productId, variantId: input.variantId, ownerPseudonym: ownerPseudonym(signingSecret(), input.brandId, input.customerId),
      keyId: key.id, issuedAt: issuedAt.toISOString(),
    };
    const text = canonicalPayload(payload);
    const certificate = tx.create(Certificate, {
      serial: payload.serial, brandId: input.brandId, storeId: input.storeId, editionId: input.editionId, unitNumber: input.unitNumber,
      editionSize: input.editionSize, productId: input.productId, variantId: input.variantId, customerId: input.customerId,
      ownerPseudonym: payload.ownerPseudonym, keyId: key.id, payload: text, signature: signPayload(text, privateKeyOf(key)), issuedAt,
    });
    await tx.flush();
    return certificate;
  },

  /**
   * Counts the check atomically (one UPDATE … RETURNING), then verifies the stored payload against the
   * brand's key and the row. An unknown or malformed serial is `valid: false`, not an error.
   */
  async verify(em: EntityManager, rawSerial: string): Promise<AuthenticityCheck> {
    const serial = normalizeSerial(rawSerial);
    const invalid = (verificationCount = 0): AuthenticityCheck => ({
      valid: false, serial, edition: null, number: null, issuedAt: null, keyId: null, payload: null, signature: null, verificationCount, lastVerifiedAt: null, productId: null,
    });
    if (!SERIAL_PATTERN.test(serial)) return invalid();
    const [row] = await em.execute<CertificateRow[]>(
      `update authenticity_certificate set verification_count = verification_count + 1, last_verified_at = now() where serial = ?
       returning serial, brand_id, edition_id, unit_number, edition_size, product_id, variant_id, owner_pseudonym, key_id, payload, signature, issued_at, verification_count, last_verified_at`,
      [serial],
    );
    if (!row) return invalid();
    const key = await signingKeyService.keyById(em, row.key_id);
    const payload = parseCanonicalPayload(row.payload);
    const valid = Boolean(key && key.brandId === row.brand_id && payload && payloadMatchesRow(payload, row) && verifyPayload(row.payload, row.signature, key.publicKey));
    if (!valid) return invalid(row.verification_count);
    return {
      valid, serial, edition: { size: row.edition_size }, number: row.unit_number, issuedAt: new Date(row.issued_at), keyId: row.key_id, payload: row.payload,
      signature: row.signature, verificationCount: row.verification_count, lastVerifiedAt: row.last_verified_at && new Date(row.last_verified_at), productId: row.product_id,
    };
  },

  /** The customer's own certificates, newest first. */
  async ofCustomer(em: EntityManager, customerId: string): Promise<AuthenticityCertificate[]> {
    return (await em.find(Certificate, { customerId }, { orderBy: { issuedAt: 'desc', id: 'desc' } })).map(certificateView);
  },
};

import type { KeyObject } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { validate as isUuid } from 'uuid';
import { loadConfig } from '../../shared/config.js';
import { toGlobalId, tryDecodeGlobalId } from '../../shared/ids.js';
import { seesBrand, type ServiceCtx } from '../../shared/scope.js';
import { transaction } from '../../shared/transaction.js';
import { BrandSigningKey, SigningKeyStatus } from './entities.js';
import { CertificateErrorCode, certificateError } from './errors.js';
import { newKeyPair, openPrivateKey, sealPrivateKey } from './signing.js';
import type { BrandPublicKey, BrandSigningKeyRotateInput, BrandSigningKeyView } from './types.js';

let secret: string | undefined;
/**
 * SIGNING_KEY_SECRET from the process environment, as boot reads it: certificateService.issue is called
 * inside other domains' transactions with no request context to carry the config.
 */
export const signingSecret = () => (secret ??= loadConfig().signingKeySecret);

/** Private keys opened once per process (scrypt is deliberately slow); keys never change once written. */
const opened = new Map<string, KeyObject>();

export function privateKeyOf(key: BrandSigningKey): KeyObject {
  let privateKey = opened.get(key.id);
  if (!privateKey) {
    privateKey = openPrivateKey(signingSecret(), key.id, key.brandId, key.privateKeySealed);
    opened.set(key.id, privateKey);
  }
  return privateKey;
}

/** Rotation and first-key creation of one brand happen one at a time (the partial unique index backs it up). */
const lockBrandKeys = (tx: EntityManager, brandId: string) =>
  tx.execute(`select pg_advisory_xact_lock(hashtextextended('brand_signing_key:' || ?, 0))`, [brandId]);

function createKey(tx: EntityManager, brandId: string): BrandSigningKey {
  const { publicKeyPem, privateKey } = newKeyPair();
  const key = tx.create(BrandSigningKey, { brandId, publicKey: publicKeyPem, privateKeySealed: '' });
  key.privateKeySealed = sealPrivateKey(signingSecret(), key.id, brandId, privateKey);
  opened.set(key.id, privateKey);
  return key;
}

export const publicKeyView = (k: BrandSigningKey): BrandPublicKey => ({ keyId: k.id, publicKey: k.publicKey, status: k.status, createdAt: k.createdAt, retiredAt: k.retiredAt ?? null });
const keyView = (k: BrandSigningKey): BrandSigningKeyView => ({ ...publicKeyView(k), id: toGlobalId('BrandSigningKey', k.id), brandId: toGlobalId('Brand', k.brandId) });

export const signingKeyService = {
  /** The brand's active key (with its private half loaded), created on first use. Runs inside the caller's transaction. */
  async activeKey(tx: EntityManager, brandId: string): Promise<BrandSigningKey> {
    const find = () => tx.findOne(BrandSigningKey, { brandId, status: SigningKeyStatus.ACTIVE }, { populate: ['privateKeySealed'] });
    const existing = await find();
    if (existing) return existing;
    await lockBrandKeys(tx, brandId);
    const created = (await find()) ?? createKey(tx, brandId);
    await tx.flush();
    return created;
  },

  async keyById(em: EntityManager, keyId: string): Promise<BrandSigningKey | null> {
    return isUuid(keyId) ? em.findOne(BrandSigningKey, { id: keyId }) : null;
  },

  /** Anyone's view: every key a brand (by handle) signs or signed with, newest first; unknown brand: none. */
  async publicKeys(em: EntityManager, brandHandle: string): Promise<BrandPublicKey[]> {
    const [brand] = await em.execute<{ id: string }[]>('select id from brand where handle = ?', [brandHandle]);
    if (!brand) return [];
    return (await em.find(BrandSigningKey, { brandId: brand.id }, { orderBy: { createdAt: 'desc', id: 'desc' } })).map(publicKeyView);
  },

  /** Admin: the public parts of a brand's keys; another brand's read as none. */
  async brandKeys(ctx: ServiceCtx, brandGlobalId: string): Promise<BrandSigningKeyView[]> {
    const decoded = tryDecodeGlobalId(brandGlobalId);
    if (decoded?.type !== 'Brand' || !isUuid(decoded.id) || !seesBrand(ctx.viewer, decoded.id)) return [];
    return (await ctx.em.find(BrandSigningKey, { brandId: decoded.id }, { orderBy: { createdAt: 'desc', id: 'desc' } })).map(keyView);
  },

  /** A new active key for the brand; the previous one is retired and keeps verifying what it signed. */
  async rotate(ctx: ServiceCtx, input: BrandSigningKeyRotateInput) {
    const field = ['input', 'brandId'];
    const decoded = tryDecodeGlobalId(input.brandId);
    if (decoded?.type !== 'Brand' || !isUuid(decoded.id) || !seesBrand(ctx.viewer, decoded.id)) {
      throw certificateError(CertificateErrorCode.NOT_FOUND, `No brand "${input.brandId}" within your brands`, field);
    }
    const brandId = decoded.id;
    return transaction(ctx, async (tx) => {
      if (!(await tx.execute('select 1 from brand where id = ? and archived_at is null', [brandId])).length) {
        throw certificateError(CertificateErrorCode.NOT_FOUND, 'No such brand', field);
      }
      await lockBrandKeys(tx, brandId);
      const previous = await tx.findOne(BrandSigningKey, { brandId, status: SigningKeyStatus.ACTIVE });
      if (previous) {
        previous.status = SigningKeyStatus.RETIRED;
        previous.retiredAt = new Date();
        await tx.flush(); // the retirement reaches the partial unique index before the new key does
      }
      const key = createKey(tx, brandId);
      await tx.flush();
      return { signingKey: keyView(key), retiredKey: previous ? keyView(previous) : null };
    });
  },
};

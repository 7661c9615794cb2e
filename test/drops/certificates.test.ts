import { createPublicKey, verify } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { certificateService, type IssueInput } from '../../src/drops/certificates/certificate.service.js';
import { openPrivateKey } from '../../src/drops/certificates/signing.js';
import { decodeGlobalId } from '../../src/shared/ids.js';
import { BrandSigningKeyRotateDocument } from '../generated/admin.js';
import {
  BrandPublicKeysDocument, CustomerAccessTokenCreateDocument, CustomerCertificatesDocument, CustomerCreateDocument, VerifyAuthenticityDocument,
} from '../generated/storefront.js';
import { CatalogFixtures } from '../support/catalog-fixtures.js';
import { dataOf, expectOk } from '../support/payload.js';
import { buildWorld, type World } from '../tenancy/world.js';

/** Authenticity certificates over HTTP on real PostgreSQL: issue, verify (counted), tamper, rotate, verify offline. */
let world: World;
let sale: (over?: Partial<IssueInput>) => IssueInput;
beforeAll(async () => {
  world = await buildWorld();
  const [{ id: customerId }] = await world.server.db.orm.em.fork().execute<{ id: string }[]>(`select id from customer where email = 'client@example.com'`);
  const [{ id: storeId }] = await world.server.db.orm.em.fork().execute<{ id: string }[]>(`select id from store where handle = 'a-cn'`);
  const editionId = uuidv7();
  let next = 1;
  sale = (over = {}) => ({
    brandId: world.a.brandId, editionId, unitNumber: next++, editionSize: 500, productId: decodeGlobalId(world.a.ids.Product[0]).id,
    variantId: decodeGlobalId(world.a.ids.ProductVariant[0]).id, customerId, storeId, ...over,
  });
}, 120_000);
afterAll(() => world?.server.close());

const store = { 'x-store': 'a-cn' };
const issue = (input: IssueInput) => world.server.db.orm.em.fork().transactional((tx) => certificateService.issue(tx, input));
const check = async (serial: string, headers: Record<string, string> = store) =>
  dataOf(await world.server.gql('storefront', VerifyAuthenticityDocument, { serial }, headers)).verifyAuthenticity;
const publicKeys = async (brandHandle = 'brand-a') => dataOf(await world.server.gql('storefront', BrandPublicKeysDocument, { brandHandle }, store)).brandPublicKeys;
const sql = (text: string, params: unknown[] = []) => world.server.db.orm.em.fork().execute(text, params);

/**
 * The README's offline verification, using only node:crypto, a published key and the documented payload
 * format: the payload is its own canonical form (keys sorted, no whitespace) and the Ed25519 signature holds.
 */
function verifyOffline(cert: { payload: string; signature: string }, keys: { keyId: string; publicKey: string }[]) {
  const fields = JSON.parse(cert.payload) as Record<string, unknown>;
  if (JSON.stringify(fields, Object.keys(fields).sort()) !== cert.payload) return null;
  const key = keys.find((k) => k.keyId === fields.keyId);
  if (!key) return null;
  return verify(null, Buffer.from(cert.payload, 'utf8'), createPublicKey(key.publicKey), Buffer.from(cert.signature, 'base64url')) ? fields : null;
}

test('an issued certificate verifies over HTTP: edition, number, product, key, and one check counted', async () => {
  const input = sale({ unitNumber: 12 });
  const certificate = await issue(input);
  expect(certificate.serial).toMatch(/^FC-[A-Z2-7]{16}$/);
  const result = await check(certificate.serial);
  expect(result).toMatchObject({
    valid: true, serial: certificate.serial, edition: { size: 500 }, number: 12, product: { id: world.a.ids.Product[0], handle: 'a-bag' },
    keyId: certificate.keyId, verificationCount: 1,
  });
  expect(new Date(result.issuedAt!).getTime()).toBe(certificate.issuedAt.getTime());
  // Typed from a card: case and spaces do not matter. Without a store the product is not shown, the rest is.
  expect(await check(` ${certificate.serial.toLowerCase()} `)).toMatchObject({ valid: true, verificationCount: 2 });
  expect(await check(certificate.serial, {})).toMatchObject({ valid: true, product: null, verificationCount: 3 });
});

test('offline: the published public key and the documented canonical payload verify a certificate with node:crypto alone', async () => {
  const input = sale();
  const certificate = await issue(input);
  const { payload, signature } = await check(certificate.serial);
  const fields = verifyOffline({ payload: payload!, signature: signature! }, await publicKeys());
  expect(fields).toEqual({
    v: 1, serial: certificate.serial, brandId: input.brandId, editionId: input.editionId, number: input.unitNumber, editionSize: 500,
    productId: input.productId, variantId: input.variantId, ownerPseudonym: certificate.ownerPseudonym, keyId: certificate.keyId, issuedAt: certificate.issuedAt.toISOString(),
  });
  // The owner is a pseudonym: the customer id appears nowhere in what is published.
  expect(payload).not.toContain(input.customerId);
  // One changed byte and the offline check fails too.
  expect(verifyOffline({ payload: payload!.replace(`"number":${input.unitNumber}`, `"number":${input.unitNumber + 1}`), signature: signature! }, await publicKeys())).toBeNull();
  // Another brand's published keys do not verify it.
  expect(verifyOffline({ payload: payload!, signature: signature! }, (await publicKeys('brand-b')).map((k) => ({ ...k, keyId: certificate.keyId })))).toBeNull();
});

test('20 parallel checks of one serial count exactly 20, each check seeing its own count', async () => {
  const certificate = await issue(sale());
  const results = await Promise.all(Array.from({ length: 20 }, () => check(certificate.serial)));
  expect(results.every((r) => r.valid)).toBe(true);
  expect(results.map((r) => r.verificationCount).sort((x, y) => x - y)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  const [row] = await sql('select verification_count, last_verified_at from authenticity_certificate where serial = ?', [certificate.serial]);
  expect(row.verification_count).toBe(20);
  expect(row.last_verified_at).not.toBeNull();
});

test('tampered payload, signature, columns, serial or key: reported invalid (not an error), still counted', async () => {
  const tamper = async (change: string, params: (serial: string) => unknown[]) => {
    const certificate = await issue(sale());
    expect((await check(certificate.serial)).valid).toBe(true);
    await sql(`update authenticity_certificate set ${change} where serial = ?`, params(certificate.serial));
    return certificate;
  };
  const invalid = { valid: false, edition: null, number: null, product: null, keyId: null, payload: null, signature: null };

  const payload = await tamper(`payload = replace(payload, '"editionSize":500', '"editionSize":5000')`, (s) => [s]);
  expect(await check(payload.serial)).toMatchObject({ ...invalid, serial: payload.serial, verificationCount: 2 });

  const signature = await tamper(`signature = translate(signature, 'ABCDEFGHabcdefgh', 'BCDEFGHAbcdefgha')`, (s) => [s]);
  expect(await check(signature.serial)).toMatchObject({ ...invalid, verificationCount: 2 });

  const column = await tamper('unit_number = 499', (s) => [s]);
  expect(await check(column.serial)).toMatchObject({ ...invalid, verificationCount: 2 });

  // A certificate copied onto a new serial: the signed serial no longer matches the row's.
  const copied = await issue(sale());
  const forged = copied.serial.slice(0, -1) + (copied.serial.endsWith('A') ? 'B' : 'A');
  await sql('update authenticity_certificate set serial = ? where serial = ?', [forged, copied.serial]);
  expect(await check(forged)).toMatchObject({ ...invalid, serial: forged, verificationCount: 1 });

  // Unknown and malformed serials.
  expect(await check('FC-AAAAAAAAAAAAAAAA')).toMatchObject({ ...invalid, serial: 'FC-AAAAAAAAAAAAAAAA', verificationCount: 0 });
  expect(await check('<script>')).toMatchObject({ ...invalid, verificationCount: 0 });

  // The brand's published key replaced in the database: nothing signed with the real key verifies.
  const victim = await issue(sale());
  const [{ public_key: other }] = await sql('select public_key from brand_signing_key where brand_id = ? limit 1', [world.b.brandId]);
  const [{ public_key: original }] = await sql('select public_key from brand_signing_key where id = ?', [victim.keyId]);
  await sql('update brand_signing_key set public_key = ? where id = ?', [other, victim.keyId]);
  expect((await check(victim.serial)).valid).toBe(false);
  await sql('update brand_signing_key set public_key = ? where id = ?', [original, victim.keyId]);
  expect((await check(victim.serial)).valid).toBe(true);
});

test('rotation: certificates signed by the retired key stay valid (online and offline); new ones are signed by the new key', async () => {
  const before = await issue(sale());
  const rotated = expectOk(dataOf(await world.server.gql('admin', BrandSigningKeyRotateDocument, { input: { brandId: world.a.ids.Brand[0] } }, world.viewers.brandAdminA)).brandSigningKeyRotate);
  expect(rotated.retiredKey).toMatchObject({ keyId: before.keyId, status: 'RETIRED' });
  expect(rotated.signingKey.status).toBe('ACTIVE');
  const after = await issue(sale());
  expect(after.keyId).toBe(rotated.signingKey.keyId);
  expect(after.keyId).not.toBe(before.keyId);

  expect(await check(before.serial)).toMatchObject({ valid: true, keyId: before.keyId });
  expect(await check(after.serial)).toMatchObject({ valid: true, keyId: after.keyId });
  const keys = await publicKeys();
  expect(keys.filter((k) => k.status === 'ACTIVE').map((k) => k.keyId)).toEqual([after.keyId]);
  expect(keys.find((k) => k.keyId === before.keyId)).toMatchObject({ status: 'RETIRED' });
  expect(verifyOffline(before, keys)).not.toBeNull();
  expect(verifyOffline(after, keys)).not.toBeNull();
  // The retired key does not vouch for what the new one signed.
  expect(verifyOffline(after, keys.map((k) => ({ ...k, keyId: k.keyId === before.keyId ? after.keyId : 'x' })))).toBeNull();
});

test("a brand's first sale creates its key, once, even when five sales race", async () => {
  const f = new CatalogFixtures(world.server.db.orm.em.fork());
  const brand = f.brand('brand-new', { en: 'New' });
  await f.commit();
  const certificates = await Promise.all(Array.from({ length: 5 }, (_, i) => issue(sale({ brandId: brand.id, editionId: uuidv7(), unitNumber: i + 1 }))));
  const keys = await publicKeys('brand-new');
  expect(keys).toHaveLength(1);
  expect(keys[0].status).toBe('ACTIVE');
  expect(new Set(certificates.map((c) => c.keyId))).toEqual(new Set([keys[0].keyId]));
  for (const c of certificates) expect((await check(c.serial)).valid).toBe(true);
  expect(await publicKeys('no-such-brand')).toEqual([]);
});

test('the private key is sealed at rest: the row holds no key material in clear, and another secret cannot open it', async () => {
  const [row] = await sql('select id, brand_id, private_key_sealed from brand_signing_key where brand_id = ? limit 1', [world.a.brandId]);
  expect(row.private_key_sealed).toMatch(/^scrypt-aes256gcm\$/);
  expect(row.private_key_sealed).not.toContain('PRIVATE KEY');
  expect(() => openPrivateKey('another-secret-another-secret-0123456789', row.id, row.brand_id, row.private_key_sealed)).toThrow();
  expect(() => openPrivateKey(world.server.app.config.signingKeySecret, row.id, world.b.brandId, row.private_key_sealed)).toThrow();
  expect(openPrivateKey(world.server.app.config.signingKeySecret, row.id, row.brand_id, row.private_key_sealed).asymmetricKeyType).toBe('ed25519');
});

test("customer { certificates }: the customer's own, with one pseudonym per brand; another customer sees none", async () => {
  const [{ id: customerId }] = await sql(`select id from customer where email = 'client@example.com'`);
  const own = await issue(sale());
  const ofB = await issue(sale({
    brandId: world.b.brandId, editionId: uuidv7(), unitNumber: 1, productId: decodeGlobalId(world.b.ids.Product[0]).id, variantId: decodeGlobalId(world.b.ids.ProductVariant[0]).id,
  }));
  const res = await world.server.gql('storefront', CustomerCertificatesDocument, {}, { ...store, ...world.viewers.customer });
  const mine = dataOf(res).customer!.certificates;
  const [{ n }] = await sql('select count(*)::int as n from authenticity_certificate where customer_id = ?', [customerId]);
  expect(mine).toHaveLength(n);
  expect(mine.find((c) => c.serial === own.serial)).toMatchObject({ product: { handle: 'a-bag' }, keyId: own.keyId, ownerPseudonym: own.ownerPseudonym });
  const serialsA = new Set((await sql('select serial from authenticity_certificate where brand_id = ?', [world.a.brandId])).map((r) => r.serial as string));
  const pseudonymsA = new Set(mine.filter((c) => serialsA.has(c.serial)).map((c) => c.ownerPseudonym));
  expect(pseudonymsA).toEqual(new Set([own.ownerPseudonym]));
  expect(ofB.ownerPseudonym).not.toBe(own.ownerPseudonym);
  expect(mine.find((c) => c.serial === ofB.serial)).toMatchObject({ product: null }); // brand B's bag is not in store a-cn

  const other = { email: 'someone-else@example.com', password: 'a long password' };
  expectOk(dataOf(await world.server.gql('storefront', CustomerCreateDocument, { input: other }, store)).customerCreate);
  const token = expectOk(dataOf(await world.server.gql('storefront', CustomerAccessTokenCreateDocument, { input: other }, store)).customerAccessTokenCreate).customerAccessToken.accessToken;
  expect(dataOf(await world.server.gql('storefront', CustomerCertificatesDocument, {}, { ...store, authorization: `Bearer ${token}` })).customer!.certificates).toEqual([]);
});

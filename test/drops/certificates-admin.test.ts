import { toGlobalId } from '../../src/shared/ids.js';
import { v7 as uuidv7 } from 'uuid';
import { BrandSigningKeyRotateDocument, BrandSigningKeysDocument } from '../generated/admin.js';
import { dataOf, expectOk } from '../support/payload.js';
import { buildWorld, databaseSnapshot, type World } from '../tenancy/world.js';

/** brandSigningKeyRotate and brandSigningKeys over HTTP: brand admins of the brand and platform admins only; refusals write nothing. */
let world: World;
beforeAll(async () => {
  world = await buildWorld();
}, 120_000);
afterAll(() => world?.server.close());

type Who = keyof World['viewers'];
const rotate = (brandId: string, who: Who = 'brandAdminA') => world.server.gql('admin', BrandSigningKeyRotateDocument, { input: { brandId } }, world.viewers[who]);
const keysOf = async (brandId: string, who: Who = 'brandAdminA') => dataOf(await world.server.gql('admin', BrandSigningKeysDocument, { brandId }, world.viewers[who])).brandSigningKeys;

async function expectRefused(brandId: string, who: Who, expected: { userError?: string; error?: string }) {
  const before = await databaseSnapshot(world.server);
  const res = await rotate(brandId, who);
  if (expected.error) expect((res.errors ?? []).map((e) => e.extensions?.code)).toEqual([expected.error]);
  else {
    expect(res.errors).toBeUndefined();
    expect(res.data!.brandSigningKeyRotate).toMatchObject({ signingKey: null, retiredKey: null, userErrors: [{ code: expected.userError, field: ['input', 'brandId'] }] });
  }
  expect({ brandId, who, unchanged: (await databaseSnapshot(world.server)) === before }).toEqual({ brandId, who, unchanged: true });
}

test("a brand admin rotates their brand's key: the new one ACTIVE, the previous RETIRED with its time, listed newest first", async () => {
  const [previous] = await keysOf(world.a.ids.Brand[0]);
  expect(previous).toMatchObject({ brandId: world.a.ids.Brand[0], status: 'ACTIVE', retiredAt: null });
  const { signingKey, retiredKey } = expectOk(dataOf(await rotate(world.a.ids.Brand[0])).brandSigningKeyRotate);
  expect(signingKey).toMatchObject({ brandId: world.a.ids.Brand[0], status: 'ACTIVE', retiredAt: null });
  expect(signingKey.publicKey).toMatch(/^-----BEGIN PUBLIC KEY-----/);
  expect(retiredKey).toMatchObject({ keyId: previous.keyId, status: 'RETIRED' });
  expect(retiredKey.retiredAt).not.toBeNull();
  expect((await keysOf(world.a.ids.Brand[0])).map((k) => [k.keyId, k.status])).toEqual([[signingKey.keyId, 'ACTIVE'], [previous.keyId, 'RETIRED']]);
  // The Admin type carries the public half only.
  const fields = Object.keys((world.schema.getType('BrandSigningKey') as any).getFields());
  expect(fields.sort()).toEqual(['brandId', 'createdAt', 'id', 'keyId', 'publicKey', 'retiredAt', 'status']);
});

test('rotation refusals are userErrors or role errors, and write nothing', async () => {
  await expectRefused(world.b.ids.Brand[0], 'brandAdminA', { userError: 'NOT_FOUND' });
  await expectRefused('not-a-global-id', 'brandAdminA', { userError: 'NOT_FOUND' });
  await expectRefused(world.a.ids.Product[0], 'brandAdminA', { userError: 'NOT_FOUND' });
  await expectRefused(toGlobalId('Brand', uuidv7()), 'platform', { userError: 'NOT_FOUND' });
  await expectRefused(world.a.ids.Brand[0], 'conciergeA', { error: 'FORBIDDEN' });
  await expectRefused(world.a.ids.Brand[0], 'keyA', { error: 'FORBIDDEN' });
  await expectRefused(world.a.ids.Brand[0], 'customer', { error: 'FORBIDDEN' });
  await expectRefused(world.a.ids.Brand[0], 'anonymous', { error: 'UNAUTHENTICATED' });
});

test("brand A's staff read none of brand B's keys; the platform admin reads and rotates them", async () => {
  expect(await keysOf(world.b.ids.Brand[0])).toEqual([]);
  expect(await keysOf('not-a-global-id')).toEqual([]);
  const ofB = await keysOf(world.b.ids.Brand[0], 'platform');
  expect(ofB.map((k) => k.brandId)).toEqual([world.b.ids.Brand[0]]);
  expect(expectOk(dataOf(await rotate(world.b.ids.Brand[0], 'platform')).brandSigningKeyRotate).retiredKey.keyId).toBe(ofB[0].keyId);
  expect((await world.server.gql('admin', BrandSigningKeysDocument, { brandId: world.a.ids.Brand[0] }, world.viewers.conciergeA)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
});

test('five parallel rotations of one brand: all succeed one after another, exactly one key left ACTIVE', async () => {
  const before = (await keysOf(world.a.ids.Brand[0])).length;
  const results = await Promise.all(Array.from({ length: 5 }, () => rotate(world.a.ids.Brand[0])));
  const payloads = results.map((r) => expectOk(dataOf(r).brandSigningKeyRotate));
  const keys = await keysOf(world.a.ids.Brand[0]);
  expect(keys).toHaveLength(before + 5);
  expect(keys.filter((k) => k.status === 'ACTIVE')).toHaveLength(1);
  // Each rotation retired the key the one before it created: a chain, no key retired twice.
  expect(new Set(payloads.map((p) => p.retiredKey.keyId)).size).toBe(5);
});

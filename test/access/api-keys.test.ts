import { assertMayCreateApiKey, GRANTABLE_SCOPES, mayManageApiKey } from '../../src/access/grants.js';
import { ApiScope, StaffRole } from '../../src/shared/roles.js';
import { ApiKeyCreateDocument, ApiKeyRevokeDocument } from '../generated/admin.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { count, onlyError, twoBrands, type Headers } from './support.js';

let server: TestServer;
let world: Awaited<ReturnType<typeof twoBrands>>;
beforeAll(async () => {
  server = await startTestServer();
  world = await twoBrands(server);
});
afterAll(() => server.close());

type Scope = 'CATALOG_READ' | 'CATALOG_WRITE' | 'ORDERS_READ' | 'EVENTS_READ' | 'EVENTS_WRITE' | 'TICKETS_CHECKIN';
const ALL_SCOPES: Scope[] = ['CATALOG_READ', 'CATALOG_WRITE', 'ORDERS_READ', 'EVENTS_READ', 'EVENTS_WRITE', 'TICKETS_CHECKIN'];

async function createKey(headers: Headers, brandIds: string[], scopes: Scope[] = ['CATALOG_READ']) {
  const res = await server.gql('admin', ApiKeyCreateDocument, { input: { name: 'key', scopes, brandIds } }, headers);
  if (res.data?.apiKeyCreate.userErrors.length !== 0) throw new Error(JSON.stringify(res));
  return res.data.apiKeyCreate.apiKey!.id;
}

const revoke = (id: string, headers: Headers) => server.gql('admin', ApiKeyRevokeDocument, { input: { id } }, headers);
const revokedAt = async (globalId: string) => {
  const id = Buffer.from(globalId, 'base64').toString().split(':')[1];
  const [row] = await server.db.orm.em.fork().execute<{ revoked_at: Date | null }[]>('select revoked_at from api_key where id = ?', [id]);
  return row.revoked_at;
};

describe('apiKeyRevoke needs rights over every brand the key covers', () => {
  test("a brand admin cannot revoke the platform admin's all-brands key: FORBIDDEN, the key stays valid", async () => {
    const key = await createKey(world.platform.headers, []);
    expect(onlyError(await revoke(key, world.adminA.headers)).extensions?.code).toBe('FORBIDDEN');
    expect(onlyError(await revoke(key, world.adminAB.headers)).extensions?.code).toBe('FORBIDDEN');
    expect(await revokedAt(key)).toBeNull();
    const byPlatform = await revoke(key, world.platform.headers);
    expect(byPlatform.data?.apiKeyRevoke).toMatchObject({ apiKey: { revokedAt: expect.any(String) }, userErrors: [] });
  });

  test('a brand admin of A cannot revoke a key covering A and B; an admin of both can', async () => {
    const key = await createKey(world.platform.headers, [world.aId, world.bId]);
    expect(onlyError(await revoke(key, world.adminA.headers)).extensions?.code).toBe('FORBIDDEN');
    expect(await revokedAt(key)).toBeNull();
    expect((await revoke(key, world.adminAB.headers)).data?.apiKeyRevoke.userErrors).toEqual([]);
    expect(await revokedAt(key)).not.toBeNull();
  });

  test('a brand admin revokes a key of its own brand; an unknown key is a NOT_FOUND userError', async () => {
    const key = await createKey(world.adminA.headers, [world.aId]);
    expect((await revoke(key, world.adminA.headers)).data?.apiKeyRevoke.userErrors).toEqual([]);
    const unknown = await revoke(Buffer.from('ApiKey:0190a3c2-0000-7000-8000-00000000dead').toString('base64'), world.adminA.headers);
    expect(unknown.data?.apiKeyRevoke.userErrors).toEqual([expect.objectContaining({ code: 'NOT_FOUND', field: ['input', 'id'] })]);
  });
});

describe('apiKeyCreate: a key never holds more than its creator', () => {
  test('a brand admin cannot create a key for every brand (empty brandIds): FORBIDDEN, nothing written', async () => {
    const before = await count(server, 'api_key');
    const res = await server.gql('admin', ApiKeyCreateDocument, { input: { name: 'all', scopes: ['CATALOG_READ'], brandIds: [] } }, world.adminA.headers);
    expect(onlyError(res).extensions?.code).toBe('FORBIDDEN');
    expect(await count(server, 'api_key')).toBe(before);
  });

  test('a brand admin grants the scopes of its role on its own brands', async () => {
    await createKey(world.adminA.headers, [world.aId], ALL_SCOPES);
  });

  test('a concierge grants nothing', async () => {
    const res = await server.gql('admin', ApiKeyCreateDocument, { input: { name: 'x', scopes: ['CATALOG_READ'], brandIds: [world.aId] } }, world.conciergeA.headers);
    expect(onlyError(res).extensions?.code).toBe('FORBIDDEN');
  });

  test('a key without scopes is an INVALID userError on input.scopes', async () => {
    const res = await server.gql('admin', ApiKeyCreateDocument, { input: { name: 'x', scopes: [], brandIds: [world.aId] } }, world.adminA.headers);
    expect(res.data?.apiKeyCreate.userErrors).toEqual([expect.objectContaining({ code: 'INVALID', field: ['input', 'scopes'] })]);
  });

  test('the grant table: a scope missing from a role is refused for that role', () => {
    const brandAdmin = { kind: 'staff' as const, staffId: 'x', role: StaffRole.BRAND_ADMIN, brandIds: ['a'] };
    for (const scope of Object.values(ApiScope)) {
      const grant = () => assertMayCreateApiKey(brandAdmin, [scope], ['a']);
      if (GRANTABLE_SCOPES.BRAND_ADMIN.includes(scope)) expect(grant).not.toThrow();
      else expect(grant).toThrow(/cannot grant/);
    }
    const concierge = { ...brandAdmin, role: StaffRole.CONCIERGE };
    expect(() => assertMayCreateApiKey(concierge, [ApiScope.CATALOG_READ], ['a'])).toThrow(/CONCIERGE cannot grant catalog:read/);
    const apiKey = { kind: 'apiKey' as const, apiKeyId: 'k', scopes: [ApiScope.CATALOG_WRITE], brandIds: [] };
    expect(() => assertMayCreateApiKey(apiKey, [ApiScope.CATALOG_READ], [])).toThrow(/Only staff/);
    expect(mayManageApiKey(apiKey, { brandIds: [] })).toBe(false);
  });
});

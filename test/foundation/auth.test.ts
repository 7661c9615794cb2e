import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import { createStaffUser } from '../../src/access/access.service.js';
import { StaffRole } from '../../src/shared/roles.js';
import { toGlobalId } from '../../src/shared/ids.js';
import {
  AdminNodeDocument,
  ApiKeyCreateDocument,
  ApiKeyRevokeDocument,
  StaffLoginDocument,
  StaffMeDocument,
  StaffUserCreateDocument,
} from '../generated/admin.js';
import { CurrentCustomerDocument, CustomerAccessTokenCreateDocument, CustomerCreateDocument } from '../generated/storefront.js';
import { startTestServer, type TestServer } from '../support/server.js';

const PASSWORD = 'correct horse battery staple';
const brandA = randomUUID();
const brandB = randomUUID();
const brandAId = toGlobalId('Brand', brandA);
const brandBId = toGlobalId('Brand', brandB);

let server: TestServer;
const tokens: Record<'admin' | 'brandAdmin' | 'concierge', string> = { admin: '', brandAdmin: '', concierge: '' };
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

async function login(email: string): Promise<string> {
  const res = await server.gql('admin', StaffLoginDocument, { input: { email, password: PASSWORD } });
  expect(res.data?.staffLogin.userErrors).toEqual([]);
  return res.data!.staffLogin.accessToken!;
}

async function count(table: string): Promise<number> {
  const [row] = await server.db.orm.em.fork().execute<{ n: string }[]>(`select count(*) as n from ${table}`);
  return Number(row.n);
}

/** The one GraphQL error of a response, checked to carry no stack trace. */
function onlyError(res: { errors?: readonly { message: string; extensions?: Record<string, unknown> }[] }) {
  expect(res.errors).toHaveLength(1);
  const [error] = res.errors!;
  expect(error.extensions).not.toHaveProperty('stacktrace');
  expect(JSON.stringify(error)).not.toMatch(/\n\s+at /);
  return error;
}

beforeAll(async () => {
  server = await startTestServer();
  const em = server.db.orm.em.fork();
  await createStaffUser(em, { email: 'ops@example.com', password: PASSWORD, role: StaffRole.PLATFORM_ADMIN, brandIds: [] });
  await createStaffUser(em, { email: 'brand-a@example.com', password: PASSWORD, role: StaffRole.BRAND_ADMIN, brandIds: [brandA] });
  await createStaffUser(em, { email: 'advisor@example.com', password: PASSWORD, role: StaffRole.CONCIERGE, brandIds: [brandA] });
  tokens.admin = await login('ops@example.com');
  tokens.brandAdmin = await login('brand-a@example.com');
  tokens.concierge = await login('advisor@example.com');
});
afterAll(() => server.close());

describe('staff sign-in', () => {
  test('staffLogin returns a token that identifies the user', async () => {
    const res = await server.gql('admin', StaffMeDocument, {}, bearer(tokens.admin));
    expect(res.errors).toBeUndefined();
    expect(res.data?.staffMe).toMatchObject({ email: 'ops@example.com', role: 'PLATFORM_ADMIN' });
  });

  test('a wrong password is an INVALID_CREDENTIALS userError, not a GraphQL error', async () => {
    const res = await server.gql('admin', StaffLoginDocument, { input: { email: 'ops@example.com', password: 'wrong password' } });
    expect(res.errors).toBeUndefined();
    expect(res.data?.staffLogin.accessToken).toBeNull();
    expect(res.data?.staffLogin.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_CREDENTIALS' })]);
  });

  test('an invalid email is an INVALID userError on input.email', async () => {
    const res = await server.gql('admin', StaffLoginDocument, { input: { email: 'not-an-email', password: PASSWORD } });
    expect(res.data?.staffLogin.userErrors).toEqual([expect.objectContaining({ code: 'INVALID', field: ['input', 'email'] })]);
  });
});

describe('authentication failures are UNAUTHENTICATED (401) without a stack trace', () => {
  test('a token that is not a JWT', async () => {
    const res = await server.gql('admin', StaffMeDocument, {}, bearer('not-a-token'));
    expect(res.status).toBe(401);
    const error = onlyError(res);
    expect(error.extensions?.code).toBe('UNAUTHENTICATED');
    expect(error.message).toMatch(/invalid access token/i);
  });

  test('an expired token says it expired', async () => {
    const expired = await new SignJWT({ typ: 'staff', role: 'PLATFORM_ADMIN', brands: [] })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(randomUUID())
      .setIssuer('flagship-commerce')
      .setIssuedAt(Math.floor(Date.now() / 1000) - 7200)
      .setExpirationTime(Math.floor(Date.now() / 1000) - 3600)
      .sign(new TextEncoder().encode(server.app.config.jwtSecret));
    const res = await server.gql('admin', StaffMeDocument, {}, bearer(expired));
    expect(res.status).toBe(401);
    const error = onlyError(res);
    expect(error.extensions?.code).toBe('UNAUTHENTICATED');
    expect(error.message).toMatch(/expired/i);
  });

  test('a malformed Authorization header', async () => {
    const res = await server.gql('admin', StaffMeDocument, {}, { authorization: `Token ${tokens.admin}` });
    expect(res.status).toBe(401);
    const error = onlyError(res);
    expect(error.extensions?.code).toBe('UNAUTHENTICATED');
    expect(error.message).toMatch(/Authorization header/);
  });

  test('no credentials on a field that needs them', async () => {
    const res = await server.gql('admin', StaffMeDocument);
    expect(onlyError(res).extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('roles and brand scope', () => {
  test('a concierge cannot create API keys or brand admins: FORBIDDEN', async () => {
    const key = await server.gql('admin', ApiKeyCreateDocument, { input: { name: 'scanner', scopes: ['TICKETS_CHECKIN'], brandIds: [brandAId] } }, bearer(tokens.concierge));
    expect(onlyError(key).extensions?.code).toBe('FORBIDDEN');
    const staff = await server.gql(
      'admin',
      StaffUserCreateDocument,
      { input: { email: 'new-admin@example.com', password: PASSWORD, role: 'BRAND_ADMIN', brandIds: [brandAId] } },
      bearer(tokens.concierge),
    );
    expect(onlyError(staff).extensions?.code).toBe('FORBIDDEN');
    expect(await count('api_key')).toBe(0);
    expect(await count(`staff_user where email = 'new-admin@example.com'`)).toBe(0);
  });

  test('a brand admin of brand A cannot create a concierge for brand B: FORBIDDEN, nothing written', async () => {
    const before = await count('staff_user');
    const res = await server.gql(
      'admin',
      StaffUserCreateDocument,
      { input: { email: 'advisor-b@example.com', password: PASSWORD, role: 'CONCIERGE', brandIds: [brandBId] } },
      bearer(tokens.brandAdmin),
    );
    expect(onlyError(res).extensions?.code).toBe('FORBIDDEN');
    expect(res.data).toBeNull();
    expect(await count('staff_user')).toBe(before);
  });

  test('a brand admin of brand A cannot create an API key for brand B: FORBIDDEN, nothing written', async () => {
    const res = await server.gql('admin', ApiKeyCreateDocument, { input: { name: 'box office', scopes: ['EVENTS_READ'], brandIds: [brandBId] } }, bearer(tokens.brandAdmin));
    expect(onlyError(res).extensions?.code).toBe('FORBIDDEN');
    expect(await count('api_key')).toBe(0);
  });

  test('a brand admin creates a concierge for its own brand', async () => {
    const res = await server.gql(
      'admin',
      StaffUserCreateDocument,
      { input: { email: 'advisor-a2@example.com', password: PASSWORD, role: 'CONCIERGE', brandIds: [brandAId] } },
      bearer(tokens.brandAdmin),
    );
    expect(res.data?.staffUserCreate).toMatchObject({ staffUser: { email: 'advisor-a2@example.com', role: 'CONCIERGE' }, userErrors: [] });
  });
});

describe('API keys', () => {
  let secret: string;
  let keyId: string;

  test('apiKeyCreate returns the secret once and stores only its hash', async () => {
    const res = await server.gql('admin', ApiKeyCreateDocument, { input: { name: 'door scanner', scopes: ['TICKETS_CHECKIN'], brandIds: [brandAId] } }, bearer(tokens.brandAdmin));
    expect(res.data?.apiKeyCreate.userErrors).toEqual([]);
    secret = res.data!.apiKeyCreate.secret!;
    keyId = res.data!.apiKeyCreate.apiKey!.id;
    expect(secret.startsWith(res.data!.apiKeyCreate.apiKey!.prefix)).toBe(true);
    const [row] = await server.db.orm.em.fork().execute<{ secret_hash: string }[]>('select secret_hash from api_key');
    expect(row.secret_hash).not.toContain(secret);
  });

  test('the key authenticates as Bearer and as x-api-key', async () => {
    for (const headers of [bearer(secret), { 'x-api-key': secret }]) {
      const me = await server.gql('admin', StaffMeDocument, {}, headers);
      expect(me.errors).toBeUndefined();
      expect(me.data?.staffMe).toBeNull();
      const node = await server.gql('admin', AdminNodeDocument, { id: keyId }, headers);
      expect(node.errors).toBeUndefined();
    }
  });

  test('a wrong secret with a valid prefix is refused', async () => {
    const res = await server.gql('admin', StaffMeDocument, {}, { 'x-api-key': secret.slice(0, -4) + 'AAAA' });
    expect(onlyError(res).extensions?.code).toBe('UNAUTHENTICATED');
  });

  test('a revoked key is UNAUTHENTICATED', async () => {
    const revoked = await server.gql('admin', ApiKeyRevokeDocument, { input: { id: keyId } }, bearer(tokens.brandAdmin));
    expect(revoked.data?.apiKeyRevoke.apiKey?.revokedAt).toEqual(expect.any(String));
    const res = await server.gql('admin', StaffMeDocument, {}, bearer(secret));
    expect(res.status).toBe(401);
    expect(onlyError(res).extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('customers on the Storefront API', () => {
  test('sign up, sign in, and read the signed-in customer', async () => {
    const created = await server.gql('storefront', CustomerCreateDocument, { input: { email: 'Mei@Example.com', password: 'a long password', firstName: 'Mei' } });
    expect(created.data?.customerCreate).toMatchObject({ customer: { email: 'mei@example.com', firstName: 'Mei' }, userErrors: [] });

    const signedIn = await server.gql('storefront', CustomerAccessTokenCreateDocument, { input: { email: 'mei@example.com', password: 'a long password' } });
    const token = signedIn.data?.customerAccessTokenCreate.customerAccessToken?.accessToken;
    expect(token).toEqual(expect.any(String));

    const me = await server.gql('storefront', CurrentCustomerDocument, {}, bearer(token!));
    expect(me.data?.customer).toMatchObject({ email: 'mei@example.com', firstName: 'Mei' });
    expect((await server.gql('storefront', CurrentCustomerDocument)).data?.customer).toBeNull();
  });

  test('a wrong password and a taken email are userErrors', async () => {
    const wrong = await server.gql('storefront', CustomerAccessTokenCreateDocument, { input: { email: 'mei@example.com', password: 'not it at all' } });
    expect(wrong.data?.customerAccessTokenCreate.userErrors).toEqual([expect.objectContaining({ code: 'UNIDENTIFIED_CUSTOMER' })]);
    const taken = await server.gql('storefront', CustomerCreateDocument, { input: { email: 'mei@example.com', password: 'a long password' } });
    expect(taken.data?.customerCreate.userErrors).toEqual([expect.objectContaining({ code: 'TAKEN', field: ['input', 'email'] })]);
  });

  test('a staff token does not sign a customer in', async () => {
    const res = await server.gql('storefront', CurrentCustomerDocument, {}, bearer(tokens.admin));
    expect(res.data?.customer).toBeNull();
  });
});

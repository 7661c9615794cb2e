import { randomUUID } from 'node:crypto';
import { SignJWT, UnsecuredJWT } from 'jose';
import { StaffRole } from '../../src/shared/roles.js';
import { ApiKeyCreateDocument, StaffMeDocument } from '../generated/admin.js';
import { CurrentCustomerDocument, CustomerAccessTokenCreateDocument, CustomerCreateDocument } from '../generated/storefront.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { bearer, onlyError, staff, twoBrands } from './support.js';

let server: TestServer;
let world: Awaited<ReturnType<typeof twoBrands>>;
beforeAll(async () => {
  server = await startTestServer();
  world = await twoBrands(server);
});
afterAll(() => server.close());

const secret = () => new TextEncoder().encode(server.app.config.jwtSecret);
const inAnHour = () => Math.floor(Date.now() / 1000) + 3600;

async function expectUnauthenticated(token: string, message: RegExp) {
  const res = await server.gql('admin', StaffMeDocument, {}, bearer(token));
  expect(res.status).toBe(401);
  const error = onlyError(res);
  expect(error.extensions?.code).toBe('UNAUTHENTICATED');
  expect(error.message).toMatch(message);
}

describe('JWT verification pins HS256 and requires exp, iss and typ', () => {
  const claims = () => ({ typ: 'staff' });
  const sign = (jwt: SignJWT, alg = 'HS256') => jwt.setProtectedHeader({ alg }).setSubject(world.platform.id).sign(secret());

  test('a well-formed token of a real platform admin passes (the baseline for the cases below)', async () => {
    const token = await sign(new SignJWT(claims()).setIssuer('flagship-commerce').setExpirationTime(inAnHour()));
    const res = await server.gql('admin', StaffMeDocument, {}, bearer(token));
    expect(res.data?.staffMe).toMatchObject({ role: 'PLATFORM_ADMIN' });
  });

  test.each([
    ['HS512 with the same secret', () => sign(new SignJWT(claims()).setIssuer('flagship-commerce').setExpirationTime(inAnHour()), 'HS512')],
    ['no exp', () => sign(new SignJWT(claims()).setIssuer('flagship-commerce'))],
    ['no iss', () => sign(new SignJWT(claims()).setExpirationTime(inAnHour()))],
    ['another issuer', () => sign(new SignJWT(claims()).setIssuer('someone-else').setExpirationTime(inAnHour()))],
    ['no typ', () => sign(new SignJWT({}).setIssuer('flagship-commerce').setExpirationTime(inAnHour()))],
    ['an unknown typ', () => sign(new SignJWT({ typ: 'root' }).setIssuer('flagship-commerce').setExpirationTime(inAnHour()))],
    [
      'alg "none"',
      async () => new UnsecuredJWT(claims()).setSubject(world.platform.id).setIssuer('flagship-commerce').setExpirationTime(inAnHour()).encode(),
    ],
  ])('refused: %s', async (_case, make) => {
    await expectUnauthenticated(await make(), /invalid access token/i);
  });
});

describe('every request reads the staff member from the database', () => {
  test('the check is one statement per request', async () => {
    const { queries, statements } = await server.db.queries.measure(() => server.gql('admin', '{ __typename }', {}, world.platform.headers));
    expect(statements).toEqual([expect.stringMatching(/from staff_user/i)]);
    expect(queries).toBe(1);
  });

  test('a deleted staff member loses access at once', async () => {
    const gone = await staff(server, StaffRole.PLATFORM_ADMIN, []);
    expect((await server.gql('admin', StaffMeDocument, {}, gone.headers)).data?.staffMe).toMatchObject({ email: gone.email });
    await server.db.orm.em.fork().execute('delete from staff_user where id = ?', [gone.id]);
    await expectUnauthenticated(gone.headers.authorization.slice(7), /no longer valid/i);
  });

  test('a disabled staff member loses access at once', async () => {
    const disabled = await staff(server, StaffRole.BRAND_ADMIN, [world.a]);
    await server.db.orm.em.fork().execute('update staff_user set disabled_at = now() where id = ?', [disabled.id]);
    await expectUnauthenticated(disabled.headers.authorization.slice(7), /no longer valid/i);
  });

  test('a demoted brand admin acts with its new role, and one moved to another brand with its new brands', async () => {
    const demoted = await staff(server, StaffRole.BRAND_ADMIN, [world.a]);
    const input = { name: 'pim', scopes: ['CATALOG_READ' as const], brandIds: [world.aId] };
    expect((await server.gql('admin', ApiKeyCreateDocument, { input }, demoted.headers)).data?.apiKeyCreate.userErrors).toEqual([]);

    await server.db.orm.em.fork().execute(`update staff_user set role = 'CONCIERGE' where id = ?`, [demoted.id]);
    expect(onlyError(await server.gql('admin', ApiKeyCreateDocument, { input }, demoted.headers)).extensions?.code).toBe('FORBIDDEN');

    const moved = await staff(server, StaffRole.BRAND_ADMIN, [world.a]);
    await server.db.orm.em.fork().execute('update staff_user set brand_ids = ? where id = ?', [`{${world.b}}`, moved.id]);
    expect(onlyError(await server.gql('admin', ApiKeyCreateDocument, { input }, moved.headers)).extensions?.code).toBe('FORBIDDEN');
    const forB = await server.gql('admin', ApiKeyCreateDocument, { input: { ...input, brandIds: [world.bId] } }, moved.headers);
    expect(forB.data?.apiKeyCreate.userErrors).toEqual([]);
  });

  test('a token naming a staff id that never existed is refused', async () => {
    const token = await new SignJWT({ typ: 'staff' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(randomUUID())
      .setIssuer('flagship-commerce')
      .setExpirationTime(inAnHour())
      .sign(secret());
    await expectUnauthenticated(token, /no longer valid/i);
  });
});

test('a customer token whose account was deleted is refused', async () => {
  const email = `gone-${randomUUID().slice(0, 8)}@example.com`;
  await server.gql('storefront', CustomerCreateDocument, { input: { email, password: 'a long password' } });
  const signedIn = await server.gql('storefront', CustomerAccessTokenCreateDocument, { input: { email, password: 'a long password' } });
  const token = signedIn.data!.customerAccessTokenCreate.customerAccessToken!.accessToken;
  expect((await server.gql('storefront', CurrentCustomerDocument, {}, bearer(token))).data?.customer).toMatchObject({ email });

  await server.db.orm.em.fork().execute('delete from customer where email = ?', [email]);
  const res = await server.gql('storefront', CurrentCustomerDocument, {}, bearer(token));
  expect(res.status).toBe(401);
  expect(onlyError(res).extensions?.code).toBe('UNAUTHENTICATED');
});

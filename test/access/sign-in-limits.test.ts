import { print } from 'graphql';
import { createHttpApp, ENDPOINTS, type HttpApp } from '../../src/app/server.js';
import { createLogger } from '../../src/app/observability.js';
import { openOrm } from '../../src/app/orm.config.js';
import { checkPassword } from '../../src/shared/auth.js';
import { loadConfig } from '../../src/shared/config.js';
import type { App } from '../../src/shared/context.js';
import { hashPassword } from '../../src/shared/crypto.js';
import { StaffRole } from '../../src/shared/roles.js';
import { StaffLoginDocument } from '../generated/admin.js';
import { CustomerAccessTokenCreateDocument, CustomerCreateDocument } from '../generated/storefront.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { PASSWORD, staff } from './support.js';

const WRONG = 'not the password at all';

/** A second server process on the same database: its own ORM, pool and limiter instances. */
async function secondInstance(server: TestServer, env: Record<string, string>) {
  const orm = await openOrm(server.db.url, 4);
  const app: App = { config: loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATABASE_URL: server.db.url, ...env }), orm, logger: createLogger('silent'), ports: {} };
  const http: HttpApp = await createHttpApp(app);
  const url = `http://127.0.0.1:${await http.listen(0, '127.0.0.1')}`;
  return {
    async staffLogin(email: string, password: string) {
      const res = await fetch(url + ENDPOINTS.admin, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: print(StaffLoginDocument), variables: { input: { email, password } } }),
      });
      return ((await res.json()) as { data: { staffLogin: SignIn } }).data.staffLogin;
    },
    async close() {
      await http.close();
      http.httpServer.closeAllConnections();
      await new Promise((resolve) => http.httpServer.close(resolve));
      await orm.close(true);
    },
  };
}

interface SignIn {
  accessToken?: string | null;
  retryAfterSeconds?: number | null;
  userErrors: { code: string; field?: readonly string[] | null; message: string }[];
}

const LOGIN_WITH_RETRY = `mutation($input: StaffLoginInput!) {
  staffLogin(input: $input) { accessToken retryAfterSeconds userErrors { code field message } }
}`;

async function staffLogin(server: TestServer, email: string, password: string): Promise<SignIn> {
  const res = await server.gql<{ staffLogin: SignIn }>('admin', LOGIN_WITH_RETRY, { input: { email, password } });
  return res.data!.staffLogin;
}

const codes = (r: SignIn) => r.userErrors.map((e) => e.code);

describe('per email (3 failures in 15 minutes here), shared by every server process', () => {
  const env = { SIGN_IN_MAX_FAILURES_PER_EMAIL: '3', SIGN_IN_MAX_FAILURES_PER_IP: '1000' };
  let server: TestServer;
  let other: Awaited<ReturnType<typeof secondInstance>>;
  beforeAll(async () => {
    server = await startTestServer(env);
    other = await secondInstance(server, env);
  });
  afterAll(async () => {
    await other.close();
    await server.close();
  });

  test('after 3 failures even the right password is THROTTLED, with the seconds to wait', async () => {
    const { email } = await staff(server, StaffRole.BRAND_ADMIN, ['0190a3c2-0000-7000-8000-0000000000aa']);
    for (let i = 0; i < 3; i++) expect(codes(await staffLogin(server, email, WRONG))).toEqual(['INVALID_CREDENTIALS']);
    const refused = await staffLogin(server, email, PASSWORD);
    expect(refused.accessToken).toBeNull();
    expect(refused.userErrors).toEqual([{ code: 'THROTTLED', field: ['input'], message: expect.stringMatching(/try again in \d+ seconds/) }]);
    expect(refused.retryAfterSeconds).toBeGreaterThan(0);
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(900);
    expect(refused.userErrors[0].message).toContain(`${refused.retryAfterSeconds} seconds`);
  });

  test('the count is shared by two server instances on one database', async () => {
    const { email } = await staff(server, StaffRole.PLATFORM_ADMIN, []);
    expect(codes(await staffLogin(server, email, WRONG))).toEqual(['INVALID_CREDENTIALS']);
    expect(codes(await other.staffLogin(email, WRONG))).toEqual(['INVALID_CREDENTIALS']);
    expect(codes(await staffLogin(server, email, WRONG))).toEqual(['INVALID_CREDENTIALS']);
    expect(codes(await other.staffLogin(email, PASSWORD))).toEqual(['THROTTLED']);
    expect(codes(await staffLogin(server, email, PASSWORD))).toEqual(['THROTTLED']);
  });

  test('parallel guesses cannot slip past the limit: of 8 at once, at most 3 are checked', async () => {
    const { email } = await staff(server, StaffRole.PLATFORM_ADMIN, []);
    const results = await Promise.all(Array.from({ length: 8 }, () => staffLogin(server, email, WRONG)));
    const checked = results.filter((r) => codes(r)[0] === 'INVALID_CREDENTIALS').length;
    expect(checked).toBe(3);
    expect(results.filter((r) => codes(r)[0] === 'THROTTLED')).toHaveLength(5);
  });

  test('a successful sign-in clears the email counter', async () => {
    const { email } = await staff(server, StaffRole.PLATFORM_ADMIN, []);
    for (let i = 0; i < 2; i++) await staffLogin(server, email, WRONG);
    expect((await staffLogin(server, email, PASSWORD)).accessToken).toEqual(expect.any(String));
    for (let i = 0; i < 2; i++) expect(codes(await staffLogin(server, email, WRONG))).toEqual(['INVALID_CREDENTIALS']);
    expect((await staffLogin(server, email, PASSWORD)).accessToken).toEqual(expect.any(String));
  });

  test('an unknown email gets the same answer as a wrong password, and the same limit', async () => {
    const { email } = await staff(server, StaffRole.PLATFORM_ADMIN, []);
    const wrongPassword = await staffLogin(server, email, WRONG);
    const unknown = await staffLogin(server, 'nobody@example.com', WRONG);
    expect(unknown).toEqual(wrongPassword);
    for (let i = 0; i < 2; i++) await staffLogin(server, 'nobody@example.com', WRONG);
    expect(codes(await staffLogin(server, 'nobody@example.com', WRONG))).toEqual(['THROTTLED']);
  });

  test('customerAccessTokenCreate is limited the same way, apart from staff counters', async () => {
    const email = 'shopper@example.com';
    await server.gql('storefront', CustomerCreateDocument, { input: { email, password: PASSWORD } });
    const signIn = async (password: string) => {
      const res = await server.gql('storefront', CustomerAccessTokenCreateDocument, { input: { email, password } });
      return res.data!.customerAccessTokenCreate;
    };
    for (let i = 0; i < 3; i++) expect((await signIn(WRONG)).userErrors.map((e) => e.code)).toEqual(['UNIDENTIFIED_CUSTOMER']);
    const refused = await signIn(PASSWORD);
    expect(refused.customerAccessToken).toBeNull();
    expect(refused.userErrors.map((e) => e.code)).toEqual(['THROTTLED']);
    const withRetry = await server.gql('storefront', `mutation { customerAccessTokenCreate(input: { email: "${email}", password: "x" }) { retryAfterSeconds } }`);
    expect(withRetry.data?.customerAccessTokenCreate.retryAfterSeconds).toBeGreaterThan(0);
  });
});

describe('per client IP (4 failures here), whatever the email', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ SIGN_IN_MAX_FAILURES_PER_EMAIL: '1000', SIGN_IN_MAX_FAILURES_PER_IP: '4' });
  });
  afterAll(() => server.close());

  test('successes do not count; 4 failures on different emails throttle the address', async () => {
    const { email } = await staff(server, StaffRole.PLATFORM_ADMIN, []);
    for (let i = 0; i < 6; i++) expect((await staffLogin(server, email, PASSWORD)).accessToken).toEqual(expect.any(String));
    for (let i = 0; i < 4; i++) expect(codes(await staffLogin(server, `guess-${i}@example.com`, WRONG))).toEqual(['INVALID_CREDENTIALS']);
    expect(codes(await staffLogin(server, email, PASSWORD))).toEqual(['THROTTLED']);
  });
});

describe('the client IP behind a proxy (TRUST_PROXY)', () => {
  const failFrom = (server: TestServer, forwardedFor: string, i: number) =>
    server.gql('admin', StaffLoginDocument, { input: { email: `xff-${forwardedFor}-${i}@example.com`, password: WRONG } }, { 'x-forwarded-for': forwardedFor })
      .then((res) => res.data!.staffLogin.userErrors.map((e) => e.code));

  test('with TRUST_PROXY=loopback each forwarded client has its own counter', async () => {
    const server = await startTestServer({ SIGN_IN_MAX_FAILURES_PER_EMAIL: '1000', SIGN_IN_MAX_FAILURES_PER_IP: '2', TRUST_PROXY: 'loopback' });
    try {
      for (let i = 0; i < 2; i++) expect(await failFrom(server, '203.0.113.1', i)).toEqual(['INVALID_CREDENTIALS']);
      expect(await failFrom(server, '203.0.113.1', 2)).toEqual(['THROTTLED']);
      expect(await failFrom(server, '203.0.113.2', 0)).toEqual(['INVALID_CREDENTIALS']);
    } finally {
      await server.close();
    }
  });

  test('without it X-Forwarded-For is ignored: a client cannot pick a fresh address per guess', async () => {
    const server = await startTestServer({ SIGN_IN_MAX_FAILURES_PER_EMAIL: '1000', SIGN_IN_MAX_FAILURES_PER_IP: '2' });
    try {
      for (let i = 0; i < 2; i++) expect(await failFrom(server, `198.51.100.${i}`, i)).toEqual(['INVALID_CREDENTIALS']);
      expect(await failFrom(server, '198.51.100.9', 2)).toEqual(['THROTTLED']);
    } finally {
      await server.close();
    }
  });
});

describe('unknown accounts cost the same scrypt work', () => {
  test('checkPassword verifies a dummy hash of the same parameters when there is no account, and never accepts it', async () => {
    const verified: string[] = [];
    const alwaysTrue = async (_password: string, hash: string) => (verified.push(hash), true);
    expect(await checkPassword('anything', null, alwaysTrue)).toBe(false);
    expect(await checkPassword('anything', undefined, alwaysTrue)).toBe(false);
    const real = await hashPassword('pw');
    expect(await checkPassword('pw', real, alwaysTrue)).toBe(true);
    const params = (hash: string) => hash.split('$').slice(0, 4).join('$');
    expect(verified).toHaveLength(3);
    expect(verified.map(params)).toEqual([params(real), params(real), params(real)]);
    expect(verified[0]).toBe(verified[1]);
    expect(verified[0]).not.toBe(real);
  });
});

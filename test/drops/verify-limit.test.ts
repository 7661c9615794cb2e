import { ENDPOINTS } from '../../src/app/server.js';
import { startTestServer, type TestServer } from '../support/server.js';

/** verifyAuthenticity is limited per client address (PostgreSQL counters, so every process shares them). */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ VERIFY_AUTHENTICITY_PER_MINUTE: '3', TRUST_PROXY: 'loopback' });
}, 120_000);
afterAll(() => server?.close());

async function verify(forwardedFor: string) {
  const res = await fetch(server.url + ENDPOINTS.storefront, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
    body: JSON.stringify({ query: '{ verifyAuthenticity(serial: "FC-AAAAAAAAAAAAAAAA") { valid verificationCount } }' }),
  });
  const body = (await res.json()) as { data: { verifyAuthenticity: { valid: boolean } | null } | null; errors?: { extensions: { code: string; retryAfterSeconds?: number } }[] };
  return { status: res.status, body };
}

test('over VERIFY_AUTHENTICITY_PER_MINUTE checks from one address: THROTTLED (HTTP 429) with retryAfterSeconds; another address still checks', async () => {
  for (let i = 0; i < 3; i++) {
    const { status, body } = await verify('203.0.113.10');
    expect(status).toBe(200);
    expect(body.data!.verifyAuthenticity!.valid).toBe(false);
  }
  const throttled = await verify('203.0.113.10');
  expect(throttled.status).toBe(429);
  expect(throttled.body.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'THROTTLED', retryAfterSeconds: expect.any(Number) }) })]);
  expect(throttled.body.errors![0].extensions.retryAfterSeconds).toBeGreaterThan(0);
  expect(throttled.body.errors![0].extensions.retryAfterSeconds).toBeLessThanOrEqual(60);
  const other = await verify('203.0.113.11');
  expect(other.status).toBe(200);
});

test('parallel checks from one address pass the limit exactly: 10 at once with 3 allowed is 3 answers and 7 THROTTLED', async () => {
  const answers = await Promise.all(Array.from({ length: 10 }, () => verify('198.51.100.20')));
  expect(answers.filter((a) => a.status === 200)).toHaveLength(3);
  expect(answers.filter((a) => a.status === 429)).toHaveLength(7);
});

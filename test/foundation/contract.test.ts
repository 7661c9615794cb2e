import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { GraphQLEnumType } from 'graphql';
import { createStaffUser } from '../../src/access/access.service.js';
import { StaffRole } from '../../src/shared/roles.js';
import { schemaFor } from '../../src/app/schema.js';
import { ENDPOINTS } from '../../src/app/server.js';
import { ErrorCode, InputErrorReason } from '../../src/shared/errors.js';
import { HTTP_STATUS } from '../../src/shared/http-status.js';
import { wireSearch } from '../../src/search/wiring.js';
import { CatalogFixtures } from '../support/catalog-fixtures.js';
import { startTestServer, type TestServer } from '../support/server.js';

/**
 * The HTTP status policy (src/shared/http-status.ts, README "API conventions"), one real request per
 * row: request-level problems are 4xx with no `data`; errors of fields in an executed request are 200.
 */
const PASSWORD = 'a-long-test-password';
let server: TestServer;
let brandAdmin: Record<string, string>;
let customer: Record<string, string>;
const store = { 'x-store': 'mk-cn' };

beforeAll(async () => {
  server = await startTestServer();
  const em = server.db.orm.em.fork();
  const f = new CatalogFixtures(em);
  const mk = f.brand('michael-kors', { en: 'Michael Kors' });
  f.store('mk-cn', [mk]);
  await f.commit();
  await createStaffUser(server.db.orm.em.fork(), { email: 'admin@example.com', password: PASSWORD, role: StaffRole.BRAND_ADMIN, brandIds: [mk.id] });
  const login = await server.gql('admin', 'mutation($i: StaffLoginInput!) { staffLogin(input: $i) { accessToken } }', { i: { email: 'admin@example.com', password: PASSWORD } });
  brandAdmin = { authorization: `Bearer ${(login.data as any).staffLogin.accessToken}` };
  const input = { email: 'shopper@example.com', password: PASSWORD };
  await server.gql('storefront', 'mutation($i: CustomerCreateInput!) { customerCreate(input: $i) { userErrors { message } } }', { i: input }, store);
  const token = await server.gql(
    'storefront',
    'mutation($i: CustomerAccessTokenCreateInput!) { customerAccessTokenCreate(input: $i) { customerAccessToken { accessToken } } }',
    { i: input },
    store,
  );
  customer = { authorization: `Bearer ${(token.data as any).customerAccessTokenCreate.customerAccessToken.accessToken}` };
}, 120_000);
afterAll(() => server?.close());

interface Answer {
  status: number;
  codes: unknown[];
  hasData: boolean;
}

async function post(api: 'storefront' | 'admin', body: string, headers: Record<string, string> = {}): Promise<Answer> {
  const res = await fetch(server.url + ENDPOINTS[api], { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  const json = (await res.json()) as { data?: unknown; errors?: { extensions?: { code?: string; http?: unknown } }[] };
  for (const error of json.errors ?? []) expect(error.extensions).not.toHaveProperty('http');
  return { status: res.status, codes: (json.errors ?? []).map((e) => e.extensions?.code), hasData: json.data !== undefined };
}
const gql = (api: 'storefront' | 'admin', query: string, headers: Record<string, string> = {}, extra: object = {}) =>
  post(api, JSON.stringify({ query, ...extra }), headers);

const PRODUCTS = '{ products(first: 1) { nodes { handle } } }';

/** [row, request, expected]: a request-level row answers no data; a field-level one answers data beside its error. */
const ROWS: [string, () => Promise<Answer>, Answer][] = [
  ['BAD_REQUEST: malformed JSON', () => post('storefront', '{"query": ', store), { status: 400, codes: ['BAD_REQUEST'], hasData: false }],
  ['BAD_REQUEST: no query', () => post('storefront', '{}', store), { status: 400, codes: ['BAD_REQUEST'], hasData: false }],
  [
    'PAYLOAD_TOO_LARGE: over 64 KB to the Admin API without staff credentials',
    () => gql('admin', `{ __typename } # ${'x'.repeat(70_000)}`),
    { status: 413, codes: ['PAYLOAD_TOO_LARGE'], hasData: false },
  ],
  ['GRAPHQL_PARSE_FAILED', () => gql('storefront', '{ products(first: ', store), { status: 400, codes: ['GRAPHQL_PARSE_FAILED'], hasData: false }],
  [
    'GRAPHQL_PARSE_FAILED: over 3,000 tokens',
    () => gql('storefront', `{ ${'__typename '.repeat(3_001)}}`, store),
    { status: 400, codes: ['GRAPHQL_PARSE_FAILED'], hasData: false },
  ],
  [
    'GRAPHQL_VALIDATION_FAILED: too deep',
    () => gql('storefront', `{ products(first: 1) { nodes { ${'variants { product { '.repeat(6)}handle${' } }'.repeat(6)} } } }`, store),
    { status: 400, codes: ['GRAPHQL_VALIDATION_FAILED'], hasData: false },
  ],
  ['GRAPHQL_VALIDATION_FAILED', () => gql('storefront', '{ noSuchField }', store), { status: 400, codes: ['GRAPHQL_VALIDATION_FAILED'], hasData: false }],
  [
    'OPERATION_RESOLUTION_FAILURE',
    () => gql('storefront', 'query A { __typename } query B { __typename }', store, { operationName: 'C' }),
    { status: 400, codes: ['OPERATION_RESOLUTION_FAILURE'], hasData: false },
  ],
  [
    'BAD_USER_INPUT before execution: a variable of the wrong type',
    () => gql('storefront', 'query($n: Int) { products(first: $n) { totalCount } }', store, { variables: { n: 'ten' } }),
    { status: 400, codes: ['BAD_USER_INPUT'], hasData: false },
  ],
  ['UNAUTHENTICATED: a bad token', () => gql('storefront', PRODUCTS, { ...store, authorization: 'Bearer not-a-token' }), { status: 401, codes: ['UNAUTHENTICATED'], hasData: false }],
  ['UNAUTHENTICATED: no credentials on the Admin API', () => gql('admin', '{ staffMe { email } }'), { status: 401, codes: ['UNAUTHENTICATED'], hasData: false }],
  ['FORBIDDEN before execution: a customer token on the Admin API', () => gql('admin', '{ staffMe { email } }', customer), { status: 403, codes: ['FORBIDDEN'], hasData: false }],
  ['STORE_REQUIRED', () => gql('storefront', PRODUCTS), { status: 400, codes: ['STORE_REQUIRED'], hasData: true }],
  ['STORE_NOT_FOUND', () => gql('storefront', PRODUCTS, { 'x-store': 'no-such-store' }), { status: 404, codes: ['STORE_NOT_FOUND'], hasData: true }],
  [
    'FORBIDDEN in a field: a brand admin creating a brand group',
    () => gql('admin', 'mutation { brandGroupCreate(input: { handle: "capri", name: "Capri" }) { userErrors { code } } }', brandAdmin),
    { status: 200, codes: ['FORBIDDEN'], hasData: true },
  ],
  [
    'BAD_USER_INPUT in a field: a page over 100',
    () => gql('storefront', '{ store { handle } products(first: 101) { totalCount } }', store),
    { status: 200, codes: ['BAD_USER_INPUT'], hasData: true },
  ],
];

test.each(ROWS)('%s', async (_row, request, expected) => {
  expect(await request()).toEqual(expected);
});

test('SEARCH_UNAVAILABLE in a field: 200, and the other fields of the request still answer', async () => {
  const closed = http.createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  const deadUrl = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
  await new Promise((resolve) => closed.close(resolve));
  const previous = server.app.ports.search;
  server.app.ports.search = await wireSearch(server.app, { host: deadUrl, timeoutMs: 300 });
  try {
    const answer = await gql('storefront', '{ store { handle } search(query: "selma") { totalCount } }', store);
    expect(answer).toEqual({ status: 200, codes: ['SEARCH_UNAVAILABLE'], hasData: true });
  } finally {
    server.app.ports.search = previous ?? (await wireSearch(server.app));
  }
});

test('every ErrorCode has a row in the status table, and both schemas declare ErrorCode and InputErrorReason with every value', async () => {
  expect(Object.keys(HTTP_STATUS).sort()).toEqual(Object.keys(ErrorCode).sort());
  for (const api of ['storefront', 'admin'] as const) {
    const schema = await schemaFor(api);
    const codes = schema.getType('ErrorCode');
    const reasons = schema.getType('InputErrorReason');
    expect(codes).toBeInstanceOf(GraphQLEnumType);
    expect(reasons).toBeInstanceOf(GraphQLEnumType);
    expect((codes as GraphQLEnumType).getValues().map((v) => v.name).sort()).toEqual(Object.keys(ErrorCode).sort());
    expect((reasons as GraphQLEnumType).getValues().map((v) => v.name).sort()).toEqual(Object.keys(InputErrorReason).sort());
    expect((reasons as GraphQLEnumType).getValues().every((v) => v.description)).toBe(true);
  }
});

test('the reason of a BAD_USER_INPUT answer is an InputErrorReason', async () => {
  const res = await server.gql('storefront', '{ products(first: 101) { totalCount } }', {}, store);
  const reason = res.errors?.[0].extensions?.reason;
  expect(reason).toBe('PAGE_SIZE_EXCEEDED');
  expect(Object.keys(InputErrorReason)).toContain(reason);
});

import { startTestServer, type TestServer } from '../support/server.js';
import { en, SEARCH, seedSearchCatalog, SUGGEST } from './support.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
  await seedSearchCatalog(server);
});
afterAll(() => server.close());

const search = (variables: Record<string, unknown>, headers: Record<string, string> = en) => server.gql('storefront', SEARCH, { query: 'bag', ...variables }, headers);
const refusal = async (variables: Record<string, unknown>) => {
  const res = await search(variables);
  expect(res.data?.search ?? null).toBeNull();
  return { code: res.errors?.[0].extensions?.code, reason: res.errors?.[0].extensions?.reason, field: res.errors?.[0].extensions?.field, message: res.errors?.[0].message };
};

test('a query over 256 characters is refused; 256 is fine', async () => {
  expect(await refusal({ query: 'a'.repeat(257) })).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'QUERY_TOO_LONG', field: ['query'] });
  expect((await search({ query: 'bag '.repeat(64) })).errors).toBeUndefined();
});

test('an unknown facet is refused by the schema', async () => {
  const res = await search({ facets: [{ field: 'COLOUR' }] });
  expect(res.status).toBe(400);
  expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  expect(res.errors?.[0].message).toContain('SearchFacetField');
});

test.each([
  [{ facets: [{ field: 'OPTION' }] }, 'INVALID_FACET', ['facets', '0', 'option']],
  [{ facets: [{ field: 'BRAND', option: 'colour' }] }, 'INVALID_FACET', ['facets', '0', 'option']],
  [{ facets: [{ field: 'BRAND' }, { field: 'OPTION', option: 'col our"' }] }, 'UNKNOWN_FACET', ['facets', '1', 'option']],
  [{ facets: Array.from({ length: 21 }, (_, i) => ({ field: 'OPTION', option: `o${i}` })) }, 'TOO_MANY_FACETS', ['facets']],
  [{ filter: { price: { min: '500', max: '100' } } }, 'INVALID_PRICE_RANGE', ['filter', 'price']],
  [{ filter: { price: { min: '-1' } } }, 'NEGATIVE_PRICE', ['filter', 'price', 'min']],
  [{ filter: { price: { max: '12.345' } } }, 'INVALID_PRICE', ['filter', 'price', 'max']],
  [{ filter: { brands: Array.from({ length: 51 }, (_, i) => `b${i}`) } }, 'INVALID_FILTER', ['filter', 'brands']],
  [{ first: 101 }, 'PAGE_SIZE_EXCEEDED', ['first']],
  [{ first: -1 }, 'PAGE_SIZE_EXCEEDED', ['first']],
  [{ after: 'not-a-cursor' }, 'INVALID_CURSOR', ['after']],
  [{ after: Buffer.from(JSON.stringify(['2026-01-01', 'uuid'])).toString('base64url') }, 'INVALID_CURSOR', ['after']],
  [{ after: Buffer.from(JSON.stringify(['s', -1])).toString('base64url') }, 'INVALID_CURSOR', ['after']],
  [{ last: 5 }, 'INVALID_PAGINATION', ['last']],
  [{ reverse: true }, 'INVALID_SORT', ['reverse']],
])('%j is refused with %s', async (variables, reason, field) => {
  expect(await refusal(variables)).toMatchObject({ code: 'BAD_USER_INPUT', reason, field });
});

test('refusals name the problem', async () => {
  expect((await refusal({ facets: [{ field: 'OPTION' }] })).message).toContain('option code');
  expect((await refusal({ filter: { price: { min: '500', max: '100' } } })).message).toContain('greater than');
});

test('search needs a store', async () => {
  const res = await search({}, { 'accept-language': 'en' });
  expect(res.errors?.[0].extensions?.code).toBe('STORE_REQUIRED');
});

test('suggestions: long prefixes and big pages are refused, blanks return nothing', async () => {
  const suggest = (prefix: string, first?: number) => server.gql('storefront', SUGGEST, { prefix, first }, en);
  expect((await suggest('a'.repeat(257))).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'QUERY_TOO_LONG', field: ['prefix'] });
  expect((await suggest('bag', 51)).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'PAGE_SIZE_EXCEEDED', field: ['first'] });
  expect((await suggest('  ')).data?.searchSuggestions).toEqual([]);
  expect((await suggest(`"&|!:*()`)).data?.searchSuggestions).toEqual([]);
  expect((await suggest(`' or 1=1 --`)).errors).toBeUndefined();
});

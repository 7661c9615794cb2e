import { CustomerStore } from './customers-support.js';
import {
  CurrentCustomerDocument, CustomerAccessTokenDeleteDocument, CustomerProfileDocument, CustomerUpdateDocument,
} from '../generated/storefront.js';
import { dataOf, expectOk, expectUserError } from '../support/payload.js';

const world = new CustomerStore();
beforeAll(() => world.start());
afterAll(() => world.close());

const codes = (res: { errors?: readonly { extensions?: Record<string, unknown> }[] }) => res.errors?.map((e) => e.extensions?.code);

describe('customerAccessTokenDelete', () => {
  test('revokes the token: it is refused afterwards, while another token of the same customer still works', async () => {
    const { token } = await world.customer('revoke@example.com');
    const other = await world.signIn('revoke@example.com');
    const res = await world.gql(CustomerAccessTokenDeleteDocument, { input: { accessToken: token } });
    expect(expectOk(res.data?.customerAccessTokenDelete).deletedAccessToken).toBe(token);
    const after = await world.gql(CurrentCustomerDocument, {}, token);
    expect(codes(after)).toEqual(['UNAUTHENTICATED']);
    expect(after.status).toBe(401);
    expect(dataOf(await world.gql(CurrentCustomerDocument, {}, other)).customer?.email).toBe('revoke@example.com');
    expect(await world.count('customer_token_revocation')).toBe(1);
  });

  test('revoking the token of the request itself works; a second delete of it is UNAUTHENTICATED and writes nothing more', async () => {
    const { token } = await world.customer('self-revoke@example.com');
    expectOk((await world.gql(CustomerAccessTokenDeleteDocument, { input: { accessToken: token } }, token)).data?.customerAccessTokenDelete);
    const before = await world.count('customer_token_revocation');
    expect(codes(await world.gql(CustomerAccessTokenDeleteDocument, { input: { accessToken: token } }))).toEqual(['UNAUTHENTICATED']);
    expect(await world.count('customer_token_revocation')).toBe(before);
  });

  test('a malformed token or an empty one is refused and writes nothing', async () => {
    const before = await world.count('customer_token_revocation');
    expect(codes(await world.gql(CustomerAccessTokenDeleteDocument, { input: { accessToken: 'not-a-jwt' } }))).toEqual(['UNAUTHENTICATED']);
    expectUserError(dataOf(await world.gql(CustomerAccessTokenDeleteDocument, { input: { accessToken: '' } })).customerAccessTokenDelete, 'INVALID', ['input', 'accessToken']);
    expect(await world.count('customer_token_revocation')).toBe(before);
  });

  test('parallel deletes of one token: each one revokes it or finds it revoked, never an internal error; one revocation row', async () => {
    const { token, id } = await world.customer('parallel-revoke@example.com');
    const results = await Promise.all(Array.from({ length: 5 }, () => world.gql(CustomerAccessTokenDeleteDocument, { input: { accessToken: token } })));
    expect(results.some((r) => r.data?.customerAccessTokenDelete?.deletedAccessToken === token)).toBe(true);
    for (const r of results) {
      expect(r.data?.customerAccessTokenDelete ? r.data.customerAccessTokenDelete.deletedAccessToken : codes(r)?.join()).toEqual(expect.stringMatching(/^(eyJ.*|UNAUTHENTICATED)$/));
    }
    expect(await world.count('customer_token_revocation', 'customer_id = ?', [id])).toBe(1);
  });
});

describe('customerUpdate', () => {
  test('changes name, phone, locale (canonicalised) and sizes; omitted fields stay, null clears', async () => {
    const { token } = await world.customer('update@example.com', { firstName: 'Mei', lastName: 'Lin' });
    const sizes = [{ category: 'shoes', system: 'eu', value: '38' }, { category: 'ring', system: 'US', value: '6.5' }];
    const res = await world.gql(CustomerUpdateDocument, { input: { firstName: ' Mei Mei ', phone: '+8613800138000', preferredLocale: 'zh-cn', sizes } }, token);
    expect(expectOk(res.data?.customerUpdate).customer).toMatchObject({
      firstName: 'Mei Mei', lastName: 'Lin', phone: '+8613800138000', preferredLocale: 'zh-CN',
      sizes: [{ category: 'shoes', system: 'EU', value: '38' }, { category: 'ring', system: 'US', value: '6.5' }],
    });
    const cleared = await world.gql(CustomerUpdateDocument, { input: { lastName: null, sizes: [] } }, token);
    expect(expectOk(cleared.data?.customerUpdate).customer).toMatchObject({ firstName: 'Mei Mei', lastName: null, phone: '+8613800138000', sizes: [] });
    const profile = dataOf(await world.gql(CustomerProfileDocument, {}, token)).customer;
    expect(profile).toMatchObject({ email: 'update@example.com', firstName: 'Mei Mei', lastName: null, preferredLocale: 'zh-CN', addresses: [], defaultAddress: null });
  });

  test.each([
    ['a phone without the country code', { phone: '13800138000' }, ['input', 'phone']],
    ['a phone that is no real number', { phone: '+1000' }, ['input', 'phone']],
    ['a locale that is not BCP 47', { preferredLocale: 'en_US' }, ['input', 'preferredLocale']],
    ['an empty first name', { firstName: '' }, ['input', 'firstName']],
    ['a size with an empty value', { sizes: [{ category: 'shoes', system: 'EU', value: '' }] }, ['input', 'sizes', '0', 'value']],
    ['a size category with spaces', { sizes: [{ category: 'big shoes', system: 'EU', value: '38' }] }, ['input', 'sizes', '0', 'category']],
    ['21 sizes', { sizes: Array.from({ length: 21 }, (_, i) => ({ category: `c${i}`, system: 'EU', value: '1' })) }, ['input', 'sizes']],
    ['the same category and system twice', { sizes: [{ category: 'shoes', system: 'EU', value: '38' }, { category: 'shoes', system: 'eu', value: '39' }] }, ['input', 'sizes', '1']],
  ])('%s is an INVALID userError and writes nothing', async (_what, input, field) => {
    const { token, id } = await world.customer(`bad-update-${world.next()}@example.com`, { firstName: 'Ana' });
    const before = await world.row('customer', id);
    const res = await world.gql(CustomerUpdateDocument, { input: { lastName: 'Changed', ...input } }, token);
    expectUserError(res.data?.customerUpdate, 'INVALID', field);
    expect(await world.row('customer', id)).toEqual(before);
  });

  test('anonymous is UNAUTHENTICATED, even with input that would be invalid', async () => {
    expect(codes(await world.gql(CustomerUpdateDocument, { input: { firstName: 'X' } }))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await world.gql(CustomerUpdateDocument, { input: { phone: 'nope' } }))).toEqual(['UNAUTHENTICATED']);
  });
});

describe('accounts are platform-wide', () => {
  test('a token from store A reads and changes the same account on store B', async () => {
    const { token } = await world.customer('everywhere@example.com', {}, 'store-a');
    const onB = await world.gql(CustomerUpdateDocument, { input: { firstName: 'Both' } }, token, 'store-b');
    expect(expectOk(onB.data?.customerUpdate).customer.email).toBe('everywhere@example.com');
    expect(dataOf(await world.gql(CustomerProfileDocument, {}, token, 'store-a')).customer?.firstName).toBe('Both');
    expect(dataOf(await world.gql(CustomerProfileDocument, {}, token, 'store-b')).customer?.firstName).toBe('Both');
  });
});

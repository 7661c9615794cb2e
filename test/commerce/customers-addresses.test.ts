import { CustomerStore } from './customers-support.js';
import {
  CustomerAddressCreateDocument, CustomerAddressDeleteDocument, CustomerAddressUpdateDocument, CustomerDefaultAddressUpdateDocument,
  CustomerProfileDocument, type CustomerAddressInput,
} from '../generated/storefront.js';
import { dataOf, expectOk, expectUserError } from '../support/payload.js';

const world = new CustomerStore();
beforeAll(() => world.start());
afterAll(() => world.close());

const SHANGHAI: CustomerAddressInput = {
  firstName: 'Mei', lastName: 'Lin', address1: '1 Nanjing Road', city: 'Shanghai', province: 'Shanghai', zip: '200001', countryCode: 'cn', phone: '+8613800138000',
};
const MILAN: CustomerAddressInput = { address1: 'Via Montenapoleone 8', city: 'Milano', countryCode: 'IT', company: 'Atelier' };
const codes = (res: { errors?: readonly { extensions?: Record<string, unknown> }[] }) => res.errors?.map((e) => e.extensions?.code);

async function addAddress(token: string, address: CustomerAddressInput, setDefault?: boolean) {
  const res = await world.gql(CustomerAddressCreateDocument, { input: { address, setDefault } }, token);
  return expectOk(res.data?.customerAddressCreate);
}

test('the first address becomes the default; setDefault moves it; the profile lists them oldest first', async () => {
  const { token } = await world.customer('addresses@example.com');
  const first = await addAddress(token, SHANGHAI);
  expect(first.customerAddress).toMatchObject({ address1: '1 Nanjing Road', countryCode: 'CN', phone: '+8613800138000', company: null });
  expect(first.customer.defaultAddress?.id).toBe(first.customerAddress.id);
  const second = await addAddress(token, MILAN);
  expect(second.customer.defaultAddress?.id).toBe(first.customerAddress.id);
  const third = await addAddress(token, { ...MILAN, address1: 'Via della Spiga 2' }, true);
  expect(third.customer.defaultAddress?.id).toBe(third.customerAddress.id);
  const profile = dataOf(await world.gql(CustomerProfileDocument, {}, token)).customer!;
  expect(profile.addresses.map((a) => a.id)).toEqual([first, second, third].map((p) => p.customerAddress.id));
  expect(profile.defaultAddress?.id).toBe(third.customerAddress.id);

  const moved = await world.gql(CustomerDefaultAddressUpdateDocument, { input: { addressId: second.customerAddress.id } }, token);
  expect(expectOk(moved.data?.customerDefaultAddressUpdate).customer.defaultAddress?.id).toBe(second.customerAddress.id);
});

test('update changes the given fields, clears optional ones with null, and can make it the default', async () => {
  const { token } = await world.customer('address-update@example.com');
  await addAddress(token, SHANGHAI);
  const milan = (await addAddress(token, MILAN)).customerAddress;
  const res = await world.gql(CustomerAddressUpdateDocument, { input: { id: milan.id, address: { city: 'Milan', company: null, zip: '20121' }, setDefault: true } }, token);
  const updated = expectOk(res.data?.customerAddressUpdate);
  expect(updated.customerAddress).toMatchObject({ address1: 'Via Montenapoleone 8', city: 'Milan', company: null, zip: '20121', countryCode: 'IT' });
  expect(updated.customer.defaultAddress?.id).toBe(milan.id);
});

test('deleting the default promotes the oldest remaining address; deleting the last leaves none', async () => {
  const { token } = await world.customer('address-delete@example.com');
  const a = (await addAddress(token, SHANGHAI)).customerAddress.id;
  const b = (await addAddress(token, MILAN)).customerAddress.id;
  const c = (await addAddress(token, { ...MILAN, city: 'Roma' })).customerAddress.id;
  const del = (id: string) => world.gql(CustomerAddressDeleteDocument, { input: { id } }, token).then((r) => expectOk(r.data?.customerAddressDelete));
  expect((await del(b)).customer).toEqual({ addresses: [{ id: a }, { id: c }], defaultAddress: { id: a } });
  expect((await del(a)).customer).toEqual({ addresses: [{ id: c }], defaultAddress: { id: c } });
  const last = await del(c);
  expect(last).toMatchObject({ deletedCustomerAddressId: c, customer: { addresses: [], defaultAddress: null } });
});

describe('refused address mutations write nothing', () => {
  test.each([
    ['a country that is not ISO 3166-1 alpha-2', { ...SHANGHAI, countryCode: 'China' }, ['input', 'address', 'countryCode']],
    ['a phone that is not E.164', { ...SHANGHAI, phone: '021 1234 5678' }, ['input', 'address', 'phone']],
    ['an empty city', { ...SHANGHAI, city: '' }, ['input', 'address', 'city']],
    ['a zip over 20 characters', { ...SHANGHAI, zip: '1'.repeat(21) }, ['input', 'address', 'zip']],
    ['no address1', { city: 'Shanghai', countryCode: 'CN' }, ['input', 'address', 'address1']],
  ])('create with %s is INVALID', async (_what, address, field) => {
    const { token, id } = await world.customer(`bad-address-${world.next()}@example.com`);
    await addAddress(token, MILAN);
    const before = await world.addressState(id);
    expectUserError((await world.gql(CustomerAddressCreateDocument, { input: { address, setDefault: true } }, token)).data?.customerAddressCreate, 'INVALID', field);
    expect(await world.addressState(id)).toEqual(before);
  });

  test('update clearing a required field, or with a bad country, is INVALID', async () => {
    const { token, id } = await world.customer('bad-address-update@example.com');
    const milan = (await addAddress(token, MILAN)).customerAddress.id;
    const before = await world.addressState(id);
    const update = (address: CustomerAddressInput) => world.gql(CustomerAddressUpdateDocument, { input: { id: milan, address } }, token);
    expectUserError((await update({ city: null, zip: '1' })).data?.customerAddressUpdate, 'INVALID', ['input', 'address', 'city']);
    expectUserError((await update({ countryCode: 'XX', zip: '1' })).data?.customerAddressUpdate, 'INVALID', ['input', 'address', 'countryCode']);
    expect(await world.addressState(id)).toEqual(before);
  });

  test('another customer\'s address, or an id that is no address, is NOT_FOUND for every address mutation', async () => {
    const owner = await world.customer('owner@example.com');
    const ownerAddress = (await addAddress(owner.token, SHANGHAI)).customerAddress.id;
    const intruder = await world.customer('intruder@example.com');
    const intruderAddress = (await addAddress(intruder.token, MILAN)).customerAddress.id;
    const before = [await world.addressState(owner.id), await world.addressState(intruder.id)];
    for (const id of [ownerAddress, Buffer.from('Product:0190a000-0000-7000-8000-000000000000').toString('base64'), 'garbage']) {
      const upd = await world.gql(CustomerAddressUpdateDocument, { input: { id, address: { city: 'Stolen' }, setDefault: true } }, intruder.token);
      expectUserError(upd.data?.customerAddressUpdate, 'NOT_FOUND', ['input', 'id']);
      const del = await world.gql(CustomerAddressDeleteDocument, { input: { id } }, intruder.token);
      expectUserError(del.data?.customerAddressDelete, 'NOT_FOUND', ['input', 'id']);
      const def = await world.gql(CustomerDefaultAddressUpdateDocument, { input: { addressId: id } }, intruder.token);
      expectUserError(def.data?.customerDefaultAddressUpdate, 'NOT_FOUND', ['input', 'addressId']);
    }
    expect([await world.addressState(owner.id), await world.addressState(intruder.id)]).toEqual(before);
    const seen = dataOf(await world.gql(CustomerProfileDocument, {}, intruder.token)).customer!;
    expect(seen.addresses.map((a) => a.id)).toEqual([intruderAddress]);
  });

  test('at most 50 addresses, also under 55 parallel creates; the 51st is LIMIT_EXCEEDED and exactly one default', async () => {
    const { token, id } = await world.customer('many-addresses@example.com');
    const results = await Promise.all(
      Array.from({ length: 55 }, (_, i) => world.gql(CustomerAddressCreateDocument, { input: { address: { ...MILAN, address1: `Via ${i}` } } }, token)),
    );
    const payloads = results.map((r) => r.data?.customerAddressCreate);
    expect(payloads.filter((p) => p?.customerAddress)).toHaveLength(50);
    const refused = payloads.filter((p) => !p?.customerAddress);
    expect(refused).toHaveLength(5);
    for (const p of refused) expectUserError(p, 'LIMIT_EXCEEDED', ['input']);
    const state = await world.addressState(id);
    expect(state.addresses).toHaveLength(50);
    expect(state.addresses.map((a) => (a as { id: string }).id)).toContain(state.defaultAddressId);
  });
});

test('anonymous calls to every customer address mutation are UNAUTHENTICATED and write nothing', async () => {
  const before = await world.count('customer_address');
  const id = Buffer.from('CustomerAddress:0190a000-0000-7000-8000-000000000000').toString('base64');
  expect(codes(await world.gql(CustomerAddressCreateDocument, { input: { address: SHANGHAI } }))).toEqual(['UNAUTHENTICATED']);
  expect(codes(await world.gql(CustomerAddressUpdateDocument, { input: { id, address: { city: 'X' } } }))).toEqual(['UNAUTHENTICATED']);
  expect(codes(await world.gql(CustomerAddressDeleteDocument, { input: { id } }))).toEqual(['UNAUTHENTICATED']);
  expect(codes(await world.gql(CustomerDefaultAddressUpdateDocument, { input: { addressId: id } }))).toEqual(['UNAUTHENTICATED']);
  expect(await world.count('customer_address')).toBe(before);
});

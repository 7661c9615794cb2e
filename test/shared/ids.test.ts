import { GraphQLError } from 'graphql';
import { v7 as uuidv7 } from 'uuid';
import { decodeGlobalId, toGlobalId, tryDecodeGlobalId } from '../../src/shared/ids.js';

const uuid = uuidv7();

test('a global ID is opaque base64 of "Type:uuid" and decodes back', () => {
  const id = toGlobalId('Product', uuid);
  expect(id).not.toContain(uuid);
  expect(Buffer.from(id, 'base64').toString()).toBe(`Product:${uuid}`);
  expect(decodeGlobalId(id)).toEqual({ type: 'Product', id: uuid });
  expect(decodeGlobalId(id, ['Variant', 'Product'])).toEqual({ type: 'Product', id: uuid });
});

test.each([
  ['a different type', toGlobalId('Store', uuid)],
  ['a non-uuid key', toGlobalId('Product', '42')],
  ['not base64 of a global ID', 'hello world'],
  ['an empty string', ''],
])('%s is an INVALID_ID user error on the given field', (_what, id) => {
  let error: unknown;
  try {
    decodeGlobalId(id, 'Product', ['input', 'productId']);
  } catch (err) {
    error = err;
  }
  expect(error).toBeInstanceOf(GraphQLError);
  expect((error as GraphQLError).extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_ID', field: ['input', 'productId'] });
  expect((error as GraphQLError).message).toContain('a Product ID');
});

test('tryDecodeGlobalId answers null instead of throwing', () => {
  expect(tryDecodeGlobalId('garbage')).toBeNull();
  expect(tryDecodeGlobalId(toGlobalId('Brand', uuid))).toEqual({ type: 'Brand', id: uuid });
});

import { fromGlobalId, toGlobalId } from 'graphql-relay';
import { validate as isUuid } from 'uuid';
import { UserInputError } from '../app/errors.js';

export { toGlobalId };

/** Decodes an opaque global ID and checks it names the expected type; a malformed ID is a user error. */
export function decodeGlobalId(id: string, expectedType?: string | string[], field = ['id']): { type: string; id: string } {
  let decoded: { type: string; id: string };
  try {
    decoded = fromGlobalId(id);
  } catch {
    decoded = { type: '', id: '' };
  }
  const expected = expectedType === undefined ? undefined : ([] as string[]).concat(expectedType);
  if (!decoded.type || !isUuid(decoded.id) || (expected && !expected.includes(decoded.type))) {
    const what = expected ? `a ${expected.join(' or ')} ID` : 'a valid global ID';
    throw new UserInputError(`"${id}" is not ${what}`, 'INVALID_ID', field);
  }
  return decoded;
}

/** Like decodeGlobalId but returns null instead of throwing (node(id:) answers null for unknown IDs). */
export function tryDecodeGlobalId(id: string): { type: string; id: string } | null {
  try {
    return decodeGlobalId(id);
  } catch {
    return null;
  }
}

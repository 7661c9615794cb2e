import { validate as isUuid } from 'uuid';
import { UserInputError } from './errors.js';

/**
 * Relay global IDs, base64("Type:uuid"), the same encoding as graphql-relay's toGlobalId. Node's
 * Buffer does the base64: graphql-relay's browser-portable encoder cost 4% of a 50-product grid.
 */
export function toGlobalId(type: string, id: string): string {
  return Buffer.from(`${type}:${id}`, 'utf8').toString('base64');
}

function fromGlobalId(globalId: string): { type: string; id: string } {
  const decoded = Buffer.from(globalId, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? { type: '', id: '' } : { type: decoded.slice(0, colon), id: decoded.slice(colon + 1) };
}

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

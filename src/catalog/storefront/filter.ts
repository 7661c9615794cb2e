import { UserInputError } from '../../shared/errors.js';
import { validateInput } from '../../shared/user-errors.js';
import type { ProductFilter } from './types.js';

/** Query arguments are not mutations: an invalid filter is a BAD_USER_INPUT error naming the field. */
export async function validateFilter(filter: ProductFilter | undefined, path = ['filter']) {
  if (!filter) return;
  const [first] = await validateInput(filter, path);
  if (first) throw new UserInputError(`${first.field?.join('.')}: ${first.message}`, 'INVALID_FILTER', first.field);
}

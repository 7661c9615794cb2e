import type { EntityManager, EntityName } from '@mikro-orm/postgresql';
import { stateMachineErrorDescriptions } from '../../shared/state-machine.js';
import { DomainError, errorCodes, userErrorType } from '../../shared/user-errors.js';

export const CatalogErrorCode = errorCodes('CatalogErrorCode', {
  INVALID: 'The value is malformed or breaks a rule (see message).',
  TAKEN: 'The handle or SKU is already used.',
  NOT_FOUND: 'No such object (or it is not visible to you).',
  IN_USE: 'Still referenced (products, children, prices): remove those first.',
  ARCHIVED: 'The object is archived.',
  NOT_CARRIED: "The store does not carry the product's brand.",
  DUPLICATE_VARIANT: 'Another variant has the same option values.',
  BELOW_RESERVED: 'Stock on hand would fall below the units reserved.',
  INVALID_TRANSITION: stateMachineErrorDescriptions.INVALID_TRANSITION,
  STATE_CHANGED: stateMachineErrorDescriptions.STATE_CHANGED,
  FORBIDDEN: 'catalogImport lines: the brand or collection is not one you manage (other mutations raise a FORBIDDEN error).',
});
export type CatalogErrorCode = (typeof CatalogErrorCode)[keyof typeof CatalogErrorCode];

export const CatalogUserError = userErrorType('CatalogUserError', CatalogErrorCode);
export type CatalogUserError = InstanceType<typeof CatalogUserError>;

export const invalid = (message: string, field: (string | number)[]) => new DomainError(CatalogErrorCode.INVALID, message, field.map(String));
export const taken = (message: string, field: (string | number)[]) => new DomainError(CatalogErrorCode.TAKEN, message, field.map(String));
export const notFound = (what: string, field: (string | number)[]) =>
  new DomainError(CatalogErrorCode.NOT_FOUND, `No such ${what}`, field.map(String));
export const catalogError = (code: CatalogErrorCode, message: string, field: (string | number)[]) =>
  new DomainError(code, message, field.map(String));

/** Services check a handle before writing (a concurrent writer still meets the unique constraint: shared/transaction.ts). */
export async function assertHandleFree(tx: EntityManager, entity: EntityName<object>, what: string, handle: string): Promise<void> {
  if (await tx.count(entity, { handle } as never)) throw taken(`${what} handle "${handle}" is taken`, ['input', 'handle']);
}

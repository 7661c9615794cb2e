import { registerEnumType } from 'type-graphql';
import { stateMachineErrorDescriptions } from '../../shared/state-machine.js';
import { DomainError, userErrorType } from '../../shared/user-errors.js';

export const CatalogErrorCode = {
  INVALID: 'INVALID',
  TAKEN: 'TAKEN',
  NOT_FOUND: 'NOT_FOUND',
  IN_USE: 'IN_USE',
  ARCHIVED: 'ARCHIVED',
  NOT_CARRIED: 'NOT_CARRIED',
  DUPLICATE_VARIANT: 'DUPLICATE_VARIANT',
  BELOW_RESERVED: 'BELOW_RESERVED',
  IDEMPOTENCY_KEY_REUSED: 'IDEMPOTENCY_KEY_REUSED',
  INVALID_TRANSITION: 'INVALID_TRANSITION',
  STATE_CHANGED: 'STATE_CHANGED',
  FORBIDDEN: 'FORBIDDEN',
} as const;
export type CatalogErrorCode = (typeof CatalogErrorCode)[keyof typeof CatalogErrorCode];

registerEnumType(CatalogErrorCode, {
  name: 'CatalogErrorCode',
  valuesConfig: {
    INVALID: { description: 'The value is malformed or breaks a rule (see message).' },
    TAKEN: { description: 'The handle or SKU is already used.' },
    NOT_FOUND: { description: 'No such object (or it is not visible to you).' },
    IN_USE: { description: 'Still referenced (products, children, prices): remove those first.' },
    ARCHIVED: { description: 'The object is archived.' },
    NOT_CARRIED: { description: "The store does not carry the product's brand." },
    DUPLICATE_VARIANT: { description: 'Another variant has the same option values.' },
    BELOW_RESERVED: { description: 'Stock on hand would fall below the units reserved.' },
    IDEMPOTENCY_KEY_REUSED: { description: 'The idempotency key was used for a different request.' },
    INVALID_TRANSITION: { description: stateMachineErrorDescriptions.INVALID_TRANSITION },
    STATE_CHANGED: { description: stateMachineErrorDescriptions.STATE_CHANGED },
    FORBIDDEN: { description: 'catalogImport lines: the brand or collection is not one you manage (other mutations raise a FORBIDDEN error).' },
  },
});

export const CatalogUserError = userErrorType('CatalogUserError', CatalogErrorCode);
export type CatalogUserError = InstanceType<typeof CatalogUserError>;

export const invalid = (message: string, field: (string | number)[]) => new DomainError(CatalogErrorCode.INVALID, message, field.map(String));
export const taken = (message: string, field: (string | number)[]) => new DomainError(CatalogErrorCode.TAKEN, message, field.map(String));
export const notFound = (what: string, field: (string | number)[]) =>
  new DomainError(CatalogErrorCode.NOT_FOUND, `No such ${what}`, field.map(String));
export const catalogError = (code: CatalogErrorCode, message: string, field: (string | number)[]) =>
  new DomainError(code, message, field.map(String));

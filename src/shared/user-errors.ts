import { validate, type ValidationError } from 'class-validator';
import { Field, InterfaceType, ObjectType, registerEnumType } from 'type-graphql';

@InterfaceType({
  autoRegisterImplementations: false,
  description: 'A business rule or input check that refused a mutation; nothing was written.',
})
export abstract class UserError {
  @Field(() => [String], { nullable: true, description: 'Path to the input field at fault, e.g. ["input", "handle"].' })
  field?: string[];

  @Field()
  message!: string;
}

/** Thrown by services for expected business failures; payload() turns it into userErrors. */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly field?: string[],
  ) {
    super(message);
  }
}

export class DomainErrors extends Error {
  constructor(readonly errors: DomainError[]) {
    super(errors.map((e) => e.message).join('; '));
  }
}

/** Codes any domain's mutation can return, part of every domain's code enum through errorCodes(). */
export const SharedErrorCode = {
  IDEMPOTENCY_KEY_REUSED: 'IDEMPOTENCY_KEY_REUSED',
} as const;
export type SharedErrorCode = keyof typeof SharedErrorCode;

const sharedErrorDescriptions: Record<SharedErrorCode, string> = {
  IDEMPOTENCY_KEY_REUSED: 'The idempotency key was already used for a different request.',
};

/** A code enum as an object of its own names: `Codes.TAKEN === 'TAKEN'`. */
export type ErrorCodes<K extends string> = { readonly [C in K]: C };

/**
 * A domain's userError codes, `{ CODE: 'what it means' }`, plus the shared ones (SharedErrorCode),
 * registered as the GraphQL enum `name` with every value described. Use it for every domain's enum:
 * userErrorType() accepts no enum that lacks the shared codes.
 */
export function errorCodes<D extends Record<string, string>>(name: string, descriptions: D, description?: string) {
  const described: Record<string, string> = { ...descriptions, ...sharedErrorDescriptions };
  const codes = Object.fromEntries(Object.keys(described).map((code) => [code, code])) as ErrorCodes<Extract<keyof D, string> | SharedErrorCode>;
  const valuesConfig = Object.fromEntries(Object.entries(described).map(([code, text]) => [code, { description: text }]));
  registerEnumType(codes as Record<string, string>, { name, description, valuesConfig });
  return codes;
}

/** Creates `<Domain>UserError { code: <Domain>ErrorCode!, field, message }` implementing UserError; `codes` comes from errorCodes(). */
export function userErrorType<E extends ErrorCodes<SharedErrorCode>>(name: string, codes: E) {
  const missing = Object.keys(SharedErrorCode).filter((code) => !(code in codes));
  if (missing.length) throw new Error(`${name}: its code enum lacks ${missing.join(', ')}; build it with errorCodes()`);
  @ObjectType(name, { implements: UserError })
  class DomainUserError extends UserError {
    @Field(() => codes)
    code!: E[keyof E];
  }
  return DomainUserError;
}

export interface Payload {
  userErrors: { code: string; field?: string[]; message: string }[];
}

function flatten(errors: ValidationError[], path: string[]): DomainError[] {
  return errors.flatMap((e) => {
    const field = [...path, e.property];
    const own = Object.values(e.constraints ?? {}).map((m) => new DomainError('INVALID', m, field));
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

/** Validates a mutation input with its class-validator rules; failures come back as INVALID userErrors. */
export async function validateInput(input: object, path = ['input']): Promise<DomainError[]> {
  return flatten(await validate(input, { forbidUnknownValues: false }), path);
}

/**
 * Runs a mutation body and shapes its payload: input checks first, then the service call; a DomainError
 * becomes userErrors (the service's transaction has rolled back, so nothing was written).
 */
export async function payload<T extends object>(
  input: object | null,
  run: () => Promise<T>,
): Promise<T & Payload> {
  const invalid = input ? await validateInput(input) : [];
  if (invalid.length) return { userErrors: invalid.map(toUserError) } as T & Payload;
  try {
    const result = await run();
    return { ...result, userErrors: [] };
  } catch (err) {
    if (err instanceof DomainError) return { userErrors: [toUserError(err)] } as T & Payload;
    if (err instanceof DomainErrors) return { userErrors: err.errors.map(toUserError) } as T & Payload;
    throw err;
  }
}

function toUserError(e: DomainError) {
  return { code: e.code, field: e.field, message: e.message };
}

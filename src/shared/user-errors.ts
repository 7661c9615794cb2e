import { validate, type ValidationError } from 'class-validator';
import { Field, InterfaceType, ObjectType } from 'type-graphql';

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

/** Creates `<Domain>UserError { code: <Domain>ErrorCode!, field, message }` implementing UserError. */
export function userErrorType<E extends Record<string, string>>(name: string, codes: E) {
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

import * as currencies from 'dinero.js/currencies';
import { dinero, toDecimal, type DineroCurrency } from 'dinero.js';
import { GraphQLScalarType, Kind } from 'graphql';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { DomainError } from './user-errors.js';

/** Currencies the platform prices in; ISO 4217 codes, minor units from dinero.js. */
export enum CurrencyCode {
  CNY = 'CNY',
  USD = 'USD',
  EUR = 'EUR',
  GBP = 'GBP',
  JPY = 'JPY',
  HKD = 'HKD',
  KRW = 'KRW',
  SGD = 'SGD',
  CHF = 'CHF',
  AED = 'AED',
}
registerEnumType(CurrencyCode, { name: 'CurrencyCode', description: 'ISO 4217 currency code.' });

export function currencyOf(code: CurrencyCode): DineroCurrency<number> {
  return (currencies as unknown as Record<string, DineroCurrency<number>>)[code];
}

/** Minor units (fen, cents) to a decimal string with the currency's own exponent: 1299900 CNY -> "12999.00". */
export function formatMinor(amount: number, code: CurrencyCode): string {
  return toDecimal(dinero({ amount, currency: currencyOf(code) }));
}

/** Parses a decimal string into minor units, refusing more decimals than the currency has. */
export function parseDecimal(value: string, code: CurrencyCode, field: string[]): number {
  const exponent = Number(currencyOf(code).exponent);
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(value.trim());
  if (!match || (match[3]?.length ?? 0) > exponent) {
    throw new DomainError('INVALID', `"${value}" is not a ${code} amount with at most ${exponent} decimals`, field);
  }
  const minor = Number(match[2] + (match[3] ?? '').padEnd(exponent, '0'));
  if (!Number.isSafeInteger(minor)) throw new DomainError('INVALID', `"${value}" is too large`, field);
  return match[1] ? -minor : minor;
}

export const DecimalScalar = new GraphQLScalarType<string, string>({
  name: 'Decimal',
  description: 'An exact decimal number serialized as a string, e.g. "12999.00".',
  serialize: (value) => String(value),
  parseValue: (value) => {
    if (typeof value !== 'string' && typeof value !== 'number') throw new TypeError('Decimal must be a string');
    const s = String(value);
    if (!/^-?\d+(\.\d+)?$/.test(s)) throw new TypeError(`"${s}" is not a decimal number`);
    return s;
  },
  parseLiteral: (ast) => {
    if ((ast.kind === Kind.STRING || ast.kind === Kind.FLOAT || ast.kind === Kind.INT) && /^-?\d+(\.\d+)?$/.test(ast.value)) {
      return ast.value;
    }
    throw new TypeError('Decimal must be a string such as "12.50"');
  },
});

@ObjectType({ simpleResolvers: true, description: 'An amount in a currency.' })
export class Money {
  @Field(() => DecimalScalar) amount!: string;
  @Field(() => CurrencyCode) currencyCode!: CurrencyCode;

  static of(minor: number, currencyCode: CurrencyCode): Money {
    return Object.assign(new Money(), { amount: formatMinor(minor, currencyCode), currencyCode });
  }
}

import 'reflect-metadata';
import { Kind } from 'graphql';
import { CurrencyCode, DecimalScalar, formatMinor, Money, parseDecimal } from '../../src/shared/money.js';
import { DomainError } from '../../src/shared/user-errors.js';

describe('formatMinor uses each currency’s own exponent', () => {
  test.each([
    [1299900, CurrencyCode.CNY, '12999.00'],
    [1999, CurrencyCode.USD, '19.99'],
    [-5, CurrencyCode.USD, '-0.05'],
    [0, CurrencyCode.EUR, '0.00'],
    [1500, CurrencyCode.JPY, '1500'],
    [250000, CurrencyCode.KRW, '250000'],
  ])('%i %s -> %s', (minor, code, decimal) => {
    expect(formatMinor(minor, code)).toBe(decimal);
  });

  test('Money.of exposes the decimal string and the currency', () => {
    expect(Money.of(1299900, CurrencyCode.CNY)).toEqual(expect.objectContaining({ amount: '12999.00', currencyCode: 'CNY' }));
  });
});

describe('parseDecimal', () => {
  test.each([
    ['12999.00', CurrencyCode.CNY, 1299900],
    ['12999', CurrencyCode.CNY, 1299900],
    ['19.9', CurrencyCode.USD, 1990],
    [' 0.05 ', CurrencyCode.USD, 5],
    ['-1.25', CurrencyCode.EUR, -125],
    ['1500', CurrencyCode.JPY, 1500],
  ])('%j %s -> %i minor units', (value, code, minor) => {
    expect(parseDecimal(value, code, ['input', 'price'])).toBe(minor);
  });

  test.each([
    ['15.5', CurrencyCode.JPY],
    ['1.999', CurrencyCode.USD],
    ['12,50', CurrencyCode.EUR],
    ['1e3', CurrencyCode.USD],
    ['', CurrencyCode.USD],
    ['99999999999999999', CurrencyCode.USD],
  ])('%j %s is an INVALID domain error on the field', (value, code) => {
    let error: unknown;
    try {
      parseDecimal(value, code, ['input', 'price']);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'INVALID', field: ['input', 'price'] });
  });
});

describe('the Decimal scalar', () => {
  test('serializes as a string and accepts strings and numeric literals', () => {
    expect(DecimalScalar.serialize('12.50')).toBe('12.50');
    expect(DecimalScalar.parseValue('12.50')).toBe('12.50');
    expect(DecimalScalar.parseLiteral({ kind: Kind.STRING, value: '3.10' })).toBe('3.10');
    expect(DecimalScalar.parseLiteral({ kind: Kind.FLOAT, value: '3.10' })).toBe('3.10');
  });

  test('refuses what is not a plain decimal', () => {
    expect(() => DecimalScalar.parseValue('12.5.0')).toThrow('not a decimal');
    expect(() => DecimalScalar.parseValue(true)).toThrow();
    expect(() => DecimalScalar.parseLiteral({ kind: Kind.STRING, value: 'NaN' })).toThrow();
  });
});

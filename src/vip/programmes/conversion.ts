import type { EntityManager } from '@mikro-orm/postgresql';
import { convert, dinero, halfEven, toSnapshot, transformScale } from 'dinero.js';
import { currencyOf, type CurrencyCode } from '../../shared/money.js';
import { ExchangeRate } from './entities.js';

/** The rate valid at `at` (the latest validFrom not after it): "1" for the same currency, null when none is configured. */
export async function rateAt(em: EntityManager, from: CurrencyCode, to: CurrencyCode, at: Date): Promise<string | null> {
  if (from === to) return '1';
  const rate = await em.findOne(ExchangeRate, { from, to, validFrom: { $lte: at } }, { orderBy: { validFrom: 'desc' } });
  return rate ? normalizeRate(rate.rate) : null;
}

const normalizeRate = (rate: string) => rate.replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '');

/**
 * Converts minor units with dinero.js (exact scaled rate, both currencies' exponents, half-even at the
 * end): 100.00 EUR at 7.8234 -> 782.34 CNY; 10,000 JPY at 0.0479 -> 479.00 CNY.
 */
export function convertMinor(amount: number, from: CurrencyCode, to: CurrencyCode, rate: string): number {
  if (from === to) return amount;
  const [whole, fraction = ''] = normalizeRate(rate).split('.');
  const scaled = { amount: Number(whole + fraction), scale: fraction.length };
  const converted = convert(dinero({ amount, currency: currencyOf(from) }), currencyOf(to), { [to]: scaled });
  return toSnapshot(transformScale(converted, Number(currencyOf(to).exponent), halfEven)).amount;
}

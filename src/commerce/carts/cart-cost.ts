import { add, dinero, halfEven, multiply, toSnapshot, transformScale, type Dinero } from 'dinero.js';
import { currencyOf, type CurrencyCode } from '../../shared/money.js';

export interface TaxAndDelivery {
  pricesIncludeTax: boolean;
  taxRateBasisPoints: number;
  shippingFlatAmount: number;
  freeShippingThreshold: number | null;
}

export const NO_TERMS: TaxAndDelivery = { pricesIncludeTax: false, taxRateBasisPoints: 0, shippingFlatAmount: 0, freeShippingThreshold: null };

export interface CartCostMinor {
  subtotal: number;
  shipping: number;
  tax: number;
  total: number;
}

const amountOf = (d: Dinero<number>) => toSnapshot(d).amount;

/**
 * Cart totals in integer minor units with dinero.js. Tax applies to goods and shipping. Inclusive
 * prices: the total is what was shown and tax = total - total / (1 + rate); exclusive: tax = total x rate
 * is added. Both round half-even to the currency's minor unit.
 */
export function cartCost(currency: CurrencyCode, lineSubtotals: number[], shipsByPickup: boolean, terms: TaxAndDelivery): CartCostMinor {
  const cur = currencyOf(currency);
  const money = (amount: number) => dinero({ amount, currency: cur });
  const subtotal = lineSubtotals.map(money).reduce((a, b) => add(a, b), money(0));
  const subtotalMinor = amountOf(subtotal);
  const freeAbove = terms.freeShippingThreshold;
  const shipping =
    shipsByPickup || lineSubtotals.length === 0 || (freeAbove != null && subtotalMinor >= freeAbove) ? money(0) : money(terms.shippingFlatAmount);
  const taxable = add(subtotal, shipping);
  const bp = terms.taxRateBasisPoints;
  if (terms.pricesIncludeTax) {
    const gross = amountOf(taxable);
    // gross x bp / (10000 + bp), rounded half-even: dinero's own rounding with its calculator.
    const tax = halfEven(gross * bp, 10_000 + bp, taxable.calculator);
    return { subtotal: subtotalMinor, shipping: amountOf(shipping), tax, total: gross };
  }
  const tax = transformScale(multiply(taxable, { amount: bp, scale: 4 }), Number(cur.exponent), halfEven);
  return { subtotal: subtotalMinor, shipping: amountOf(shipping), tax: amountOf(tax), total: amountOf(add(taxable, tax)) };
}

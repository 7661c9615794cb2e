import { Qualification } from './entities.js';

/**
 * Qualifying periods, in UTC.
 * - CALENDAR_YEAR: spend counts from 1 January; a tier earned in year Y is kept until 1 January Y+2
 *   (the end of the next period); each later period is one more year.
 * - ROLLING_12_MONTHS: spend counts over the 12 months before now; a tier earned at t is kept until
 *   t + 12 months (the end of the 12 months after the ones that earned it); each later period is 12 months.
 */
const addMonths = (at: Date, months: number) => {
  const d = new Date(at);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d;
};
const startOfYear = (year: number) => new Date(Date.UTC(year, 0, 1));

/** The spend window that decides the tier at `at`: [from, at]. */
export function spendWindow(q: Qualification, at: Date): { from: Date; to: Date } {
  const from = q === Qualification.CALENDAR_YEAR ? startOfYear(at.getUTCFullYear()) : addMonths(at, -12);
  return { from, to: at };
}

/** When a tier earned (or renewed) at `at` stops being guaranteed. */
export function retentionEnd(q: Qualification, at: Date): Date {
  return q === Qualification.CALENDAR_YEAR ? startOfYear(at.getUTCFullYear() + 2) : addMonths(at, 12);
}

/** The end of the period that follows a period ending at `end` (one downgrade at most per period). */
export function nextPeriodEnd(q: Qualification, end: Date): Date {
  return q === Qualification.CALENDAR_YEAR ? startOfYear(end.getUTCFullYear() + 1) : addMonths(end, 12);
}

/** The spend window of the period that ends at `end` (what a member had to spend to keep the tier). */
export function periodEndingAt(q: Qualification, end: Date): { from: Date; to: Date } {
  return q === Qualification.CALENDAR_YEAR ? { from: startOfYear(end.getUTCFullYear() - 1), to: end } : { from: addMonths(end, -12), to: end };
}

/** Storefront `periodEndsAt`: when the current calendar year ends, or (rolling) when the tier is next re-assessed. */
export function currentPeriodEnd(q: Qualification, now: Date, retainedUntil: Date | null): Date {
  if (q === Qualification.CALENDAR_YEAR) return startOfYear(now.getUTCFullYear() + 1);
  return retainedUntil ?? addMonths(now, 12);
}

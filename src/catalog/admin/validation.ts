import { Matches, registerDecorator, type ValidationOptions } from 'class-validator';

/** Handles are URL slugs: lowercase letters and digits in words joined by single hyphens. */
export const HANDLE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Option and option value codes: lowercase words joined by hyphens or underscores. */
export const CODE = /^[a-z0-9]+(?:[-_][a-z0-9]+)*$/;
/** SKUs: letters, digits and . _ - / ; starting with a letter or digit. */
export const SKU = /^[A-Za-z0-9][A-Za-z0-9._\-/]*$/;
export const COUNTRY = /^[A-Z]{2}$/;

export const IsHandle = (opts?: ValidationOptions) =>
  Matches(HANDLE, { message: '$property must be a lowercase slug such as "selma-mini-bag"', ...opts });
export const IsCode = (opts?: ValidationOptions) =>
  Matches(CODE, { message: '$property must be a lowercase code such as "colour" or "dark-brown"', ...opts });
export const IsSku = (opts?: ValidationOptions) =>
  Matches(SKU, { message: '$property must be letters, digits and . _ - / (no spaces)', ...opts });
export const IsCountryCode = (opts?: ValidationOptions) =>
  Matches(COUNTRY, { message: '$property must be an ISO 3166-1 alpha-2 code such as "CN"', ...opts });

/** The canonical BCP 47 form ("zh-cn" -> "zh-CN"), or null when the tag is not a valid locale. */
export function canonicalLocale(tag: string): string | null {
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? null;
  } catch {
    return null;
  }
}

let timeZones: Set<string> | undefined;
export function isTimeZone(value: string): boolean {
  timeZones ??= new Set([...Intl.supportedValuesOf('timeZone'), 'UTC']);
  return timeZones.has(value);
}

function custom(name: string, test: (value: unknown) => boolean, message: string) {
  return (opts?: ValidationOptions) => (object: object, propertyName: string) =>
    registerDecorator({ name, target: object.constructor, propertyName, options: { message, ...opts }, validator: { validate: test } });
}

/** A BCP 47 language tag (checked with Intl.getCanonicalLocales), e.g. "en", "zh-CN", "fr". */
export const IsLocale = custom(
  'isLocale',
  (v) => typeof v === 'string' && v.length <= 35 && canonicalLocale(v) !== null,
  '$property must be a BCP 47 locale such as "en" or "zh-CN"',
);

/** Every element a BCP 47 language tag. */
export const IsLocaleList = custom(
  'isLocaleList',
  (v) => Array.isArray(v) && v.every((t) => typeof t === 'string' && canonicalLocale(t) !== null),
  '$property must list BCP 47 locales such as "en" or "zh-CN"',
);

/** An IANA time zone known to this runtime (Intl.supportedValuesOf), e.g. "Asia/Shanghai". */
export const IsTimeZone = custom(
  'isTimeZone',
  (v) => typeof v === 'string' && isTimeZone(v),
  '$property must be an IANA time zone such as "Asia/Shanghai"',
);

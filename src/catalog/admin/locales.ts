import { invalid } from './errors.js';
import { canonicalLocale } from './validation.js';

type Path = (string | number)[];

/** [{ locale, ...texts }] -> { "<canonical locale>": { ...texts } }; a locale given twice is refused. */
export function localeEntries<T extends { locale: string }>(items: T[], path: Path): Record<string, Omit<T, 'locale'>> {
  const out: Record<string, Omit<T, 'locale'>> = {};
  items.forEach((item, i) => {
    const locale = canonicalLocale(item.locale);
    if (!locale) throw invalid(`"${item.locale}" is not a BCP 47 locale`, [...path, i, 'locale']);
    if (out[locale]) throw invalid(`Locale ${locale} is given twice`, [...path, i, 'locale']);
    const { locale: _omit, ...texts } = item;
    out[locale] = Object.fromEntries(Object.entries(texts).filter(([, v]) => v !== undefined && v !== null)) as Omit<T, 'locale'>;
  });
  return out;
}

/** [{ locale, value }] -> { locale: value }. */
export function textMap(items: { locale: string; value: string }[], path: Path): Record<string, string> {
  const entries = localeEntries(items, path);
  return Object.fromEntries(Object.entries(entries).map(([locale, { value }]) => [locale, value]));
}

/** Merges translations per locale: the given locales' fields replace the stored ones, other locales stay. */
export function mergeTranslations<T extends object>(
  stored: Record<string, Partial<T>>,
  given: Record<string, Partial<T>>,
): Record<string, Partial<T>> {
  const out = { ...stored };
  for (const [locale, fields] of Object.entries(given)) out[locale] = { ...(stored[locale] ?? {}), ...fields };
  return out;
}

export function canonicalLocales(tags: string[], path: Path): string[] {
  const out: string[] = [];
  tags.forEach((tag, i) => {
    const locale = canonicalLocale(tag);
    if (!locale) throw invalid(`"${tag}" is not a BCP 47 locale`, [...path, i]);
    if (!out.includes(locale)) out.push(locale);
  });
  return out;
}

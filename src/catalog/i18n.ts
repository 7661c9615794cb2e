import type { Translations } from './entities/translations.js';

/**
 * The fallback chain: the locales the shopper asked for (accept-language, most preferred first, each
 * followed by its base language), then the store's default locale, then the brand's.
 */
export function localeChain(requested: string[], storeDefault?: string, brandDefault?: string): string[] {
  const chain: string[] = [];
  const add = (locale?: string) => {
    if (locale && !chain.includes(locale)) chain.push(locale);
  };
  for (const locale of requested) {
    add(locale);
    add(locale.split('-')[0]);
  }
  add(storeDefault);
  add(brandDefault);
  return chain;
}

/** Picks the first locale in the chain that has the field; falls back to any locale rather than nothing. */
export function pick<T extends object, K extends keyof T>(
  translations: Translations<T>,
  field: K,
  chain: string[],
): { value: T[K] | undefined; locale: string | undefined } {
  for (const locale of chain) {
    const value = translations[locale]?.[field];
    if (value !== undefined && value !== null && value !== '') return { value, locale };
  }
  const [locale, entry] = Object.entries(translations).find(([, t]) => t[field]) ?? [];
  return { value: entry?.[field], locale };
}

/** Same chain for plain { locale: text } maps (option names, media alt text). */
export function pickText(names: Record<string, string> | undefined, chain: string[]): string | undefined {
  if (!names) return undefined;
  for (const locale of chain) if (names[locale]) return names[locale];
  return Object.values(names)[0];
}

const TAG = /<[^>]*>/g;
const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&nbsp;': ' ' };

export function htmlToText(html: string): string {
  return html
    .replace(/<br\s*\/?>|<\/p>/gi, '\n')
    .replace(TAG, '')
    .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (e) => ENTITIES[e])
    .replace(/[ \t]+/g, ' ')
    .replace(/\n\s*\n+/g, '\n')
    .trim();
}

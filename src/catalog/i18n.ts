import { bestLocale } from '../shared/locale.js';
import type { Translations } from './entities/translations.js';

/**
 * The fallback chain: the locales the shopper asked for (accept-language, most preferred first), then
 * the store's default locale, then the brand's. Each entry is matched against the translations that
 * exist by `bestLocale` (likely subtags: "zh" and "zh-Hans-CN" find "zh-CN", "en-GB" finds "en"; a
 * Traditional Chinese request never finds Simplified), so the chain names what was wanted, not
 * spellings of it.
 */
export function localeChain(requested: string[], storeDefault?: string, brandDefault?: string): string[] {
  return [...new Set([...requested, storeDefault, brandDefault].filter((l): l is string => !!l))];
}

/**
 * Walks the chain: each wanted locale takes its exact key, else the best-matching one, before the next
 * wanted locale is tried; falls back to any locale rather than nothing. `locale` is the key served.
 */
export function pick<T extends object, K extends keyof T>(
  translations: Translations<T>,
  field: K,
  chain: string[],
): { value: T[K] | undefined; locale: string | undefined } {
  const filled = (locale: string) => {
    const value = translations[locale]?.[field];
    return value !== undefined && value !== null && value !== '';
  };
  const locale = servedLocale(translations, filled, chain);
  return { value: locale === undefined ? undefined : translations[locale]![field], locale };
}

/** Same chain for plain { locale: text } maps (option names, media alt text). */
export function pickText(names: Record<string, string> | undefined, chain: string[]): string | undefined {
  if (!names) return undefined;
  const locale = servedLocale(names, (l) => !!names[l], chain);
  return locale === undefined ? undefined : names[locale];
}

function servedLocale(byLocale: object, filled: (locale: string) => boolean, chain: string[]): string | undefined {
  let available: string[] | undefined; // listed only when an exact key misses
  for (const wanted of chain) {
    if (filled(wanted)) return wanted;
    available ??= Object.keys(byLocale).filter(filled);
    const match = bestLocale(wanted, available);
    if (match) return match;
  }
  return available ? available[0] : Object.keys(byLocale).find(filled);
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

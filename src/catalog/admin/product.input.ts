import { randomUUID } from 'node:crypto';
import type { MediaData, ProductOptionData, ProductText, Translations } from '../entities/translations.js';
import { invalid } from './errors.js';
import { localeEntries, textMap } from './locales.js';
import type { MediaInput, ProductOptionInput, ProductTranslationInput } from './types/product.types.js';

/** Turns the GraphQL shapes of product content into the stored jsonb shapes, checking locales on the way. */
export function productTranslations(items: ProductTranslationInput[]): Translations<ProductText> {
  return localeEntries(items, ['input', 'translations']) as Translations<ProductText>;
}

export function requireTitle(translations: Translations<ProductText>, locale: string, path: string[] = ['input', 'translations']) {
  if (!translations[locale]?.title) throw invalid(`A title in the brand's default locale (${locale}) is required`, path);
}

export function optionsFrom(items: ProductOptionInput[]): ProductOptionData[] {
  return items.map((option, i) => ({
    code: option.code,
    names: textMap(option.names, ['input', 'options', i, 'names']),
    values: option.values.map((value, j) => ({
      code: value.code,
      names: textMap(value.names, ['input', 'options', i, 'values', j, 'names']),
    })),
  }));
}

/** Media keep their id when the same URL is given again, so storefront caches keyed on it stay valid. */
export function mediaFrom(items: MediaInput[], previous: MediaData[] = []): MediaData[] {
  return items.map((item, i) => {
    const kept = previous.find((m) => m.url === item.url);
    const media: MediaData = { id: kept?.id ?? randomUUID(), url: item.url, alt: textMap(item.alt ?? [], ['input', 'media', i, 'alt']) };
    if (item.width) media.width = item.width;
    if (item.height) media.height = item.height;
    return media;
  });
}

export function normalizeTags(tags: string[]): string[] {
  return [...new Set(tags.map((t) => t.trim()).filter(Boolean))];
}

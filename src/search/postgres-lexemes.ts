import type { SearchDocument } from './document.js';
import { words } from './text.js';

/**
 * tsvector / tsquery literals built in the application: the words are already folded and segmented
 * (PostgreSQL's parsers would split CJK wrongly and treat "&|!:*()" as operators). Every lexeme is
 * quoted, so no user text can ever be read as tsquery syntax.
 *
 * Besides words, each row carries "~" lexemes (no word starts with "~"): its scope (store and
 * locale) and its facet values, so one GIN lookup answers "this store's products in this category".
 */
export function quoteLexeme(lexeme: string): string {
  return `'${lexeme.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

export const scopeLexeme = (storeId: string, locale: string) => `~${storeId}/${locale}`;
export const facetLexeme = {
  brand: (handle: string) => `~b:${handle}`,
  category: (handle: string) => `~c:${handle}`,
  tag: (tag: string) => `~t:${tag}`,
  collection: (handle: string) => `~k:${handle}`,
  option: (option: string, value: string) => `~o:${option}:${value}`,
};

const MAX_POSITION = 16383;

/**
 * The tsvector literal of one document's text in a locale, with weights A (title, brand), B, C
 * (description); `locales` are the store locales that share this exact text (one scope lexeme each).
 */
export function documentTsvector(doc: SearchDocument, locales: string[]): { tsvector: string; words: string[] } {
  const text = doc.texts[locales[0]];
  const fields: [string, 'A' | 'B' | 'C'][] = [
    [text.title, 'A'],
    [doc.brandNames, 'A'],
    [text.categoryNames, 'B'],
    [doc.keywords, 'B'],
    [text.optionNames, 'B'],
    [text.description, 'C'],
  ];
  const positions = new Map<string, string[]>();
  let position = 1;
  for (const [value, weight] of fields) {
    for (const word of words(value)) {
      const list = positions.get(word) ?? [];
      if (list.length < 8) list.push(`${Math.min(position, MAX_POSITION)}${weight}`);
      positions.set(word, list);
      position++;
    }
    position += 8; // a gap between fields
  }
  const markers = [
    ...locales.map((locale) => scopeLexeme(doc.storeId, locale)),
    facetLexeme.brand(doc.brand),
    ...doc.categories.map(facetLexeme.category),
    ...doc.tags.map(facetLexeme.tag),
    ...doc.collections.map(facetLexeme.collection),
    ...doc.options.map((o) => facetLexeme.option(o.slice(0, o.indexOf(':')), o.slice(o.indexOf(':') + 1))),
  ];
  const parts = [...positions].map(([word, list]) => `${quoteLexeme(word)}:${list.join(',')}`);
  for (const marker of new Set(markers)) parts.push(quoteLexeme(marker));
  return { tsvector: parts.join(' '), words: [...positions.keys()] };
}

/** `'a' | 'b'`, optionally restricted to weights (suggestions match titles and brands only: A). */
export function anyOf(lexemes: string[], weights = ''): string {
  const list = [...new Set(lexemes)].map((l) => quoteLexeme(l) + (weights ? `:${weights}` : ''));
  return list.length === 1 ? list[0] : `(${list.join(' | ')})`;
}

export function allOf(parts: string[]): string {
  return parts.length === 1 ? parts[0] : parts.map((p) => `(${p})`).join(' & ');
}

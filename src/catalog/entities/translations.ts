/**
 * Localized content lives beside the row it translates, as { "<BCP 47 locale>": { field: text } }:
 * one read returns every locale, and the fallback chain is resolved in memory (see i18n.ts).
 */
export type Translations<T extends object> = Record<string, Partial<T>>;

export interface ProductText {
  title: string;
  descriptionHtml: string;
}

export interface NameText {
  name: string;
}

export interface CollectionText {
  title: string;
  descriptionHtml: string;
}

export interface BrandText {
  name: string;
  story: string;
}

/** An option (colour, size) and its values, with their names per locale. */
export interface ProductOptionData {
  code: string;
  names: Record<string, string>;
  values: { code: string; names: Record<string, string> }[];
}

export interface MediaData {
  id: string;
  url: string;
  alt: Record<string, string>;
  width?: number;
  height?: number;
}

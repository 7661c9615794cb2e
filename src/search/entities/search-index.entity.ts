import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

/**
 * The PostgreSQL engine's index: one row per product visible in a store, per store locale, rebuilt
 * in the transaction that changes the product (no index lag). `tsv` holds the folded, CJK-segmented
 * words of the locale's text with weights (A title and brand, B category, tags and options, C
 * description), each prefixed with the row's scope tag, plus marker lexemes for title words and
 * facet values (see postgres-lexemes.ts). The other columns are what filters, sorts and facets read.
 */
@Entity({ tableName: 'search_document' })
@Index({ name: 'search_document_tsv_idx', expression: 'create index search_document_tsv_idx on search_document using gin (tsv)' })
@Index({ name: 'search_document_product_idx', properties: ['productId'] })
export class SearchIndexDocument {
  @PrimaryKey({ type: 'uuid' })
  storeId!: string;

  @PrimaryKey({ type: 'text' })
  locale!: string;

  @PrimaryKey({ type: 'uuid' })
  productId!: string;

  @Property({ columnType: 'tsvector' })
  tsv!: string;

  @Property({ type: 'text' })
  handle!: string;

  /** Display title in this locale (suggestions). */
  @Property({ type: 'text' })
  title!: string;

  @Property({ type: 'text' })
  brand!: string;

  @Property({ type: 'text[]' })
  categories!: string[];

  @Property({ type: 'text[]' })
  tags!: string[];

  @Property({ type: 'text[]' })
  collections!: string[];

  @Property({ type: 'text[]' })
  options!: string[];

  /** The price buckets the product's price range is in, space-separated ("1000-2500 2500-5000"). */
  @Property({ type: 'text' })
  priceBucket!: string;

  @Property({ type: 'bigint', runtimeType: 'number' })
  minPrice!: number;

  @Property({ type: 'bigint', runtimeType: 'number' })
  maxPrice!: number;

  @Property({ type: 'boolean' })
  available!: boolean;

  @Property({ type: 'timestamptz' })
  createdAt!: Date;

  @Property({ type: 'text' })
  sortTitle!: string;

  @Property({ type: 'integer' })
  unitsSold!: number;
}

/**
 * Every folded word ever indexed: typo candidates come from its trigram index (nearest words by
 * trigram distance, then a real edit-distance check) and prefix completions from its pattern index.
 * Words are never removed: a stale word only expands a query into a term that matches nothing.
 */
@Entity({ tableName: 'search_word' })
@Index({ name: 'search_word_trgm_idx', expression: 'create index search_word_trgm_idx on search_word using gist (word gist_trgm_ops)' })
@Index({ name: 'search_word_prefix_idx', expression: 'create index search_word_prefix_idx on search_word (word text_pattern_ops)' })
export class SearchWord {
  @PrimaryKey({ type: 'text' })
  word!: string;
}

export const searchEntities = [SearchIndexDocument, SearchWord];

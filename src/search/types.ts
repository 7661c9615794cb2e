import { Field, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Product } from '../catalog/entities/product.entity.js';
import { DecimalScalar } from '../shared/money.js';
import { PageInfo } from '../shared/pagination.js';

export enum SearchSortKey {
  RELEVANCE = 'RELEVANCE',
  PRICE = 'PRICE',
  CREATED_AT = 'CREATED_AT',
  TITLE = 'TITLE',
  BEST_SELLING = 'BEST_SELLING',
}
registerEnumType(SearchSortKey, {
  name: 'SearchSortKey',
  valuesConfig: {
    RELEVANCE: { description: 'Best match first: more words matched, then fewer typos (a completion of the last word is no typo), then exact words before completions; title and brand over description; ties by newest, then product id (a stable order). Newest first when browsing (empty query). Cannot be reversed.' },
    PRICE: { description: 'Lowest variant price in the store, cheapest first; relevance breaks ties.' },
    CREATED_AT: { description: 'Oldest first.' },
    TITLE: { description: "Title in the store's default locale, A to Z." },
    BEST_SELLING: { description: 'Most units sold first.' },
  },
});

export enum SearchFacetField {
  BRAND = 'BRAND',
  CATEGORY = 'CATEGORY',
  TAG = 'TAG',
  OPTION = 'OPTION',
  PRICE = 'PRICE',
  AVAILABILITY = 'AVAILABILITY',
}
registerEnumType(SearchFacetField, {
  name: 'SearchFacetField',
  valuesConfig: {
    BRAND: { description: 'Values are brand handles (filter.brands).' },
    CATEGORY: { description: 'Values are category handles, ancestors included (filter.category).' },
    TAG: { description: 'Values are tags (filter.tags).' },
    OPTION: { description: 'Values of one option, named by `option` (filter.optionValues).' },
    PRICE: {
      description:
        'Price buckets in major units, e.g. "1000-2500" (from 1,000 included to 2,500 excluded) or "100000-" (100,000 and more), with typed bounds `min` and `max` for filter.price. ' +
        'A product is in every bucket its price range (lowest to highest variant price) overlaps, by the same rule as filter.price, so a bucket\'s count is the totalCount of the search with that bucket as filter.price.',
    },
    AVAILABILITY: { description: 'Values are "true" and "false" (filter.availableForSale).' },
  },
});

export enum SearchSuggestionKind {
  PRODUCT = 'PRODUCT',
  BRAND = 'BRAND',
  CATEGORY = 'CATEGORY',
}
registerEnumType(SearchSuggestionKind, { name: 'SearchSuggestionKind' });

@InputType({ description: 'A facet to count. Counts ignore the filter on their own field (disjunctive faceting).' })
export class SearchFacet {
  @Field(() => SearchFacetField) field!: SearchFacetField;
  @Field(() => String, { nullable: true, description: 'Option code (e.g. "colour"); required for OPTION, refused otherwise.' })
  option?: string | null;
}

@ObjectType()
export class SearchFacetValue {
  @Field({ description: 'What to put in the filter: a handle, tag, option value code, price bucket or "true"/"false".' })
  value!: string;
  @Field({ description: 'Localized display name.' })
  label!: string;
  @Field(() => Int, { description: 'Products matching the query and the other facets’ filters.' })
  count!: number;
  @Field(() => DecimalScalar, { nullable: true, description: "PRICE buckets: the lower bound (included) in the store's currency, to pass as filter.price.min; null for other facets." })
  min!: string | null;
  @Field(() => DecimalScalar, { nullable: true, description: "PRICE buckets: the upper bound (excluded), to pass as filter.price.max; null for the open-ended last bucket and for other facets." })
  max!: string | null;
}

@ObjectType()
export class SearchFacetResult {
  @Field(() => SearchFacetField) field!: SearchFacetField;
  @Field(() => String, { nullable: true }) option!: string | null;
  @Field(() => [SearchFacetValue]) values!: SearchFacetValue[];
}

@ObjectType('ProductSearchEdge')
export class ProductSearchEdge {
  @Field() cursor!: string;
  @Field(() => Product) node!: Product;
}

@ObjectType('ProductSearchConnection', { description: 'Products matching a search, best first, with facet counts.' })
export class ProductSearchConnection {
  @Field(() => [ProductSearchEdge]) edges!: ProductSearchEdge[];
  @Field(() => [Product]) nodes!: Product[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
  @Field(() => Int) totalCount!: number;
  @Field(() => [SearchFacetResult], { description: 'One entry per requested facet, in request order.' })
  facets!: SearchFacetResult[];
}

@ObjectType({ description: 'A completion for the search box.' })
export class SearchSuggestion {
  @Field(() => SearchSuggestionKind) kind!: SearchSuggestionKind;
  @Field({ description: 'Localized text to show (a product title, brand or category name).' }) text!: string;
  @Field({ description: 'Handle of the product, brand or category.' }) handle!: string;
}

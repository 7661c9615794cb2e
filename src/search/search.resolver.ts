import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';
import { Arg, Args, Ctx, Info, Int, Query, Resolver } from 'type-graphql';
import type { Context } from '../shared/context.js';
import { ProductFilter } from '../catalog/storefront/types.js';
import { ConnectionArgs } from '../shared/pagination.js';
import { MAX_SUGGESTIONS, searchProducts, searchSuggestions } from './search.service.js';
import { MAX_QUERY_LENGTH } from './text.js';
import { ProductSearchConnection, SearchFacet, SearchSortKey, SearchSuggestion } from './types.js';

/** Whether the client selected a field of the returned object (fragments included). */
function selects(info: GraphQLResolveInfo, name: string): boolean {
  const visit = (set: SelectionSetNode | undefined): boolean =>
    !!set?.selections.some((s) => {
      if (s.kind === Kind.FIELD) return s.name.value === name;
      if (s.kind === Kind.INLINE_FRAGMENT) return visit(s.selectionSet);
      return visit(info.fragments[s.name.value]?.selectionSet);
    });
  return info.fieldNodes.some((node) => visit(node.selectionSet));
}

@Resolver()
export class SearchResolver {
  @Query(() => ProductSearchConnection, {
    nullable: true,
    description:
      `Products of the current store matching a query (at most ${MAX_QUERY_LENGTH} characters), in the request locale: words in any ` +
      'order, typo-tolerant (one typo from 5 letters, two from 9), diacritics ignored, Chinese segmented. An empty query browses ' +
      'every product. Facet counts follow the other facets’ filters. Null, with a SEARCH_UNAVAILABLE error, when the search ' +
      'service is down: the other fields of the request still answer.',
  })
  search(
    @Arg('query') query: string,
    @Args() page: ConnectionArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg('filter', () => ProductFilter, { nullable: true }) filter?: ProductFilter,
    @Arg('sortKey', () => SearchSortKey, { defaultValue: SearchSortKey.RELEVANCE }) sortKey: SearchSortKey = SearchSortKey.RELEVANCE,
    @Arg('reverse', { defaultValue: false }) reverse: boolean = false,
    @Arg('facets', () => [SearchFacet], { nullable: true }) facets?: SearchFacet[],
  ): Promise<ProductSearchConnection | null> {
    return searchProducts(ctx, { query, page, filter, sortKey, reverse, facets, withTotal: selects(info, 'totalCount') });
  }

  @Query(() => [SearchSuggestion], { nullable: true, description: 'Completions for a search box: brands, categories, then product titles. Null when search is unavailable.' })
  searchSuggestions(
    @Arg('prefix') prefix: string,
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true, defaultValue: 10, description: `At most ${MAX_SUGGESTIONS}; null means 10.` }) first: number | null = 10,
  ): Promise<SearchSuggestion[] | null> {
    return searchSuggestions(ctx, prefix, first ?? 10);
  }
}

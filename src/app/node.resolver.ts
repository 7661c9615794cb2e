import { Arg, Authorized, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { Context } from '../shared/context.js';
import { Node } from '../shared/entity.js';
import { tryDecodeGlobalId } from '../shared/ids.js';
import { nodeFetchers } from './modules.js';

const DESCRIPTION = 'Fetches any object by its global ID; null when unknown or not visible.';

function fetchNode(ctx: Context, id: string): Promise<object | null> {
  const decoded = tryDecodeGlobalId(id);
  const fetch = decoded && nodeFetchers[ctx.api][decoded.type];
  return fetch ? fetch(ctx, decoded.id) : Promise.resolve(null);
}

@Resolver()
export class StorefrontNodeResolver {
  @Query(() => Node, { nullable: true, description: DESCRIPTION })
  node(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return fetchNode(ctx, id);
  }
}

/** On the Admin API only staff and API keys look anything up; each fetcher then applies brand scope. */
@Resolver()
export class AdminNodeResolver {
  @Query(() => Node, { nullable: true, description: DESCRIPTION })
  @Authorized()
  node(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return fetchNode(ctx, id);
  }
}

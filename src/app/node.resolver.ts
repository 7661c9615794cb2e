import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { Node } from '../shared/entity.js';
import { tryDecodeGlobalId } from '../shared/ids.js';
import { nodeFetcher } from '../shared/nodes.js';
import type { Context } from './context.js';

@Resolver()
export class NodeResolver {
  @Query(() => Node, { nullable: true, description: 'Fetches any object by its global ID; null when unknown or not visible.' })
  node(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<object | null> {
    const decoded = tryDecodeGlobalId(id);
    const fetch = decoded && nodeFetcher(decoded.type);
    return fetch ? fetch(ctx, decoded.id) : Promise.resolve(null);
  }
}

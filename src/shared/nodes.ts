import type { Context } from '../app/context.js';

type NodeFetcher = (ctx: Context, id: string) => Promise<object | null>;

const fetchers = new Map<string, NodeFetcher>();

/** A domain declares how node(id:) finds its type; the fetcher applies that API's visibility rules. */
export function registerNode(typeName: string, fetch: NodeFetcher) {
  fetchers.set(typeName, fetch);
}

export function nodeFetcher(typeName: string): NodeFetcher | undefined {
  return fetchers.get(typeName);
}

import type { Context } from './context.js';

/** Finds one object of a type for node(id:); returns null when it does not exist or is not visible to the viewer. */
export type NodeFetcher = (ctx: Context, id: string) => Promise<object | null>;

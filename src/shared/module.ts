import type { App } from './context.js';
import type { NodeFetcher } from './nodes.js';
import type { UniqueConstraint } from './transaction.js';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
type ResolverClass = Function;
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
type EntityClass = Function;

export type TaskHandler = (app: App, payload: unknown) => Promise<void>;

/**
 * What a domain contributes to the application, declared in its `module.ts`. `app/modules.ts` only
 * concatenates the manifests; nothing registers itself by being imported.
 */
export interface DomainModule {
  name: string;
  entities?: EntityClass[];
  /** Resolver classes per API: each API's schema is built from its own list. */
  storefront?: ResolverClass[];
  admin?: ResolverClass[];
  /** How node(id:) finds each type, per API, applying that API's visibility rules. */
  nodes?: { storefront?: Record<string, NodeFetcher>; admin?: Record<string, NodeFetcher> };
  /** Background job tasks by name (graphile-worker). */
  tasks?: Record<string, TaskHandler>;
  /** graphile-worker crontab lines for those tasks, e.g. `* * * * * outbox_relay ?jobKey=outbox_relay&jobKeyMode=preserve_run_at`. */
  schedules?: string[];
  /** Unique constraints a concurrent writer can hit: reported as TAKEN on the named input field. */
  uniqueConstraints?: Record<string, UniqueConstraint>;
}

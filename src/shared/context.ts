import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import type { StaffRole, ApiScope } from './roles.js';
import { LoaderRegistry } from './loaders.js';
import type { Config } from './config.js';
import { parseAcceptLanguage } from './locale.js';

export type Viewer =
  | { kind: 'anonymous' }
  | { kind: 'customer'; customerId: string }
  | { kind: 'staff'; staffId: string; role: StaffRole; brandIds: string[] }
  | { kind: 'apiKey'; apiKeyId: string; scopes: ApiScope[]; brandIds: string[] };

/** Long-lived dependencies shared by every request; domains add their ports here (search engine, jobs). */
export interface App {
  config: Config;
  orm: MikroORM;
  logger: Logger;
  ports: Partial<AppPorts>;
}

/**
 * Adapters chosen at start by configuration (app/ports.ts). Each domain adds its port by declaration
 * merging (`declare module '../shared/context.js' { interface AppPorts { search: SearchEngine } }`),
 * so the kernel names no domain.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface AppPorts {}

export type Api = 'storefront' | 'admin';

export interface Context {
  api: Api;
  app: App;
  /** Forked entity manager: one identity map per request. */
  em: EntityManager;
  viewer: Viewer;
  /** Store handle from the x-store header (Storefront API). */
  storeHandle: string | null;
  /** Locales from accept-language, most preferred first (shared/locale.ts). */
  locales: string[];
  loaders: LoaderRegistry;
  /** Per-request memo for values resolved once (the current store, ...). */
  memo: Map<string, unknown>;
  requestId: string;
  /** The caller's address (express req.ip): sign-in limits count per IP. */
  clientIp: string | null;
}

export function createContext(
  app: App,
  api: Api,
  viewer: Viewer,
  headers: { store?: string | null; acceptLanguage?: string | null; requestId: string; clientIp?: string | null },
): Context {
  return {
    api,
    app,
    em: app.orm.em.fork(),
    viewer,
    storeHandle: headers.store?.trim() || null,
    locales: parseAcceptLanguage(headers.acceptLanguage ?? ''),
    loaders: new LoaderRegistry(),
    memo: new Map(),
    requestId: headers.requestId,
    clientIp: headers.clientIp ?? null,
  };
}

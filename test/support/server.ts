import type { ExecutionResult } from 'graphql';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { loadConfig } from '../../src/shared/config.js';
import type { App } from '../../src/shared/context.js';
import { createLogger } from '../../src/app/observability.js';
import { wirePorts } from '../../src/app/ports.js';
import { createHttpApp, ENDPOINTS } from '../../src/app/server.js';
import { createTestDatabase, type TestDatabase } from './db.js';

export interface TestServer {
  url: string;
  app: App;
  db: TestDatabase;
  /** Posts a GraphQL document to one API over real HTTP and returns the parsed body. */
  gql<R = Record<string, any>, V = Record<string, unknown>>(
    api: 'storefront' | 'admin',
    query: string | TypedDocumentNode<R, V>,
    variables?: V,
    headers?: Record<string, string>,
  ): Promise<ExecutionResult<R> & { status: number }>;
  close(): Promise<void>;
}

export async function startTestServer(env: Record<string, string> = {}): Promise<TestServer> {
  const db = await createTestDatabase();
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATABASE_URL: db.url, ...env });
  const app: App = { config, orm: db.orm, logger: createLogger('silent'), ports: {} };
  await wirePorts(app);
  const http = await createHttpApp(app);
  const port = await http.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    app,
    db,
    async gql(api, query, variables, headers = {}) {
      const res = await fetch(url + ENDPOINTS[api], {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query: typeof query === 'string' ? query : print(query), variables }),
      });
      return { ...((await res.json()) as object), status: res.status };
    },
    async close() {
      await http.close();
      await db.drop();
    },
  };
}

import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import express from 'express';
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { pinoHttp } from 'pino-http';
import { createContext, type Api, type App, type Context } from '../shared/context.js';
import { formatError } from '../shared/errors.js';
import { httpStatusPlugin, withRefusedStatus } from '../shared/http-status.js';
import { adminGatePlugin } from './admin-gate.js';
import { createMetrics, metricsPlugin } from './observability.js';
import { authenticateThenParseJson, viewerOf } from './request-auth.js';
import { schemaFor } from './schema.js';

export const ENDPOINTS: Record<Api, string> = { storefront: '/graphql', admin: '/admin/graphql' };

function header(req: express.Request, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

async function graphqlServer(app: App, api: Api, httpServer: http.Server, metrics: ReturnType<typeof createMetrics>) {
  const armor = new ApolloArmor({
    maxDepth: { n: 12 },
    costLimit: { maxCost: 20_000 },
    maxAliases: { n: 30 },
    // graphql-js counts tokens while it parses (parseOptions below): armor's token plugin parsed in a
    // hook, so a syntax error or a long query came back as a 500 instead of GRAPHQL_PARSE_FAILED 400.
    maxTokens: { enabled: false },
  }).protect();
  const server = new ApolloServer<Context>({
    schema: await schemaFor(api),
    ...armor,
    parseOptions: { maxTokens: 3_000 },
    plugins: [
      ...(armor.plugins as unknown as ApolloServerPlugin<Context>[]),
      metricsPlugin(metrics, api),
      // Statuses by error code, from one table (src/shared/http-status.ts, README "API conventions").
      httpStatusPlugin<Context>(),
      ...(api === 'admin' ? [adminGatePlugin()] : []),
      // Cache hints are unused, and the plugin wraps every field resolver: wide lists paid for it.
      ApolloServerPluginCacheControlDisabled(),
      // One drain for the shared HTTP server: it stops accepting connections and waits for in-flight requests.
      ...(api === 'storefront' ? [ApolloServerPluginDrainHttpServer({ httpServer })] : []),
    ],
    formatError: formatError(app.config.NODE_ENV === 'production'),
    includeStacktraceInErrorResponses: false,
    introspection: true,
    stopOnTerminationSignals: false, // main.ts drains and stops everything in order
  });
  await server.start();
  return server;
}

export interface HttpApp {
  httpServer: http.Server;
  listen(port: number, host: string): Promise<number>;
  close(): Promise<void>;
}

/** The HTTP surface: both GraphQL APIs, health, readiness and metrics. */
export async function createHttpApp(app: App): Promise<HttpApp> {
  const web = express();
  const httpServer = http.createServer(web);
  const metrics = createMetrics();
  web.disable('x-powered-by');
  web.set('trust proxy', app.config.TRUST_PROXY);
  const requestId = (req: http.IncomingMessage) => (req.headers['x-request-id'] as string) || randomUUID();
  // Request lines are logged at info. Above it, only the request id is kept: pino-http would still build a
  // child logger with the serialized request for every request, lines nobody writes.
  if (app.logger.isLevelEnabled('info')) {
    web.use(pinoHttp({ logger: app.logger, genReqId: requestId, autoLogging: { ignore: (req) => req.url === '/healthz' || req.url === '/metrics' } }));
  } else {
    web.use((req, _res, next) => {
      req.id = requestId(req);
      next();
    });
  }

  web.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  web.get('/readyz', async (_req, res) => {
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        app.orm.em.getConnection().execute('select 1'),
        new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('database check timed out')), 2000))),
      ]);
      res.json({ status: 'ready', database: 'up' });
    } catch (err) {
      res.status(503).json({ status: 'unavailable', database: 'down', error: (err as Error).message });
    } finally {
      clearTimeout(timer);
    }
  });
  web.get('/metrics', async (_req, res) => {
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });

  const servers: ApolloServer<Context>[] = [];
  for (const api of ['storefront', 'admin'] as const) {
    const server = await graphqlServer(app, api, httpServer, metrics);
    servers.push(server);
    web.use(
      ENDPOINTS[api],
      // The Admin API takes bulk catalogImport bodies, but only from staff and API keys; storefront requests are small.
      ...authenticateThenParseJson(app, api === 'admin' ? { authenticated: '64mb', anonymous: '64kb' } : { authenticated: '1mb', anonymous: '1mb' }),
      expressMiddleware(server, {
        context: async ({ req }) => {
          try {
            return await createContext(app, api, viewerOf(req), {
              store: header(req, 'x-store'),
              acceptLanguage: header(req, 'accept-language'),
              requestId: String(req.id),
              clientIp: req.ip ?? null,
            });
          } catch (error) {
            throw withRefusedStatus(error); // bad credentials: 401, as the status table says
          }
        },
      }),
    );
  }

  return {
    httpServer,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, host, () => {
          httpServer.off('error', reject);
          const address = httpServer.address();
          resolve(typeof address === 'object' && address ? address.port : port);
        });
      }),
    close: async () => {
      for (const server of servers) await server.stop();
    },
  };
}

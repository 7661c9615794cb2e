import type { ApolloServerPlugin } from '@apollo/server';
import pino, { type Logger } from 'pino';
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Api, Context } from '../shared/context.js';

export function createLogger(level: string, destination?: { write(line: string): void }): Logger {
  const options = {
    level,
    base: { service: 'flagship-commerce' },
    // Request logs carry headers: credentials never reach the log.
    redact: ['req.headers.authorization', 'req.headers["x-api-key"]', 'req.headers.cookie'],
  };
  return destination ? pino(options, destination) : pino(options);
}

export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const requests = new Counter({
    name: 'graphql_requests_total',
    help: 'GraphQL requests by API, operation name and outcome',
    labelNames: ['api', 'operation', 'outcome'] as const,
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'graphql_request_duration_seconds',
    help: 'GraphQL request latency by API and operation name',
    labelNames: ['api', 'operation'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  return { registry, requests, duration };
}

export type Metrics = ReturnType<typeof createMetrics>;

/** Records count and latency per operation name (unnamed operations count as "anonymous"). */
export function metricsPlugin(metrics: Metrics, api: Api): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      const end = metrics.duration.startTimer({ api });
      return {
        async willSendResponse({ operationName, errors }) {
          const operation = operationName ?? 'anonymous';
          end({ operation });
          metrics.requests.inc({ api, operation, outcome: errors?.length ? 'error' : 'ok' });
        },
      };
    },
  };
}

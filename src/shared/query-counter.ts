import { DefaultLogger, type LogContext, type LoggerNamespace, type LoggerOptions } from '@mikro-orm/core';

/**
 * Counts the SQL statements MikroORM sends (including raw em.execute and transaction control),
 * so tests can assert how many a GraphQL request issues. Pass `loggerFactory: counter.factory`.
 */
export class QueryCounter {
  count = 0;
  statements: string[] = [];

  readonly factory = (options: LoggerOptions) => {
    const counter = this;
    return new (class extends DefaultLogger {
      override logQuery(context: { query: string } & LogContext) {
        counter.count++;
        counter.statements.push(String(context.query));
        super.logQuery(context);
      }
      override isEnabled(namespace: LoggerNamespace, context?: LogContext) {
        return namespace === 'query' ? false : super.isEnabled(namespace, context);
      }
    })(options);
  };

  reset() {
    this.count = 0;
    this.statements = [];
  }

  /** Runs `work` and returns how many statements it sent. */
  async measure<T>(work: () => Promise<T>): Promise<{ result: T; queries: number; statements: string[] }> {
    this.reset();
    const result = await work();
    return { result, queries: this.count, statements: [...this.statements] };
  }
}

import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import type { EntityManager } from '@mikro-orm/postgresql';
import { createHash } from 'node:crypto';
import { DomainError, SharedErrorCode } from './user-errors.js';

/** The first result of a mutation run with an idempotency key, replayed to every retry. */
@Entity({ tableName: 'idempotency_record' })
export class IdempotencyRecord {
  @PrimaryKey()
  scope!: string;

  @PrimaryKey()
  key!: string;

  @Property()
  requestHash!: string;

  @Property({ type: 'jsonb', nullable: true })
  response?: unknown;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();
}

function hashRequest(request: unknown): string {
  return createHash('sha256').update(JSON.stringify(request ?? null)).digest('hex');
}

/**
 * Runs `work` once per (scope, key) inside the caller's transaction. A concurrent retry blocks on the
 * key's row until the first commits, then gets the stored result; reusing a key for a different
 * request is refused. `scope` should name the mutation and the viewer so keys never cross accounts.
 * Without a key (the client sent none) `work` simply runs, so a mutation whose idempotency key is
 * optional makes this one call either way.
 */
export async function once<T>(
  tx: EntityManager,
  scope: string,
  key: string | null | undefined,
  request: unknown,
  work: () => Promise<T>,
): Promise<{ result: T; replayed: boolean }> {
  if (key == null) return { result: await work(), replayed: false };
  const requestHash = hashRequest(request);
  const inserted = await tx.execute<{ key: string }[]>(
    'insert into idempotency_record (scope, key, request_hash, created_at) values (?, ?, ?, now()) on conflict do nothing returning key',
    [scope, key, requestHash],
  );
  if (inserted.length === 0) {
    const [row] = await tx.execute<{ request_hash: string; response: T }[]>(
      'select request_hash, response from idempotency_record where scope = ? and key = ?',
      [scope, key],
    );
    if (row.request_hash !== requestHash) {
      throw new DomainError(SharedErrorCode.IDEMPOTENCY_KEY_REUSED, 'This idempotency key was already used for a different request', ['input', 'idempotencyKey']);
    }
    return { result: row.response, replayed: true };
  }
  const result = await work();
  await tx.execute('update idempotency_record set response = ? where scope = ? and key = ?', [JSON.stringify(result), scope, key]);
  return { result, replayed: false };
}

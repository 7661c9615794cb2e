import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { ServiceCtx } from './scope.js';
import { DomainError } from './user-errors.js';

/** A unique constraint a concurrent writer can still hit after the service checked: what it guards and the input field. */
export interface UniqueConstraint {
  what: string;
  field: string[];
}

const uniqueConstraints = new Map<string, UniqueConstraint>();

/** Each domain names its unique constraints once (module manifests call this), so a race reads as TAKEN. */
export function registerUniqueConstraints(constraints: Record<string, UniqueConstraint>): void {
  for (const [name, meaning] of Object.entries(constraints)) uniqueConstraints.set(name, meaning);
}

/**
 * The service's transaction: everything or nothing. Services check handles, SKUs and emails before
 * writing; when a concurrent request takes one in between, the unique constraint refuses the commit and
 * the caller gets the same TAKEN userError instead of an internal error.
 */
export async function transaction<T>(ctx: Pick<ServiceCtx, 'em'>, work: (tx: EntityManager) => Promise<T>): Promise<T> {
  try {
    return await ctx.em.transactional(work);
  } catch (err) {
    const constraint = err instanceof UniqueConstraintViolationException ? (err as { constraint?: string }).constraint : undefined;
    const known = constraint ? uniqueConstraints.get(constraint) : undefined;
    if (known) throw new DomainError('TAKEN', `${known.what} was just taken by another request`, ['input', ...known.field]);
    throw err;
  }
}

import type { EntityManager } from '@mikro-orm/postgresql';
import { v7 as uuidv7 } from 'uuid';
import { productLifecycle } from '../../src/catalog/product-lifecycle.js';
import {
  allowedEvents,
  apply,
  can,
  defineMachine,
  eventBetween,
  type Machine,
  type MachineTable,
} from '../../src/shared/state-machine.js';
import { DomainError } from '../../src/shared/user-errors.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';

/** A booking-like lifecycle with a guard and terminal states, on a scratch table. */
const booking = defineMachine<'HELD' | 'CONFIRMED' | 'CANCELLED' | 'EXPIRED', 'confirm' | 'cancel' | 'expire', { paid?: boolean }>({
  name: 'booking',
  states: ['HELD', 'CONFIRMED', 'CANCELLED', 'EXPIRED'],
  events: ['confirm', 'cancel', 'expire'],
  initial: 'HELD',
  terminal: ['CANCELLED', 'EXPIRED'],
  transitions: [
    { event: 'confirm', from: 'HELD', to: 'CONFIRMED', guard: ({ payload }) => payload.paid === true || 'The booking is not paid' },
    { event: 'cancel', from: ['HELD', 'CONFIRMED'], to: 'CANCELLED' },
    { event: 'expire', from: 'HELD', to: 'EXPIRED' },
  ],
});

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
  await db.orm.em.fork().execute('create table machine_row (id uuid primary key, status text not null, phase text)');
});
afterAll(() => db.drop());

const fork = () => db.orm.em.fork();

async function insertRow(status: string): Promise<string> {
  const id = uuidv7();
  await fork().execute('insert into machine_row (id, status) values (?, ?)', [id, status]);
  return id;
}

const stateOf = async (id: string) => (await fork().execute<{ status: string }[]>('select status from machine_row where id = ?', [id]))[0].status;
const transitionsOf = (id: string) =>
  fork().execute<{ machine: string; event: string; from_state: string; to_state: string; actor: string }[]>(
    'select machine, event, from_state, to_state, actor from state_transition where entity_id = ? order by id',
    [id],
  );
const eventsOf = (id: string) => fork().execute<{ topic: string; payload: Record<string, unknown> }[]>('select topic, payload from outbox_event where aggregate_id = ? order by id', [id]);

/** The DomainError `work` throws (it must throw one). */
async function refusal(work: Promise<unknown>): Promise<DomainError> {
  const err = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(DomainError);
  return err as DomainError;
}

function applyIn<S extends string, E extends string, P extends Record<string, unknown>>(
  machine: Machine<S, E, P>,
  id: string,
  event: E,
  extra: { expectedFrom?: S; payload?: P } = {},
) {
  return fork().transactional((tx) => apply(tx, machine, { table: 'machine_row', id, event, actor: 'staff:tester', ...extra }));
}

describe.each([
  ['booking', booking as unknown as Machine<string, string, Record<string, unknown>>],
  ['product', productLifecycle as unknown as Machine<string, string, Record<string, unknown>>],
])('%s: every (state, event) pair of the table', (_name, machine) => {
  const pairs = machine.states.flatMap((state) => machine.events.map((event) => [state, event] as const));

  test.each(pairs)('from %s, %s either moves to the declared state or is INVALID_TRANSITION', async (state, event) => {
    const id = await insertRow(state);
    const declared = machine.transitions.find((t) => t.event === event && ([] as string[]).concat(t.from).includes(state));
    if (declared) {
      const move = await applyIn(machine, id, event, { payload: { paid: true } });
      expect(move).toEqual({ machine: machine.name, id, event, from: state, to: declared.to });
      expect(await stateOf(id)).toBe(declared.to);
      expect(await transitionsOf(id)).toEqual([{ machine: machine.name, event, from_state: state, to_state: declared.to, actor: 'staff:tester' }]);
      expect(await eventsOf(id)).toEqual([{ topic: `${machine.name}.${event}`, payload: { paid: true, id, from: state, to: declared.to, actor: 'staff:tester' } }]);
      expect(can(machine, state, event)).toBe(true);
    } else {
      const err = await refusal(applyIn(machine, id, event));
      expect(err.code).toBe('INVALID_TRANSITION');
      expect(err.message).toContain(`that is ${state} cannot ${event}`);
      expect(err.field).toEqual(['input']);
      expect(await stateOf(id)).toBe(state);
      expect(await transitionsOf(id)).toEqual([]);
      expect(await eventsOf(id)).toEqual([]);
      expect(can(machine, state, event)).toBe(false);
    }
  });
});

describe('apply', () => {
  test('a guard that refuses is INVALID_TRANSITION with its reason, and writes nothing', async () => {
    const id = await insertRow('HELD');
    const err = await refusal(applyIn(booking, id, 'confirm', { payload: { paid: false } }));
    expect(err).toMatchObject({ code: 'INVALID_TRANSITION', message: 'The booking is not paid' });
    expect(await stateOf(id)).toBe('HELD');
    expect(await transitionsOf(id)).toEqual([]);
  });

  test('a stale expectedFrom is STATE_CHANGED; a missing row is NOT_FOUND', async () => {
    const id = await insertRow('CONFIRMED');
    expect((await refusal(applyIn(booking, id, 'expire', { expectedFrom: 'HELD' }))).code).toBe('STATE_CHANGED');
    expect(await stateOf(id)).toBe('CONFIRMED');
    expect((await refusal(applyIn(booking, uuidv7(), 'cancel'))).code).toBe('NOT_FOUND');
  });

  test('a lost race is STATE_CHANGED: the second writer waits for the first to commit, then finds the row moved', async () => {
    const id = await insertRow('HELD');
    let moved!: () => void;
    let commit!: () => void;
    const firstMoved = new Promise<void>((resolve) => (moved = resolve));
    const first = fork().transactional(async (tx) => {
      await apply(tx, booking, { table: 'machine_row', id, event: 'cancel', actor: 'staff:first' });
      moved();
      await new Promise<void>((resolve) => (commit = resolve));
    });
    await firstMoved;
    // The second reads HELD (the first has not committed), so expire is allowed; its update then blocks on the row.
    const second = applyIn(booking, id, 'expire');
    second.catch(() => {});
    await waitForLockWait(fork());
    commit();
    await first;
    const err = await refusal(second);
    expect(err.code).toBe('STATE_CHANGED');
    expect(await stateOf(id)).toBe('CANCELLED');
    expect((await transitionsOf(id)).map((t) => [t.event, t.actor])).toEqual([['cancel', 'staff:first']]);
    expect((await eventsOf(id)).map((e) => e.topic)).toEqual(['booking.cancel']);
  });

  test('concurrent applies on one row: exactly one wins each time', async () => {
    const ids = await Promise.all([1, 2, 3, 4].map(() => insertRow('HELD')));
    for (const id of ids) {
      // Both read HELD earlier (expectedFrom), as two requests that loaded the booking at once.
      const results = await Promise.allSettled([
        applyIn(booking, id, 'cancel', { expectedFrom: 'HELD' }),
        applyIn(booking, id, 'expire', { expectedFrom: 'HELD' }),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const lost = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
      expect(lost.reason).toMatchObject({ code: 'STATE_CHANGED' });
      expect(await transitionsOf(id)).toHaveLength(1);
      expect(await eventsOf(id)).toHaveLength(1);
    }
  });

  test('the transition row and the outbox event are written in the caller transaction and roll back with it', async () => {
    const id = await insertRow('HELD');
    const failing = fork().transactional(async (tx) => {
      await apply(tx, booking, { table: 'machine_row', id, event: 'cancel', actor: 'system' });
      await tx.flush();
      const inside = await tx.execute<{ n: number }[]>(
        `select (select count(*) from state_transition where entity_id = ?)::int + (select count(*) from outbox_event where aggregate_id = ?)::int as n`,
        [id, id],
      );
      expect(inside[0].n).toBe(2);
      throw new Error('payment capture failed');
    });
    await expect(failing).rejects.toThrow('payment capture failed');
    expect(await stateOf(id)).toBe('HELD');
    expect(await transitionsOf(id)).toEqual([]);
    expect(await eventsOf(id)).toEqual([]);
  });

  test('another state column can be named; identifiers that are not plain names are refused', async () => {
    const id = await insertRow('HELD');
    await fork().execute(`update machine_row set phase = 'HELD' where id = ?`, [id]);
    await fork().transactional((tx) => apply(tx, booking, { table: 'machine_row', stateColumn: 'phase', id, event: 'expire', actor: 'system' }));
    expect((await fork().execute('select status, phase from machine_row where id = ?', [id]))[0]).toEqual({ status: 'HELD', phase: 'EXPIRED' });
    await expect(
      fork().transactional((tx) => apply(tx, booking, { table: 'machine_row; drop table product', id, event: 'expire', actor: 'system' })),
    ).rejects.toThrow('Not a plain SQL identifier');
  });
});

describe('helpers', () => {
  test('allowedEvents, can and eventBetween read the table', () => {
    expect(allowedEvents(booking, 'HELD')).toEqual(['confirm', 'cancel', 'expire']);
    expect(allowedEvents(booking, 'CANCELLED')).toEqual([]);
    expect(can(booking, 'CONFIRMED', 'expire')).toBe(false);
    expect(eventBetween(productLifecycle, 'ACTIVE' as never, 'ARCHIVED' as never)).toBe('archive');
    expect(eventBetween(productLifecycle, 'ARCHIVED' as never, 'ACTIVE' as never)).toBeUndefined();
  });
});

describe('defineMachine validates the table', () => {
  const base: MachineTable<string, string, Record<string, unknown>> = {
    name: 'order',
    states: ['OPEN', 'PAID', 'CLOSED'],
    events: ['pay', 'close'],
    initial: 'OPEN',
    terminal: ['CLOSED'],
    transitions: [
      { event: 'pay', from: 'OPEN', to: 'PAID' },
      { event: 'close', from: ['OPEN', 'PAID'], to: 'CLOSED' },
    ],
  };
  const define = (changes: Partial<MachineTable<string, string, Record<string, unknown>>>) => () => defineMachine<string, string>({ ...base, ...changes });

  test('a sound table compiles', () => {
    expect(define({})().moves.get('PAID')?.get('close')?.to).toBe('CLOSED');
  });

  test.each([
    [
      'an unreachable state',
      { states: [...base.states, 'REFUNDED'], terminal: ['CLOSED', 'REFUNDED'] },
      'state REFUNDED cannot be reached from OPEN',
    ],
    [
      'a terminal state with an outgoing transition',
      { events: [...base.events, 'reopen'], transitions: [...base.transitions, { event: 'reopen', from: 'CLOSED', to: 'OPEN' }] },
      'terminal state CLOSED has an outgoing transition (reopen)',
    ],
    ['a duplicate transition', { transitions: [...base.transitions, { event: 'pay', from: 'OPEN', to: 'CLOSED' }] }, 'pay is declared twice from OPEN'],
    ['an unknown target state', { transitions: [...base.transitions, { event: 'close', from: 'OPEN', to: 'GONE' }] }, 'goes to an unknown state GONE'],
    ['an unknown source state', { transitions: [...base.transitions, { event: 'pay', from: 'LOST', to: 'PAID' }] }, 'starts from an unknown state LOST'],
    ['a non-terminal state with no way out', { terminal: [], transitions: base.transitions }, 'state CLOSED has no way out'],
    ['an unknown initial state', { initial: 'NEW' }, 'the initial state NEW is not a state'],
    ['an unused event', { events: [...base.events, 'refund'] }, 'event refund is used by no transition'],
  ])('refuses %s, naming the machine', (_what, changes, message) => {
    expect(define(changes)).toThrow('State machine "order": ');
    expect(define(changes)).toThrow(message);
  });

  test('the product lifecycle is declared as a table', () => {
    expect(productLifecycle.transitions.map((t) => [t.event, t.from, t.to])).toEqual([
      ['activate', 'DRAFT', 'ACTIVE'],
      ['deactivate', 'ACTIVE', 'DRAFT'],
      ['archive', ['DRAFT', 'ACTIVE'], 'ARCHIVED'],
      ['restore', 'ARCHIVED', 'DRAFT'],
    ]);
  });
});

async function waitForLockWait(em: EntityManager) {
  for (let i = 0; i < 200; i++) {
    const [row] = await em.execute<{ n: number }[]>(
      `select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`,
    );
    if (row.n > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('the second transaction never waited for the row lock');
}

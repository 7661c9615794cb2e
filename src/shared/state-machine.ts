import type { EntityManager } from '@mikro-orm/postgresql';
import { recordEvent } from './outbox.js';
import { StateTransition } from './state-transition.entity.js';
import { DomainError } from './user-errors.js';

/**
 * Lifecycles as tables. A machine lists its states, events and transitions; `defineMachine` checks the
 * table when the module loads (a bad table never reaches a request), and `apply` moves one row through
 * it: compare-and-set on the state column, an audit row in `state_transition` and a `<machine>.<event>`
 * outbox event, all in the caller's transaction.
 */

export const StateMachineErrorCode = {
  INVALID_TRANSITION: 'INVALID_TRANSITION',
  STATE_CHANGED: 'STATE_CHANGED',
} as const;

export const stateMachineErrorDescriptions = {
  INVALID_TRANSITION: 'The object is not in a state that allows this change (see message for what it allows).',
  STATE_CHANGED: 'Another request changed the object meanwhile; read it again and retry.',
} as const;

export interface GuardContext<S extends string, E extends string, P> {
  machine: string;
  id: string;
  event: E;
  from: S;
  to: S;
  actor: string;
  payload: P;
  tx: EntityManager;
}

/** `true` allows the move; a string refuses it and is the userError's message. */
export type Guard<S extends string, E extends string, P> = (ctx: GuardContext<S, E, P>) => true | string | Promise<true | string>;

export interface Transition<S extends string, E extends string, P> {
  event: E;
  from: S | readonly S[];
  to: S;
  guard?: Guard<S, E, P>;
}

export interface MachineTable<S extends string, E extends string, P> {
  /** Names the machine in audit rows and outbox topics (`<name>.<event>`). */
  name: string;
  states: readonly S[];
  events: readonly E[];
  initial: S;
  /** States with no way out (an order DELIVERED, an auction CLOSED); may be empty. */
  terminal: readonly S[];
  transitions: readonly Transition<S, E, P>[];
}

export interface Machine<S extends string, E extends string, P> extends MachineTable<S, E, P> {
  /** state -> event -> transition, built once from the table. */
  readonly moves: ReadonlyMap<S, ReadonlyMap<E, Transition<S, E, P>>>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type StateOf<M> = M extends Machine<infer S, any, any> ? S : never;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type EventOf<M> = M extends Machine<any, infer E, any> ? E : never;

export class StateMachineDefinitionError extends Error {}

const fromStates = <S extends string>(from: S | readonly S[]): readonly S[] => (typeof from === 'string' ? [from as S] : (from as readonly S[]));

function problemsOf<S extends string, E extends string, P>(table: MachineTable<S, E, P>): string[] {
  const problems: string[] = [];
  const states = new Set<string>(table.states);
  const events = new Set<string>(table.events);
  const terminal = new Set<string>(table.terminal);
  if (!table.name) problems.push('the machine has no name');
  if (states.size !== table.states.length) problems.push('a state is listed twice');
  if (events.size !== table.events.length) problems.push('an event is listed twice');
  if (!states.has(table.initial)) problems.push(`the initial state ${table.initial} is not a state`);
  for (const state of table.terminal) if (!states.has(state)) problems.push(`the terminal state ${state} is not a state`);

  const moves = new Map<string, Set<string>>();
  const usedEvents = new Set<string>();
  for (const t of table.transitions) {
    const froms = fromStates(t.from);
    if (!events.has(t.event)) problems.push(`transition ${t.event} uses an unknown event`);
    if (!states.has(t.to)) problems.push(`transition ${t.event} goes to an unknown state ${t.to}`);
    if (froms.length === 0) problems.push(`transition ${t.event} has no from state`);
    usedEvents.add(t.event);
    for (const from of froms) {
      if (!states.has(from)) problems.push(`transition ${t.event} starts from an unknown state ${from}`);
      if (terminal.has(from)) problems.push(`terminal state ${from} has an outgoing transition (${t.event})`);
      const out = moves.get(from) ?? new Set<string>();
      if (out.has(t.event)) problems.push(`${t.event} is declared twice from ${from}`);
      out.add(t.event);
      moves.set(from, out);
    }
  }
  for (const event of table.events) if (!usedEvents.has(event)) problems.push(`event ${event} is used by no transition`);
  for (const state of table.states) {
    if (!terminal.has(state) && !moves.has(state)) problems.push(`state ${state} has no way out: add a transition or declare it terminal`);
  }

  const reached = new Set<string>([table.initial]);
  const queue = [table.initial as string];
  while (queue.length) {
    const state = queue.shift()!;
    for (const t of table.transitions) {
      if (fromStates<string>(t.from).includes(state) && !reached.has(t.to)) {
        reached.add(t.to);
        queue.push(t.to);
      }
    }
  }
  for (const state of table.states) if (!reached.has(state)) problems.push(`state ${state} cannot be reached from ${table.initial}`);
  return problems;
}

/**
 * Checks and compiles a machine table; throws StateMachineDefinitionError listing every problem.
 * States and events are inferred as literal unions (or the enum passed in); the rest of the table is
 * checked against them by the compiler as well.
 */
export function defineMachine<const S extends string, const E extends string, P extends Record<string, unknown> = Record<string, unknown>>(
  table: {
    name: string;
    states: readonly S[];
    events: readonly E[];
    initial: NoInfer<S>;
    terminal: readonly NoInfer<S>[];
    transitions: readonly Transition<NoInfer<S>, NoInfer<E>, P>[];
  },
): Machine<S, E, P> {
  const problems = problemsOf<S, E, P>(table);
  if (problems.length) throw new StateMachineDefinitionError(`State machine "${table.name}": ${problems.join('; ')}`);
  const moves = new Map<S, Map<E, Transition<S, E, P>>>();
  for (const t of table.transitions) {
    for (const from of fromStates(t.from)) moves.set(from, (moves.get(from) ?? new Map()).set(t.event, t));
  }
  return { ...table, moves };
}

/** Whether `event` is allowed from `from` by the table (guards are not run). */
export function can<S extends string, E extends string, P>(machine: Machine<S, E, P>, from: S, event: E): boolean {
  return machine.moves.get(from)?.has(event) ?? false;
}

/** Events the table allows from `state`, in declaration order. */
export function allowedEvents<S extends string, E extends string, P>(machine: Machine<S, E, P>, state: S): E[] {
  return machine.events.filter((event) => can(machine, state, event));
}

/** The event that moves `from` to `to`, if the table has one: for APIs that take a target state. */
export function eventBetween<S extends string, E extends string, P>(machine: Machine<S, E, P>, from: S, to: S): E | undefined {
  return allowedEvents(machine, from).find((event) => machine.moves.get(from)!.get(event)!.to === to);
}

/** The INVALID_TRANSITION userError for `event` (or a target state) from `from`, naming what is allowed. */
export function invalidTransition<S extends string, E extends string, P>(
  machine: Machine<S, E, P>,
  from: S,
  attempted: string,
  field: string[] = ['input'],
): DomainError {
  const allowed = allowedEvents(machine, from);
  const hint = allowed.length ? `allowed: ${allowed.join(', ')}` : `${from} is final`;
  return new DomainError(StateMachineErrorCode.INVALID_TRANSITION, `A ${machine.name} that is ${from} cannot ${attempted} (${hint})`, field);
}

export interface ApplyRequest<S extends string, E extends string, P> {
  /** Table holding the row; the row's key column is `id`. */
  table: string;
  /** Column holding the state; `status` unless told. */
  stateColumn?: string;
  id: string;
  event: E;
  /** Audit name, see actorOf() in shared/scope.ts. */
  actor: string;
  /** The state the caller read: skips the read, and a row no longer in it is STATE_CHANGED. */
  expectedFrom?: S;
  /** Given to guards and added to the outbox event's payload. */
  payload?: P;
  /** Input path reported with userErrors; ['input'] unless told. */
  field?: string[];
}

export interface AppliedTransition<S extends string, E extends string> {
  machine: string;
  id: string;
  event: E;
  from: S;
  to: S;
}

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

function identifier(name: string): string {
  if (!IDENTIFIER.test(name)) throw new Error(`Not a plain SQL identifier: ${name}`);
  return `"${name}"`;
}

/** The outbox topics a machine publishes, one per event: declare them in the domain's event catalogue. */
export function transitionTopics(machine: { name: string; events: readonly string[] }): string[] {
  return machine.events.map((event) => `${machine.name}.${event}`);
}

/** The one place transitions reach the outbox: topic `<machine>.<event>`, aggregate = the row, payload { id, from, to, actor, ... }. */
function publishTransition<S extends string, E extends string>(tx: EntityManager, move: AppliedTransition<S, E>, actor: string, payload: object) {
  recordEvent(tx, `${move.machine}.${move.event}`, move.id, { ...payload, id: move.id, from: move.from, to: move.to, actor });
}

/**
 * Moves one row by `event` inside the caller's transaction. The update is a compare-and-set on the
 * state the move starts from, so of two concurrent requests exactly one moves the row and the other
 * gets STATE_CHANGED (it waits for the first to commit, then sees the row has left that state).
 * Refusals are DomainErrors; the caller's transaction rolls back and nothing is written.
 */
export async function apply<S extends string, E extends string, P extends Record<string, unknown>>(
  tx: EntityManager,
  machine: Machine<S, E, P>,
  request: ApplyRequest<S, E, P>,
): Promise<AppliedTransition<S, E>> {
  const { id, event, actor, field = ['input'] } = request;
  const table = identifier(request.table);
  const column = identifier(request.stateColumn ?? 'status');
  const payload = request.payload ?? ({} as P);

  let from = request.expectedFrom;
  if (from === undefined) {
    const [row] = await tx.execute<{ state: S }[]>(`select ${column} as state from ${table} where id = ?`, [id]);
    if (!row) throw new DomainError('NOT_FOUND', `No such ${machine.name}`, field);
    from = row.state;
  }
  const transition = machine.moves.get(from)?.get(event);
  if (!transition) throw invalidTransition(machine, from, event, field);
  const to = transition.to;
  if (transition.guard) {
    const verdict = await transition.guard({ machine: machine.name, id, event, from, to, actor, payload, tx });
    if (verdict !== true) throw new DomainError(StateMachineErrorCode.INVALID_TRANSITION, verdict, field);
  }

  const moved = await tx.execute<unknown[]>(`update ${table} set ${column} = ? where id = ? and ${column} = ? returning 1`, [to, id, from]);
  if (moved.length === 0) {
    throw new DomainError(StateMachineErrorCode.STATE_CHANGED, `The ${machine.name} is no longer ${from}: another request changed it; read it again`, field);
  }

  const move: AppliedTransition<S, E> = { machine: machine.name, id, event, from, to };
  tx.persist(tx.create(StateTransition, { machine: machine.name, entityId: id, event, fromState: from, toState: to, actor }));
  publishTransition(tx, move, actor, payload);
  return move;
}

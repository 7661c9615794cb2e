import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Provably fair draw (issue 12). Pure: no database, no clock, no randomness except `newSeed()`.
 *
 * 1. Commitment. Before the entry window closes the drop publishes
 *    `commitment = hex(sha256(seedBytes))`, where `seed` is 32 random bytes written as 64 lowercase hex
 *    characters and `seedBytes` are those 32 bytes (not the hex text).
 * 2. Entries. The published entry list is `[{ id, weight }]` sorted by `id` (UTF-16 code-unit order, which is
 *    byte order for the ASCII ids used here); ids are unique, weights are integers from 1 to MAX_WEIGHT
 *    (1 unless the drop weights tiers).
 * 3. Order. An entry of weight w holds w tickets, `${id}:1` … `${id}:${w}`. Each ticket's key is
 *    `hex(HMAC-SHA256(key = seedBytes, message = UTF-8 ticket))`, read as a 256-bit big-endian integer
 *    (equal-length hex strings compare like the integers). An entry's key is the smallest key of its tickets;
 *    the draw order is the entries sorted by key ascending (ties, astronomically unlikely, by id).
 *    This is the first occurrence of each entry in a uniformly random order of all tickets, i.e. weighted
 *    sampling without replacement: the next entry drawn is each remaining one with probability
 *    weight / (sum of remaining weights). Integers only, so every language recomputes it exactly.
 * 4. Allocation. The first `units` entries of the order win; the rest are the waiting list in order, and a
 *    unit a winner does not claim goes to the next entry of the waiting list.
 */

export const MAX_WEIGHT = 100;
const SEED_PATTERN = /^[0-9a-f]{64}$/;

export interface DrawEntry {
  id: string;
  weight: number;
}

export interface RankedEntry extends DrawEntry {
  /** 1-based place in the draw order. */
  rank: number;
  /** The entry's smallest ticket key, 64 hex characters. */
  key: string;
}

export interface DrawOutcome {
  winners: RankedEntry[];
  waitingList: RankedEntry[];
}

export class DrawInputError extends Error {}

/** 32 bytes from node:crypto's CSPRNG, as 64 lowercase hex characters. */
export function newSeed(): string {
  return randomBytes(32).toString('hex');
}

export function commitmentOf(seed: string): string {
  return createHash('sha256').update(seedBytes(seed)).digest('hex');
}

/** True when `seed` is a well-formed seed whose sha256 is `commitment`; malformed input is simply false. */
export function verifyCommitment(seed: string, commitment: string): boolean {
  if (!SEED_PATTERN.test(seed) || !SEED_PATTERN.test(commitment)) return false;
  return timingSafeEqual(Buffer.from(commitmentOf(seed), 'hex'), Buffer.from(commitment, 'hex'));
}

/** The published form of an entry list: validated and sorted by id. */
export function canonicalEntries(entries: readonly DrawEntry[]): DrawEntry[] {
  const seen = new Set<string>();
  for (const { id, weight } of entries) {
    if (typeof id !== 'string' || id.length === 0) throw new DrawInputError('An entry id must be a non-empty string.');
    if (seen.has(id)) throw new DrawInputError(`Entry ${id} appears twice.`);
    if (!Number.isInteger(weight) || weight < 1 || weight > MAX_WEIGHT) {
      throw new DrawInputError(`Entry ${id} has weight ${weight}; weights are integers from 1 to ${MAX_WEIGHT}.`);
    }
    seen.add(id);
  }
  return entries.map(({ id, weight }) => ({ id, weight })).sort((a, b) => compare(a.id, b.id));
}

/** The full draw order of `entries` under `seed` (see the module comment); independent of the input order. */
export function drawOrder(seed: string, entries: readonly DrawEntry[]): RankedEntry[] {
  const key = seedBytes(seed);
  return canonicalEntries(entries)
    .map((entry) => ({ ...entry, key: entryKey(key, entry) }))
    .sort((a, b) => compare(a.key, b.key) || compare(a.id, b.id))
    .map((entry, index) => ({ ...entry, rank: index + 1 }));
}

/** The first `units` entries of the order win; the others wait, in order. */
export function allocate(order: readonly RankedEntry[], units: number): DrawOutcome {
  if (!Number.isInteger(units) || units < 0) throw new DrawInputError(`units must be a non-negative integer, got ${units}.`);
  return { winners: order.slice(0, units), waitingList: order.slice(units) };
}

function entryKey(seed: Buffer, { id, weight }: DrawEntry): string {
  let smallest = '';
  for (let ticket = 1; ticket <= weight; ticket++) {
    const ticketKey = createHmac('sha256', seed).update(`${id}:${ticket}`, 'utf8').digest('hex');
    if (smallest === '' || ticketKey < smallest) smallest = ticketKey;
  }
  return smallest;
}

function seedBytes(seed: string): Buffer {
  if (!SEED_PATTERN.test(seed)) throw new DrawInputError('A seed is 64 lowercase hex characters (32 bytes).');
  return Buffer.from(seed, 'hex');
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

import { createHash, createHmac } from 'node:crypto';
import {
  allocate, canonicalEntries, commitmentOf, DrawInputError, drawOrder, newSeed, verifyCommitment, type DrawEntry,
} from '../../src/drops/draws/fair-draw.js';

/** The provably fair draw algorithm, pure: commitment, order, weighting, and an independent recomputation. */

const seedFor = (label: string) => createHash('sha256').update(label).digest('hex');
const entriesOf = (count: number, weightOf: (i: number) => number = () => 1): DrawEntry[] =>
  Array.from({ length: count }, (_, i) => ({ id: `entry-${String(i).padStart(4, '0')}`, weight: weightOf(i) }));
const ids = (order: { id: string }[]) => order.map((entry) => entry.id);

/**
 * Written from the README's description only, not from fair-draw.ts: lay out every ticket, order all tickets
 * by their HMAC as a BigInt, and keep each entry at its first ticket.
 */
function independentDraw(seedHex: string, entries: { id: string; weight: number }[]): string[] {
  const seed = Buffer.from(seedHex, 'hex');
  const tickets: { id: string; value: bigint }[] = [];
  for (const { id, weight } of entries) {
    for (let t = 1; t <= weight; t++) {
      tickets.push({ id, value: BigInt('0x' + createHmac('sha256', seed).update(Buffer.from(`${id}:${t}`, 'utf8')).digest('hex')) });
    }
  }
  tickets.sort((a, b) => (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
  const order: string[] = [];
  for (const { id } of tickets) if (!order.includes(id)) order.push(id);
  return order;
}

describe('commitment', () => {
  it('is sha256 of the 32 seed bytes and verifies only the revealed seed', () => {
    const seed = newSeed();
    expect(seed).toMatch(/^[0-9a-f]{64}$/);
    const commitment = commitmentOf(seed);
    expect(commitment).toBe(createHash('sha256').update(Buffer.from(seed, 'hex')).digest('hex'));
    expect(verifyCommitment(seed, commitment)).toBe(true);

    const flipped = (seed[0] === '0' ? '1' : '0') + seed.slice(1);
    expect(verifyCommitment(flipped, commitment)).toBe(false);
    expect(verifyCommitment(newSeed(), commitment)).toBe(false);
    expect(verifyCommitment(seed.toUpperCase(), commitment)).toBe(false);
    expect(verifyCommitment('not a seed', commitment)).toBe(false);
    expect(verifyCommitment(seed, commitment.slice(2))).toBe(false);
    expect(newSeed()).not.toBe(seed);
  });
});

describe('drawOrder', () => {
  const seed = seedFor('drop-42');
  const entries = entriesOf(200, (i) => 1 + (i % 3));

  it('re-run from the revealed seed and the published entries gives the same winners, whatever the input order', () => {
    const published = canonicalEntries([...entries].reverse());
    expect(ids(published)).toEqual([...ids(entries)].sort());
    const first = allocate(drawOrder(seed, entries), 10);
    const rerun = allocate(drawOrder(seed, published), 10);
    expect(ids(rerun.winners)).toEqual(ids(first.winners));
    expect(ids(rerun.waitingList)).toEqual(ids(first.waitingList));
    expect(first.winners).toHaveLength(10);
    expect(first.waitingList).toHaveLength(190);
    expect(first.winners.map((w) => w.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(first.waitingList[0].rank).toBe(11);
  });

  it('matches an independent recomputation that uses only node:crypto', () => {
    expect(ids(drawOrder(seed, entries))).toEqual(independentDraw(seed, entries));
    const unweighted = entriesOf(50);
    expect(ids(drawOrder(seedFor('other'), unweighted))).toEqual(independentDraw(seedFor('other'), unweighted));
  });

  it('depends on the seed', () => {
    expect(ids(drawOrder(seedFor('a'), entries))).not.toEqual(ids(drawOrder(seedFor('b'), entries)));
  });

  it('changing one entry moves only that entry: the others keep their relative order', () => {
    const order = ids(drawOrder(seed, entries));
    const changed = entries[17].id;
    const without = (list: string[]) => list.filter((id) => id !== changed);

    const removed = ids(drawOrder(seed, entries.filter((e) => e.id !== changed)));
    expect(removed).toEqual(without(order));

    const heavier = drawOrder(seed, entries.map((e) => (e.id === changed ? { ...e, weight: 20 } : e)));
    expect(without(ids(heavier))).toEqual(without(order));
    const before = drawOrder(seed, entries).find((e) => e.id === changed)!;
    const after = heavier.find((e) => e.id === changed)!;
    expect(after.key <= before.key).toBe(true);
    expect(after.rank).toBeLessThanOrEqual(before.rank);

    const renamed = ids(drawOrder(seed, entries.map((e) => (e.id === changed ? { ...e, id: 'entry-renamed' } : e))));
    expect(without(renamed.filter((id) => id !== 'entry-renamed'))).toEqual(without(order));
  });

  it('weights: an entry of weight 3 against one of weight 1 wins a single unit about 75% of 2,000 seeded draws', () => {
    const pair = [{ id: 'light', weight: 1 }, { id: 'heavy', weight: 3 }];
    let heavyWins = 0;
    for (let run = 0; run < 2000; run++) {
      const { winners } = allocate(drawOrder(seedFor(`weights-${run}`), pair), 1);
      if (winners[0].id === 'heavy') heavyWins++;
    }
    // Binomial(2000, 0.75): standard deviation ≈ 19.4 wins, so 1,400–1,600 is more than ±5σ.
    expect(heavyWins).toBeGreaterThan(1400);
    expect(heavyWins).toBeLessThan(1600);
  });

  it('without weights every entry wins about equally often', () => {
    const four = entriesOf(4);
    const wins = new Map<string, number>();
    for (let run = 0; run < 2000; run++) {
      const [winner] = drawOrder(seedFor(`uniform-${run}`), four);
      wins.set(winner.id, (wins.get(winner.id) ?? 0) + 1);
    }
    for (const { id } of four) {
      expect(wins.get(id)).toBeGreaterThan(400); // expected 500, σ ≈ 19
      expect(wins.get(id)).toBeLessThan(600);
    }
  });

  it('refuses malformed seeds, duplicate ids and bad weights', () => {
    expect(() => drawOrder('abc', entries)).toThrow(DrawInputError);
    expect(() => drawOrder(seed, [{ id: 'x', weight: 1 }, { id: 'x', weight: 2 }])).toThrow(/appears twice/);
    expect(() => drawOrder(seed, [{ id: 'x', weight: 0 }])).toThrow(/weights are integers/);
    expect(() => drawOrder(seed, [{ id: 'x', weight: 1.5 }])).toThrow(/weights are integers/);
    expect(() => drawOrder(seed, [{ id: 'x', weight: 101 }])).toThrow(/weights are integers/);
    expect(() => drawOrder(seed, [{ id: '', weight: 1 }])).toThrow(/non-empty/);
    expect(() => allocate([], -1)).toThrow(DrawInputError);
    expect(drawOrder(seed, [])).toEqual([]);
    expect(allocate(drawOrder(seed, entriesOf(3)), 5).winners).toHaveLength(3);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  SEED_ALPHABET, URINE_PANEL, URINE_STATUSES, type RatedTest, type UrineOutcome, type UrineResults, drawRandom, isReproduced, mayRetest,
  missingSubstances, nextStatus, seedFromBytes, seedState, stableCandidates, stepsFrom, supersededIds, testOutcome, urineRates,
} from './urine.ts';
import { seededRandom } from './random.ts';

const allOf = (outcome: UrineOutcome): UrineResults =>
  Object.fromEntries(URINE_PANEL.map((s) => [s, outcome])) as UrineResults;

describe('the outcome of a test', () => {
  it.each([
    ['every substance negative', allOf('negative'), 'negative'],
    ['one positive among negatives', { ...allOf('negative'), opiates: 'positive' }, 'positive'],
    ['one invalid among negatives', { ...allOf('negative'), alcohol: 'invalid' }, 'invalid'],
    ['a positive and an invalid', { ...allOf('negative'), cannabis: 'positive', cocaine: 'invalid' }, 'positive'],
    ['every substance invalid', allOf('invalid'), 'invalid'],
    ['every substance positive', allOf('positive'), 'positive'],
  ] as const)('is %s → %s', (_name, results, expected) => {
    expect(testOutcome(results)).toBe(expected);
  });

  it('is positive exactly when some substance is positive', () => {
    fc.assert(fc.property(fc.tuple(...URINE_PANEL.map(() => fc.constantFrom<UrineOutcome>('negative', 'positive', 'invalid'))), (values) => {
      const results = Object.fromEntries(URINE_PANEL.map((s, i) => [s, values[i]!])) as UrineResults;
      const outcome = testOutcome(results);
      expect(outcome === 'positive').toBe(values.includes('positive'));
      expect(outcome === 'negative').toBe(values.every((v) => v === 'negative'));
    }));
  });
});

describe('the panel', () => {
  it('holds the seven substances of the assessment form', () => {
    expect(URINE_PANEL).toEqual(['benzodiazepines', 'cannabis', 'opiates', 'amphetamines', 'cocaine', 'barbiturates', 'alcohol']);
  });

  it('names the substances a result leaves out', () => {
    const { cannabis: _c, alcohol: _a, ...partial } = allOf('negative');
    expect(missingSubstances(partial)).toEqual(['cannabis', 'alcohol']);
  });

  it('finds nothing missing in a whole result', () => {
    expect(missingSubstances(allOf('invalid'))).toEqual([]);
  });
});

describe('the chain of custody', () => {
  it.each([
    ['planned', 'collect', 'collected'],
    ['planned', 'refuse', 'refused'],
    ['planned', 'cancel', 'cancelled'],
    ['collected', 'send', 'sent'],
    ['sent', 'receive', 'received'],
    ['received', 'result', 'resulted'],
    ['collected', 'result', 'resulted'],
  ] as const)('goes from %s by %s to %s', (from, step, to) => {
    expect(nextStatus(from, step)).toBe(to);
  });

  it.each([
    ['planned', 'send'],
    ['planned', 'result'],
    ['collected', 'collect'],
    ['collected', 'cancel'],
    ['sent', 'result'],
    ['received', 'send'],
    ['resulted', 'result'],
    ['refused', 'collect'],
    ['cancelled', 'collect'],
  ] as const)('refuses %s → %s as out of order', (from, step) => {
    expect(nextStatus(from, step)).toBeNull();
  });

  it('offers no step after a result, a refusal or a cancellation', () => {
    expect(stepsFrom('resulted')).toEqual([]);
    expect(stepsFrom('refused')).toEqual([]);
    expect(stepsFrom('cancelled')).toEqual([]);
  });

  it('offers collection, refusal and cancellation of a planned test', () => {
    expect(stepsFrom('planned')).toEqual(['collect', 'refuse', 'cancel']);
  });

  it('offers sending or an on-site result after collection', () => {
    expect(stepsFrom('collected')).toEqual(['send', 'result']);
  });

  it('allows a retest of a positive or invalid result only', () => {
    expect(mayRetest({ status: 'resulted', outcome: 'positive' })).toBe(true);
    expect(mayRetest({ status: 'resulted', outcome: 'invalid' })).toBe(true);
    expect(mayRetest({ status: 'resulted', outcome: 'negative' })).toBe(false);
    for (const status of URINE_STATUSES.filter((s) => s !== 'resulted')) expect(mayRetest({ status, outcome: null })).toBe(false);
  });
});

describe('the generator', () => {
  it('gives the FNV-1a hash of the empty string and of "a"', () => {
    expect(seedState('')).toBe(0x811c9dc5);
    expect(seedState('a')).toBe(0xe40c292c);
  });

  it('gives the known first outputs of Mulberry32 from state 0', () => {
    const next = seededRandom(0);
    expect(Math.round(next() * 4_294_967_296)).toBe(1_144_304_738);
    expect(Math.round(next() * 4_294_967_296)).toBe(1_416_247);
  });

  it('stays in [0, 1)', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 0xffffffff }), (state) => {
      const next = seededRandom(state);
      for (let i = 0; i < 20; i += 1) {
        const x = next();
        expect(x).toBeGreaterThanOrEqual(0);
        expect(x).toBeLessThan(1);
      }
    }));
  });

  it('gives the numbers it gave before it was shared with the demo data, from the demo seed', () => {
    const next = seededRandom(20_241_231);
    expect(Array.from({ length: 5 }, () => next())).toEqual([
      0.4944781637750566, 0.07668157340958714, 0.059034524485468864, 0.27217807271517813, 0.27529586874879897,
    ]);
  });

  it('makes a printable seed of one character per byte', () => {
    const seed = seedFromBytes(new Uint8Array([0, 31, 32, 255, 100, 7, 8, 9]));
    expect(seed).toHaveLength(8);
    expect([...seed].every((c) => SEED_ALPHABET.includes(c))).toBe(true);
    expect(seed.slice(0, 3)).toBe('0Z0');
  });
});

const ids = fc.uniqueArray(fc.uuid(), { maxLength: 60 });
const seeds = fc.string({ minLength: 1, maxLength: 16 });

describe('the random draw', () => {
  it('takes no one twice', () => {
    fc.assert(fc.property(seeds, ids, fc.integer({ min: 0, max: 80 }), (seed, candidates, k) => {
      const drawn = drawRandom(seed, candidates, k);
      expect(new Set(drawn).size).toBe(drawn.length);
    }));
  });

  it('takes as many as asked, or everyone when fewer', () => {
    fc.assert(fc.property(seeds, ids, fc.integer({ min: 0, max: 80 }), (seed, candidates, k) => {
      expect(drawRandom(seed, candidates, k)).toHaveLength(Math.min(k, candidates.length));
    }));
  });

  it('takes only candidates', () => {
    fc.assert(fc.property(seeds, ids, fc.integer({ min: 0, max: 80 }), (seed, candidates, k) => {
      const pool = new Set(candidates);
      expect(drawRandom(seed, candidates, k).every((id) => pool.has(id))).toBe(true);
    }));
  });

  it('draws the same people from the same seed, whatever order the candidates were read in', () => {
    fc.assert(fc.property(seeds, ids, fc.integer({ min: 0, max: 80 }), fc.integer(), (seed, candidates, k, shuffleSeed) => {
      const shuffled = drawRandom(String(shuffleSeed), candidates, candidates.length);
      expect(drawRandom(seed, shuffled, k)).toEqual(drawRandom(seed, candidates, k));
    }));
  });

  it('gives everyone when asked for more than there are', () => {
    const candidates = ['c', 'a', 'b'];
    expect(drawRandom('pagi', candidates, 10).sort()).toEqual(['a', 'b', 'c']);
  });

  it('gives nobody from no candidates', () => {
    expect(drawRandom('pagi', [], 5)).toEqual([]);
  });

  it('keeps a known draw unchanged from release to release', () => {
    const candidates = Array.from({ length: 10 }, (_, i) => `p${i}`);
    expect(drawRandom('RUTAN-2026-11-22', candidates, 3)).toEqual(drawRandom('RUTAN-2026-11-22', [...candidates].reverse(), 3));
    expect(drawRandom('RUTAN-2026-11-22', candidates, 3)).toEqual(['p3', 'p0', 'p1']);
  });

  it('keeps a known draw of a server-made seed over unit ids unchanged', () => {
    const candidates = Array.from({ length: 30 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
    expect(seedState('7K2QX9MRTB')).toBe(428_200_172);
    expect(drawRandom('7K2QX9MRTB', candidates, 5).map((id) => id.slice(-2))).toEqual(['14', '04', '16', '11', '26']);
  });

  it('can draw every candidate, each about as often as the others', () => {
    const candidates = Array.from({ length: 12 }, (_, i) => `wbp-${String(i).padStart(2, '0')}`);
    const counts = new Map(candidates.map((c) => [c, 0]));
    const draws = 6000;
    for (let i = 0; i < draws; i += 1) for (const id of drawRandom(`seed-${i}`, candidates, 3)) counts.set(id, counts.get(id)! + 1);
    const expected = (draws * 3) / candidates.length;
    for (const n of counts.values()) {
      expect(n).toBeGreaterThan(expected * 0.85);
      expect(n).toBeLessThan(expected * 1.15);
    }
  });

  it('differs between seeds', () => {
    const candidates = Array.from({ length: 40 }, (_, i) => `p${i}`);
    expect(drawRandom('satu', candidates, 5)).not.toEqual(drawRandom('dua', candidates, 5));
  });

  it('puts candidates in sorted order without repeats', () => {
    expect(stableCandidates(['b', 'a', 'b', 'C'])).toEqual(['C', 'a', 'b']);
  });
});

describe('reproducing a stored selection', () => {
  it('confirms the stored people in any order', () => {
    const candidates = ['a', 'b', 'c', 'd', 'e'];
    const drawn = drawRandom('x', candidates, 2);
    expect(isReproduced('x', candidates, 2, [...drawn].reverse())).toBe(true);
  });

  it('refuses a list that is not the draw', () => {
    const candidates = ['a', 'b', 'c', 'd', 'e'];
    const drawn = drawRandom('x', candidates, 2);
    const other = candidates.find((c) => !drawn.includes(c))!;
    expect(isReproduced('x', candidates, 2, [drawn[0]!, other])).toBe(false);
    expect(isReproduced('x', candidates, 2, [drawn[0]!])).toBe(false);
  });

  it('holds for every draw', () => {
    fc.assert(fc.property(seeds, ids, fc.integer({ min: 1, max: 80 }), (seed, candidates, k) => {
      expect(isReproduced(seed, candidates, k, drawRandom(seed, candidates, k))).toBe(true);
    }));
  });
});

const rated = (status: RatedTest['status'], outcome: UrineOutcome | null = null, superseded = false): RatedTest => ({ status, outcome, superseded });

describe('rates', () => {
  it('counts tested, resulted, positive, negative, invalid and refused', () => {
    const rates = urineRates([
      rated('resulted', 'positive'), rated('resulted', 'negative'), rated('resulted', 'negative'), rated('resulted', 'invalid'),
      rated('collected'), rated('sent'), rated('refused'), rated('planned'),
    ]);
    expect(rates).toEqual({ tested: 6, resulted: 4, positive: 1, negative: 2, invalid: 1, refused: 1, positiveRate: 0.25 });
  });

  it('has no positive rate without a result', () => {
    expect(urineRates([rated('planned'), rated('refused')]).positiveRate).toBeNull();
    expect(urineRates([]).positiveRate).toBeNull();
  });

  it('leaves out cancelled tests', () => {
    expect(urineRates([rated('cancelled'), rated('resulted', 'negative')])).toMatchObject({ tested: 1, resulted: 1, positiveRate: 0 });
  });

  it('counts a result and its retest once', () => {
    expect(urineRates([rated('resulted', 'positive', true), rated('resulted', 'negative')])).toMatchObject({ resulted: 1, positive: 0, negative: 1 });
  });

  it('keeps the positive rate between 0 and 1, with positives never above results', () => {
    const test = fc.record({
      status: fc.constantFrom(...URINE_STATUSES),
      outcome: fc.constantFrom<UrineOutcome>('negative', 'positive', 'invalid'),
      superseded: fc.boolean(),
    }).map((t): RatedTest => ({ ...t, outcome: t.status === 'resulted' ? t.outcome : null }));
    fc.assert(fc.property(fc.array(test, { maxLength: 40 }), (tests) => {
      const r = urineRates(tests);
      expect(r.positive + r.negative + r.invalid).toBe(r.resulted);
      expect(r.resulted).toBeLessThanOrEqual(r.tested);
      if (r.positiveRate !== null) {
        expect(r.positiveRate).toBeGreaterThanOrEqual(0);
        expect(r.positiveRate).toBeLessThanOrEqual(1);
      }
    }));
  });

  it('marks a test superseded once its retest has a result', () => {
    const found = supersededIds([
      { id: 't1', status: 'resulted', retestOf: null },
      { id: 't2', status: 'resulted', retestOf: 't1' },
      { id: 't3', status: 'resulted', retestOf: null },
      { id: 't4', status: 'planned', retestOf: 't3' },
    ]);
    expect([...found]).toEqual(['t1']);
  });
});

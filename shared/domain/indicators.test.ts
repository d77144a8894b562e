import { describe, expect, it } from 'vitest';
import { PROGRAMME_KINDS } from '../contracts/programmes.ts';
import { indicators } from '../contracts/reports.ts';
import { AFTERCARE_OUTCOMES } from './aftercare.ts';
import {
  FOLLOW_UP_OUTCOME_OF, REHAB_TYPE_OF_KIND, type RawIndicators, emptyRaw, kindsOfRehabType, median, medianOfCounts, overdueOf, periodProblems,
  rateOf, suppress, suppressionPlan, sumRaw, toIndicators, waitingOf,
} from './indicators.ts';

const none = new Set<string>();

/** A unit's raw figures with some counts set. */
function unit(set: (raw: RawIndicators) => void, capacity: number | null = 100): RawIndicators {
  const raw = emptyRaw(capacity);
  set(raw);
  return raw;
}

describe('small-count suppression', () => {
  it('hides a count from 1 to the threshold less one', () => {
    expect([1, 3, 4].map((n) => suppress(n, 5))).toEqual([null, null, null]);
  });

  it('keeps a zero and a count at the threshold', () => {
    expect([0, 5, 120].map((n) => suppress(n, 5))).toEqual([0, 5, 120]);
  });

  it('keeps a hidden count hidden', () => {
    expect(suppress(null, 5)).toBeNull();
  });
});

describe('rates', () => {
  it('divides the part by the whole', () => {
    expect(rateOf(2, 8)).toBe(0.25);
  });

  it('gives none without a whole, or where a part is hidden', () => {
    expect([rateOf(0, 0), rateOf(null, 8), rateOf(2, null)]).toEqual([null, null, null]);
  });
});

describe('the median', () => {
  it('is the middle value of an odd count', () => {
    expect(median([9, 1, 4])).toBe(4);
  });

  it('is the mean of the middle two of an even count', () => {
    expect(median([6, 24])).toBe(15);
  });

  it('is none of nothing', () => {
    expect(median([])).toBeNull();
    expect(medianOfCounts({})).toBeNull();
  });

  it('of a histogram equals the median of the list it stands for', () => {
    expect(medianOfCounts({ 3: 2, 10: 1, 20: 3 })).toBe(median([3, 3, 10, 20, 20, 20]));
    expect(medianOfCounts({ 3: 2, 10: 1, 20: 2 })).toBe(median([3, 3, 10, 20, 20]));
  });
});

describe('the period', () => {
  it('may not end before it starts', () => {
    expect(periodProblems('2026-11-30', '2026-11-01')).toEqual([{ field: 'to', message: 'validation.dashboard.periodReversed' }]);
  });

  it('may cover a leap year whole, and not a day more', () => {
    expect(periodProblems('2028-01-01', '2028-12-31')).toEqual([]);
    expect(periodProblems('2026-01-01', '2027-01-02').map((p) => p.field)).toEqual(['to']);
  });
});

describe('waiting for the decree', () => {
  it('counts working days from the screening result and judges each decree by its due day', () => {
    // Screened Monday 2 November: due Friday 20 November.
    const waits = [
      { screenedOn: '2026-11-02', decidedOn: '2026-11-10', n: 2 },
      { screenedOn: '2026-11-02', decidedOn: '2026-11-20', n: 1 },
      { screenedOn: '2026-11-02', decidedOn: '2026-11-23', n: 1 },
    ];

    expect(waitingOf(waits, none)).toEqual({ days: { 6: 2, 14: 1, 15: 1 }, withinStandard: 3 });
  });

  it('counts as overdue only those past their due day today', () => {
    const waiting = [{ screenedOn: '2026-10-20', n: 2 }, { screenedOn: '2026-11-10', n: 3 }];

    expect(overdueOf(waiting, '2026-11-23', none)).toBe(2);
  });

  it('moves the due day past a holiday', () => {
    // Due Monday 9 November, or Tuesday 10 November when the 9th is a holiday.
    expect(overdueOf([{ screenedOn: '2026-10-20', n: 1 }], '2026-11-10', none)).toBe(1);
    expect(overdueOf([{ screenedOn: '2026-10-20', n: 1 }], '2026-11-10', new Set(['2026-11-09']))).toBe(0);
  });
});

describe('the mappings', () => {
  it('count methadone as medical rehabilitation, and neither education nor VCT', () => {
    expect(kindsOfRehabType('medical')).toEqual(['medical', 'ptrm']);
    expect(REHAB_TYPE_OF_KIND.education).toBeNull();
    expect(REHAB_TYPE_OF_KIND.vct_counselling).toBeNull();
  });

  it('give every programme kind and every stored aftercare outcome a place', () => {
    expect(Object.keys(REHAB_TYPE_OF_KIND).sort()).toEqual([...PROGRAMME_KINDS].sort());
    expect(Object.keys(FOLLOW_UP_OUTCOME_OF).sort()).toEqual([...AFTERCARE_OUTCOMES].sort());
  });
});

describe('sums of units', () => {
  it('add counts, capacities and the waiting histograms', () => {
    const a = unit((r) => { r.funnel.screened = 2; r.waiting.days = { 6: 1 }; }, 100);
    const b = unit((r) => { r.funnel.screened = 3; r.waiting.days = { 6: 1, 24: 1 }; }, null);

    const sum = sumRaw([a, b]);

    expect(sum.funnel.screened).toBe(5);
    expect(sum.occupancy.capacity).toBe(100);
    expect(sum.waiting.days).toEqual({ 6: 2, 24: 1 });
  });

  it('have no capacity when no unit has one', () => {
    expect(sumRaw([emptyRaw(null), emptyRaw(null)]).occupancy.capacity).toBeNull();
  });
});

describe('what a reader is shown', () => {
  it('is every count whole where nothing is suppressed, valid against the contract', () => {
    const raw = unit((r) => {
      r.funnel.screened = 1;
      r.occupancy.held = 150;
      r.urine = { tested: 4, positive: 1 };
      r.waiting.days = { 6: 1, 24: 1 };
    });

    const shown = toIndicators(raw, null);

    expect(shown.funnel[1]).toEqual({ stage: 'screened', count: 1 });
    expect(shown.urine).toEqual({ tested: 4, positive: 1, rate: 0.25 });
    expect(shown.waiting.medianDays).toBe(15);
    // Overcrowded: more people than places.
    expect(shown.occupancy.rate).toBe(1.5);
    expect(indicators.safeParse(shown).success).toBe(true);
  });

  it('hides the median where the number of decrees is hidden', () => {
    const raw = unit((r) => { r.waiting.days = { 6: 1, 24: 1 }; });

    const plan = suppressionPlan([raw], 5, [[0]]);

    expect(toIndicators(raw, plan.total).waiting).toMatchObject({ decided: null, medianDays: null });
  });

  it('gives no completion rate where the completed or the dropped are hidden', () => {
    const raw = unit((r) => { r.completion = { completed: 12, dropped: 2, active: 30 }; });

    const plan = suppressionPlan([raw], 5, [[0]]);

    expect(toIndicators(raw, plan.total).completion).toEqual({ completed: 12, dropped: null, active: 30, completionRate: null });
  });
});

describe('complementary suppression', () => {
  it('hides a second class where a single hidden class could be worked out from the number classified', () => {
    const raw = unit((r) => {
      r.funnel.classified = 20;
      r.classes = { rendah: 3, menengah: 10, tinggi: 7 };
    });

    const shown = toIndicators(raw, suppressionPlan([raw], 5, [[0]]).total);

    expect(shown.classes).toEqual([{ class: 'rendah', count: null }, { class: 'menengah', count: 10 }, { class: 'tinggi', count: null }]);
    expect(shown.complementary).toEqual(['classes.tinggi']);
  });

  it('hides a second follow-up outcome where only one is small', () => {
    const raw = unit((r) => { r.followUps = { stable: 12, relapse: 2, reoffended: 0, lost: 6 }; });

    const shown = toIndicators(raw, suppressionPlan([raw], 5, [[0]]).total);

    expect(shown.followUps.map((f) => f.count)).toEqual([12, null, 0, null]);
  });

  it('hides nothing more where two counts of a group are already hidden', () => {
    const raw = unit((r) => {
      r.funnel.classified = 16;
      r.classes = { rendah: 3, menengah: 4, tinggi: 9 };
    });

    const shown = toIndicators(raw, suppressionPlan([raw], 5, [[0]]).total);

    expect(shown.classes.map((c) => c.count)).toEqual([null, null, 9]);
    expect(shown.complementary).toEqual([]);
  });

  it('hides a second unit\'s count where the one hidden could be worked out from the total', () => {
    const units = [unit((r) => { r.funnel.screened = 40; }), unit((r) => { r.funnel.screened = 3; }), unit((r) => { r.funnel.screened = 9; })];

    const plan = suppressionPlan(units, 5, [[0, 1, 2]]);
    const screened = units.map((u, i) => toIndicators(u, plan.units[i]!).funnel[1]!.count);

    expect(screened).toEqual([40, null, null]);
    expect(toIndicators(sumRaw(units), plan.total).funnel[1]!.count).toBe(52);
  });

  it('hides within each region too, whose total can be asked for on its own', () => {
    // Region X: units 0 and 1; region Y: unit 2. Nationally two units are hidden, but in X only one.
    const units = [unit((r) => { r.urine.tested = 3; }), unit((r) => { r.urine.tested = 30; }), unit((r) => { r.urine.tested = 2; })];

    const plan = suppressionPlan(units, 5, [[0, 1, 2], [0, 1], [2]]);

    expect(plan.units[1]!.get('urine.tested')).toBe('complementary');
  });

  it('never hides a zero', () => {
    const units = [unit((r) => { r.funnel.referred = 2; }), unit(() => undefined)];

    const plan = suppressionPlan(units, 5, [[0, 1]]);

    expect(toIndicators(units[1]!, plan.units[1]!).funnel[7]).toEqual({ stage: 'referred', count: 0 });
  });

  it('leaves a group alone where its only hidden count equals the total, itself hidden', () => {
    const raw = unit((r) => {
      r.funnel.classified = 3;
      r.classes = { rendah: 0, menengah: 3, tinggi: 0 };
    });

    const plan = suppressionPlan([raw], 5, [[0]]);

    expect([...plan.total.values()].every((why) => why === 'small')).toBe(true);
  });
});

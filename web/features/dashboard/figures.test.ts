import { describe, expect, it } from 'vitest';
import type { Indicators } from '../../../shared/contracts/reports.ts';
import {
  chartSummary, classFigures, countFigure, counter, countText, funnelFigures, hasActivity, leftOut, occupancyRows, plotted,
  rateText, shownNumber, shownRate, type UnitRow,
} from './figures.ts';

const fmt = (n: number) => String(Math.round(n * 10) / 10);
const label = (key: string) => key.toUpperCase();

/** Indicators with nothing in them; a test sets what it is about. */
function empty(): Indicators {
  return {
    funnel: (['drugCases', 'screened', 'assessed', 'classified', 'decided', 'enrolled', 'completed', 'referred', 'followedUp'] as const).map((stage) => ({ stage, count: 0 })),
    classes: (['rendah', 'menengah', 'tinggi'] as const).map((c) => ({ class: c, count: 0 })),
    occupancy: { capacity: 350, held: 0, drugCases: 0, rate: 0 },
    waiting: { standardDays: 14, decided: 0, withinStandard: 0, medianDays: null, overdueNow: 0 },
    attendance: { expected: 0, present: 0, rate: null },
    urine: { tested: 0, positive: 0, rate: null },
    completion: { completed: 0, dropped: 0, active: 0, completionRate: null },
    followUps: (['stable', 'relapse', 'reoffended', 'lost'] as const).map((outcome) => ({ outcome, count: 0 })),
    rehabTypes: (['medical', 'social', 'post_rehab'] as const).map((type) => ({ type, count: 0 })),
  };
}

function unit(id: string, occupancy: Partial<Indicators['occupancy']>): UnitRow {
  const indicators = empty();
  return { id, name: `Unit ${id}`, code: id.toUpperCase(), regionId: null, indicators: { ...indicators, occupancy: { ...indicators.occupancy, ...occupancy } } };
}

describe('a count on screen', () => {
  it('shows the number', () => {
    expect(countText(12, 5, fmt)).toBe('12');
  });

  it('shows zero as zero where counts are suppressed', () => {
    expect(countText(0, 5, fmt)).toBe('0');
  });

  it('shows a suppressed count as below the threshold', () => {
    expect(countText(null, 5, fmt)).toBe('<5');
  });

  it('shows a dash for a missing count where nothing is suppressed', () => {
    expect(countText(null, null, fmt)).toBe('—');
  });
});

describe('a count withheld with a small one', () => {
  it('reads "x", not "<5", since it is not small', () => {
    expect(countText(null, 5, fmt, true)).toBe('x');
  });

  it('is found by its path in the answer', () => {
    const ind = { ...empty(), complementary: ['classes.menengah'] };
    expect(counter(ind, 5, fmt)(null, 'classes.menengah')).toBe('x');
  });

  it('is left out of its chart and named as withheld', () => {
    const ind = empty();
    ind.classes = [{ class: 'rendah', count: 20 }, { class: 'menengah', count: null }, { class: 'tinggi', count: null }];
    ind.complementary = ['classes.menengah'];
    expect(leftOut(classFigures(ind, 5, label, fmt))).toEqual({ suppressed: ['TINGGI'], withheld: ['MENENGAH'], none: [] });
  });

  it('leaves its unit out of the occupancy chart as withheld', () => {
    const withheld = unit('b', { held: null });
    withheld.indicators.complementary = ['occupancy.held'];
    expect(occupancyRows([withheld], 5).missing).toEqual({ suppressed: [], withheld: ['Unit b'], none: [] });
  });
});

describe('a share on screen', () => {
  it('shows a percentage', () => {
    expect(rateText(0.25, fmt)).toBe('25%');
  });

  it('shows a dash when it cannot be given', () => {
    expect(rateText(null, fmt)).toBe('—');
  });

  it('is plotted in per cent', () => {
    expect(shownRate(0.375, fmt)).toEqual({ value: 37.5, text: '37.5%', missing: null });
  });

  it('without a number is not plotted', () => {
    expect(shownRate(null, fmt)).toEqual({ value: null, text: '—', missing: 'none' });
  });
});

describe('a median on screen', () => {
  it('without a number is not plotted', () => {
    expect(shownNumber(null, fmt)).toEqual({ value: null, text: '—', missing: 'none' });
  });
});

describe('the figures a chart draws', () => {
  it('leave a suppressed count out of the drawing instead of drawing it as zero', () => {
    const figures = [countFigure('a', 'A', 7, 5, fmt), countFigure('b', 'B', null, 5, fmt), countFigure('c', 'C', 0, 5, fmt)];
    expect(plotted(figures).map((f) => [f.label, f.value])).toEqual([['A', 7], ['C', 0]]);
  });

  it('name what they leave out, and why', () => {
    const figures = [countFigure('a', 'Tinggi', null, 5, fmt), { key: 'b', label: 'Rutan Serang', ...shownNumber(null, fmt) }];
    expect(leftOut(figures)).toEqual({ suppressed: ['Tinggi'], withheld: [], none: ['Rutan Serang'] });
  });

  it('keep a suppressed count in the text alternative as below the threshold', () => {
    const figures = [countFigure('a', 'Rendah', 9, 5, fmt), countFigure('b', 'Tinggi', null, 5, fmt)];
    expect(chartSummary('Kelas', figures)).toBe('Kelas: Rendah 9; Tinggi <5');
  });
});

describe('the funnel', () => {
  it('runs in the order of the pathway whatever the order of the answer', () => {
    const ind = empty();
    ind.funnel = [...ind.funnel].reverse();
    expect(funnelFigures(ind, null, label, fmt).map((f) => f.key)).toEqual([
      'drugCases', 'screened', 'assessed', 'classified', 'decided', 'enrolled', 'completed', 'referred', 'followedUp',
    ]);
  });

  it('labels each stage in the reader\'s language', () => {
    expect(funnelFigures(empty(), null, label, fmt)[1]?.label).toBe('SCREENED');
  });
});

describe('the classes', () => {
  it('come as rendah, menengah, tinggi with a suppressed one marked', () => {
    const ind = empty();
    ind.classes = [{ class: 'tinggi', count: null }, { class: 'rendah', count: 20 }, { class: 'menengah', count: 8 }];
    expect(classFigures(ind, 5, label, fmt).map((f) => [f.key, f.text, f.missing])).toEqual([
      ['rendah', '20', null], ['menengah', '8', null], ['tinggi', '<5', 'suppressed'],
    ]);
  });
});

describe('occupancy per unit', () => {
  it('draws each unit\'s head count against its capacity', () => {
    expect(occupancyRows([unit('a', { held: 400, capacity: 350 })], 5).rows).toEqual([{ key: 'a', label: 'Unit a', held: 400, capacity: 350 }]);
  });

  it('leaves out a unit whose head count is suppressed, and names it', () => {
    const { rows, missing } = occupancyRows([unit('a', { held: 300 }), unit('b', { held: null })], 5);
    expect([rows.map((r) => r.key), missing]).toEqual([['a'], { suppressed: ['Unit b'], withheld: [], none: [] }]);
  });

  it('keeps a unit of unknown capacity, without a capacity', () => {
    expect(occupancyRows([unit('a', { held: 30, capacity: null })], null).rows[0]?.capacity).toBeNull();
  });
});

describe('whether the period has anything to show', () => {
  it('has not when nothing happened, however many people are held', () => {
    const ind = empty();
    ind.occupancy = { capacity: 350, held: 300, drugCases: 180, rate: 300 / 350 };
    ind.funnel = ind.funnel.map((f) => (f.stage === 'drugCases' ? { ...f, count: 180 } : f));
    expect(hasActivity(ind)).toBe(false);
  });

  it('has when someone was screened', () => {
    const ind = empty();
    ind.funnel = ind.funnel.map((f) => (f.stage === 'screened' ? { ...f, count: 12 } : f));
    expect(hasActivity(ind)).toBe(true);
  });

  it('has when a count is suppressed, since that is one to four people', () => {
    const ind = empty();
    ind.urine = { tested: null, positive: 0, rate: null };
    expect(hasActivity(ind)).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { DEFAULT_PROGRAMMES } from './programmes.ts';
import {
  careTaskLink, compareScores, currentPhase, directionOf, expectedPhase, followUpOfPoint, isReassessmentTask, phaseCalendar, phaseChangeProblems,
  phaseSchedule, phasesOf, reassessmentDue, reassessmentPointsOf, reassessmentStatus, scoresOf, taskOverdue,
} from './progress.ts';

const TC = phasesOf(DEFAULT_PROGRAMMES.find((p) => p.kind === 'social')!.phases);
const START = '2026-09-01';

describe('the phases of a programme', () => {
  it('reads the Therapeutic Community default as entry 2, core 19, re-entry 3 weeks', () => {
    expect(TC.map((p) => [p.code, p.weeks])).toEqual([['entry', 2], ['core', 19], ['re_entry', 3]]);
  });

  it('counts stored phases it cannot read as none', () => {
    expect(phasesOf([{ code: 'entry' }])).toEqual([]);
    expect(phasesOf(null)).toEqual([]);
  });

  it('puts a person without a phase change in the first phase', () => {
    expect(currentPhase(TC, [])).toBe('entry');
  });

  it("puts a person in the last change's phase", () => {
    expect(currentPhase(TC, [{ toPhase: 'core' }, { toPhase: 'entry' }])).toBe('entry');
  });

  it('has no phase in a programme without phases', () => {
    expect(currentPhase([], [])).toBeNull();
  });

  it('lays the phases on the calendar from the start date', () => {
    expect(phaseCalendar(TC, START)).toEqual([
      { code: 'entry', startsOn: '2026-09-01', endsOn: '2026-09-15' },
      { code: 'core', startsOn: '2026-09-15', endsOn: '2027-01-26' },
      { code: 're_entry', startsOn: '2027-01-26', endsOn: '2027-02-16' },
    ]);
  });
});

describe('the phase the calendar expects', () => {
  it('is the entry phase on the first day and through day 13', () => {
    expect(expectedPhase(TC, START, START)).toBe('entry');
    expect(expectedPhase(TC, START, '2026-09-14')).toBe('entry');
  });

  it('is the core phase from the start of week 3', () => {
    expect(expectedPhase(TC, START, '2026-09-15')).toBe('core');
  });

  it('is re-entry in week 22 and stays re-entry past the end', () => {
    expect(expectedPhase(TC, START, '2027-01-26')).toBe('re_entry');
    expect(expectedPhase(TC, START, '2027-06-01')).toBe('re_entry');
  });

  it('is none before the start or without a start date', () => {
    expect(expectedPhase(TC, START, '2026-08-31')).toBeNull();
    expect(expectedPhase(TC, null, START)).toBeNull();
  });

  it('tells behind, on time and ahead', () => {
    expect(phaseSchedule(TC, 'entry', 'core')).toBe('behind');
    expect(phaseSchedule(TC, 'core', 'core')).toBe('on_time');
    expect(phaseSchedule(TC, 're_entry', 'core')).toBe('ahead');
    expect(phaseSchedule(TC, 'core', null)).toBeNull();
  });
});

describe('a phase change', () => {
  const base = {
    phases: TC, current: 'entry', direction: 'promotion' as const, toPhase: 'core', changedOn: '2026-09-15',
    startDate: START, lastChangedOn: null, today: '2026-11-23',
  };

  it('promotes to the next phase', () => {
    expect(phaseChangeProblems(base)).toEqual([]);
  });

  it('refuses a promotion that skips a phase, naming toPhase', () => {
    expect(phaseChangeProblems({ ...base, toPhase: 're_entry' })).toEqual([
      { field: 'toPhase', message: 'validation.progress.notNextPhase', params: { phase: 'Program utama (primary)' } },
    ]);
  });

  it('refuses a promotion from the last phase', () => {
    expect(phaseChangeProblems({ ...base, current: 're_entry', toPhase: 're_entry' })[0]).toMatchObject({ field: 'toPhase', message: 'validation.progress.lastPhase' });
  });

  it('moves back to any earlier phase', () => {
    expect(phaseChangeProblems({ ...base, current: 're_entry', direction: 'regression', toPhase: 'entry' })).toEqual([]);
  });

  it('refuses a regression to the same or a later phase', () => {
    expect(phaseChangeProblems({ ...base, current: 'core', direction: 'regression', toPhase: 'core' })[0]).toMatchObject({ message: 'validation.progress.notEarlierPhase' });
    expect(phaseChangeProblems({ ...base, current: 'core', direction: 'regression', toPhase: 're_entry' })[0]).toMatchObject({ message: 'validation.progress.notEarlierPhase' });
  });

  it('refuses a regression from the first phase', () => {
    expect(phaseChangeProblems({ ...base, direction: 'regression', toPhase: 'entry' })[0]).toMatchObject({ message: 'validation.progress.firstPhase' });
  });

  it('refuses a phase the programme does not have', () => {
    expect(phaseChangeProblems({ ...base, toPhase: 'aftercare' })).toEqual([{ field: 'toPhase', message: 'validation.progress.unknownPhase' }]);
  });

  it('refuses a date before the start, naming changedOn', () => {
    expect(phaseChangeProblems({ ...base, changedOn: '2026-08-31' })).toEqual([
      { field: 'changedOn', message: 'validation.progress.beforeStart', params: { date: START } },
    ]);
  });

  it('refuses a date after today', () => {
    expect(phaseChangeProblems({ ...base, changedOn: '2026-11-24' })).toEqual([{ field: 'changedOn', message: 'validation.dateInFuture' }]);
  });

  it('accepts today and the start date itself', () => {
    expect(phaseChangeProblems({ ...base, changedOn: '2026-11-23' })).toEqual([]);
    expect(phaseChangeProblems({ ...base, changedOn: START })).toEqual([]);
  });

  it('refuses a date before the last change', () => {
    expect(phaseChangeProblems({ ...base, current: 'core', toPhase: 're_entry', lastChangedOn: '2026-10-01', changedOn: '2026-09-30' })).toEqual([
      { field: 'changedOn', message: 'validation.progress.beforeLastChange', params: { date: '2026-10-01' } },
    ]);
  });

  it('lets any phase follow one the programme no longer has', () => {
    expect(phaseChangeProblems({ ...base, current: 'orientation', toPhase: 're_entry' })).toEqual([]);
  });
});

describe('re-assessment points', () => {
  it('default to the middle and the end of the programme', () => {
    expect(reassessmentPointsOf(undefined)).toEqual([50, 100]);
    expect(reassessmentPointsOf('lima puluh')).toEqual([50, 100]);
  });

  it('take the setting in order, once each', () => {
    expect(reassessmentPointsOf([100, 33, 66, 33])).toEqual([33, 66, 100]);
  });

  it('refuse a setting with a point outside 1–100', () => {
    expect(reassessmentPointsOf([0, 50])).toEqual([50, 100]);
  });

  it('fall due at the share of the programme in whole days: 84 and 168 days into 24 weeks', () => {
    expect(reassessmentDue(START, 24, 50)).toBe('2026-11-24');
    expect(reassessmentDue(START, 24, 100)).toBe('2027-02-16');
  });

  it('round the days to the nearest whole day', () => {
    // 26 weeks = 182 days; a third is 60.67 days.
    expect(reassessmentDue(START, 26, 33)).toBe('2026-10-31');
  });

  const status = (dueOn: string | null, today: string, more: Partial<Parameters<typeof reassessmentStatus>[0]> = {}) =>
    reassessmentStatus({ dueOn, today, signed: false, enrolmentStatus: 'active', ...more });

  it('is upcoming more than 14 days ahead, due from 14 days ahead to the day, overdue after', () => {
    expect(status('2026-12-08', '2026-11-23')).toBe('upcoming');
    expect(status('2026-12-07', '2026-11-23')).toBe('due');
    expect(status('2026-11-23', '2026-11-23')).toBe('due');
    expect(status('2026-11-22', '2026-11-23')).toBe('overdue');
  });

  it('is done once signed, whatever the date', () => {
    expect(status('2026-10-01', '2026-11-23', { signed: true })).toBe('done');
  });

  it('is closed when the enrolment ended by drop-out or change', () => {
    expect(status('2026-10-01', '2026-11-23', { enrolmentStatus: 'dropped' })).toBe('closed');
    expect(status('2026-10-01', '2026-11-23', { enrolmentStatus: 'changed' })).toBe('closed');
  });

  it('is upcoming without a date (on the waitlist)', () => {
    expect(status(null, '2026-11-23', { enrolmentStatus: 'waitlisted' })).toBe('upcoming');
  });

  it('is a task of the unit while due or overdue only', () => {
    expect(isReassessmentTask(status('2026-12-07', '2026-11-23'))).toBe(true);
    expect(isReassessmentTask(status('2026-11-22', '2026-11-23'))).toBe(true);
    expect(isReassessmentTask(status('2026-12-08', '2026-11-23'))).toBe(false);
    expect(isReassessmentTask(status('2026-11-22', '2026-11-23', { signed: true }))).toBe(false);
    expect(isReassessmentTask(status('2026-11-22', '2026-11-23', { enrolmentStatus: 'dropped' }))).toBe(false);
  });

  it('shows the signed follow-up of a point, else the latest draft, else none', () => {
    expect(followUpOfPoint([{ id: 'a', status: 'signed' }, { id: 'b', status: 'draft' }])?.id).toBe('a');
    expect(followUpOfPoint([{ id: 'a', status: 'draft' }, { id: 'b', status: 'draft' }])?.id).toBe('b');
    expect(followUpOfPoint([])).toBeNull();
  });
});

describe('before and after', () => {
  it('reads the composites and the 0–9 grid of a stored assessment', () => {
    const scores = scoresOf({ drug: 0.41, legal: null }, { severity: { napza: 7, legal: 4 }, medical: { chronicIllness: false } });
    expect(scores).toEqual({ composites: { drug: 0.41, legal: null }, severity: { napza: 7, legal: 4 } });
  });

  it('reads an empty assessment as nothing known', () => {
    expect(scoresOf({}, {})).toEqual({ composites: {}, severity: {} });
    expect(scoresOf(null, null)).toEqual({ composites: {}, severity: {} });
  });

  it('gives each composite before, after and the change, rounded to 4 decimals', () => {
    const { composites } = compareScores(
      { composites: { drug: 0.4103, employment: 0.8 }, severity: {} },
      { composites: { drug: 0.1, employment: 0.9 }, severity: {} },
    );
    expect(composites.find((c) => c.area === 'drug')).toEqual({ area: 'drug', before: 0.4103, after: 0.1, change: -0.3103, direction: 'better' });
    expect(composites.find((c) => c.area === 'employment')).toEqual({ area: 'employment', before: 0.8, after: 0.9, change: 0.1, direction: 'worse' });
  });

  it('leaves the change empty when either side was not computed', () => {
    const { composites } = compareScores({ composites: { legal: null }, severity: {} }, { composites: { legal: 0.2 }, severity: {} });
    expect(composites.find((c) => c.area === 'legal')).toEqual({ area: 'legal', before: null, after: 0.2, change: null, direction: null });
  });

  it('compares the six areas of the grid with a direction, lower being better', () => {
    const { severity } = compareScores(
      { composites: {}, severity: { napza: 7, psychiatric: 2, legal: 5 } },
      { composites: {}, severity: { napza: 3, psychiatric: 4, legal: 5 } },
    );
    expect(severity.map((s) => [s.area, s.change, s.direction])).toEqual([
      ['medical', null, null], ['employment_support', null, null], ['napza', -4, 'better'], ['legal', 0, 'same'],
      ['family_social', null, null], ['psychiatric', 2, 'worse'],
    ]);
  });

  it('names every ASI area in order', () => {
    const { composites } = compareScores({ composites: {}, severity: {} }, { composites: {}, severity: {} });
    expect(composites.map((c) => c.area)).toEqual(['medical', 'employment', 'alcohol', 'drug', 'legal', 'family', 'psychiatric']);
  });

  it('says same for no change and nothing for an unknown one', () => {
    expect(directionOf(0)).toBe('same');
    expect(directionOf(null)).toBeNull();
  });
});

describe('care tasks', () => {
  it('link to the page of the care record where the work is done', () => {
    expect(careTaskLink('urine_positive', 'p1')).toBe('/wbp/p1/urin');
    expect(careTaskLink('incident_review', 'p1')).toBe('/wbp/p1/insiden');
    expect(careTaskLink('reassessment', 'p1')).toBe('/wbp/p1/kemajuan');
  });

  it('are overdue once the day has passed while open', () => {
    expect(taskOverdue('2026-11-22', 'open', '2026-11-23')).toBe(true);
    expect(taskOverdue('2026-11-23', 'open', '2026-11-23')).toBe(false);
    expect(taskOverdue('2026-11-22', 'done', '2026-11-23')).toBe(false);
  });
});

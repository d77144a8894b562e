import { describe, expect, it } from 'vitest';
import { INSTRUMENTS, findInstrument, scoreInstrument } from './index.ts';

describe('the instrument registry', () => {
  it('lists WHO ASSIST 3.0 and ASI 5', () => {
    expect(INSTRUMENTS.map((i) => `${i.id} ${i.version}`)).toEqual(['assist 3.0', 'asi 5']);
  });

  it('finds an instrument by id and version', () => {
    expect(findInstrument('asi', '5')?.label.en).toBe('Addiction Severity Index, 5th edition (assessment)');
    expect(findInstrument('asi', '6')).toBeUndefined();
  });

  it('scores an ASSIST input with the ASSIST scorer', () => {
    const outcome = scoreInstrument({ instrument: 'assist', version: '3.0', answers: { q1: {}, q8: 'never' } });
    expect(outcome).toMatchObject({ ok: true, result: { instrument: 'assist', version: '3.0', overall: 'low' } });
  });

  it('scores an ASI input with the ASI scorer', () => {
    const outcome = scoreInstrument({ instrument: 'asi', version: '5', items: { M6: 0, M7: 0, M8: 0 } });
    expect(outcome).toMatchObject({ ok: true, result: { instrument: 'asi', version: '5', composites: { medical: 0 } } });
  });

  it('passes the options on to the scorer', () => {
    const outcome = scoreInstrument(
      { instrument: 'asi', version: '5', items: { E4: 1, E5: 1, E11: 30, E12: 100_000 } },
      { asi: { clampComposites: false } },
    );
    expect(outcome).toMatchObject({ ok: true, result: { composites: { employment: -0.0698 } } });
  });

  it.each<[string, unknown, string, string]>([
    ['an unknown instrument', { instrument: 'audit', version: '1' }, 'instrument', 'instrument must be one of assist, asi (got "audit").'],
    ['a missing instrument', { version: '3.0' }, 'instrument', 'instrument is required (one of assist, asi).'],
    ['an unknown version', { instrument: 'assist', version: '2.0' }, 'version', 'version "2.0" of assist is not supported (supported: "3.0").'],
    ['a version given as a number', { instrument: 'asi', version: 5 }, 'version', 'version must be a string (asi supported: "5"; got 5).'],
    ['a missing version', { instrument: 'asi' }, 'version', 'version is required (asi supported: "5").'],
    ['an input that is not an object', [1, 2], '', 'The input must be a JSON object with instrument and version (got an array).'],
    ['null', null, '', 'The input must be a JSON object with instrument and version (got null).'],
  ])('refuses %s with a clear message', (_case, input, path, message) => {
    expect(scoreInstrument(input)).toEqual({ ok: false, errors: [{ path, message }] });
  });

  it('returns the field errors of the instrument for an invalid input', () => {
    const outcome = scoreInstrument({ instrument: 'assist', version: '3.0', answers: { q1: { alcohol: true }, q8: 'never' } });
    expect(outcome).toMatchObject({
      ok: false,
      errors: expect.arrayContaining([{ path: 'answers.q2.alcohol', message: 'q2.alcohol is required because q1.alcohol is true.' }]),
    });
  });
});

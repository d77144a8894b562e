import { describe, expect, it } from 'vitest';
import { postRehabProgrammesPath } from './postRehab.ts';

describe('the path to a Bapas post-rehabilitation programmes', () => {
  it('opens the programme list on the Bapas', () => {
    expect(postRehabProgrammesPath('3f0c1c8e-5a7b-4d7e-9a51-0c1d2e3f4a5b')).toBe('/program?upt=3f0c1c8e-5a7b-4d7e-9a51-0c1d2e3f4a5b');
  });

  it('keeps the unit id in one query parameter whatever it holds', () => {
    expect(new URLSearchParams(postRehabProgrammesPath('a&b=c').split('?')[1]).get('upt')).toBe('a&b=c');
  });
});

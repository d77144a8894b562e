import { describe, expect, it } from 'vitest';
import { containing, startingWith } from './like.ts';

describe('LIKE patterns from typed text', () => {
  it('matches the text anywhere, with %, _ and \\ taken as themselves', () => {
    expect(containing('50%_a\\b')).toBe('%50\\%\\_a\\\\b%');
  });

  it('matches the start of a value', () => {
    expect(startingWith('RTN_1')).toBe('RTN\\_1%');
  });
});

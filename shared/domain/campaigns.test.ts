import { describe, expect, it } from 'vitest';
import { audienceProblems, audienceTotal } from './campaigns.ts';

describe('audiences of education campaigns', () => {
  it('adds the four groups', () => {
    expect(audienceTotal({ wbp: 40, staff: 5, family: 12, public: 3 })).toBe(60);
  });
  it('refuses a campaign that reached no one', () => {
    expect(audienceProblems({ wbp: 0, staff: 0, family: 0, public: 0 })).toEqual([{ field: 'audience', message: 'validation.campaign.noAudience' }]);
  });
  it('accepts a campaign with one group above zero', () => {
    expect(audienceProblems({ wbp: 0, staff: 0, family: 0, public: 1 })).toEqual([]);
  });
});

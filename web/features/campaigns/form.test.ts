import { describe, expect, it } from 'vitest';
import { type CampaignValues, campaignRequest } from './form.ts';

const t = (key: string) => key;
const values: CampaignValues = {
  heldOn: '2026-11-10', place: 'Aula', topic: 'Bahaya narkoba', partnerId: '', wbp: '40', staff: '', family: '3', public: '', facilitators: 'A\n\n B ', note: '',
};

describe('campaignRequest', () => {
  it('reads empty counts as zero and one facilitator per line', () => {
    expect(campaignRequest(values, t)).toMatchObject({ body: { audience: { wbp: 40, staff: 0, family: 3, public: 0 }, facilitators: ['A', 'B'] } });
  });
  it('asks for at least one group when every count is zero', () => {
    expect(campaignRequest({ ...values, wbp: '0', family: '' }, t)).toEqual({ errors: { wbp: 'campaigns.audienceRequired' } });
  });
  it('says a topic of one or two letters is too short, not missing', () => {
    expect(campaignRequest({ ...values, topic: ' ab ' }, t)).toEqual({ errors: { topic: 'campaigns.topicTooShort' } });
    expect(campaignRequest({ ...values, topic: '  ' }, t)).toEqual({ errors: { topic: 'campaigns.required' } });
  });
  it('refuses a count that is not a whole number', () => {
    expect(campaignRequest({ ...values, staff: '2,5' }, t)).toEqual({ errors: { staff: 'campaigns.countInvalid' } });
  });
});

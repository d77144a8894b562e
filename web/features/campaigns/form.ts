import type { CampaignRequest } from '../../../shared/contracts/campaigns.ts';
import { AUDIENCES, audienceTotal } from '../../../shared/domain/campaigns.ts';
import type { FieldErrors } from '../../app/validation.ts';

export interface CampaignValues {
  heldOn: string; place: string; topic: string; partnerId: string; wbp: string; staff: string; family: string; public: string; facilitators: string; note: string;
}

type Translate = (key: 'campaigns.required' | 'campaigns.topicTooShort' | 'campaigns.countInvalid' | 'campaigns.audienceRequired') => string;

const count = (text: string): number | null => {
  const trimmed = text.trim();
  if (trimmed === '') return 0;
  return /^\d{1,6}$/.test(trimmed) ? Number(trimmed) : null;
};

/** The request from the form (empty counts are zero), or the messages by field. */
export function campaignRequest(v: CampaignValues, t: Translate): { body: CampaignRequest } | { errors: FieldErrors } {
  const errors: FieldErrors = {};
  if (!v.heldOn) errors.heldOn = t('campaigns.required');
  if (!v.place.trim()) errors.place = t('campaigns.required');
  const topic = v.topic.trim();
  if (topic === '') errors.topic = t('campaigns.required');
  else if (topic.length < 3) errors.topic = t('campaigns.topicTooShort');
  const audience = { wbp: 0, staff: 0, family: 0, public: 0 };
  for (const k of AUDIENCES) {
    const n = count(v[k]);
    if (n === null) errors[k] = t('campaigns.countInvalid');
    else audience[k] = n;
  }
  if (Object.keys(errors).length === 0 && audienceTotal(audience) === 0) errors.wbp = t('campaigns.audienceRequired');
  if (Object.keys(errors).length > 0) return { errors };
  return {
    body: {
      heldOn: v.heldOn, place: v.place.trim(), topic, partnerId: v.partnerId || null, audience,
      facilitators: v.facilitators.split('\n').map((s) => s.trim()).filter(Boolean), note: v.note.trim() || null,
    },
  };
}

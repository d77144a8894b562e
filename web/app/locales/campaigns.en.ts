import type { campaignsId } from './campaigns.id.ts';

type Same<T> = { [K in keyof T]: T[K] extends string ? string : Same<T[K]> };

/** English for education campaigns (penyuluhan). */
export const campaignsEn: Same<typeof campaignsId> = {
  title: 'Education campaigns',
  subtitle: 'Drug education and anti-drug campaigns: date, place, partner and the number reached per group.',
  unit: 'Unit',
  noFacilityTitle: 'No unit',
  noFacilityHelp: 'Your account is not linked to any unit yet.',
  from: 'From',
  to: 'To',
  newCampaign: 'New campaign',
  totals: 'Totals for the period',
  campaigns: 'Campaigns',
  all: 'Everyone reached',
  audience: {
    wbp: 'People held',
    staff: 'Staff',
    family: 'Families',
    public: 'Public',
  },
  tableLabel: 'Education campaigns',
  heldOn: 'Date',
  place: 'Place',
  topic: 'Topic',
  partner: 'Partner',
  noPartner: '— no partner —',
  total: 'Total',
  facilitators: 'Facilitators',
  facilitatorsHelp: 'One name per line.',
  note: 'Note',
  empty: 'No campaigns yet',
  emptyHelp: 'Recorded campaigns appear here.',
  emptyHelpManage: 'Record a campaign with the number reached per group.',
  saved: 'Campaign saved.',
  audienceRequired: 'Enter the number reached for at least one group.',
  countInvalid: 'Enter a whole number, 0 or more.',
  required: 'Required.',
  topicTooShort: 'Write a topic of at least 3 letters.',
};

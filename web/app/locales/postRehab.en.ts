import type { postRehabId, postRehabRulesId } from './postRehab.id.ts';

type Dictionary<T> = { [K in keyof T]: T[K] extends string ? string : Dictionary<T[K]> };

/** English for a Bapas's post-rehabilitation clients. */
export const postRehabEn: Dictionary<typeof postRehabId> = {
  title: 'Post-rehabilitation clients',
  help: 'Released clients referred to this Bapas, with the referral accepted and consent to share in force.',
  tableLabel: 'Post-rehabilitation clients of {{programme}}',
  client: 'Client',
  from: 'From unit',
  releasedOn: 'Released {{date}}',
  status: 'Status',
  start: 'Start',
  expectedEnd: 'Expected end',
  ended: 'Ended',
  actions: 'Actions',
  empty: 'No clients in this programme yet.',
  emptyHelp: 'Enrol clients from accepted post-rehabilitation referrals.',
  statusName: { active: 'Active', waitlisted: 'Waiting', completed: 'Completed', dropped: 'Dropped out', changed: 'Changed programme' },
  enrol: 'Enrol a client',
  enrolAria: 'Enrol a client in {{programme}}',
  enrolTitle: 'Enrol a client in {{programme}}',
  noCandidates: 'No client can be enrolled: every accepted referral is enrolled already, or none has been accepted.',
  candidate: 'Client from a referral',
  candidateOption: '{{name}} — {{sdp}} ({{from}}, released {{date}})',
  startDate: 'Start date',
  startHelp: 'Not before the release date.',
  enrolSubmit: 'Enrol',
  enrolled: '{{name}} is enrolled in this programme.',
  complete: 'Completed',
  drop: 'Dropped out',
  completeTitle: 'Complete the enrolment of {{name}}',
  dropTitle: 'End the enrolment of {{name}}',
  completeBody: '{{name}} is recorded as having completed {{programme}}. Post-rehabilitation issues no certificate.',
  dropBody: '{{name}} leaves {{programme}} and is no longer scheduled. Say why.',
  endedOn: 'End date',
  note: 'Note',
  noteRequired: 'Required: why the client dropped out.',
  review: 'Check and save',
  confirmTitle: 'Save the outcome?',
  confirmComplete: '{{name}} completed {{programme}} on {{date}}. This cannot be undone.',
  confirmDrop: '{{name}} dropped out of {{programme}} on {{date}}. This cannot be undone.',
  confirmYes: 'Yes, save',
  completed: '{{name}} is recorded as completed.',
  dropped: '{{name}} is recorded as dropped out.',
  fromReferral: 'Enrol in a post-rehabilitation programme',
};

export const postRehabRulesEn: Dictionary<typeof postRehabRulesId> = {
  postRehab: {
    noteRequiredForDrop: 'Required: say why the client dropped out.',
  },
};

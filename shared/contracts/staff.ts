import { z } from 'zod';
import { PEER_TRAINING_STATUSES, QUALIFICATION_STATES } from '../domain/staff.ts';
import { ROLES, isoDate, paginationQuery } from './common.ts';
import { QUALIFICATION_KINDS } from './clinical.ts';

// The unit's staff directory (its own accounts and its partners' under an agreement in force) with
// qualifications, staff trainings and their participants, and the unit's peer counsellors.

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullable().default(null).transform((v) => (v === '' ? null : v));
const hours = z.number().min(0).max(2000).multipleOf(0.5);

// --- Staff and qualifications ------------------------------------------------------------------------

export const staffQuery = paginationQuery.extend({
  q: z.string().trim().max(80).optional(),
  kind: z.enum(QUALIFICATION_KINDS).optional(),
  state: z.enum(QUALIFICATION_STATES).optional(),
});
export type StaffQuery = z.infer<typeof staffQuery>;

export const staffQualification = z.object({
  id: z.uuid(),
  kind: z.enum(QUALIFICATION_KINDS),
  number: z.string(),
  issuedOn: z.string(),
  expiresOn: z.string().nullable(),
  issuer: z.string().nullable(),
  state: z.enum(QUALIFICATION_STATES),
  /** False once a later qualification of the same kind was recorded (a renewal); it stays listed. */
  current: z.boolean(),
});
export type StaffQualification = z.infer<typeof staffQualification>;

export const staffMember = z.object({
  userId: z.uuid(),
  fullName: z.string(),
  role: z.enum(ROLES),
  organizationId: z.uuid(),
  organizationName: z.string(),
  /** False for a partner's staff member (working in the unit under an agreement). */
  ownStaff: z.boolean(),
  qualifications: z.array(staffQualification),
});
export type StaffMember = z.infer<typeof staffMember>;

export const staffQualificationRequest = z.object({
  kind: z.enum(QUALIFICATION_KINDS),
  /** Stored and listed as the qualification's `number`; named for what it is, so a refusal names it so. */
  certificateNumber: text(80),
  issuedOn: isoDate,
  expiresOn: isoDate.nullable().default(null),
  issuer: optionalText(160),
});
export type StaffQualificationRequest = z.infer<typeof staffQualificationRequest>;

// --- Trainings ---------------------------------------------------------------------------------------

export const TRAINING_KINDS = ['bimtek', 'peer_counsellor', 'other'] as const;
export type TrainingKind = (typeof TRAINING_KINDS)[number];
export const TRAINING_RESULTS = ['completed', 'not_completed'] as const;

export const trainingParticipantRequest = z.object({
  /** An account; or a person held (peer-counsellor training); or neither, with the name written out. */
  userId: z.uuid().nullable().default(null),
  wbpId: z.uuid().nullable().default(null),
  name: optionalText(160),
  position: optionalText(120),
  organizationId: z.uuid().nullable().default(null),
  hoursAttended: hours,
  result: z.enum(TRAINING_RESULTS).nullable().default(null),
  certificateNumber: optionalText(80),
});
export type TrainingParticipantRequest = z.infer<typeof trainingParticipantRequest>;

export const trainingRequest = z.object({
  title: text(200),
  kind: z.enum(TRAINING_KINDS),
  startsOn: isoDate,
  endsOn: isoDate,
  hours: hours.min(0.5),
  organizerId: z.uuid().nullable().default(null),
  organizerName: optionalText(160),
  place: text(200),
  note: optionalText(2000),
  participants: z.array(trainingParticipantRequest).min(1).max(300),
});
export type TrainingRequest = z.infer<typeof trainingRequest>;

export const trainingQuery = paginationQuery.extend({
  kind: z.enum(TRAINING_KINDS).optional(),
  q: z.string().trim().max(80).optional(),
});

export const trainingItem = z.object({
  id: z.uuid(),
  title: z.string(),
  kind: z.enum(TRAINING_KINDS),
  startsOn: z.string(),
  endsOn: z.string(),
  hours: z.number(),
  organizerName: z.string().nullable(),
  place: z.string(),
  participants: z.number().int(),
  completed: z.number().int(),
});
export type TrainingItem = z.infer<typeof trainingItem>;

export const trainingParticipant = z.object({
  id: z.uuid(),
  userId: z.uuid().nullable(),
  wbpId: z.uuid().nullable(),
  sdpNumber: z.string().nullable(),
  name: z.string(),
  position: z.string().nullable(),
  organizationName: z.string().nullable(),
  hoursAttended: z.number(),
  result: z.enum(TRAINING_RESULTS).nullable(),
  certificateNumber: z.string().nullable(),
});
export type TrainingParticipant = z.infer<typeof trainingParticipant>;

export const trainingRecord = trainingItem.extend({
  facilityId: z.uuid(),
  facilityName: z.string(),
  organizerId: z.uuid().nullable(),
  note: z.string().nullable(),
  createdBy: z.string(),
  participantList: z.array(trainingParticipant),
});
export type TrainingRecord = z.infer<typeof trainingRecord>;

// --- Peer counsellors ----------------------------------------------------------------------------------

export const PEER_END_REASONS = ['transfer', 'release', 'stepped_down', 'replaced', 'other'] as const;
export type PeerEndReason = (typeof PEER_END_REASONS)[number];

export const peerGroupRequest = z.object({
  programmeId: z.uuid().nullable().default(null),
  /** The static group of a Therapeutic Community ("Kelompok 2"), with its programme. */
  groupLabel: optionalText(60),
  description: optionalText(200),
});

export const peerCounsellorRequest = z.object({
  wbpId: z.uuid(),
  /** A participation in a peer-counsellor training of the unit; null while the training is still to come. */
  trainingParticipantId: z.uuid().nullable().default(null),
  startedOn: isoDate,
  groups: z.array(peerGroupRequest).min(1).max(10),
});
export type PeerCounsellorRequest = z.infer<typeof peerCounsellorRequest>;

export const endPeerCounsellorRequest = z.object({
  endedOn: isoDate,
  reason: z.enum(PEER_END_REASONS),
  note: optionalText(1000),
});
export type EndPeerCounsellorRequest = z.infer<typeof endPeerCounsellorRequest>;

export const peerCounsellorQuery = paginationQuery.extend({
  status: z.enum(['active', 'ended', 'all']).default('active'),
  q: z.string().trim().max(80).optional(),
});

export const peerGroup = z.object({
  programmeId: z.uuid().nullable(),
  programmeName: z.string().nullable(),
  groupLabel: z.string().nullable(),
  description: z.string().nullable(),
});

export const peerCounsellorRecord = z.object({
  id: z.uuid(),
  wbpId: z.uuid(),
  fullName: z.string(),
  sdpNumber: z.string(),
  trainingStatus: z.enum(PEER_TRAINING_STATUSES),
  trainingId: z.uuid().nullable(),
  trainingTitle: z.string().nullable(),
  startedOn: z.string(),
  endedOn: z.string().nullable(),
  endReason: z.enum(PEER_END_REASONS).nullable(),
  endNote: z.string().nullable(),
  groups: z.array(peerGroup),
});
export type PeerCounsellorRecord = z.infer<typeof peerCounsellorRecord>;

/** People of the unit who took part in one of its peer-counsellor trainings: whom to appoint. */
export const peerCandidate = z.object({
  trainingParticipantId: z.uuid(),
  wbpId: z.uuid(),
  fullName: z.string(),
  sdpNumber: z.string(),
  trainingTitle: z.string(),
  endsOn: z.string(),
  result: z.enum(TRAINING_RESULTS).nullable(),
});
export type PeerCandidate = z.infer<typeof peerCandidate>;

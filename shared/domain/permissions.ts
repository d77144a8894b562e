import { ROLES, type Role } from '../contracts/common.ts';

/**
 * What each role may do. Routes name one of these; the facilities a person may touch are decided
 * separately by scope (the facilities of server/platform/actor.ts). Custody officers and probation officers see
 * the register but never clinical content; managers see aggregates, never a person.
 */
export const PERMISSIONS = {
  'wbp.read': ['head_of_unit', 'clinic_staff', 'assessor', 'counsellor', 'custody_officer', 'probation_officer'],
  'wbp.write': ['head_of_unit', 'clinic_staff'],
  'wbp.transfer': ['head_of_unit', 'clinic_staff'],
  'sdp.import': ['head_of_unit', 'clinic_staff'],
  'clinical.read': ['head_of_unit', 'clinic_staff', 'assessor', 'counsellor'],
  'screening.write': ['head_of_unit', 'clinic_staff', 'assessor', 'counsellor'],
  'assessment.write': ['head_of_unit', 'clinic_staff', 'assessor', 'counsellor'],
  'programme.read': ['head_of_unit', 'clinic_staff', 'assessor', 'counsellor', 'custody_officer', 'probation_officer'],
  /** Probation officers manage only their Bapas's post-rehabilitation programmes (shared/domain/postRehab.ts), like the next four. */
  'programme.manage': ['head_of_unit', 'clinic_staff', 'probation_officer'],
  'decision.sign': ['head_of_unit'],
  'routine.manage': ['head_of_unit', 'clinic_staff', 'custody_officer', 'probation_officer'],
  /** The week's timetable with the people of each session, and one's own daily list. */
  'timetable.read': ['head_of_unit', 'clinic_staff', 'assessor', 'counsellor', 'probation_officer'],
  'timetable.manage': ['head_of_unit', 'clinic_staff', 'probation_officer'],
  /** The custody officers' daily list: who goes where and when, nothing clinical. */
  'timetable.custody': ['head_of_unit', 'clinic_staff', 'custody_officer'],
  'attendance.write': ['head_of_unit', 'clinic_staff', 'assessor', 'counsellor', 'probation_officer'],
  /** A Bapas's post-rehabilitation clients: enrolment from an accepted aftercare referral, the roster. */
  'postrehab.manage': ['head_of_unit', 'clinic_staff', 'probation_officer'],
  /** Counselling notes: clinical roles only (not the head of unit, whose decisions do not need their content). */
  'notes.read': ['clinic_staff', 'assessor', 'counsellor'],
  'notes.write': ['clinic_staff', 'assessor', 'counsellor'],
  /** The rest of the care record (read with clinical.read): incidents, phases, peer roles, PTRM, closing tasks. */
  'care.write': ['head_of_unit', 'clinic_staff', 'assessor', 'counsellor'],
  /** The day's random urine selection, collection, chain of custody and results. */
  'urine.manage': ['head_of_unit', 'clinic_staff', 'counsellor'],
  /** Case conferences of the integrated team and the decisions they take. */
  'conference.manage': ['head_of_unit', 'clinic_staff', 'assessor', 'counsellor'],
  /** Completion (with its certificate) and drop-out of an enrolment. */
  'outcome.record': ['head_of_unit', 'clinic_staff'],
  /** Release plans (PB, CB, end of sentence) and recording the release itself. */
  'release.manage': ['head_of_unit', 'clinic_staff'],
  /** A person's consent to share with an aftercare organisation, and its revocation. */
  'consent.manage': ['head_of_unit', 'clinic_staff', 'counsellor'],
  /** Referral to aftercare (Bapas, BNN, IPWL) on release. */
  'aftercare.refer': ['head_of_unit', 'clinic_staff'],
  /** An aftercare referral and its hand-over summary: the sending unit, or the receiving organisation while consent holds. */
  'aftercare.read': ['head_of_unit', 'clinic_staff', 'assessor', 'counsellor', 'probation_officer'],
  /** The receiving organisation's side: accept or decline, follow-ups, closing with an outcome. */
  'aftercare.receive': ['clinic_staff', 'assessor', 'counsellor', 'probation_officer'],
  /** Partnership agreements: read by the staff of their parties and by managers; signed and ended by heads and managers. */
  'agreement.read': ['national_admin', 'regional_manager', 'head_of_unit', 'clinic_staff', 'assessor', 'counsellor', 'probation_officer'],
  'agreement.manage': ['national_admin', 'regional_manager', 'head_of_unit'],
  /** The unit's staff directory with its partners' staff and their qualifications; recording a qualification. */
  'staff.read': ['head_of_unit', 'clinic_staff'],
  'staff.manage': ['head_of_unit'],
  /** Staff trainings (technical guidance, peer-counsellor training) and the unit's peer counsellors. */
  'training.read': ['head_of_unit', 'clinic_staff', 'assessor', 'counsellor'],
  'training.manage': ['head_of_unit', 'clinic_staff', 'counsellor'],
  /** Education campaigns (penyuluhan): audiences in numbers, no person named. */
  'campaign.read': ['head_of_unit', 'clinic_staff', 'assessor', 'counsellor'],
  'campaign.manage': ['head_of_unit', 'clinic_staff', 'counsellor'],
  'rules.manage': ['national_admin', 'regional_manager'],
  'settings.manage': ['national_admin'],
  /** A person's record as FHIR R4 for SATUSEHAT (per person and a unit's bulk NDJSON): people in one's own units, with consent in force. */
  'fhir.export': ['head_of_unit', 'clinic_staff'],
  'stats.read': ['national_admin', 'regional_manager', 'head_of_unit'],
  /** The de-identified research files (pseudonyms, shifted dates) of the units seen in aggregate (docs/exports.md). */
  'export.research': ['national_admin', 'regional_manager'],
  /** The SIRENA files (clients and services, identified) of one's own unit, for entry into BNN's SIRENA. */
  'export.sirena': ['head_of_unit', 'clinic_staff'],
  'org.read': ROLES,
  'org.manage': ['national_admin'],
  'user.manage': ['national_admin'],
  'audit.read': ['national_admin'],
} as const satisfies Record<string, readonly Role[]>;


export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

/** Managers work with aggregates across many facilities; everyone else with people in theirs. */
export function seesPeople(role: Role): boolean {
  return can(role, 'wbp.read');
}

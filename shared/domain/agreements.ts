import type { Permission } from './permissions.ts';
import { addDays } from './dates.ts';

/** A calendar date, YYYY-MM-DD. */
type IsoDate = string;

/**
 * Partnership agreements (MoU/PKS) between custodial units and partners. An agreement in force
 * is what lets a partner's staff act in a unit, and only within the agreement's scope.
 */
export const AGREEMENT_KINDS = ['mou', 'pks'] as const;
export type AgreementKind = (typeof AGREEMENT_KINDS)[number];

/** What an agreement covers (domain.md §2.1). */
export const AGREEMENT_SCOPES = [
  'screening',
  'assessment',
  'medical_rehabilitation',
  'social_rehabilitation',
  'counselling',
  'vct',
  'tb',
  'ptrm',
  'peer_training',
  'monitoring_evaluation',
  'education',
] as const;
export type AgreementScope = (typeof AGREEMENT_SCOPES)[number];

/** Where an agreement stands on a given day. */
export const AGREEMENT_STATUSES = ['pending', 'in_force', 'expiring', 'expired', 'terminated'] as const;
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];

/** Days before the end of validity from which an agreement in force is flagged as expiring. */
export const EXPIRY_ALERT_DAYS = 90;

/** How long after its end an expired agreement still shows among the alerts. */
export const EXPIRED_ALERT_DAYS = 30;

/** The configured alert window (setting `agreementExpiryAlertDays`): a whole number of days, 1–365, else the default. */
export function expiryAlertDaysOf(setting: unknown): number {
  return typeof setting === 'number' && Number.isInteger(setting) && setting >= 1 && setting <= 365 ? setting : EXPIRY_ALERT_DAYS;
}

export interface AgreementDates {
  validFrom: IsoDate;
  /** Null: no end date written in the agreement. */
  validUntil: IsoDate | null;
  terminatedOn: IsoDate | null;
}

/**
 * The status on `today`. An agreement is in force from its first day to its last day inclusive,
 * and no longer from the day it is terminated.
 */
export function agreementStatus(a: AgreementDates, today: IsoDate, alertDays: number = EXPIRY_ALERT_DAYS): AgreementStatus {
  if (a.terminatedOn !== null && a.terminatedOn <= today) return 'terminated';
  if (today < a.validFrom) return 'pending';
  if (a.validUntil !== null && a.validUntil < today) return 'expired';
  if (a.validUntil !== null && a.validUntil <= addDays(today, alertDays)) return 'expiring';
  return 'in_force';
}

export function inForce(a: AgreementDates, today: IsoDate): boolean {
  const status = agreementStatus(a, today);
  return status === 'in_force' || status === 'expiring';
}

/** The clinical scopes: any of them lets a partner read the care record of people in the unit. */
const CARE: readonly AgreementScope[] = [
  'screening', 'assessment', 'medical_rehabilitation', 'social_rehabilitation', 'counselling', 'vct', 'tb', 'ptrm',
  'monitoring_evaluation',
];
const TREATMENT: readonly AgreementScope[] = ['medical_rehabilitation', 'social_rehabilitation', 'counselling'];

/**
 * The scopes under which a partner's staff may use a permission in a unit. A permission that is
 * not listed is never exercised by partner staff through an agreement (deny by default).
 */
export const PERMISSION_SCOPES: Partial<Record<Permission, readonly AgreementScope[]>> = {
  'wbp.read': [...CARE, 'peer_training'],
  'programme.read': [...CARE, 'peer_training'],
  'clinical.read': CARE,
  'screening.write': ['screening'],
  'assessment.write': ['assessment'],
  'timetable.read': TREATMENT,
  'attendance.write': TREATMENT,
  'notes.read': TREATMENT,
  'notes.write': TREATMENT,
  'care.write': [...TREATMENT, 'ptrm'],
  'urine.manage': [...TREATMENT, 'monitoring_evaluation'],
  'conference.manage': ['monitoring_evaluation', ...TREATMENT],
  // A partner counsellor working with the person may take down their consent to aftercare sharing.
  'consent.manage': TREATMENT,
  'training.read': ['peer_training'],
  'training.manage': ['peer_training'],
  'campaign.read': ['education'],
  'campaign.manage': ['education'],
};

/**
 * What partner staff do for their own organisation rather than in a unit, so no agreement scope is
 * needed: the aftercare referrals addressed to it, the agreements it signed, the organisations,
 * its aggregate figures. Every other permission a partner's role holds is used in a unit, within
 * PERMISSION_SCOPES, or not at all.
 */
export const ORGANIZATION_PERMISSIONS: readonly Permission[] = [
  'aftercare.read', 'aftercare.receive', 'agreement.read', 'agreement.manage', 'org.read', 'stats.read',
];

/** Whether an agreement covering `scopes` lets partner staff use `permission`. */
export function scopesAllow(scopes: readonly AgreementScope[], permission: Permission): boolean {
  const needed = PERMISSION_SCOPES[permission];
  return needed !== undefined && needed.some((s) => scopes.includes(s));
}

/** Problems with an agreement's dates, as field → message key. */
export function agreementDateProblems(a: { signedOn: IsoDate; validFrom: IsoDate; validUntil: IsoDate | null }): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  if (a.validFrom < a.signedOn) problems.push({ field: 'validFrom', message: 'agreement.validFromBeforeSigning' });
  if (a.validUntil !== null && a.validUntil < a.validFrom) problems.push({ field: 'validUntil', message: 'agreement.validUntilBeforeFrom' });
  return problems;
}

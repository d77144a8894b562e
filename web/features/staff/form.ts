import type { StaffQualificationRequest, TrainingParticipantRequest } from '../../../shared/contracts/staff.ts';
import type { QualificationState } from '../../../shared/domain/staff.ts';
import type { FieldErrors } from '../../app/validation.ts';

export const STATE_COLOR: Record<QualificationState, string> = { valid: 'teal', expiring: 'orange', expired: 'red' };

/** A translation function: i18next's t, or a stand-in in tests. */
type Translate = (key: 'validation.staff.required' | 'validation.staff.expiryBeforeIssue') => string;

export interface QualificationValues { kind: string; certificateNumber: string; issuedOn: string; expiresOn: string; issuer: string }

/** The request from the form, or the messages by field. */
export function qualificationRequest(v: QualificationValues, t: Translate): { body: StaffQualificationRequest } | { errors: FieldErrors } {
  const errors: FieldErrors = {};
  if (!v.kind) errors.kind = t('validation.staff.required');
  if (v.certificateNumber.trim().length < 1) errors.certificateNumber = t('validation.staff.required');
  if (!v.issuedOn) errors.issuedOn = t('validation.staff.required');
  if (v.expiresOn && v.issuedOn && v.expiresOn <= v.issuedOn) errors.expiresOn = t('validation.staff.expiryBeforeIssue');
  if (Object.keys(errors).length > 0) return { errors };
  return {
    body: {
      kind: v.kind as StaffQualificationRequest['kind'], certificateNumber: v.certificateNumber.trim(), issuedOn: v.issuedOn, expiresOn: v.expiresOn || null,
      issuer: v.issuer.trim() || null,
    },
  };
}

/** A participant row as typed. */
export interface ParticipantRow {
  key: string;
  kind: 'staff' | 'person' | 'named';
  userId: string;
  wbpId: string;
  label: string;
  name: string;
  position: string;
  hoursAttended: string;
  result: '' | 'completed' | 'not_completed';
  certificateNumber: string;
}

/** Hours as typed ("7,5" or "7.5") as a number of half hours, or null when it is not one. */
export function parseHours(text: string): number | null {
  const n = Number(text.trim().replace(',', '.'));
  if (text.trim() === '' || !Number.isFinite(n) || n < 0 || Math.round(n * 2) !== n * 2) return null;
  return n;
}

export function participantRequest(p: ParticipantRow): TrainingParticipantRequest | null {
  const hours = parseHours(p.hoursAttended);
  if (hours === null) return null;
  if (p.kind === 'staff' && !p.userId) return null;
  if (p.kind === 'person' && !p.wbpId) return null;
  if (p.kind === 'named' && !p.name.trim()) return null;
  return {
    userId: p.kind === 'staff' ? p.userId : null,
    wbpId: p.kind === 'person' ? p.wbpId : null,
    name: p.kind === 'named' ? p.name.trim() : null,
    position: p.position.trim() || null,
    organizationId: null,
    hoursAttended: hours,
    result: p.result || null,
    certificateNumber: p.result === 'completed' ? p.certificateNumber.trim() || null : null,
  };
}

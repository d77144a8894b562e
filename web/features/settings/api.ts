import type { z } from 'zod';
import type {
  classificationRule, ClassificationRuleBody, qualificationRecord, QUALIFICATION_KINDS, SettingsRecord,
} from '../../../shared/contracts/clinical.ts';
import type { UserSummary } from '../../../shared/contracts/admin.ts';
import { api } from '../../app/api.ts';

export type ClassificationRule = z.infer<typeof classificationRule>;
export type QualificationRecord = z.infer<typeof qualificationRecord>;
export type QualificationKind = (typeof QUALIFICATION_KINDS)[number];

export const settingsKeys = {
  settings: ['settings'] as const,
  rules: ['classification-rules'] as const,
  qualifications: (userId: string) => ['admin', 'qualifications', userId] as const,
  /** The same key as the users page, so both share one copy. */
  users: ['admin', 'users'] as const,
};

export function fetchSettings(signal?: AbortSignal): Promise<SettingsRecord> {
  return api<SettingsRecord>('/api/settings', { signal });
}

export function saveSettings(body: SettingsRecord): Promise<SettingsRecord> {
  return api<SettingsRecord>('/api/settings', { method: 'PUT', json: body });
}

export function fetchRules(signal?: AbortSignal): Promise<ClassificationRule[]> {
  return api<{ items: ClassificationRule[] }>('/api/classification-rules', { signal }).then((r) => r.items);
}

export function saveRule(body: { regionId: string | null; rule: ClassificationRuleBody }): Promise<ClassificationRule> {
  return api<ClassificationRule>('/api/classification-rules', { method: 'POST', json: body });
}

export function fetchUsers(signal?: AbortSignal): Promise<UserSummary[]> {
  return api<{ items: UserSummary[] }>('/api/admin/users', { signal }).then((r) => r.items);
}

export function fetchQualifications(userId: string, signal?: AbortSignal): Promise<QualificationRecord[]> {
  return api<{ items: QualificationRecord[] }>(`/api/admin/users/${encodeURIComponent(userId)}/qualifications`, { signal }).then((r) => r.items);
}

export function addQualification(
  userId: string,
  body: { kind: QualificationKind; certificateNumber: string; issuedOn: string; expiresOn: string | null; issuer: string | null },
): Promise<QualificationRecord> {
  return api<QualificationRecord>(`/api/admin/users/${encodeURIComponent(userId)}/qualifications`, { method: 'POST', json: body });
}

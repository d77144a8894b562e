import type { z } from 'zod';
import type { pageOf } from '../../../shared/contracts/common.ts';
import type {
  AssessmentComparison, CareTaskItem, careTaskItem, careTaskRecord, CloseCareTaskRequest, CommunityRoleRecord, CommunityRoleRequest,
  EnrolmentProgress, PhaseChangeRecord, PhaseChangeRequest, ProgressRecord, ReassessmentPointRecord, ReassessmentStarted,
} from '../../../shared/contracts/progress.ts';
import { api } from '../../app/api.ts';

export type { AssessmentComparison, CareTaskItem, CommunityRoleRecord, EnrolmentProgress, PhaseChangeRecord, ProgressRecord, ReassessmentPointRecord };
export type CareTaskPage = z.infer<ReturnType<typeof pageOf<typeof careTaskItem>>>;
export type CareTaskRecord = z.infer<typeof careTaskRecord>;

export interface CareTaskParams {
  status: 'open' | 'all';
  page: number;
  pageSize: number;
}

export const progressKeys = {
  progress: (wbpId: string) => ['progress', 'person', wbpId] as const,
  /** Under the prefix a save elsewhere refreshes (web/app/careRecord.ts 'tasks'). */
  tasks: (facilityId: string, params: CareTaskParams) => ['progress', 'tasks', facilityId, params] as const,
  /** The register's person detail, which CarePage loads (carePersonKey); web/app/careRecord.test.ts reads it here. */
  person: (id: string) => ['wbp', 'detail', id] as const,
};

const enc = encodeURIComponent;

export function fetchProgress(wbpId: string, signal?: AbortSignal): Promise<ProgressRecord> {
  return api<ProgressRecord>(`/api/wbp/${enc(wbpId)}/progress`, { signal });
}

export function changePhase(enrolmentId: string, body: PhaseChangeRequest): Promise<PhaseChangeRecord> {
  return api<PhaseChangeRecord>(`/api/enrolments/${enc(enrolmentId)}/phase`, { method: 'POST', json: body });
}

export function assignRole(enrolmentId: string, body: CommunityRoleRequest): Promise<CommunityRoleRecord> {
  return api<CommunityRoleRecord>(`/api/enrolments/${enc(enrolmentId)}/roles`, { method: 'POST', json: body });
}

export function endRole(roleId: string, endedOn: string): Promise<CommunityRoleRecord> {
  return api<CommunityRoleRecord>(`/api/community-roles/${enc(roleId)}/end`, { method: 'POST', json: { endedOn } });
}

export function startReassessment(enrolmentId: string, point: number): Promise<ReassessmentStarted> {
  return api<ReassessmentStarted>(`/api/enrolments/${enc(enrolmentId)}/reassessments`, { method: 'POST', json: { point } });
}

export function fetchCareTasks(facilityId: string, params: CareTaskParams, signal?: AbortSignal): Promise<CareTaskPage> {
  return api<CareTaskPage>(`/api/facilities/${enc(facilityId)}/care-tasks`, { query: { ...params }, signal });
}

export function closeCareTask(taskId: string, body: CloseCareTaskRequest): Promise<CareTaskRecord> {
  return api<CareTaskRecord>(`/api/care-tasks/${enc(taskId)}/close`, { method: 'POST', json: body });
}

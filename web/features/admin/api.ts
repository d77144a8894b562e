import type { z } from 'zod';
import { ORG_KINDS, pageOf } from '../../../shared/contracts/common.ts';
import type {
  AuditQuery, auditEntry, createOrganizationRequest, createUserRequest, Organization, updateUserRequest, UserSummary,
} from '../../../shared/contracts/admin.ts';
import { api } from '../../app/api.ts';

export type CreateUserRequest = z.output<typeof createUserRequest>;
export type UpdateUserRequest = z.output<typeof updateUserRequest>;
export type CreateOrganizationRequest = z.output<typeof createOrganizationRequest>;
export type AuditPage = z.infer<ReturnType<typeof pageOf<typeof auditEntry>>>;

export const adminKeys = {
  users: ['admin', 'users'] as const,
  audit: (q: AuditQuery) => ['admin', 'audit', q] as const,
  /** The key of useOrganizations (app/organizations.ts): after a new organisation, every list and picker of them refreshes. */
  organizations: ['organizations'] as const,
};

export function fetchUsers(signal?: AbortSignal): Promise<UserSummary[]> {
  return api<{ items: UserSummary[] }>('/api/admin/users', { signal }).then((r) => r.items);
}

export function createUser(body: CreateUserRequest): Promise<UserSummary> {
  return api<UserSummary>('/api/admin/users', { method: 'POST', json: body });
}

export function updateUser(id: string, body: UpdateUserRequest): Promise<UserSummary> {
  return api<UserSummary>(`/api/admin/users/${encodeURIComponent(id)}`, { method: 'PATCH', json: body });
}

export function fetchAudit(q: AuditQuery, signal?: AbortSignal): Promise<AuditPage> {
  return api<AuditPage>('/api/admin/audit', { query: { ...q }, signal });
}

export function createOrganization(body: CreateOrganizationRequest): Promise<Organization> {
  return api<Organization>('/api/organizations', { method: 'POST', json: body });
}

/** Organisations in a fixed order: by kind (Ditjenpas, Kanwil, Rutan … as in ORG_KINDS), then by name. */
export function compareOrgs(a: Organization, b: Organization): number {
  return ORG_KINDS.indexOf(a.kind) - ORG_KINDS.indexOf(b.kind) || a.name.localeCompare(b.name, 'id');
}

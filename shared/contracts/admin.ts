import { z } from 'zod';
import { LANGUAGES, ORG_KINDS, ROLES, isoDate, paginationQuery } from './common.ts';

export const organization = z.object({
  id: z.uuid(),
  parentId: z.uuid().nullable(),
  kind: z.enum(ORG_KINDS),
  code: z.string(),
  name: z.string(),
  ministry: z.string().nullable(),
  province: z.string().nullable(),
  city: z.string().nullable(),
  capacity: z.number().int().nullable(),
  canAssess: z.boolean(),
});
export type Organization = z.infer<typeof organization>;

export const createOrganizationRequest = z.object({
  parentId: z.uuid().nullable(),
  kind: z.enum(ORG_KINDS),
  code: z.string().trim().toUpperCase().regex(/^[A-Z0-9-]{2,40}$/, { message: 'org.codeFormat' }),
  name: z.string().trim().min(3).max(160),
  ministry: z.string().trim().max(200).nullable().default(null),
  province: z.string().trim().max(80).nullable().default(null),
  city: z.string().trim().max(80).nullable().default(null),
  capacity: z.number().int().min(0).max(100_000).nullable().default(null),
  canAssess: z.boolean().default(false),
});

export const userSummary = z.object({
  id: z.uuid(),
  username: z.string(),
  fullName: z.string(),
  role: z.enum(ROLES),
  organizationId: z.uuid(),
  organizationName: z.string(),
  active: z.boolean(),
  language: z.enum(LANGUAGES),
});
export type UserSummary = z.infer<typeof userSummary>;

export const createUserRequest = z.object({
  username: z.string().trim().toLowerCase().regex(/^[a-z0-9._-]{3,64}$/, { message: 'user.usernameFormat' }),
  fullName: z.string().trim().min(2).max(120),
  role: z.enum(ROLES),
  organizationId: z.uuid(),
  password: z.string().min(10).max(256),
  language: z.enum(LANGUAGES).default('id'),
});

export const updateUserRequest = z.object({
  fullName: z.string().trim().min(2).max(120).optional(),
  active: z.boolean().optional(),
  role: z.enum(ROLES).optional(),
});

export const auditQuery = paginationQuery.extend({
  actor: z.string().trim().max(64).optional(),
  action: z.string().trim().max(40).optional(),
  entityType: z.string().trim().max(40).optional(),
  entityId: z.string().trim().max(80).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
});
export type AuditQuery = z.infer<typeof auditQuery>;

export const auditEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  actorUsername: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  facilityName: z.string().nullable(),
  ip: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});
export type AuditEntry = z.infer<typeof auditEntry>;

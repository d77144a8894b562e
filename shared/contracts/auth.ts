import { z } from 'zod';
import { AGREEMENT_SCOPES } from '../domain/agreements.ts';
import { LANGUAGES, ORG_KINDS, ROLES } from './common.ts';

export const loginRequest = z.object({
  username: z.string().trim().toLowerCase().min(1).max(64),
  password: z.string().min(1).max(256),
});
export type LoginRequest = z.infer<typeof loginRequest>;

export const sessionUser = z.object({
  id: z.uuid(),
  username: z.string(),
  fullName: z.string(),
  role: z.enum(ROLES),
  language: z.enum(LANGUAGES),
  organization: z.object({ id: z.uuid(), name: z.string(), kind: z.enum(ORG_KINDS) }),
  permissions: z.array(z.string()),
  /**
   * Facilities (units holding people) this account may work in; empty for managers. For partner
   * staff, `scopes` is what the agreements in force with each unit cover; null for everyone else.
   */
  facilities: z.array(z.object({ id: z.uuid(), name: z.string(), code: z.string(), scopes: z.array(z.enum(AGREEMENT_SCOPES)).nullable() })),
});
export type SessionUser = z.infer<typeof sessionUser>;

export const sessionResponse = z.object({ user: sessionUser, csrfToken: z.string() });
export type SessionResponse = z.infer<typeof sessionResponse>;

export const PASSWORD_MIN_LENGTH = 10;

/** The password policy, shared by the account form and the server: long, mixed, not the username. */
export function passwordProblems(password: string, username: string): string[] {
  const problems: string[] = [];
  if (password.length < PASSWORD_MIN_LENGTH) problems.push('password.tooShort');
  if (!/[A-Za-z]/.test(password) || !/[0-9]/.test(password)) problems.push('password.needsLetterAndDigit');
  if (username && password.toLowerCase().includes(username.toLowerCase())) problems.push('password.containsUsername');
  if (COMMON_PASSWORDS.has(password.toLowerCase())) problems.push('password.tooCommon');
  return problems;
}

const COMMON_PASSWORDS = new Set([
  'password123', 'password1234', '1234567890', 'qwerty12345', 'admin12345', 'bismillah123',
  'indonesia123', 'rahasia1234', 'pulih12345', 'p4ssw0rd123',
]);

export const changePasswordRequest = z.object({
  currentPassword: z.string().min(1).max(256),
  newPassword: z.string().min(PASSWORD_MIN_LENGTH).max(256),
});

export const languageRequest = z.object({ language: z.enum(LANGUAGES) });

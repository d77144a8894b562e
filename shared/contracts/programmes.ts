import { z } from 'zod';

export const PROGRAMME_KINDS = ['education', 'medical', 'social', 'post_rehab', 'ptrm', 'vct_counselling'] as const;
export type ProgrammeKind = (typeof PROGRAMME_KINDS)[number];
export const SESSION_MODES = ['group', 'individual', 'community'] as const;

export const sessionTypeBody = z
  .object({
    code: z.string().trim().regex(/^[a-z0-9_]{2,40}$/, { message: 'programme.codeFormat' }),
    name: z.string().trim().min(2).max(120),
    mode: z.enum(SESSION_MODES),
    /** How many sessions in a week it is held, in the weeks it is held. */
    perWeek: z.number().int().min(1).max(14),
    /** Held every n weeks (1 = every week; 4 = once in four weeks). */
    everyWeeks: z.number().int().min(1).max(26),
    durationMinutes: z.number().int().min(15).max(480),
    minGroup: z.number().int().min(1).max(60).nullable(),
    maxGroup: z.number().int().min(1).max(60).nullable(),
  })
  .refine((s) => s.mode !== 'group' || (s.minGroup !== null && s.maxGroup !== null), { message: 'programme.groupSizeRequired', path: ['maxGroup'] })
  .refine((s) => s.minGroup === null || s.maxGroup === null || s.minGroup <= s.maxGroup, { message: 'programme.groupSizeOrder', path: ['maxGroup'] });
export type SessionTypeBody = z.infer<typeof sessionTypeBody>;

export const phaseBody = z.object({
  code: z.string().trim().regex(/^[a-z0-9_]{2,40}$/, { message: 'programme.codeFormat' }),
  name: z.string().trim().min(2).max(80),
  weeks: z.number().int().min(1).max(104),
});

export const programmeBody = z
  .object({
    kind: z.enum(PROGRAMME_KINDS),
    name: z.string().trim().min(3).max(160),
    description: z.string().trim().max(2000).nullable().default(null),
    durationWeeks: z.number().int().min(1).max(156),
    phases: z.array(phaseBody).max(10).default([]),
    capacity: z.number().int().min(1).max(2000),
    active: z.boolean().default(true),
    sessionTypes: z.array(sessionTypeBody).max(30),
  })
  .refine((p) => p.phases.length === 0 || p.phases.reduce((sum, ph) => sum + ph.weeks, 0) === p.durationWeeks, {
    message: 'programme.phasesSum', path: ['phases'],
  })
  .refine((p) => new Set(p.sessionTypes.map((s) => s.code)).size === p.sessionTypes.length, {
    message: 'programme.duplicateSessionCode', path: ['sessionTypes'],
  });
export type ProgrammeBody = z.infer<typeof programmeBody>;

export const programmeRecord = z.object({
  id: z.uuid(),
  facilityId: z.uuid(),
  kind: z.enum(PROGRAMME_KINDS),
  name: z.string(),
  description: z.string().nullable(),
  durationWeeks: z.number().int(),
  phases: z.array(phaseBody),
  capacity: z.number().int(),
  active: z.boolean(),
  sessionTypes: z.array(sessionTypeBody),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type ProgrammeRecord = z.infer<typeof programmeRecord>;

export const updateProgrammeRequest = programmeBody.and(z.object({ version: z.number().int().min(1) }));

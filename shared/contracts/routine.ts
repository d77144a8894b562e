import { z } from 'zod';

/** A clock time HH:MM, 00:00–23:59. */
export const timeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'routine.timeFormat' });
const ordered = <T extends { start: string; end: string }>(v: T) => v.start < v.end;
const orderMessage = { message: 'routine.endBeforeStart', path: ['end'] };

export const ROUTINE_KINDS = ['roll_call', 'meal', 'worship', 'work', 'sports', 'visits', 'lock_up', 'other'] as const;

/** A weekly recurring block of the unit's routine, during which no programme session is held. */
export const routineBlockBody = z
  .object({
    kind: z.enum(ROUTINE_KINDS),
    label: z.string().trim().min(2).max(80),
    /** ISO day of week: 1 Monday … 7 Sunday. */
    dayOfWeek: z.number().int().min(1).max(7),
    start: timeOfDay,
    end: timeOfDay,
  })
  .refine(ordered, orderMessage);
export const routineBlock = z.object({ id: z.uuid(), kind: z.enum(ROUTINE_KINDS), label: z.string(), dayOfWeek: z.number().int(), start: z.string(), end: z.string() });

export const EXCEPTION_KINDS = ['holiday', 'lockdown', 'other'] as const;
/** A date when the routine changes: a holiday or lockdown, for the whole day or a time range. */
export const routineExceptionBody = z
  .object({
    kind: z.enum(EXCEPTION_KINDS),
    label: z.string().trim().min(2).max(120),
    date: z.iso.date(),
    start: timeOfDay.nullable().default(null),
    end: timeOfDay.nullable().default(null),
  })
  .refine((v) => (v.start === null) === (v.end === null), { message: 'routine.bothOrNeither', path: ['end'] })
  .refine((v) => v.start === null || v.end === null || v.start < v.end, orderMessage);
export const routineException = z.object({
  id: z.uuid(), kind: z.enum(EXCEPTION_KINDS), label: z.string(), date: z.string(), start: z.string().nullable(), end: z.string().nullable(),
});

export const roomBody = z.object({
  name: z.string().trim().min(2).max(80),
  capacity: z.number().int().min(1).max(500),
  active: z.boolean().default(true),
});
export const room = z.object({ id: z.uuid(), name: z.string(), capacity: z.number().int(), active: z.boolean() });

/** A detainee's court date: their sessions that day (or in that range) are moved elsewhere. */
export const courtDateBody = z
  .object({
    date: z.iso.date(),
    start: timeOfDay.nullable().default(null),
    end: timeOfDay.nullable().default(null),
    note: z.string().trim().max(200).nullable().default(null),
  })
  .refine((v) => (v.start === null) === (v.end === null), { message: 'routine.bothOrNeither', path: ['end'] })
  .refine((v) => v.start === null || v.end === null || v.start < v.end, orderMessage);
export const courtDate = z.object({ id: z.uuid(), wbpId: z.uuid(), date: z.string(), start: z.string().nullable(), end: z.string().nullable(), note: z.string().nullable() });

export const nonAssociationBody = z.object({
  otherWbpId: z.uuid(),
  reason: z.string().trim().min(3).max(300),
});
export const nonAssociation = z.object({
  id: z.uuid(), wbpId: z.uuid(), otherWbpId: z.uuid(), otherName: z.string(), otherSdpNumber: z.string(), reason: z.string(), createdAt: z.string(),
});

/** When a staff member can run sessions, weekly. */
export const availabilityBody = z.object({
  windows: z.array(z.object({ dayOfWeek: z.number().int().min(1).max(7), start: timeOfDay, end: timeOfDay }).refine(ordered, orderMessage)).max(50),
});
export const availability = z.object({
  userId: z.uuid(), fullName: z.string(), role: z.string(),
  windows: z.array(z.object({ dayOfWeek: z.number().int(), start: z.string(), end: z.string() })),
});

import { z } from 'zod';
import { isoDate } from './common.ts';
import { ENROLMENT_STATUSES } from './programmes.ts';
import { POST_REHAB_ENDINGS, endingNoteProblems } from '../domain/postRehab.ts';

// A Bapas's post-rehabilitation programmes (docs/adr/0018): clients enrolled from accepted aftercare referrals.

export const postRehabEnrolBody = z.object({
  referralId: z.uuid(),
  startDate: isoDate,
});
export type PostRehabEnrolBody = z.output<typeof postRehabEnrolBody>;

/**
 * Ending an enrolment: completed or dropped, on a day from the start to today. A drop-out needs a
 * note saying why; a completion may carry one. Absent, null or blank all mean "no note".
 */
export const postRehabEndBody = z
  .object({
    status: z.enum(POST_REHAB_ENDINGS),
    endedOn: isoDate,
    note: z.string().trim().max(1000).nullable().optional().transform((v) => (v ? v : null)),
  })
  .superRefine((d, ctx) => {
    for (const problem of endingNoteProblems(d.status, d.note)) ctx.addIssue({ code: 'custom', message: problem.message, path: [problem.field] });
  });
export type PostRehabEndBody = z.output<typeof postRehabEndBody>;

export const postRehabEnrolment = z.object({
  id: z.uuid(),
  programmeId: z.uuid(),
  referralId: z.uuid(),
  wbpId: z.uuid(),
  fullName: z.string(),
  sdpNumber: z.string(),
  /** The unit that released and referred the client. */
  fromName: z.string(),
  releasedOn: z.string().nullable(),
  status: z.enum(ENROLMENT_STATUSES),
  startDate: z.string().nullable(),
  expectedEndDate: z.string().nullable(),
  endedOn: z.string().nullable(),
  outcomeNote: z.string().nullable(),
});
export type PostRehabEnrolment = z.infer<typeof postRehabEnrolment>;

/** An accepted referral to the Bapas, consent in force, with no open enrolment in its programmes yet. */
export const postRehabCandidate = z.object({
  referralId: z.uuid(),
  wbpId: z.uuid(),
  fullName: z.string(),
  sdpNumber: z.string(),
  fromName: z.string(),
  releasedOn: z.string().nullable(),
  acceptedAt: z.string().nullable(),
});
export type PostRehabCandidate = z.infer<typeof postRehabCandidate>;

export const postRehabRoster = z.object({ items: z.array(postRehabEnrolment) });
export const postRehabCandidates = z.object({ items: z.array(postRehabCandidate) });

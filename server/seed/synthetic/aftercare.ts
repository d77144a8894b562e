import { addDays, addMonths, daysBetween } from '../../../shared/domain/dates.ts';
import { DEFAULT_FOLLOW_UP_MONTHS, type ReleaseKind } from '../../../shared/domain/aftercare.ts';
import { programmeEnd } from '../../../shared/domain/placement.ts';
import { intBetween } from '../random.ts';
import { type Context, weighted, wib } from './context.ts';
import type { UnitStaff } from './unit.ts';

// Release and aftercare of a person with a drug case: the release plan, the consent to share, the
// aftercare referral to the region's Bapas (parole and leave) or a narcotics board, the answer, the
// follow-ups at 1, 3, 6 and 12 months, and for some a post-rehabilitation programme at the Bapas.

export interface Receiver {
  id: string;
  name: string;
  /** The account that answers referrals and records follow-ups. */
  staff: string;
}

export interface AftercareReceivers {
  bapas: Receiver & { postRehabProgrammeId: string; postRehabWeeks: number };
  boards: readonly Receiver[];
}

export function seedAftercare(
  ctx: Context,
  a: {
    unitId: string; staff: UnitStaff; wbpId: string; releasedOn: string; releaseKind: ReleaseKind; expectedRelease: string | null;
    enrolled: boolean; receivers: AftercareReceivers;
  },
): void {
  const { tables: t, random, anchor } = ctx;
  const withDecision = a.releaseKind === 'pb' || a.releaseKind === 'cb';
  const decisionDate = addDays(a.releasedOn, -intBetween(random, 10, 40));
  const planId = ctx.id();
  if (withDecision) ctx.serial.releaseDecision += 1;
  t.release_plans.add([
    planId, a.wbpId, a.unitId, a.releaseKind, withDecision ? `PAS-${ctx.serial.releaseDecision}.PK.05.09/${decisionDate.slice(0, 4)}` : null,
    withDecision ? decisionDate : null, a.expectedRelease ?? a.releasedOn, 'released', a.releasedOn, null, a.staff.officer,
    wib(decisionDate, 10), wib(a.releasedOn, 10),
  ]);
  // Aftercare is offered to those who were in a programme, and to some others.
  if (!(a.enrolled ? random() < 0.8 : random() < 0.25)) return;

  const receiver = withDecision || a.receivers.boards.length === 0
    ? a.receivers.bapas
    : a.receivers.boards[intBetween(random, 0, a.receivers.boards.length - 1)]!;
  const givenOn = addDays(a.releasedOn, -intBetween(random, 3, 20));
  const verbal = random() < 0.15;
  t.aftercare_consents.add([ctx.id(), a.wbpId, receiver.id, givenOn, verbal ? 'verbal_witnessed' : 'signed_form', verbal ? 'Petugas pemasyarakatan' : null, a.staff.doctor, wib(givenOn, 13)]);

  const referredOn = addDays(givenOn, intBetween(random, 0, 3));
  const answeredOn = addDays(referredOn, intBetween(random, 1, 7));
  const sixMonths = addMonths(a.releasedOn, 6);
  let status: 'sent' | 'accepted' | 'declined' | 'closed' = 'accepted';
  if (answeredOn >= anchor) status = 'sent';
  else if (random() < 0.05) status = 'declined';
  else if (sixMonths < anchor && random() < 0.6) status = 'closed';
  const closedOn = status === 'closed' ? addDays(sixMonths, intBetween(random, 0, Math.min(30, daysBetween(sixMonths, anchor) - 1))) : null;
  const outcome = status === 'closed' ? weighted(random, [['stable', 0.6], ['relapse', 0.15], ['re_offended', 0.1], ['lost_to_follow_up', 0.15]] as const) : null;
  const answered = status !== 'sent';
  const referralId = ctx.id();
  t.referrals.add([
    referralId, a.wbpId, a.unitId, 'aftercare', receiver.id, receiver.name, 'Pascarehabilitasi dan pemantauan setelah bebas.', referredOn,
    a.staff.doctor, wib(referredOn, 14), planId, a.releaseKind, status, 'Konseling pencegahan kekambuhan, tes urine berkala, dukungan keluarga.',
    DEFAULT_FOLLOW_UP_MONTHS, answered ? wib(answeredOn, 10) : null, answered ? receiver.staff : null,
    status === 'declined' ? 'Alamat klien di luar wilayah kerja.' : null, outcome, outcome ? 'Pemantauan selesai.' : null, closedOn,
    closedOn ? receiver.staff : null,
  ]);
  if (status === 'sent' || status === 'declined') return;

  for (const month of DEFAULT_FOLLOW_UP_MONTHS) {
    const due = addMonths(a.releasedOn, month);
    if (due > addDays(anchor, -5) || (closedOn && due > closedOn) || random() >= 0.88) continue;
    let doneOn = addDays(due, intBetween(random, -5, 12));
    if (doneOn >= anchor) doneOn = addDays(anchor, -1);
    if (closedOn && doneOn > closedOn) doneOn = closedOn;
    const contact = random() < 0.9;
    const urine = contact ? weighted(random, [['not_done', 0.4], ['negative', 0.5], ['positive', 0.1]] as const) : 'not_done';
    t.aftercare_follow_ups.add([ctx.id(), referralId, month, doneOn, contact, urine, contact ? null : 'Klien tidak dapat dihubungi.', receiver.staff, wib(doneOn, 15)]);
  }

  // Parolees in post-rehabilitation at the Bapas: an enrolment from the accepted referral.
  if (receiver.id === a.receivers.bapas.id && random() < 0.6) {
    const bapas = a.receivers.bapas;
    const start = addDays(answeredOn, intBetween(random, 3, 14));
    if (start >= anchor) return;
    const end = programmeEnd(start, bapas.postRehabWeeks);
    // A closed referral ends the programme with it; otherwise it runs to its end.
    const status = closedOn && closedOn < end ? 'dropped' : end <= anchor ? 'completed' : 'active';
    const endedOn = status === 'dropped' ? closedOn : status === 'completed' ? end : null;
    t.enrolments.add([
      ctx.id(), a.wbpId, bapas.postRehabProgrammeId, null, referralId, status, start, end, endedOn,
      status === 'dropped' ? 'other' : null, endedOn ? bapas.staff : null, null, wib(answeredOn, 10), wib(endedOn ?? start, 15),
    ]);
  }
}

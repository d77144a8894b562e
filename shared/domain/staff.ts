import { addDays } from './dates.ts';

/** A calendar date, YYYY-MM-DD. */
type IsoDate = string;

/** Where a qualification stands on a day: valid, expiring within the alert window, or expired. */
export const QUALIFICATION_STATES = ['valid', 'expiring', 'expired'] as const;
export type QualificationState = (typeof QUALIFICATION_STATES)[number];

/** Days before expiry from which a qualification is flagged, as for agreements. */
export const QUALIFICATION_ALERT_DAYS = 90;

/** BNN's certification body, the issuer of addiction counsellor certificates unless told otherwise. */
export const COUNSELLOR_CERTIFIER = 'LSP BNN';

/**
 * The expiry dates that put a qualification in `state` on `today`: from and until, both inclusive (null
 * leaves that end open), and whether a certificate without an expiry date is in it. A certificate is
 * valid up to and including its expiry date, and one without an expiry date never expires. The
 * directory filters by these in SQL, so the rule is written here once.
 */
export function expiryWindow(state: QualificationState, today: IsoDate, alertDays: number = QUALIFICATION_ALERT_DAYS): {
  from: IsoDate | null; until: IsoDate | null; undated: boolean;
} {
  const alertUntil = addDays(today, alertDays);
  if (state === 'expired') return { from: null, until: addDays(today, -1), undated: false };
  if (state === 'expiring') return { from: today, until: alertUntil, undated: false };
  return { from: addDays(alertUntil, 1), until: null, undated: true };
}

/** The state on `today`: the one whose expiry window holds the expiry date. */
export function qualificationState(expiresOn: IsoDate | null, today: IsoDate, alertDays: number = QUALIFICATION_ALERT_DAYS): QualificationState {
  const holds = (w: ReturnType<typeof expiryWindow>) =>
    expiresOn === null ? w.undated : (w.from === null || expiresOn >= w.from) && (w.until === null || expiresOn <= w.until);
  return QUALIFICATION_STATES.find((state) => holds(expiryWindow(state, today, alertDays))) ?? 'valid';
}

/** The issuer to store: the one written, or BNN's certification body for an addiction counsellor. */
export function defaultIssuer(kind: string, issuer: string | null): string | null {
  if (issuer !== null && issuer.trim() !== '') return issuer.trim();
  return kind === 'addiction_counsellor' ? COUNSELLOR_CERTIFIER : null;
}

/** Problems with a qualification's dates, as field → message key. */
export function qualificationProblems(q: { issuedOn: IsoDate; expiresOn: IsoDate | null }, today: IsoDate): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  if (q.issuedOn > today) problems.push({ field: 'issuedOn', message: 'validation.staff.issuedInFuture' });
  if (q.expiresOn !== null && q.expiresOn <= q.issuedOn) problems.push({ field: 'expiresOn', message: 'validation.qualification.expiryBeforeIssue' });
  return problems;
}

export interface TrainingShape {
  kind: 'bimtek' | 'peer_counsellor' | 'other';
  startsOn: IsoDate;
  endsOn: IsoDate;
  hours: number;
  participants: readonly { userId: string | null; wbpId: string | null; hoursAttended: number; result: string | null; certificateNumber: string | null }[];
}

/** Problems with a training and its participants that need no stored record, as field → message key. */
export function trainingProblems(t: TrainingShape): { field: string; message: string; params?: Record<string, string | number> }[] {
  const problems: { field: string; message: string; params?: Record<string, string | number> }[] = [];
  if (t.endsOn < t.startsOn) problems.push({ field: 'endsOn', message: 'validation.training.endBeforeStart' });
  const users = new Set<string>();
  const people = new Set<string>();
  t.participants.forEach((p, i) => {
    const at = `participants.${i}`;
    if (p.wbpId !== null && t.kind !== 'peer_counsellor') problems.push({ field: `${at}.wbpId`, message: 'validation.training.peopleOnlyInPeerTraining' });
    if (p.hoursAttended > t.hours) problems.push({ field: `${at}.hoursAttended`, message: 'validation.training.moreHoursThanTraining', params: { hours: t.hours } });
    if (p.certificateNumber !== null && p.result !== 'completed') problems.push({ field: `${at}.certificateNumber`, message: 'validation.training.certificateWithoutCompletion' });
    if (p.userId !== null) {
      if (users.has(p.userId)) problems.push({ field: `${at}.userId`, message: 'validation.training.listedTwice' });
      users.add(p.userId);
    }
    if (p.wbpId !== null) {
      if (people.has(p.wbpId)) problems.push({ field: `${at}.wbpId`, message: 'validation.training.listedTwice' });
      people.add(p.wbpId);
    }
  });
  return problems;
}

/** A peer counsellor is trained once a peer-counsellor training they took part in is completed. */
export const PEER_TRAINING_STATUSES = ['trained', 'in_training'] as const;
export type PeerTrainingStatus = (typeof PEER_TRAINING_STATUSES)[number];

export function peerTrainingStatus(result: string | null): PeerTrainingStatus {
  return result === 'completed' ? 'trained' : 'in_training';
}

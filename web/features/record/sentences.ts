import type { TimelineEntry, TimelineKind } from '../../../shared/contracts/record.ts';
import { formatClock, formatDate, formatNumber } from '../../app/format.ts';
import { i18n } from '../../app/i18n.ts';

/** The colour of each kind's badge: the pathway in teal and blue, the care record's warnings in red and orange. */
export const KIND_COLOR: Record<TimelineKind, string> = {
  screening: 'cyan.8',
  assessment: 'blue.8',
  decision: 'indigo.8',
  enrolment: 'teal.8',
  session: 'gray.7',
  note: 'grape.8',
  urine: 'yellow.4',
  incident: 'red.8',
  phase: 'green.8',
  role: 'lime.4',
  conference: 'violet.8',
  referral: 'orange.4',
  ptrm: 'pink.8',
  task: 'orange.8',
};

/** The Jakarta time of a timed entry as the user's language writes it (09.30 in Indonesian, 09:30 in English); null for a day's entry. */
export function timeOf(at: string): string | null {
  return at.length <= 10 ? null : formatClock(at);
}

/** "Senin, 16 November 2026" / "Monday, 16 November 2026": a day's heading. */
export function formatDay(day: string): string {
  const locale = i18n.language === 'en' ? 'en-GB' : 'id-ID';
  return new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
    .format(new Date(`${day}T00:00:00Z`));
}

/** One sentence in the user's language for an entry of the timeline. */
export function entrySentence(entry: TimelineEntry): string {
  const t = i18n.t;
  switch (entry.kind) {
    case 'screening':
      return t('care.record.sentence.screening', { risk: t(`care.record.risk.${entry.detail.overallRisk}`) });
    case 'assessment': {
      const d = entry.detail;
      const klass = d.finalClass ? t(`care.record.class.${d.finalClass}`) : '—';
      if (d.purpose === 'follow_up') {
        return d.status === 'signed'
          ? t('care.record.sentence.followUpSigned', { point: d.followUpPoint ?? '—', class: klass })
          : t('care.record.sentence.followUpDraft', { point: d.followUpPoint ?? '—' });
      }
      return d.status === 'signed' ? t('care.record.sentence.assessmentSigned', { class: klass }) : t('care.record.sentence.assessmentDraft');
    }
    case 'decision':
      return t('care.record.sentence.decision', { number: entry.detail.decreeNumber, place: t(`care.record.place.${entry.detail.place}`) });
    case 'enrolment': {
      const d = entry.detail;
      const programme = d.programmeName;
      switch (d.event) {
        case 'started': return t('care.record.sentence.enrolmentStarted', { programme });
        case 'waitlisted': return t('care.record.sentence.enrolmentWaitlisted', { programme });
        case 'completed': return t('care.record.sentence.enrolmentCompleted', { programme });
        case 'changed': return t('care.record.sentence.enrolmentChanged', { programme });
        case 'dropped':
          return t('care.record.sentence.enrolmentDropped', { programme, reason: d.reason ? t(`care.record.outcomeReason.${d.reason}`) : '—' });
      }
      break;
    }
    case 'session': {
      const d = entry.detail;
      const base = { session: d.sessionName, programme: d.programmeName };
      if (d.attendance === null) return t('care.record.sentence.sessionUnrecorded', base);
      const attendance = t(`attendance.status.${d.attendance}`);
      return d.absenceReason
        ? t('care.record.sentence.sessionAbsent', { ...base, attendance, reason: t(`attendance.reason.${d.absenceReason}`).toLocaleLowerCase(i18n.language) })
        : t('care.record.sentence.sessionRecorded', { ...base, attendance });
    }
    case 'note':
      return t('care.record.sentence.note', { kind: t(`care.record.noteKind.${entry.detail.noteKind}`), topic: entry.detail.topic });
    case 'urine': {
      const d = entry.detail;
      const reason = t(`care.record.urineReason.${d.reason}`);
      return d.status === 'resulted' && d.outcome
        ? t('care.record.sentence.urineResulted', { reason, outcome: t(`care.record.urineOutcome.${d.outcome}`) })
        : t('care.record.sentence.urine', { reason, status: t(`care.record.urineStatus.${d.status}`) });
    }
    case 'incident':
      return t('care.record.sentence.incident', { kind: t(`care.record.incidentKind.${entry.detail.incidentKind}`) });
    case 'phase': {
      const d = entry.detail;
      const to = d.toPhaseName ?? d.toPhase;
      if (d.fromPhase === null) return t('care.record.sentence.phaseEntered', { to });
      const from = d.fromPhaseName ?? d.fromPhase;
      return d.direction === 'promotion' ? t('care.record.sentence.promotion', { from, to }) : t('care.record.sentence.regression', { from, to });
    }
    case 'role': {
      const role = t(`care.record.role.${entry.detail.role}`);
      return entry.detail.event === 'assigned' ? t('care.record.sentence.roleAssigned', { role }) : t('care.record.sentence.roleEnded', { role });
    }
    case 'conference':
      return t('care.record.sentence.conference', { title: entry.detail.title, decision: t(`care.record.decision.${entry.detail.decision}`) });
    case 'referral':
      return t('care.record.sentence.referral', { to: entry.detail.toName, kind: t(`care.record.referralKind.${entry.detail.referralKind}`) });
    case 'ptrm': {
      const d = entry.detail;
      const clinic = d.clinicName;
      switch (d.event) {
        case 'started': return t('care.record.sentence.ptrmStarted', { clinic });
        case 'ended': return t('care.record.sentence.ptrmEnded', { clinic });
        case 'dose': return t('care.record.sentence.ptrmDose', { clinic, dose: d.doseMg === null ? '—' : formatNumber(d.doseMg, Number.isInteger(d.doseMg) ? 0 : 1) });
        case 'handover':
          return t('care.record.sentence.ptrmHandover', {
            reason: d.handoverReason ? t(`care.record.handoverReason.${d.handoverReason}`) : '—', to: d.toName ?? '—',
          });
      }
      break;
    }
    case 'task': {
      const d = entry.detail;
      const kind = t(`care.record.taskKind.${d.taskKind}`);
      return d.event === 'opened'
        ? t('care.record.sentence.taskOpened', { kind, due: formatDate(d.dueOn) })
        : t('care.record.sentence.taskClosed', { kind, status: t(`care.record.taskStatus.${d.status}`) });
    }
  }
  return t(`care.record.kinds.${entry.kind}`);
}

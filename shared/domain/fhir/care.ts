import type { RehabClass } from '../../contracts/clinical.ts';
import type { DecisionFacts, EnrolmentFacts } from './facts.ts';
import { type FhirContext, SYSTEMS, coding, reference, unitReference } from './systems.ts';
import type { CarePlan, CarePlanActivityStatus, CodeableConcept, EpisodeOfCare, EpisodeOfCareStatus, Extension, Period } from './types.ts';

const PROGRAMME_KIND_LABELS: Record<EnrolmentFacts['programmeKind'], string> = {
  education: 'Edukasi dan intervensi singkat',
  medical: 'Rehabilitasi medis',
  social: 'Rehabilitasi sosial',
  post_rehab: 'Pascarehabilitasi',
  ptrm: 'Program terapi rumatan metadon',
  vct_counselling: 'Konseling dan tes HIV sukarela',
};

const CLASS_LABELS: Record<RehabClass, string> = { rendah: 'Kelas rendah', menengah: 'Kelas menengah', tinggi: 'Kelas tinggi' };

function programmeKind(enrolment: EnrolmentFacts): CodeableConcept {
  return { coding: [coding(SYSTEMS.programmeKind, enrolment.programmeKind, PROGRAMME_KIND_LABELS[enrolment.programmeKind])], text: enrolment.programmeName };
}

/**
 * An enrolment's status as an episode's. A drop-out or a change of programme after the start ends
 * the episode ('finished', the outcome in an extension); one that never started is 'cancelled'.
 */
export function episodeStatus(enrolment: Pick<EnrolmentFacts, 'status' | 'startDate'>): EpisodeOfCareStatus {
  switch (enrolment.status) {
    case 'active': return 'active';
    case 'waitlisted': return 'waitlist';
    case 'completed': return 'finished';
    case 'dropped':
    case 'changed': return enrolment.startDate === null ? 'cancelled' : 'finished';
  }
}

function period(start: string | null, end: string | null): Period | undefined {
  if (start === null && end === null) return undefined;
  return { ...(start !== null ? { start } : {}), ...(end !== null ? { end } : {}) };
}

/** One EpisodeOfCare per enrolment in a programme: the unit that runs the programme manages it. */
export function toEpisodeOfCare(ctx: FhirContext, patientId: string, enrolment: EnrolmentFacts): EpisodeOfCare {
  const outcome: Extension[] = enrolment.status === 'completed' || enrolment.status === 'dropped' || enrolment.status === 'changed'
    ? [
        { url: SYSTEMS.enrolmentOutcome, valueCode: enrolment.status },
        ...(enrolment.outcomeReason ? [{ url: `${SYSTEMS.enrolmentOutcome}-reason`, valueCode: enrolment.outcomeReason }] : []),
      ]
    : [];
  const when = period(enrolment.startDate, enrolment.endedOn);
  return {
    resourceType: 'EpisodeOfCare',
    id: enrolment.id,
    ...(outcome.length > 0 ? { extension: outcome } : {}),
    status: episodeStatus(enrolment),
    type: [programmeKind(enrolment)],
    patient: reference(ctx, 'Patient', patientId),
    managingOrganization: unitReference(enrolment.unit),
    ...(when ? { period: when } : {}),
  };
}

export function activityStatus(enrolment: Pick<EnrolmentFacts, 'status' | 'startDate'>): CarePlanActivityStatus {
  switch (enrolment.status) {
    case 'active': return 'in-progress';
    case 'waitlisted': return 'not-started';
    case 'completed': return 'completed';
    case 'dropped':
    case 'changed': return enrolment.startDate === null ? 'cancelled' : 'stopped';
  }
}

/**
 * A placement decision (the head of unit's decree) as a CarePlan whose activities are the programmes
 * it enrolled the person in. Active while a programme runs or waits (or none is joined yet);
 * completed once one was completed and none runs; revoked when every programme stopped short.
 */
export function toCarePlan(
  ctx: FhirContext, patientId: string, decision: DecisionFacts, enrolments: readonly EnrolmentFacts[], assessmentExported: boolean,
): CarePlan {
  const own = enrolments.filter((e) => e.decisionId === decision.id);
  const statuses = own.map(activityStatus);
  const status: CarePlan['status'] = statuses.length === 0 || statuses.some((s) => s === 'in-progress' || s === 'not-started')
    ? 'active'
    : statuses.includes('completed') ? 'completed' : 'revoked';
  return {
    resourceType: 'CarePlan',
    id: decision.id,
    identifier: [{ system: SYSTEMS.placementDecree, value: decision.decreeNumber }],
    status,
    intent: 'plan',
    ...(decision.finalClass
      ? { category: [{ coding: [coding(SYSTEMS.rehabClass, decision.finalClass, CLASS_LABELS[decision.finalClass])], text: CLASS_LABELS[decision.finalClass] }] }
      : {}),
    title: `Rencana rehabilitasi (SK ${decision.decreeNumber})`,
    subject: reference(ctx, 'Patient', patientId),
    period: { start: decision.decreeDate },
    created: decision.decreeDate,
    author: unitReference(decision.unit),
    ...(assessmentExported ? { supportingInfo: [reference(ctx, 'QuestionnaireResponse', decision.assessmentId)] } : {}),
    activity: own.map((e) => {
      const scheduled = period(e.startDate, e.expectedEndDate);
      return {
        detail: {
          code: programmeKind(e),
          status: activityStatus(e),
          description: e.programmeName,
          ...(scheduled ? { scheduledPeriod: scheduled } : {}),
        },
      };
    }),
  };
}

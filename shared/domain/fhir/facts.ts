import type { RehabClass } from '../../contracts/clinical.ts';
import type { ENROLMENT_STATUSES, PROGRAMME_KINDS } from '../../contracts/programmes.ts';
import type { AsiArea, AssistResult, FormulirData } from '../../instruments/index.ts';

/** What the mappers read: a person's records as the server loads them, already in scope and consented. */

export interface UnitFacts {
  code: string;
  name: string;
}

export interface PersonFacts {
  id: string;
  sdpNumber: string;
  fullName: string;
  sex: 'L' | 'P';
  birthDate: string | null;
  releasedOn: string | null;
  unit: UnitFacts;
}

export interface ScreeningFacts {
  id: string;
  instrumentVersion: string;
  answers: Record<string, unknown>;
  result: AssistResult;
  screenedOn: string;
}

/** A signed assessment: drafts are never exported. */
export interface AssessmentFacts {
  id: string;
  instrument: string;
  instrumentVersion: string;
  form: FormulirData;
  composites: Partial<Record<AsiArea, number | null>>;
  finalClass: RehabClass | null;
  signedAt: string;
}

export interface EnrolmentFacts {
  id: string;
  decisionId: string | null;
  programmeName: string;
  programmeKind: (typeof PROGRAMME_KINDS)[number];
  unit: UnitFacts;
  status: (typeof ENROLMENT_STATUSES)[number];
  startDate: string | null;
  expectedEndDate: string | null;
  endedOn: string | null;
  outcomeReason: string | null;
}

export interface DecisionFacts {
  id: string;
  assessmentId: string;
  decreeNumber: string;
  decreeDate: string;
  finalClass: RehabClass | null;
  unit: UnitFacts;
}

export interface PersonRecordFacts {
  person: PersonFacts;
  screenings: readonly ScreeningFacts[];
  assessments: readonly AssessmentFacts[];
  enrolments: readonly EnrolmentFacts[];
  decisions: readonly DecisionFacts[];
}

import {
  ASSIST_VERSION, EVER_LABELS, FREQUENCY_LABELS, QUESTIONS, SUBSTANCES, SUBSTANCE_DEFINITIONS, FORMULIR_VERSION,
} from '../../instruments/index.ts';
import type { AssessmentFacts, ScreeningFacts } from './facts.ts';
import { type FhirContext, SYSTEMS, coding, reference } from './systems.ts';
import type { QuestionnaireResponse, QuestionnaireResponseAnswer, QuestionnaireResponseItem } from './types.ts';

const ICD10_SYSTEM = 'http://hl7.org/fhir/sid/icd-10';
/** The largest integer FHIR's `integer` holds (32-bit signed); larger whole numbers (rupiah) go as decimals. */
const MAX_FHIR_INTEGER = 2_147_483_647;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const ANSWER_LABELS: Record<string, string> = Object.fromEntries([
  ...Object.entries(FREQUENCY_LABELS).map(([code, label]) => [code, label.id]),
  ...Object.entries(EVER_LABELS).map(([code, label]) => [code, label.id]),
]);

function assistAnswer(value: unknown): QuestionnaireResponseAnswer | undefined {
  if (typeof value === 'boolean') return { valueBoolean: value };
  if (typeof value === 'string') return { valueCoding: coding(SYSTEMS.assistAnswer, value, ANSWER_LABELS[value]) };
  return undefined;
}

/**
 * A WHO ASSIST screening as a QuestionnaireResponse. Link ids are the answer keys Pulih stores:
 * `q2` is the group of question 2, `q2.alcohol` its answer for alcohol; `q8` is answered once.
 */
export function assistResponse(ctx: FhirContext, patientId: string, screening: ScreeningFacts): QuestionnaireResponse {
  const items: QuestionnaireResponseItem[] = [];
  for (const question of QUESTIONS) {
    const value = screening.answers[question.id];
    if (value === undefined || value === null) continue;
    if (typeof value === 'object') {
      const byKey = value as Record<string, unknown>;
      const children = SUBSTANCES.flatMap((substance): QuestionnaireResponseItem[] => {
        const answer = assistAnswer(byKey[substance]);
        return answer ? [{ linkId: `${question.id}.${substance}`, text: SUBSTANCE_DEFINITIONS[substance].label.id, answer: [answer] }] : [];
      });
      if (children.length > 0) items.push({ linkId: question.id, text: question.text.id, item: children });
    } else {
      const answer = assistAnswer(value);
      if (answer) items.push({ linkId: question.id, text: question.text.id, answer: [answer] });
    }
  }
  return {
    resourceType: 'QuestionnaireResponse',
    id: screening.id,
    questionnaire: `${SYSTEMS.assistQuestionnaire}|${screening.instrumentVersion || ASSIST_VERSION}`,
    status: 'completed',
    subject: reference(ctx, 'Patient', patientId),
    authored: screening.screenedOn,
    ...(items.length > 0 ? { item: items } : {}),
  };
}

function formAnswers(linkId: string, value: unknown): QuestionnaireResponseAnswer[] {
  if (Array.isArray(value)) return value.flatMap((v) => formAnswers(linkId, v));
  if (typeof value === 'boolean') return [{ valueBoolean: value }];
  if (typeof value === 'number') {
    return [Number.isInteger(value) && Math.abs(value) <= MAX_FHIR_INTEGER ? { valueInteger: value } : { valueDecimal: value }];
  }
  if (typeof value === 'string' && value.trim() !== '') {
    if (linkId === 'diagnosis.codes') return [{ valueCoding: coding(ICD10_SYSTEM, value) }];
    return [ISO_DATE.test(value) ? { valueDate: value } : { valueString: value }];
  }
  return [];
}

/** Every answered field of the form, nested as the form is; empty sections and fields are left out. */
function formItems(prefix: string, section: Record<string, unknown>): QuestionnaireResponseItem[] {
  return Object.entries(section).flatMap(([key, value]): QuestionnaireResponseItem[] => {
    const linkId = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      const children = formItems(linkId, value as Record<string, unknown>);
      return children.length > 0 ? [{ linkId, item: children }] : [];
    }
    const answer = formAnswers(linkId, value);
    return answer.length > 0 ? [{ linkId, answer }] : [];
  });
}

/**
 * A signed assessment (the PMK 4/2020 form, which carries the ASI items) as a QuestionnaireResponse.
 * Link ids are the form's field paths (`drugUse.rows.heroin.days30`, `severity.napza`).
 */
export function assessmentResponse(ctx: FhirContext, patientId: string, assessment: AssessmentFacts): QuestionnaireResponse {
  const items = formItems('', assessment.form as Record<string, unknown>);
  return {
    resourceType: 'QuestionnaireResponse',
    id: assessment.id,
    questionnaire: `${SYSTEMS.formulirQuestionnaire}|${FORMULIR_VERSION}`,
    status: 'completed',
    subject: reference(ctx, 'Patient', patientId),
    authored: assessment.signedAt,
    ...(items.length > 0 ? { item: items } : {}),
  };
}

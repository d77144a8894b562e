import {
  ASI_AREAS, ASI_AREA_LABELS, RISK_LABELS, SEVERITY_AREAS, SUBSTANCES, SUBSTANCE_DEFINITIONS, severityBand,
} from '../../instruments/index.ts';
import type { AssessmentFacts, ScreeningFacts } from './facts.ts';
import { type FhirContext, SURVEY_CATEGORY, SYSTEMS, coding, reference } from './systems.ts';
import type { CodeableConcept, Observation } from './types.ts';

function concept(system: string, code: string, display: string): CodeableConcept {
  return { coding: [coding(system, code, display)], text: display };
}

function observation(
  ctx: FhirContext, patientId: string, source: { type: 'QuestionnaireResponse'; id: string }, id: string, effective: string,
  code: CodeableConcept, value: Pick<Observation, 'valueInteger' | 'valueQuantity' | 'valueCodeableConcept' | 'interpretation'>,
): Observation {
  return {
    resourceType: 'Observation',
    id,
    status: 'final',
    category: [SURVEY_CATEGORY],
    code,
    subject: reference(ctx, 'Patient', patientId),
    effectiveDateTime: effective,
    ...value,
    derivedFrom: [reference(ctx, source.type, source.id)],
  };
}

/**
 * The ASSIST results of a screening: one Observation per substance scored (its specific substance
 * involvement score, with the WHO risk band as interpretation), and one for the overall risk.
 * Codes are Pulih's (SYSTEMS.assist): no LOINC code for WHO ASSIST v3.0 results was confirmed.
 */
export function assistObservations(ctx: FhirContext, patientId: string, screening: ScreeningFacts): Observation[] {
  const source = { type: 'QuestionnaireResponse', id: screening.id } as const;
  const scores = SUBSTANCES.flatMap((substance) => {
    const result = screening.result.substances[substance];
    if (!result) return [];
    const label = SUBSTANCE_DEFINITIONS[substance].label.id;
    return [observation(
      ctx, patientId, source, ctx.uuid(`screening/${screening.id}/score/${substance}`), screening.screenedOn,
      concept(SYSTEMS.assist, `score-${substance}`, `Skor keterlibatan zat spesifik ASSIST: ${label}`),
      { valueInteger: result.score, interpretation: [concept(SYSTEMS.assistRisk, result.risk, RISK_LABELS[result.risk].id)] },
    )];
  });
  const overall = screening.result.overall;
  return [
    ...scores,
    observation(
      ctx, patientId, source, ctx.uuid(`screening/${screening.id}/overall`), screening.screenedOn,
      concept(SYSTEMS.assist, 'overall-risk', 'Risiko keseluruhan ASSIST'),
      { valueCodeableConcept: concept(SYSTEMS.assistRisk, overall, RISK_LABELS[overall].id) },
    ),
  ];
}

/**
 * The results of a signed assessment: the interviewer severity rating (0–9) of each area of the
 * form's grid, with its band as interpretation, and each ASI-5 composite score (0–1) that could be
 * computed. A composite left empty (an item missing) is not sent.
 */
export function assessmentObservations(ctx: FhirContext, patientId: string, assessment: AssessmentFacts): Observation[] {
  const source = { type: 'QuestionnaireResponse', id: assessment.id } as const;
  const grid = assessment.form.severity ?? {};
  const severities = SEVERITY_AREAS.flatMap((area) => {
    const rating = grid[area.code];
    if (rating === undefined || rating === null) return [];
    const band = severityBand(rating);
    return [observation(
      ctx, patientId, source, ctx.uuid(`assessment/${assessment.id}/severity/${area.code}`), assessment.signedAt,
      concept(SYSTEMS.asi, `severity-${area.code}`, `Rating keparahan pewawancara: ${area.label.id}`),
      { valueInteger: rating, interpretation: [concept(SYSTEMS.asiSeverityBand, band.code, band.label.id)] },
    )];
  });
  const composites = ASI_AREAS.flatMap((area) => {
    const value = assessment.composites[area];
    if (value === undefined || value === null) return [];
    return [observation(
      ctx, patientId, source, ctx.uuid(`assessment/${assessment.id}/composite/${area}`), assessment.signedAt,
      concept(SYSTEMS.asi, `composite-${area}`, `Skor komposit ASI: ${ASI_AREA_LABELS[area].id}`),
      { valueQuantity: { value, unit: '1', system: SYSTEMS.ucum, code: '1' } },
    )];
  });
  return [...severities, ...composites];
}

import type { ClassificationRuleBody } from '../contracts/clinical.ts';
import {
  ASI_AREAS, ASI_ID, ASI_VERSION, asiItemsFromFormulir, scoreAsi, validateAsiInput, type AsiArea, type FieldError, type FormulirData, type Risk,
} from '../instruments/index.ts';
import { type Classification, classify, defaultPlacement } from './classification.ts';

export interface DerivedAssessment {
  composites: Record<AsiArea, number | null>;
  asiProblems: FieldError[];
  classification: Classification;
  placement: ReturnType<typeof defaultPlacement>;
}

const OPIOID_ROWS = ['heroin', 'methadone_buprenorphine', 'other_opiates'] as const;

/** HIV or hepatitis positive, a chronic illness, or a psychiatric severity of 4 or more. */
export function hasComorbidity(form: FormulirData): boolean {
  const m = form.medical;
  const positive = [m?.hivTest, m?.hepatitisBTest, m?.hepatitisCTest].includes('positive');
  return positive || m?.chronicIllness === true || (form.severity?.psychiatric ?? 0) >= 4;
}

/** An opioid diagnosis (F11) or an opioid as the main substance. */
export function hasOpioidDependence(form: FormulirData): boolean {
  const main = form.drugUse?.mainSubstance;
  return (form.diagnosis?.codes ?? []).includes('F11') || (main !== null && main !== undefined && (OPIOID_ROWS as readonly string[]).includes(main));
}

/**
 * Everything an assessment derives from its form: the ASI-5 composites (money converted from
 * rupiah at the given rate), the class by the rule in force, and the default placement.
 */
export function deriveAssessment(
  form: FormulirData,
  context: { rupiahPerUsd: number; assistOverall: Risk | null; rule: ClassificationRuleBody },
): DerivedAssessment {
  const items = asiItemsFromFormulir(form, { rupiahPerUsd: context.rupiahPerUsd });
  const asi = validateAsiInput({ instrument: ASI_ID, version: ASI_VERSION, items });
  const composites = asi.ok ? scoreAsi(asi.value).composites : Object.fromEntries(ASI_AREAS.map((a) => [a, null])) as Record<AsiArea, number | null>;
  const asiProblems = asi.ok ? [] : asi.errors;
  const classification = classify({ napzaSeverity: form.severity?.napza ?? null, assistOverall: context.assistOverall }, context.rule);
  const placement = defaultPlacement(classification.ruleClass, {
    comorbidity: hasComorbidity(form),
    opioidDependence: hasOpioidDependence(form),
  });
  return { composites, asiProblems, classification, placement };
}

import type { ClassificationRuleBody, RehabClass, RehabType } from '../contracts/clinical.ts';
import type { Risk } from '../instruments/index.ts';

/** The default rule of the domain (our policy, editable per region): napza severity 0–3, 4–5, 6–9. */
export const DEFAULT_RULE: ClassificationRuleBody = {
  rendahMax: 3,
  menengahMax: 5,
  assistFallback: { low: 'rendah', moderate: 'menengah', high: 'tinggi' },
};

export interface ClassificationInput {
  /** The interviewer's 0–9 rating of the napza (alcohol and drug) area, when rated. */
  napzaSeverity: number | null;
  /** The overall ASSIST risk of the latest screening, when there is one. */
  assistOverall: Risk | null;
}

export interface Classification {
  ruleClass: RehabClass | null;
  basis: 'asi_severity' | 'assist' | 'none';
}

/** The class from the highest napza severity, with the ASSIST result as fall-back. */
export function classify(input: ClassificationInput, rule: ClassificationRuleBody): Classification {
  if (input.napzaSeverity !== null) {
    const s = input.napzaSeverity;
    const ruleClass: RehabClass = s <= rule.rendahMax ? 'rendah' : s <= rule.menengahMax ? 'menengah' : 'tinggi';
    return { ruleClass, basis: 'asi_severity' };
  }
  if (input.assistOverall !== null) return { ruleClass: rule.assistFallback[input.assistOverall], basis: 'assist' };
  return { ruleClass: null, basis: 'none' };
}

export interface PlacementContext {
  /** HIV, hepatitis, TB or a psychiatric condition: medical care alongside. */
  comorbidity: boolean;
  /** Opioid dependence: methadone maintenance (PTRM) alongside. */
  opioidDependence: boolean;
}

/**
 * The default placement of a class: rendah → education and brief intervention; menengah → medical
 * rehabilitation; tinggi → social rehabilitation (Therapeutic Community), plus medical care with
 * comorbidity and PTRM for opioid dependence (at any class).
 */
export function defaultPlacement(rehabClass: RehabClass | null, context: PlacementContext): RehabType[] {
  if (!rehabClass) return [];
  const types: RehabType[] = rehabClass === 'rendah' ? ['education'] : rehabClass === 'menengah' ? ['medical'] : ['social'];
  if (rehabClass === 'tinggi' && context.comorbidity) types.push('medical');
  if (context.opioidDependence) types.push('ptrm');
  return types;
}

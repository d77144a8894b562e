import type { Coding, Reference } from './types.ts';

/**
 * The URIs Pulih writes into FHIR resources (docs/fhir.md). Pulih has no namespace registered with
 * Kemenkes yet, so every project URI hangs off this one base and changes in one place when it does.
 */
export const PULIH_FHIR_BASE = 'https://pulih.id/fhir';

export const SYSTEMS = {
  /** The SDP (Sistem Database Pemasyarakatan) registration number of a person held. */
  sdpNumber: `${PULIH_FHIR_BASE}/sid/sdp-registration-number`,
  /** A unit's code (Rutan, Lapas, LPKA, Bapas) as recorded in Pulih's organisations. */
  unitCode: `${PULIH_FHIR_BASE}/sid/unit-code`,
  /** The head of unit's placement decree (surat keputusan) number. */
  placementDecree: `${PULIH_FHIR_BASE}/sid/placement-decree`,
  assistQuestionnaire: `${PULIH_FHIR_BASE}/Questionnaire/assist`,
  formulirQuestionnaire: `${PULIH_FHIR_BASE}/Questionnaire/formulir-asesmen-wlrm`,
  /** Observation codes of the instruments' results; no LOINC code for WHO ASSIST v3.0 or ASI-5 results was confirmed. */
  assist: `${PULIH_FHIR_BASE}/CodeSystem/assist`,
  assistRisk: `${PULIH_FHIR_BASE}/CodeSystem/assist-risk`,
  assistAnswer: `${PULIH_FHIR_BASE}/CodeSystem/assist-answer`,
  asi: `${PULIH_FHIR_BASE}/CodeSystem/asi`,
  asiSeverityBand: `${PULIH_FHIR_BASE}/CodeSystem/asi-severity-band`,
  formAnswer: `${PULIH_FHIR_BASE}/CodeSystem/formulir-answer`,
  programmeKind: `${PULIH_FHIR_BASE}/CodeSystem/programme-kind`,
  rehabClass: `${PULIH_FHIR_BASE}/CodeSystem/rehabilitation-class`,
  enrolmentOutcome: `${PULIH_FHIR_BASE}/StructureDefinition/enrolment-outcome`,
  /** HL7's own code systems. */
  observationCategory: 'http://terminology.hl7.org/CodeSystem/observation-category',
  ucum: 'http://unitsofmeasure.org',
} as const;

/**
 * SATUSEHAT's identifier system for the national identity number (NIK). Pulih does not store NIK
 * (SDP is the source of identity), so no Patient carries it; a submission to SATUSEHAT has to match
 * the person in its patient index first (docs/fhir.md).
 */
export const SATUSEHAT_NIK_SYSTEM = 'https://fhir.kemkes.go.id/id/nik';

export const SURVEY_CATEGORY = { coding: [{ system: SYSTEMS.observationCategory, code: 'survey', display: 'Survey' }] };

/**
 * How one export names resources and refers between them: a Bundle refers by `urn:uuid:` full URLs,
 * an NDJSON file by `Type/id`. `uuid(name)` gives the same UUID for the same name on every export,
 * so a derived resource (one Observation per substance, say) keeps its id.
 */
export interface FhirContext {
  ref: (resourceType: string, id: string) => string;
  uuid: (name: string) => string;
}

export function reference(ctx: FhirContext, resourceType: string, id: string, display?: string): Reference {
  return display === undefined ? { reference: ctx.ref(resourceType, id) } : { reference: ctx.ref(resourceType, id), display };
}

/** A unit named by its code, not a resource of the export: Pulih sends no Organization resources. */
export function unitReference(unit: { code: string; name: string }): Reference {
  return { identifier: { system: SYSTEMS.unitCode, value: unit.code }, display: unit.name };
}

export function coding(system: string, code: string, display?: string): Coding {
  return display === undefined ? { system, code } : { system, code, display };
}

/** An instant FHIR accepts (dateTime with seconds and zone): the ISO form of a stored timestamp. */
export function instant(at: Date | string): string {
  return (typeof at === 'string' ? new Date(at) : at).toISOString();
}

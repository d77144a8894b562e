import { assessmentObservations, assistObservations } from './observations.ts';
import { toCarePlan, toEpisodeOfCare } from './care.ts';
import type { PersonRecordFacts } from './facts.ts';
import { toPatient } from './patient.ts';
import { assessmentResponse, assistResponse } from './questionnaires.ts';
import type { FhirContext } from './systems.ts';
import type { Bundle, OperationOutcome, Resource } from './types.ts';

/** How a Bundle refers between its entries: by their `urn:uuid:` full URLs (every id is a UUID). */
export const bundleReferences = (_resourceType: string, id: string): string => `urn:uuid:${id}`;

/** How a bulk (NDJSON) file refers between its lines: `Type/id`, as the FHIR Bulk Data format does. */
export const relativeReferences = (resourceType: string, id: string): string => `${resourceType}/${id}`;

/**
 * A person's record as resources, in reading order: the Patient, then each screening and signed
 * assessment with the Observations derived from it, then the care plans and their episodes.
 */
export function personResources(ctx: FhirContext, facts: PersonRecordFacts): Resource[] {
  const patientId = facts.person.id;
  const exportedAssessments = new Set(facts.assessments.map((a) => a.id));
  return [
    toPatient(ctx, facts.person),
    ...facts.screenings.flatMap((s) => [assistResponse(ctx, patientId, s), ...assistObservations(ctx, patientId, s)]),
    ...facts.assessments.flatMap((a) => [assessmentResponse(ctx, patientId, a), ...assessmentObservations(ctx, patientId, a)]),
    ...facts.decisions.map((d) => toCarePlan(ctx, patientId, d, facts.enrolments, exportedAssessments.has(d.assessmentId))),
    ...facts.enrolments.map((e) => toEpisodeOfCare(ctx, patientId, e)),
  ];
}

/**
 * A 'collection' Bundle: a set of resources gathered for the reader, not the answer to a search
 * ('searchset' would promise search semantics and a total) nor a signed document (ADR 20).
 */
export function toBundle(id: string, timestamp: string, resources: readonly Resource[]): Bundle {
  return {
    resourceType: 'Bundle',
    id,
    meta: { lastUpdated: timestamp },
    type: 'collection',
    timestamp,
    entry: resources.map((resource) => ({ fullUrl: `urn:uuid:${resource.id}`, resource })),
  };
}

/** The closing line of a bulk export: how many people were left out for want of consent. */
export function exclusionOutcome(id: string, excluded: number): OperationOutcome {
  return {
    resourceType: 'OperationOutcome',
    id,
    issue: [{
      severity: 'information',
      code: 'suppressed',
      diagnostics: `${excluded} orang tidak diekspor karena tidak ada persetujuan berbagi data kesehatan dengan SATUSEHAT yang berlaku `
        + `(${excluded} people left out: no consent in force to share health data with SATUSEHAT).`,
    }],
  };
}

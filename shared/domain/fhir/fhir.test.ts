import { beforeAll, describe, expect, it } from 'vitest';
import { FHIR_SCHEMA_TIMEOUT, bundleContext, expectValidFhir, prepareFhirSchema } from '../../../server/testing/fhir.ts';
import { ROLES } from '../../contracts/common.ts';
import { scoreAssist } from '../../instruments/index.ts';
import { PERMISSION_SCOPES } from '../agreements.ts';
import { can } from '../permissions.ts';
import { exclusionOutcome, personResources, relativeReferences, toBundle } from './bundle.ts';
import { episodeStatus, toCarePlan, toEpisodeOfCare } from './care.ts';
import type { AssessmentFacts, DecisionFacts, EnrolmentFacts, PersonFacts, ScreeningFacts } from './facts.ts';
import { assessmentObservations, assistObservations } from './observations.ts';
import { toPatient } from './patient.ts';
import { assessmentResponse, assistResponse } from './questionnaires.ts';
import { SATUSEHAT_NIK_SYSTEM, SYSTEMS } from './systems.ts';
import type { Observation } from './types.ts';

beforeAll(prepareFhirSchema, FHIR_SCHEMA_TIMEOUT);

const ctx = bundleContext;
const unit = { code: 'RUTAN-SRG', name: 'Rutan Kelas IIB Serang' };
const person: PersonFacts = {
  id: '0b7a6b1e-3c55-4a51-9d43-5b3f1c2d9e01', sdpNumber: 'AII.2026.0042', fullName: 'Budi Santoso', sex: 'L', birthDate: '1994-03-12', releasedOn: null, unit,
};
const answers = {
  q1: { tobacco: true, alcohol: true, amphetamines: true },
  q2: { tobacco: 'daily', alcohol: 'monthly', amphetamines: 'weekly' },
  q3: { tobacco: 'never', alcohol: 'never', amphetamines: 'weekly' },
  q4: { tobacco: 'never', alcohol: 'never', amphetamines: 'monthly' },
  q5: { alcohol: 'never', amphetamines: 'monthly' },
  q6: { tobacco: 'never', alcohol: 'never', amphetamines: 'past_3_months' },
  q7: { tobacco: 'never', alcohol: 'never', amphetamines: 'past_3_months' },
  q8: 'never',
} as const;
const screening: ScreeningFacts = {
  id: '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f', instrumentVersion: '3.0', answers: structuredClone(answers) as Record<string, unknown>,
  result: scoreAssist({ instrument: 'assist', version: '3.0', answers: structuredClone(answers) as never }), screenedOn: '2026-10-05',
};
const assessment: AssessmentFacts = {
  id: '2d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f60', instrument: 'asi', instrumentVersion: '5',
  form: {
    demographics: { sdpNumber: 'AII.2026.0042', name: 'Budi Santoso', sex: 'L' },
    medical: { problemDays30: 3, troubled: 1, chronicIllness: false },
    employment: { employmentIncome30: 3_500_000_000.5 },
    drugUse: { rows: { amphetamines: { days30: 12, route: 3 } } },
    severity: { medical: 1, napza: 7, legal: null },
    diagnosis: { codes: ['F15'], notes: '' },
    signatures: { assessor: { signedOn: '2026-10-10' } },
  },
  composites: { medical: 0.2167, drug: null }, finalClass: 'tinggi', signedAt: '2026-10-10T04:00:00.000Z',
};
const decision: DecisionFacts = {
  id: '3e4f5a6b-7c8d-4e9f-8a1b-2c3d4e5f6071', assessmentId: assessment.id, decreeNumber: 'W.11.PAS.7-2026/041', decreeDate: '2026-10-20', finalClass: 'tinggi', unit,
};
const enrolment = (over: Partial<EnrolmentFacts> = {}): EnrolmentFacts => ({
  id: '4f5a6b7c-8d9e-4f0a-9b2c-3d4e5f607182', decisionId: decision.id, programmeName: 'Rehabilitasi sosial (TC 24 minggu)', programmeKind: 'social', unit,
  status: 'active', startDate: '2026-10-26', expectedEndDate: '2027-04-12', endedOn: null, outcomeReason: null, ...over,
});

const codeOf = (o: Observation) => o.code.coding?.[0]?.code;

describe('Patient', () => {
  it('is identified by the SDP registration number under the SDP system', () => {
    const patient = toPatient(ctx, person);
    expectValidFhir(patient);
    expect(patient.identifier).toEqual([{ use: 'official', system: SYSTEMS.sdpNumber, value: 'AII.2026.0042' }]);
  });

  it('carries no NIK, which Pulih does not store', () => {
    expect(JSON.stringify(toPatient(ctx, person))).not.toContain(SATUSEHAT_NIK_SYSTEM);
  });

  it('maps sex P to gender female', () => {
    const patient = toPatient(ctx, { ...person, sex: 'P', birthDate: null });
    expectValidFhir(patient);
    expect(patient.gender).toBe('female');
    expect(patient.birthDate).toBeUndefined();
  });
});

describe('QuestionnaireResponse', () => {
  it('of an ASSIST screening links each answer by its stored key', () => {
    const response = assistResponse(ctx, person.id, screening);
    expectValidFhir(response);
    const q2 = response.item?.find((i) => i.linkId === 'q2');
    expect(q2?.item?.find((i) => i.linkId === 'q2.amphetamines')?.answer).toEqual([
      { valueCoding: { system: SYSTEMS.assistAnswer, code: 'weekly', display: 'Setiap minggu' } },
    ]);
  });

  it('of an ASSIST screening answers Q8 once, not per substance', () => {
    const q8 = assistResponse(ctx, person.id, screening).item?.find((i) => i.linkId === 'q8');
    expect(q8?.item).toBeUndefined();
    expect(q8?.answer?.[0]?.valueCoding?.code).toBe('never');
  });

  it('of an assessment links fields by their form path and leaves empty ones out', () => {
    const response = assessmentResponse(ctx, person.id, assessment);
    expectValidFhir(response);
    const drugUse = response.item?.find((i) => i.linkId === 'drugUse');
    expect(drugUse?.item?.[0]?.item?.[0]?.item?.[0]).toEqual({ linkId: 'drugUse.rows.amphetamines.days30', answer: [{ valueInteger: 12 }] });
    expect(JSON.stringify(response)).not.toContain('severity.legal');
    expect(JSON.stringify(response)).not.toContain('diagnosis.notes');
  });

  it('of an assessment codes the working diagnosis in ICD-10', () => {
    const diagnosis = assessmentResponse(ctx, person.id, assessment).item?.find((i) => i.linkId === 'diagnosis');
    expect(diagnosis?.item?.[0]?.answer).toEqual([{ valueCoding: { system: 'http://hl7.org/fhir/sid/icd-10', code: 'F15' } }]);
  });

  it('of an assessment sends an amount beyond a FHIR integer as a decimal', () => {
    const employment = assessmentResponse(ctx, person.id, assessment).item?.find((i) => i.linkId === 'employment');
    expect(employment?.item?.[0]?.answer).toEqual([{ valueDecimal: 3_500_000_000.5 }]);
  });
});

describe('Observation', () => {
  it('of an ASSIST substance score has the substance code, the score and the risk band', () => {
    const observations = assistObservations(ctx, person.id, screening);
    observations.forEach(expectValidFhir);
    const amphetamines = observations.find((o) => codeOf(o) === 'score-amphetamines');
    expect(amphetamines?.code.coding?.[0]?.system).toBe(SYSTEMS.assist);
    expect(amphetamines?.valueInteger).toBe(screening.result.substances.amphetamines?.score);
    expect(amphetamines?.interpretation?.[0]?.coding?.[0]?.code).toBe(screening.result.substances.amphetamines?.risk);
  });

  it('of an ASSIST screening gives the overall risk as a coded value', () => {
    const overall = assistObservations(ctx, person.id, screening).find((o) => codeOf(o) === 'overall-risk');
    expect(overall?.valueCodeableConcept?.coding?.[0]).toMatchObject({ system: SYSTEMS.assistRisk, code: screening.result.overall });
  });

  it('of an ASSIST screening is derived from its QuestionnaireResponse and keeps its id across exports', () => {
    const [first] = assistObservations(ctx, person.id, screening);
    const [again] = assistObservations(ctx, person.id, screening);
    expect(first?.derivedFrom).toEqual([{ reference: `urn:uuid:${screening.id}` }]);
    expect(first?.id).toBe(again?.id);
    expect(first?.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('of an ASI severity rating has the area, the rating 0–9 and its band', () => {
    const observations = assessmentObservations(ctx, person.id, assessment);
    observations.forEach(expectValidFhir);
    const napza = observations.find((o) => codeOf(o) === 'severity-napza');
    expect(napza?.valueInteger).toBe(7);
    expect(napza?.interpretation?.[0]?.coding?.[0]?.code).toBe('considerable');
    expect(observations.some((o) => codeOf(o) === 'severity-legal')).toBe(false);
  });

  it('of an ASI composite is a unitless quantity, and an uncomputed composite is not sent', () => {
    const observations = assessmentObservations(ctx, person.id, assessment);
    expect(observations.find((o) => codeOf(o) === 'composite-medical')?.valueQuantity).toEqual({ value: 0.2167, unit: '1', system: SYSTEMS.ucum, code: '1' });
    expect(observations.some((o) => codeOf(o) === 'composite-drug')).toBe(false);
  });
});

describe('EpisodeOfCare', () => {
  it('of an active enrolment is active from its start, managed by the programme\'s unit', () => {
    const episode = toEpisodeOfCare(ctx, person.id, enrolment());
    expectValidFhir(episode);
    expect(episode).toMatchObject({ status: 'active', period: { start: '2026-10-26' }, managingOrganization: { identifier: { value: 'RUTAN-SRG' } } });
  });

  it('of a dropped enrolment is finished, with the drop-out and its reason as extensions', () => {
    const episode = toEpisodeOfCare(ctx, person.id, enrolment({ status: 'dropped', endedOn: '2026-11-20', outcomeReason: 'rule_violation' }));
    expectValidFhir(episode);
    expect(episode.status).toBe('finished');
    expect(episode.extension).toEqual([
      { url: SYSTEMS.enrolmentOutcome, valueCode: 'dropped' }, { url: `${SYSTEMS.enrolmentOutcome}-reason`, valueCode: 'rule_violation' },
    ]);
  });

  it('of an enrolment dropped before it started is cancelled', () => {
    expect(episodeStatus({ status: 'dropped', startDate: null })).toBe('cancelled');
  });

  it('of a waitlisted enrolment is on the waitlist, without a period', () => {
    const episode = toEpisodeOfCare(ctx, person.id, enrolment({ status: 'waitlisted', startDate: null, expectedEndDate: null }));
    expectValidFhir(episode);
    expect(episode.status).toBe('waitlist');
    expect(episode.period).toBeUndefined();
  });
});

describe('CarePlan', () => {
  it('of a placement decision names the decree and lists its programme as an activity in progress', () => {
    const plan = toCarePlan(ctx, person.id, decision, [enrolment()], true);
    expectValidFhir(plan);
    expect(plan.identifier).toEqual([{ system: SYSTEMS.placementDecree, value: 'W.11.PAS.7-2026/041' }]);
    expect(plan.status).toBe('active');
    expect(plan.activity[0]?.detail).toMatchObject({ status: 'in-progress', description: 'Rehabilitasi sosial (TC 24 minggu)' });
    expect(plan.supportingInfo).toEqual([{ reference: `urn:uuid:${assessment.id}` }]);
  });

  it('is completed once its programme was completed', () => {
    expect(toCarePlan(ctx, person.id, decision, [enrolment({ status: 'completed', endedOn: '2027-04-12' })], true).status).toBe('completed');
  });

  it('is revoked when every programme of it stopped short', () => {
    const plan = toCarePlan(ctx, person.id, decision, [enrolment({ status: 'dropped', endedOn: '2026-11-20' })], false);
    expectValidFhir(plan);
    expect(plan.status).toBe('revoked');
    expect(plan.supportingInfo).toBeUndefined();
  });

  it('leaves out enrolments of other decisions', () => {
    expect(toCarePlan(ctx, person.id, decision, [enrolment({ decisionId: null })], true).activity).toEqual([]);
  });
});

describe('Bundle', () => {
  const resources = personResources(ctx, { person, screenings: [screening], assessments: [assessment], enrolments: [enrolment()], decisions: [decision] });

  it('is a valid collection whose full URLs are the urn:uuid of each resource', () => {
    const bundle = toBundle('5a6b7c8d-9e0f-4a1b-8c3d-4e5f60718293', '2026-11-23T01:00:00.000Z', resources);
    expectValidFhir(bundle);
    expect(bundle.type).toBe('collection');
    expect(bundle.entry.every((e) => e.fullUrl === `urn:uuid:${e.resource.id}`)).toBe(true);
  });

  it('starts with the Patient and holds each kind of resource of the record', () => {
    expect(resources[0]?.resourceType).toBe('Patient');
    expect(new Set(resources.map((r) => r.resourceType))).toEqual(new Set(['Patient', 'QuestionnaireResponse', 'Observation', 'CarePlan', 'EpisodeOfCare']));
  });

  it('refers to the Patient by its urn:uuid', () => {
    const episode = resources.find((r) => r.resourceType === 'EpisodeOfCare');
    expect(episode && 'patient' in episode ? episode.patient.reference : undefined).toBe(`urn:uuid:${person.id}`);
  });
});

describe('bulk export lines', () => {
  it('refer to the Patient as Patient/id', () => {
    const lines = personResources({ ...ctx, ref: relativeReferences }, { person, screenings: [screening], assessments: [], enrolments: [], decisions: [] });
    lines.forEach(expectValidFhir);
    const observation = lines.find((r) => r.resourceType === 'Observation');
    expect(observation && 'subject' in observation ? observation.subject.reference : undefined).toBe(`Patient/${person.id}`);
  });

  it('close with an OperationOutcome counting the people left out', () => {
    const outcome = exclusionOutcome('6b7c8d9e-0f1a-4b2c-9d4e-5f6071829304', 3);
    expectValidFhir(outcome);
    expect(outcome.issue[0]).toMatchObject({ severity: 'information', code: 'suppressed' });
    expect(outcome.issue[0]?.diagnostics).toContain('3 people left out');
  });
});

describe('the fhir.export permission', () => {
  it('belongs to the head of unit and clinic staff only', () => {
    expect(ROLES.filter((role) => can(role, 'fhir.export'))).toEqual(['head_of_unit', 'clinic_staff']);
  });

  it('is never used by partner staff through an agreement', () => {
    expect(PERMISSION_SCOPES['fhir.export']).toBeUndefined();
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import { FHIR_SCHEMA_TIMEOUT, expectValidFhir, fhirErrors, prepareFhirSchema } from './fhir.ts';

beforeAll(prepareFhirSchema, FHIR_SCHEMA_TIMEOUT);

describe('the FHIR R4 schema check', () => {
  it('accepts a minimal valid Patient', () => {
    expectValidFhir({ resourceType: 'Patient', id: 'p1', gender: 'male', birthDate: '1990-04-01' });
  });

  it('names the element of a Patient whose code is not in its value set', () => {
    expect(fhirErrors({ resourceType: 'Patient', id: 'p1', gender: 'laki-laki' })).toContainEqual(expect.stringContaining('/gender'));
  });

  it('refuses an element that FHIR R4 does not define', () => {
    expect(fhirErrors({ resourceType: 'Observation', id: 'o1', status: 'final', code: { text: 'x' }, valueDecimal: 0.5 })).not.toEqual([]);
  });

  it('refuses a resource type that does not exist', () => {
    expect(fhirErrors({ resourceType: 'Inmate', id: 'x' })).not.toEqual([]);
  });
});

import type { PersonFacts } from './facts.ts';
import { type FhirContext, SYSTEMS, unitReference } from './systems.ts';
import type { Patient } from './types.ts';

const GENDER = { L: 'male', P: 'female' } as const;

/**
 * The person as a Patient. The identifier is the SDP registration number; NIK, which SATUSEHAT
 * matches patients on, is not stored by Pulih and so never sent (docs/fhir.md).
 */
export function toPatient(_ctx: FhirContext, person: PersonFacts): Patient {
  return {
    resourceType: 'Patient',
    id: person.id,
    identifier: [{ use: 'official', system: SYSTEMS.sdpNumber, value: person.sdpNumber }],
    active: true,
    name: [{ use: 'official', text: person.fullName }],
    gender: GENDER[person.sex],
    ...(person.birthDate ? { birthDate: person.birthDate } : {}),
    managingOrganization: unitReference(person.unit),
  };
}

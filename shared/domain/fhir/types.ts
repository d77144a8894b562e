/**
 * The slice of FHIR R4 (4.0.1) that Pulih writes: only the elements our mappers fill. Every
 * resource they make is checked against the official R4 JSON schema in tests (server/testing/fhir.ts).
 */

export interface Coding {
  system: string;
  code: string;
  display?: string;
}

export interface CodeableConcept {
  coding?: Coding[];
  text?: string;
}

export interface Identifier {
  use?: 'usual' | 'official' | 'temp' | 'secondary' | 'old';
  system: string;
  value: string;
}

export interface Reference {
  reference?: string;
  identifier?: Identifier;
  display?: string;
}

export interface Period {
  start?: string;
  end?: string;
}

export interface Extension {
  url: string;
  valueCode?: string;
  valueString?: string;
}

export interface Quantity {
  value: number;
  unit?: string;
  system?: string;
  code?: string;
}

interface ResourceBase {
  id: string;
  meta?: { profile?: string[]; lastUpdated?: string };
  extension?: Extension[];
}

export interface Patient extends ResourceBase {
  resourceType: 'Patient';
  identifier: Identifier[];
  active: boolean;
  name: { use: 'official'; text: string }[];
  gender: 'male' | 'female' | 'other' | 'unknown';
  birthDate?: string;
  managingOrganization?: Reference;
}

export interface QuestionnaireResponseAnswer {
  valueBoolean?: boolean;
  valueInteger?: number;
  valueDecimal?: number;
  valueString?: string;
  valueDate?: string;
  valueCoding?: Coding;
}

export interface QuestionnaireResponseItem {
  linkId: string;
  text?: string;
  answer?: QuestionnaireResponseAnswer[];
  item?: QuestionnaireResponseItem[];
}

export interface QuestionnaireResponse extends ResourceBase {
  resourceType: 'QuestionnaireResponse';
  identifier?: Identifier;
  questionnaire: string;
  status: 'in-progress' | 'completed' | 'amended' | 'entered-in-error' | 'stopped';
  subject: Reference;
  authored: string;
  item?: QuestionnaireResponseItem[];
}

export interface ObservationComponent {
  code: CodeableConcept;
  valueCodeableConcept?: CodeableConcept;
  valueInteger?: number;
}

export interface Observation extends ResourceBase {
  resourceType: 'Observation';
  status: 'final' | 'amended' | 'preliminary';
  category: CodeableConcept[];
  code: CodeableConcept;
  subject: Reference;
  effectiveDateTime: string;
  valueInteger?: number;
  valueQuantity?: Quantity;
  valueCodeableConcept?: CodeableConcept;
  interpretation?: CodeableConcept[];
  derivedFrom?: Reference[];
  component?: ObservationComponent[];
}

export type EpisodeOfCareStatus = 'planned' | 'waitlist' | 'active' | 'onhold' | 'finished' | 'cancelled' | 'entered-in-error';

export interface EpisodeOfCare extends ResourceBase {
  resourceType: 'EpisodeOfCare';
  status: EpisodeOfCareStatus;
  type: CodeableConcept[];
  patient: Reference;
  managingOrganization?: Reference;
  period?: Period;
}

export type CarePlanActivityStatus =
  'not-started' | 'scheduled' | 'in-progress' | 'on-hold' | 'completed' | 'cancelled' | 'stopped' | 'unknown' | 'entered-in-error';

export interface CarePlan extends ResourceBase {
  resourceType: 'CarePlan';
  identifier: Identifier[];
  status: 'draft' | 'active' | 'on-hold' | 'revoked' | 'completed' | 'entered-in-error' | 'unknown';
  intent: 'plan';
  category?: CodeableConcept[];
  title: string;
  subject: Reference;
  period: Period;
  created: string;
  author?: Reference;
  supportingInfo?: Reference[];
  activity: { detail: { kind?: 'ServiceRequest'; code: CodeableConcept; status: CarePlanActivityStatus; description: string; scheduledPeriod?: Period } }[];
}

export interface OperationOutcome {
  resourceType: 'OperationOutcome';
  id: string;
  issue: { severity: 'fatal' | 'error' | 'warning' | 'information'; code: string; diagnostics: string }[];
}

export type Resource = Patient | QuestionnaireResponse | Observation | EpisodeOfCare | CarePlan;

export interface Bundle {
  resourceType: 'Bundle';
  id: string;
  meta: { lastUpdated: string };
  type: 'collection';
  timestamp: string;
  entry: { fullUrl: string; resource: Resource }[];
}

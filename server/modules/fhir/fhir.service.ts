import { randomUUID } from 'node:crypto';
import type { HealthConsentBody, HealthConsentRecord, FhirExportQuery } from '../../../shared/contracts/fhir.ts';
import { bundleReferences, exclusionOutcome, personResources, relativeReferences, toBundle } from '../../../shared/domain/fhir/bundle.ts';
import type { AssessmentFacts, DecisionFacts, EnrolmentFacts, PersonRecordFacts, ScreeningFacts } from '../../../shared/domain/fhir/facts.ts';
import type { FhirContext } from '../../../shared/domain/fhir/systems.ts';
import type { Bundle, Resource } from '../../../shared/domain/fhir/types.ts';
import { jakartaDate } from '../../../shared/domain/dates.ts';
import { type AsiArea, type FormulirData, assistResultSchema, formulirSchema } from '../../../shared/instruments/index.ts';
import type { Db, DbOrTrx } from '../../db/database.ts';
import type { Actor, RequestOrigin } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import { AppError, notFound, validation } from '../../platform/errors.ts';
import { nameUuid } from './fhir.ids.ts';
import * as repo from './fhir.repository.ts';

const BUNDLE: FhirContext = { ref: bundleReferences, uuid: nameUuid };
const BULK: FhirContext = { ref: relativeReferences, uuid: nameUuid };

export interface FhirExport {
  /** One resource per line, each line ending in a newline; the last line is the OperationOutcome counting who was left out. */
  ndjson: string;
  filename: string;
  people: number;
  resources: number;
  excluded: number;
}

function consentRecord(c: repo.ConsentRow): HealthConsentRecord {
  return {
    id: c.id, wbpId: c.wbp_id, givenOn: c.given_on, method: c.method, witnessName: c.witness_name, recordedBy: c.recorded_by_name,
    revokedOn: c.revoked_on, revocationReason: c.revocation_reason, inForce: c.revoked_on === null,
  };
}

function countByType(resources: readonly Resource[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of resources) counts[r.resourceType] = (counts[r.resourceType] ?? 0) + 1;
  return counts;
}

/** Rows grouped by person, read back in their query order. */
function byPerson<R extends { wbp_id: string }>(rows: readonly R[]): (wbpId: string) => R[] {
  const groups = new Map<string, R[]>();
  for (const row of rows) {
    const group = groups.get(row.wbp_id);
    if (group) group.push(row);
    else groups.set(row.wbp_id, [row]);
  }
  return (wbpId) => groups.get(wbpId) ?? [];
}

/**
 * FHIR R4 for SATUSEHAT (docs/fhir.md, ADR 20): a person's record as a Bundle, and a unit's people
 * with records in a period as NDJSON. Only people whose consent to share is in force leave Pulih.
 */
export function createFhirService(deps: { db: Db; now: () => Date }) {
  const { db, now } = deps;

  /** Loads the records of these people (all of them, or those in the period) as the mappers' facts. */
  async function factsOf(trx: DbOrTrx, people: readonly repo.PersonRow[], period?: repo.Period): Promise<PersonRecordFacts[]> {
    const ids = people.map((p) => p.id);
    const [screenings, assessments, enrolments, decisions] = await Promise.all([
      repo.screeningsOf(trx, ids, period), repo.assessmentsOf(trx, ids, period), repo.enrolmentsOf(trx, ids, period), repo.decisionsOf(trx, ids, period),
    ]);
    // One pass over each list, not one per person: a unit's export holds hundreds of people.
    const [screeningsOf, assessmentsOf, enrolmentsOf, decisionsOf] = [byPerson(screenings), byPerson(assessments), byPerson(enrolments), byPerson(decisions)];
    return people.map((p) => ({
      person: {
        id: p.id, sdpNumber: p.sdp_number, fullName: p.full_name, sex: p.sex, birthDate: p.birth_date, releasedOn: p.released_on,
        unit: { code: p.unit_code, name: p.unit_name },
      },
      screenings: screeningsOf(p.id).map((s): ScreeningFacts => ({
        id: s.id, instrumentVersion: s.instrument_version, answers: s.answers, result: assistResultSchema.parse(s.result), screenedOn: s.screened_on,
      })),
      assessments: assessmentsOf(p.id).filter((a) => a.signed_at !== null).map((a): AssessmentFacts => {
        const form = formulirSchema.safeParse(a.form);
        return {
          id: a.id, instrument: a.instrument, instrumentVersion: a.instrument_version,
          form: form.success ? form.data : (a.form as FormulirData),
          composites: (a.composites ?? {}) as Partial<Record<AsiArea, number | null>>,
          finalClass: a.final_class, signedAt: (a.signed_at ?? now()).toISOString(),
        };
      }),
      enrolments: enrolmentsOf(p.id).map((e): EnrolmentFacts => ({
        id: e.id, decisionId: e.decision_id, programmeName: e.programme_name, programmeKind: e.programme_kind, unit: { code: e.unit_code, name: e.unit_name },
        status: e.status, startDate: e.start_date, expectedEndDate: e.expected_end_date, endedOn: e.ended_on, outcomeReason: e.outcome_reason,
      })),
      decisions: decisionsOf(p.id).map((d): DecisionFacts => ({
        id: d.id, assessmentId: d.assessment_id, decreeNumber: d.decree_number, decreeDate: d.decree_date, finalClass: d.final_class,
        unit: { code: d.unit_code, name: d.unit_name },
      })),
    }));
  }

  async function personOrThrow(trx: DbOrTrx, actor: Actor, wbpId: string) {
    const person = await repo.person(trx, wbpId, actor.facilityIds);
    if (!person) throw notFound('wbp');
    return person;
  }

  /** A person's whole record as a 'collection' Bundle; 409 without consent in force. The read is audited. */
  async function personBundle(actor: Actor, wbpId: string, origin: RequestOrigin): Promise<Bundle> {
    return db.transaction().execute(async (trx) => {
      const person = await personOrThrow(trx, actor, wbpId);
      if (!person.consent_in_force) throw new AppError('CONFLICT', 'error.fhir.noConsent');
      const [facts] = await factsOf(trx, [person]);
      if (!facts) throw new AppError('INTERNAL', 'error.internal');
      const resources = personResources(BUNDLE, facts);
      await writeAudit(trx, { actor, origin }, {
        action: 'read', entityType: 'fhir_bundle', entityId: wbpId, facilityId: person.facility_id, details: { resources: countByType(resources) },
      });
      const at = now().toISOString();
      return toBundle(randomUUID(), at, resources);
    });
  }

  /** A unit's people with records in the period as NDJSON, leaving out (and counting) those without consent. Audited with its counts. */
  async function facilityExport(actor: Actor, facilityId: string, period: FhirExportQuery, origin: RequestOrigin): Promise<FhirExport> {
    return db.transaction().execute(async (trx) => {
      const unit = await repo.unit(trx, facilityId, actor.facilityIds);
      if (!unit) throw notFound('facility');
      const people = await repo.peopleWithRecordsIn(trx, facilityId, period);
      const consenting = people.filter((p) => p.consent_in_force);
      const excluded = people.length - consenting.length;
      const resources = (await factsOf(trx, consenting, period)).flatMap((facts) => personResources(BULK, facts));
      const lines = [...resources, exclusionOutcome(randomUUID(), excluded)].map((r) => `${JSON.stringify(r)}\n`);
      await writeAudit(trx, { actor, origin }, {
        action: 'read', entityType: 'fhir_export', entityId: facilityId, facilityId,
        details: { from: period.from, to: period.to, people: consenting.length, excluded, resources: countByType(resources), wbpIds: consenting.map((p) => p.id) },
      });
      return {
        ndjson: lines.join(''), filename: `fhir-${unit.code}-${period.from}-${period.to}.ndjson`,
        people: consenting.length, resources: resources.length, excluded,
      };
    });
  }

  async function consents(actor: Actor, wbpId: string, origin: RequestOrigin): Promise<{ items: HealthConsentRecord[] }> {
    return db.transaction().execute(async (trx) => {
      const person = await personOrThrow(trx, actor, wbpId);
      const rows = await repo.consentsOf(trx, wbpId);
      await writeAudit(trx, { actor, origin }, { action: 'read', entityType: 'health_platform_consent', entityId: wbpId, facilityId: person.facility_id });
      return { items: rows.map(consentRecord) };
    });
  }

  async function recordConsent(actor: Actor, wbpId: string, body: HealthConsentBody, origin: RequestOrigin): Promise<HealthConsentRecord> {
    if (body.givenOn > jakartaDate(now())) throw validation([{ field: 'givenOn', message: 'validation.dateInFuture' }]);
    return db.transaction().execute(async (trx) => {
      const person = await personOrThrow(trx, actor, wbpId);
      if (person.consent_in_force) throw new AppError('CONFLICT', 'error.fhir.consentInForce');
      const id = await repo.insertConsent(trx, { wbpId, ...body, by: actor.userId, at: now() });
      await writeAudit(trx, { actor, origin }, {
        action: 'create', entityType: 'health_platform_consent', entityId: id, facilityId: person.facility_id, details: { wbpId, method: body.method },
      });
      return consentRecord(await repo.consentOf(trx, id));
    });
  }

  /** Revocation takes effect at once: the next export leaves the person out. */
  async function revokeConsent(actor: Actor, consentId: string, body: { revokedOn: string; reason: string }, origin: RequestOrigin): Promise<HealthConsentRecord> {
    if (body.revokedOn > jakartaDate(now())) throw validation([{ field: 'revokedOn', message: 'validation.dateInFuture' }]);
    return db.transaction().execute(async (trx) => {
      const consent = await repo.consentForUpdate(trx, consentId, actor.facilityIds);
      if (!consent) throw notFound('consent');
      if (consent.revoked_on !== null) throw new AppError('CONFLICT', 'error.fhir.consentRevoked');
      if (body.revokedOn < consent.given_on) throw validation([{ field: 'revokedOn', message: 'validation.aftercare.revokedBeforeGiven' }]);
      await repo.revokeConsent(trx, consent.id, { ...body, by: actor.userId });
      await writeAudit(trx, { actor, origin }, {
        action: 'update', entityType: 'health_platform_consent', entityId: consent.id, facilityId: consent.facility_id,
        details: { wbpId: consent.wbp_id, revokedOn: body.revokedOn },
      });
      return consentRecord(await repo.consentOf(trx, consent.id));
    });
  }

  return { personBundle, facilityExport, consents, recordConsent, revokeConsent };
}

export type FhirService = ReturnType<typeof createFhirService>;

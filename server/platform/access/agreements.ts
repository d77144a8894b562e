import { jakartaDate } from '../../../shared/domain/dates.ts';
import { makeOrganization, signAgreement } from '../../testing/factories.ts';
import type { Builder, Side, World } from './world.ts';

const PDF = Buffer.from('%PDF-1.4\n%%EOF\n');

/**
 * The parties of the side's agreement. Own: unit A, its partner and the Bapas of its area (so that
 * every role of the walk is party to it or manages unit A). Other: a unit of another region and
 * another partner, which none of the walk's roles but the national administrator may reach.
 */
async function partiesOf(w: World, side: Side): Promise<string[]> {
  if (side === 'own') {
    const bapas = await w.db.selectFrom('users').select('organization_id').where('id', '=', w.users.probation_officer.id).executeTakeFirstOrThrow();
    return [w.unitA.id, w.partner.id, bapas.organization_id];
  }
  const region = await makeOrganization(w.db, { kind: 'kanwil' });
  const unit = await makeOrganization(w.db, { kind: 'lapas', parent_id: region.id });
  const partner = await makeOrganization(w.db, { kind: 'ngo' });
  return [unit.id, partner.id];
}

async function agreementOf(w: World, side: Side): Promise<{ id: string; partyIds: string[] }> {
  const partyIds = await partiesOf(w, side);
  const made = await signAgreement(w.db, { partyIds, scopes: ['counselling'], validFrom: '2025-01-15', validUntil: '2027-01-14' });
  return { id: made.id, partyIds };
}

async function documentOf(w: World, side: Side): Promise<{ agreementId: string; documentId: string }> {
  const { id } = await agreementOf(w, side);
  const doc = await w.db
    .insertInto('agreement_documents')
    .values({ agreement_id: id, filename: 'pks.pdf', content_type: 'application/pdf', size_bytes: PDF.byteLength, content: PDF, uploaded_by: w.users.head_of_unit.id })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { agreementId: id, documentId: doc.id };
}

const fields = (partyIds: string[]) => ({
  number: `PKS/${Date.now() % 1_000_000}`, title: 'Perjanjian kerja sama konseling adiksi', kind: 'pks', signedOn: '2025-01-10', validFrom: '2025-01-15',
  validUntil: '2027-01-14', scopes: ['counselling'], partyIds,
});

/** One request per route of this area for the access walk (see world.ts). */
export const agreementsRequests: Record<string, Builder> = {
  'GET /api/agreements': async () => ({ method: 'GET', url: '/api/agreements' }),
  'GET /api/agreements/alerts': async () => ({ method: 'GET', url: '/api/agreements/alerts' }),
  'GET /api/agreements/:id': async (w, side) => ({ method: 'GET', url: `/api/agreements/${(await agreementOf(w, side)).id}` }),
  'POST /api/agreements': async (w, side) => ({ method: 'POST', url: '/api/agreements', payload: fields(await partiesOf(w, side)) }),
  'PUT /api/agreements/:id': async (w, side) => {
    const { id, partyIds } = await agreementOf(w, side);
    return { method: 'PUT', url: `/api/agreements/${id}`, payload: { ...fields(partyIds), scopes: ['counselling', 'screening'], version: 1 } };
  },
  'POST /api/agreements/:id/terminate': async (w, side) => ({
    method: 'POST', url: `/api/agreements/${(await agreementOf(w, side)).id}/terminate`,
    payload: { terminatedOn: jakartaDate(new Date()), reason: 'Diakhiri atas kesepakatan para pihak', version: 1 },
  }),
  'POST /api/agreements/:id/documents': async (w, side) => ({
    method: 'POST', url: `/api/agreements/${(await agreementOf(w, side)).id}/documents?filename=pks.pdf`, headers: { 'content-type': 'application/pdf' }, payload: PDF,
  }),
  'GET /api/agreements/:id/documents/:documentId': async (w, side) => {
    const { agreementId, documentId } = await documentOf(w, side);
    return { method: 'GET', url: `/api/agreements/${agreementId}/documents/${documentId}` };
  },
};

/** The lists show each reader what it may see; their visibility is tested in agreements.db.test.ts. */
export const agreementsFacilityNeutral: readonly string[] = ['GET /api/agreements', 'GET /api/agreements/alerts'];

/** Routes where the national administrator reaches every unit's agreements by design: the other side is checked for everyone else. */
export const agreementsNationwide: readonly string[] = [
  'GET /api/agreements/:id', 'POST /api/agreements', 'PUT /api/agreements/:id', 'POST /api/agreements/:id/terminate', 'POST /api/agreements/:id/documents',
  'GET /api/agreements/:id/documents/:documentId',
];

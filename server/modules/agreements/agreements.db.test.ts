import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AgreementAlerts, AgreementInput, AgreementPage, AgreementRecord } from '../../../shared/contracts/agreements.ts';
import { MAX_AGREEMENT_DOCUMENT_BYTES } from '../../../shared/contracts/agreements.ts';
import type { AgreementScope } from '../../../shared/domain/agreements.ts';
import { type Session, type TestApp, signIn, testApp } from '../../testing/app.ts';
import { grantAccess, makeOrganization, makeQualification, makeUser, makeWbp, signAgreement } from '../../testing/factories.ts';

interface ErrorBody { error: { code: string; message: string; fields?: { field: string; message: string }[] } }
interface SessionBody { user: { facilities: { id: string; scopes: string[] | null }[] } }
type Org = Awaited<ReturnType<typeof makeOrganization>>;

// Friday 20 November 2026, 10:00 in Jakarta (WIB, UTC+7).
const NOW = new Date('2026-11-20T03:00:00Z');
const TODAY = '2026-11-20';
/** The screening of a person who never used anything but alcohol once (the access walk's answers). */
const SCREENING = { answers: { q1: { alcohol: true }, q2: { alcohol: 'never' }, q6: { alcohol: 'never' }, q7: { alcohol: 'never' }, q8: 'never' } };
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);

let ctx: TestApp;
let clock: Date;
let kanwil: Org;
let unit: Org;
let otherUnit: Org;
let farUnit: Org;
let bnnk: Org;
let dinkes: Org;
let bapas: Org;
let person: Awaited<ReturnType<typeof makeWbp>>;
let head: Session;
let admin: Session;

async function sessionAs(role: Parameters<typeof makeUser>[1]['role'], organizationId: string): Promise<Session> {
  const user = await makeUser(ctx.db, { role, organizationId });
  if (role === 'assessor' || role === 'counsellor') await makeQualification(ctx.db, user.id);
  return signIn(ctx.app, user.username);
}

beforeEach(async () => {
  clock = NOW;
  ctx = await testApp({ now: () => clock });
  const ditjenpas = await makeOrganization(ctx.db, { kind: 'ditjenpas' });
  kanwil = await makeOrganization(ctx.db, { kind: 'kanwil', parent_id: ditjenpas.id });
  const farKanwil = await makeOrganization(ctx.db, { kind: 'kanwil', parent_id: ditjenpas.id });
  unit = await makeOrganization(ctx.db, { kind: 'rutan', parent_id: kanwil.id, name: 'Rutan Kelas IIB Serang Uji' });
  otherUnit = await makeOrganization(ctx.db, { kind: 'rutan', parent_id: kanwil.id });
  farUnit = await makeOrganization(ctx.db, { kind: 'lapas', parent_id: farKanwil.id });
  bnnk = await makeOrganization(ctx.db, { kind: 'bnnk', can_assess: true, name: 'BNNK Kota Serang Uji' });
  dinkes = await makeOrganization(ctx.db, { kind: 'dinkes', name: 'Dinas Kesehatan Kota Serang Uji' });
  bapas = await makeOrganization(ctx.db, { kind: 'bapas', parent_id: kanwil.id });
  person = await makeWbp(ctx.db, { facility_id: unit.id });
  head = await sessionAs('head_of_unit', unit.id);
  admin = await sessionAs('national_admin', ditjenpas.id);
});
afterEach(async () => ctx.close());

function body(overrides: Partial<AgreementInput> = {}): AgreementInput {
  return {
    number: 'PKS/01/XI/2026', title: 'Rehabilitasi di Rutan Serang', kind: 'pks', signedOn: '2026-01-10', validFrom: '2026-01-15',
    validUntil: '2028-01-14', scopes: ['screening', 'assessment'], partyIds: [unit.id, bnnk.id], note: null, ...overrides,
  };
}

async function create(as: Session, input: AgreementInput = body()): Promise<AgreementRecord> {
  const response = await as.request({ method: 'POST', url: '/api/agreements', payload: input });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as AgreementRecord;
}

async function facilitiesOf(as: Session): Promise<string[]> {
  const response = await as.request({ method: 'GET', url: '/api/auth/session' });
  expect(response.statusCode, response.body).toBe(200);
  return (response.json() as SessionBody).user.facilities.map((f) => f.id);
}

const readPerson = (as: Session) => as.request({ method: 'GET', url: `/api/wbp/${person.id}` });
const countOf = async (table: 'agreements' | 'assessments' | 'screenings' | 'agreement_documents') =>
  Number((await ctx.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
const fieldsOf = (response: { json: () => unknown }) => ((response.json() as ErrorBody).error.fields ?? []).map((f) => f.field);

function upload(as: Session, id: string, content: Buffer, type: string, filename = 'pks-serang.pdf') {
  return as.request({
    method: 'POST', url: `/api/agreements/${id}/documents?filename=${encodeURIComponent(filename)}`, headers: { 'content-type': type }, payload: content,
  });
}

describe('partner access by agreement', () => {
  async function assessorUnder(scopes: AgreementScope[], dates: { validFrom?: string; validUntil?: string | null } = {}) {
    await signAgreement(ctx.db, { partyIds: [unit.id, bnnk.id], scopes, ...dates });
    return sessionAs('assessor', bnnk.id);
  }

  it('lets a BNNK assessor start, save and sign an assessment in the Rutan under an agreement covering assessment', async () => {
    const assessor = await assessorUnder(['screening', 'assessment']);

    const started = await assessor.request({ method: 'POST', url: `/api/wbp/${person.id}/assessments`, payload: {} });
    expect(started.statusCode, started.body).toBe(201);
    const draft = started.json() as { id: string; version: number };
    const saved = await assessor.request({ method: 'PUT', url: `/api/assessments/${draft.id}`, payload: { form: { severity: { napza: 7 } }, version: draft.version } });
    expect(saved.statusCode, saved.body).toBe(200);
    const signed = await assessor.request({ method: 'POST', url: `/api/assessments/${draft.id}/sign`, payload: { version: draft.version + 1 } });

    expect(signed.statusCode, signed.body).toBe(200);
    expect(signed.json()).toMatchObject({ status: 'signed' });
  });

  it('refuses the same assessor an assessment under an agreement covering only screening, and saves nothing', async () => {
    const assessor = await assessorUnder(['screening']);

    const response = await assessor.request({ method: 'POST', url: `/api/wbp/${person.id}/assessments`, payload: {} });

    expect(response.statusCode).toBe(404);
    expect(await countOf('assessments')).toBe(0);
  });

  it('lets that assessor screen under the screening-only agreement', async () => {
    const assessor = await assessorUnder(['screening']);

    const response = await assessor.request({ method: 'POST', url: `/api/wbp/${person.id}/screenings`, payload: SCREENING });

    expect(response.statusCode, response.body).toBe(201);
    expect(await countOf('screenings')).toBe(1);
  });

  it('takes the unit away from a signed-in partner as soon as the clock passes the last day of validity', async () => {
    clock = new Date('2026-11-20T16:50:00Z'); // 23:50 WIB on the last day
    const assessor = await assessorUnder(['screening', 'assessment'], { validFrom: '2026-01-01', validUntil: TODAY });
    expect(await facilitiesOf(assessor)).toEqual([unit.id]);
    expect((await readPerson(assessor)).statusCode).toBe(200);

    clock = new Date('2026-11-20T17:10:00Z'); // 00:10 WIB the next day, the same session

    expect(await facilitiesOf(assessor)).toEqual([]);
    expect((await readPerson(assessor)).statusCode).toBe(404);
  });

  it('takes the unit away at once when the head of unit terminates the agreement today', async () => {
    const agreement = await create(head, body({ partyIds: [unit.id, bnnk.id] }));
    const assessor = await sessionAs('assessor', bnnk.id);
    expect((await readPerson(assessor)).statusCode).toBe(200);

    const ended = await head.request({
      method: 'POST', url: `/api/agreements/${agreement.id}/terminate`, payload: { terminatedOn: TODAY, reason: 'Mitra tidak memenuhi kewajiban', version: agreement.version },
    });

    expect(ended.statusCode, ended.body).toBe(200);
    expect(await facilitiesOf(assessor)).toEqual([]);
    expect((await readPerson(assessor)).statusCode).toBe(404);
  });

  it('grants nothing before the agreement takes effect', async () => {
    const assessor = await assessorUnder(['screening', 'assessment'], { validFrom: '2026-11-21' });

    expect(await facilitiesOf(assessor)).toEqual([]);
    expect((await readPerson(assessor)).statusCode).toBe(404);
  });

  it('gives both partners of a three-party agreement access to the unit', async () => {
    await signAgreement(ctx.db, { partyIds: [unit.id, bnnk.id, dinkes.id], scopes: ['screening', 'medical_rehabilitation'] });
    const assessor = await sessionAs('assessor', bnnk.id);
    const counsellor = await sessionAs('counsellor', dinkes.id);

    expect((await readPerson(assessor)).statusCode).toBe(200);
    expect((await readPerson(counsellor)).statusCode).toBe(200);
  });

  it("leaves a Bapas officer's area access as it was, with no agreement at all", async () => {
    await grantAccess(ctx.db, bapas.id, unit.id);
    const officer = await sessionAs('probation_officer', bapas.id);

    // The Bapas itself comes first, for its own post-rehabilitation programmes (docs/adr/0018).
    expect(await facilitiesOf(officer)).toEqual([bapas.id, unit.id]);
    expect((await readPerson(officer)).statusCode).toBe(200);
  });

  it('grants a Bapas that is party to an agreement nothing beyond its area', async () => {
    await signAgreement(ctx.db, { partyIds: [otherUnit.id, bapas.id, bnnk.id] });
    const officer = await sessionAs('probation_officer', bapas.id);

    // Only the Bapas itself, for its own post-rehabilitation programmes (docs/adr/0018): no unit by agreement.
    expect(await facilitiesOf(officer)).toEqual([bapas.id]);
  });
});

describe('making an agreement', () => {
  it('stores it with its parties, the units first, and its status on today', async () => {
    const made = await create(head, body({ partyIds: [bnnk.id, unit.id] }));

    expect(made).toMatchObject({
      number: 'PKS/01/XI/2026', kind: 'pks', validFrom: '2026-01-15', validUntil: '2028-01-14', terminatedOn: null, scopes: ['screening', 'assessment'],
      status: 'in_force', daysLeft: 420, canManage: true, documents: [], version: 1,
    });
    expect(made.parties.map((p) => p.organizationId)).toEqual([unit.id, bnnk.id]);
  });

  it('calls an agreement ending within 90 days expiring, with the days left', async () => {
    const made = await create(head, body({ validUntil: '2027-01-19' }));

    expect(made).toMatchObject({ status: 'expiring', daysLeft: 60 });
  });

  it('writes a create audit row in the same transaction', async () => {
    const made = await create(head);

    const rows = await ctx.db.selectFrom('audit_log').selectAll().where('entity_type', '=', 'agreement').execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ action: 'create', entity_id: made.id });
  });

  const unknownId = '00000000-0000-4000-8000-000000000001';
  it.each([
    ['validFrom', () => body({ signedOn: '2026-02-01', validFrom: '2026-01-15' })],
    ['validUntil', () => body({ validFrom: '2026-01-15', validUntil: '2026-01-14' })],
    ['scopes', () => body({ scopes: ['screening', 'screening'] })],
    ['scopes', () => body({ scopes: [] })],
    ['partyIds', () => body({ partyIds: [unit.id, unit.id] })],
    ['partyIds', () => body({ partyIds: [unit.id, unknownId] })],
    ['partyIds', () => body({ partyIds: [bnnk.id, dinkes.id] })],
    ['partyIds', () => body({ partyIds: [unit.id, otherUnit.id] })],
    ['title', () => body({ title: ' ' })],
    ['number', () => body({ number: '' })],
    ['kind', () => ({ ...body(), kind: 'nota' as 'mou' })],
  ])('refuses with 400 naming %s, and stores nothing', async (field, make) => {
    const response = await head.request({ method: 'POST', url: '/api/agreements', payload: make() });

    expect(response.statusCode, response.body).toBe(400);
    expect(fieldsOf(response)).toEqual([field]);
    expect(await countOf('agreements')).toBe(0);
  });

  it("calls the agreement's number a number, not a certificate number, when refusing it", async () => {
    const response = await head.request({ method: 'POST', url: '/api/agreements', payload: body({ number: '' }) });

    expect((response.json() as ErrorBody).error.fields?.[0]?.message).toMatch(/^Nomor: /);
  });

  it('names the unknown organisation in the message', async () => {
    const response = await head.request({ method: 'POST', url: '/api/agreements', payload: body({ partyIds: [unit.id, unknownId] }) });

    expect((response.json() as ErrorBody).error.fields?.[0]?.message).toContain(unknownId);
  });

  it("refuses a head of unit an agreement without the head's own unit, naming partyIds", async () => {
    const response = await head.request({ method: 'POST', url: '/api/agreements', payload: body({ partyIds: [otherUnit.id, bnnk.id] }) });

    expect(response.statusCode).toBe(400);
    expect(fieldsOf(response)).toEqual(['partyIds']);
  });

  it("refuses a regional manager an agreement of another region's unit", async () => {
    const manager = await sessionAs('regional_manager', kanwil.id);

    const refused = await manager.request({ method: 'POST', url: '/api/agreements', payload: body({ partyIds: [farUnit.id, bnnk.id] }) });
    const accepted = await manager.request({ method: 'POST', url: '/api/agreements', payload: body({ partyIds: [otherUnit.id, bnnk.id] }) });

    expect(refused.statusCode).toBe(400);
    expect(accepted.statusCode).toBe(201);
  });

  it('is refused to clinic staff (403), who may only read', async () => {
    const clinic = await sessionAs('clinic_staff', unit.id);

    const response = await clinic.request({ method: 'POST', url: '/api/agreements', payload: body() });

    expect(response.statusCode).toBe(403);
  });
});

describe('changing an agreement', () => {
  it('saves a change from the version read and counts the version on', async () => {
    const made = await create(head);

    const response = await head.request({
      method: 'PUT', url: `/api/agreements/${made.id}`, payload: { ...body({ scopes: ['screening', 'assessment', 'counselling'], partyIds: [unit.id, bnnk.id, dinkes.id] }), version: 1 },
    });

    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ scopes: ['screening', 'assessment', 'counselling'], version: 2 });
    expect((response.json() as AgreementRecord).parties).toHaveLength(3);
  });

  it('refuses a change from a stale version with 409 and keeps the stored one', async () => {
    const made = await create(head);
    await head.request({ method: 'PUT', url: `/api/agreements/${made.id}`, payload: { ...body({ title: 'Judul baru' }), version: 1 } });

    const response = await head.request({ method: 'PUT', url: `/api/agreements/${made.id}`, payload: { ...body({ title: 'Judul lain' }), version: 1 } });

    expect(response.statusCode).toBe(409);
    expect((await ctx.db.selectFrom('agreements').select('title').executeTakeFirstOrThrow()).title).toBe('Judul baru');
  });

  it('refuses to change a terminated agreement with 400', async () => {
    const made = await create(head);
    const ended = await head.request({ method: 'POST', url: `/api/agreements/${made.id}/terminate`, payload: { terminatedOn: TODAY, reason: 'Selesai', version: 1 } });

    const response = await head.request({ method: 'PUT', url: `/api/agreements/${made.id}`, payload: { ...body(), version: (ended.json() as AgreementRecord).version } });

    expect(response.statusCode).toBe(400);
    expect(fieldsOf(response)).toEqual(['terminatedOn']);
  });

  it('writes an update audit row', async () => {
    const made = await create(head);
    await head.request({ method: 'PUT', url: `/api/agreements/${made.id}`, payload: { ...body({ title: 'Judul baru' }), version: 1 } });

    const rows = await ctx.db.selectFrom('audit_log').select('action').where('entity_type', '=', 'agreement').where('action', '=', 'update').execute();
    expect(rows).toHaveLength(1);
  });
});

describe('terminating an agreement', () => {
  const terminate = (id: string, payload: Record<string, unknown>) => head.request({ method: 'POST', url: `/api/agreements/${id}/terminate`, payload });

  it.each([
    ['a day before it took effect', { terminatedOn: '2026-01-14', reason: 'Dibatalkan' }],
    ['tomorrow', { terminatedOn: '2026-11-21', reason: 'Dibatalkan' }],
  ])('refuses a termination date %s, naming terminatedOn', async (_label, payload) => {
    const made = await create(head);

    const response = await terminate(made.id, { ...payload, version: 1 });

    expect(response.statusCode).toBe(400);
    expect(fieldsOf(response)).toEqual(['terminatedOn']);
    expect((await ctx.db.selectFrom('agreements').select('terminated_on').executeTakeFirstOrThrow()).terminated_on).toBeNull();
  });

  it('requires a reason', async () => {
    const made = await create(head);

    const response = await terminate(made.id, { terminatedOn: TODAY, reason: '', version: 1 });

    expect(response.statusCode).toBe(400);
    expect(fieldsOf(response)).toEqual(['reason']);
  });

  it('marks it terminated with the reason, and writes an audit row', async () => {
    const made = await create(head);

    const response = await terminate(made.id, { terminatedOn: TODAY, reason: 'Mitra tidak memenuhi kewajiban', version: 1 });

    expect(response.json()).toMatchObject({ status: 'terminated', terminatedOn: TODAY, terminationReason: 'Mitra tidak memenuhi kewajiban', daysLeft: null, version: 2 });
    const audit = await ctx.db.selectFrom('audit_log').select('details').where('entity_type', '=', 'agreement').where('action', '=', 'update').execute();
    expect(audit).toHaveLength(1);
  });

  it('refuses a second termination', async () => {
    const made = await create(head);
    await terminate(made.id, { terminatedOn: TODAY, reason: 'Selesai', version: 1 });

    const response = await terminate(made.id, { terminatedOn: TODAY, reason: 'Lagi', version: 2 });

    expect(response.statusCode).toBe(400);
    expect(fieldsOf(response)).toEqual(['terminatedOn']);
  });
});

describe('who sees and manages which agreements', () => {
  let own: AgreementRecord;
  let far: AgreementRecord;

  beforeEach(async () => {
    own = await create(head, body({ number: 'PKS/OWN', partyIds: [unit.id, bnnk.id] }));
    far = await create(admin, body({ number: 'PKS/FAR', partyIds: [farUnit.id, dinkes.id] }));
  });

  async function numbersSeenBy(as: Session): Promise<string[]> {
    const response = await as.request({ method: 'GET', url: '/api/agreements' });
    expect(response.statusCode, response.body).toBe(200);
    return (response.json() as AgreementPage).items.map((a) => a.number).sort();
  }

  it('shows the national administrator every agreement', async () => {
    expect(await numbersSeenBy(admin)).toEqual(['PKS/FAR', 'PKS/OWN']);
  });

  it("shows a regional manager only the agreements of its region's units", async () => {
    expect(await numbersSeenBy(await sessionAs('regional_manager', kanwil.id))).toEqual(['PKS/OWN']);
  });

  it("shows unit staff their unit's agreements and partner staff their organisation's", async () => {
    expect(await numbersSeenBy(await sessionAs('clinic_staff', unit.id))).toEqual(['PKS/OWN']);
    expect(await numbersSeenBy(await sessionAs('assessor', bnnk.id))).toEqual(['PKS/OWN']);
    expect(await numbersSeenBy(await sessionAs('counsellor', dinkes.id))).toEqual(['PKS/FAR']);
  });

  it('answers 404 for an agreement the reader is not party to', async () => {
    const response = await head.request({ method: 'GET', url: `/api/agreements/${far.id}` });

    expect(response.statusCode).toBe(404);
  });

  it("answers 404 to the head of another unit changing an agreement it cannot see", async () => {
    const otherHead = await sessionAs('head_of_unit', otherUnit.id);

    const response = await otherHead.request({ method: 'PUT', url: `/api/agreements/${own.id}`, payload: { ...body(), version: 1 } });

    expect(response.statusCode).toBe(404);
  });

  it('answers 403 to a reader who sees an agreement but may not manage it, and says so in the record', async () => {
    const clinic = await sessionAs('clinic_staff', unit.id);
    const assessor = await sessionAs('assessor', bnnk.id);

    const refused = await clinic.request({ method: 'POST', url: `/api/agreements/${own.id}/terminate`, payload: { terminatedOn: TODAY, reason: 'x', version: 1 } });
    const read = await assessor.request({ method: 'GET', url: `/api/agreements/${own.id}` });

    expect(refused.statusCode).toBe(403);
    expect(read.json()).toMatchObject({ canManage: false });
  });

  it('tells the head of unit it may manage its own agreement', async () => {
    const response = await head.request({ method: 'GET', url: `/api/agreements/${own.id}` });

    expect(response.json()).toMatchObject({ canManage: true, number: 'PKS/OWN' });
  });
});

describe('the list of agreements', () => {
  async function listed(query: string): Promise<AgreementPage> {
    const response = await admin.request({ method: 'GET', url: `/api/agreements${query}` });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as AgreementPage;
  }

  it("finds an agreement by a party's name, whatever the case", async () => {
    await create(admin, body({ number: 'PKS/A', partyIds: [unit.id, bnnk.id] }));
    await create(admin, body({ number: 'PKS/B', partyIds: [otherUnit.id, dinkes.id] }));

    const page = await listed('?q=bnnk%20kota');

    expect(page.items.map((a) => a.number)).toEqual(['PKS/A']);
    expect(page.total).toBe(1);
  });

  it('filters by the status computed on today', async () => {
    await create(admin, body({ number: 'PKS/NOW' }));
    await create(admin, body({ number: 'PKS/LATER', signedOn: '2026-11-01', validFrom: '2026-12-01' }));
    await create(admin, body({ number: 'PKS/OLD', signedOn: '2024-01-01', validFrom: '2024-01-01', validUntil: '2025-12-31' }));

    expect((await listed('?status=pending')).items.map((a) => a.number)).toEqual(['PKS/LATER']);
    expect((await listed('?status=expired')).items.map((a) => a.number)).toEqual(['PKS/OLD']);
    expect((await listed('?status=in_force')).items.map((a) => a.number)).toEqual(['PKS/NOW']);
  });

  it('filters by a party', async () => {
    await create(admin, body({ number: 'PKS/A', partyIds: [unit.id, bnnk.id] }));
    await create(admin, body({ number: 'PKS/B', partyIds: [unit.id, dinkes.id] }));

    expect((await listed(`?organizationId=${dinkes.id}`)).items.map((a) => a.number)).toEqual(['PKS/B']);
  });

  it('lists those in force ending soonest first, then the rest newest first', async () => {
    await create(admin, body({ number: 'OLD', signedOn: '2020-01-01', validFrom: '2020-01-01', validUntil: '2021-01-01' }));
    await create(admin, body({ number: 'LONG', validUntil: '2030-01-01' }));
    await create(admin, body({ number: 'OPEN', validUntil: null }));
    await create(admin, body({ number: 'SOON', validUntil: '2026-12-31' }));
    await create(admin, body({ number: 'NEWER-OLD', signedOn: '2022-01-01', validFrom: '2022-01-01', validUntil: '2023-01-01' }));

    expect((await listed('')).items.map((a) => a.number)).toEqual(['SOON', 'LONG', 'OPEN', 'NEWER-OLD', 'OLD']);
  });
});

describe('documents', () => {
  it('attaches a PDF and gives the same bytes back as an attachment', async () => {
    const made = await create(head);

    const uploaded = await upload(head, made.id, PDF, 'application/pdf');
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    const [document] = (uploaded.json() as AgreementRecord).documents;
    expect(document).toMatchObject({ filename: 'pks-serang.pdf', contentType: 'application/pdf', size: PDF.byteLength });

    const downloaded = await head.request({ method: 'GET', url: `/api/agreements/${made.id}/documents/${document?.id}` });
    expect(downloaded.statusCode).toBe(200);
    expect(downloaded.headers['content-type']).toBe('application/pdf');
    expect(downloaded.headers['content-disposition']).toContain('attachment; filename="pks-serang.pdf"');
    expect(Buffer.compare(downloaded.rawPayload, PDF)).toBe(0);
  });

  it('writes audit rows for the upload and the download', async () => {
    const made = await create(head);
    const uploaded = await upload(head, made.id, PNG, 'image/png', 'halaman-1.png');
    const id = (uploaded.json() as AgreementRecord).documents[0]?.id;
    await head.request({ method: 'GET', url: `/api/agreements/${made.id}/documents/${id}` });

    const rows = await ctx.db.selectFrom('audit_log').select('action').where('entity_type', '=', 'agreement_document').orderBy('id').execute();
    expect(rows.map((r) => r.action)).toEqual(['create', 'read']);
  });

  it('refuses a type other than PDF, JPEG or PNG, naming the file', async () => {
    const made = await create(head);

    const response = await upload(head, made.id, Buffer.from('bukan dokumen'), 'text/plain', 'catatan.txt');

    expect(response.statusCode).toBe(400);
    expect(fieldsOf(response)).toEqual(['file']);
    expect(await countOf('agreement_documents')).toBe(0);
  });

  it('refuses a file whose content is not what its type claims', async () => {
    const made = await create(head);

    const response = await upload(head, made.id, PNG, 'application/pdf');

    expect(response.statusCode).toBe(400);
    expect(fieldsOf(response)).toEqual(['file']);
  });

  it('refuses a file over the limit with 413 and says how large it may be', async () => {
    const made = await create(head);
    const big = Buffer.concat([PDF, Buffer.alloc(MAX_AGREEMENT_DOCUMENT_BYTES)]);

    const response = await upload(head, made.id, big, 'application/pdf');

    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({ error: { code: 'PAYLOAD_TOO_LARGE' } });
    expect((response.json() as ErrorBody).error.message).toContain('10 MB');
    expect(await countOf('agreement_documents')).toBe(0);
  });

  it('refuses an upload by a reader who may not manage (403) and hides the documents of an unseen agreement (404)', async () => {
    const made = await create(head);
    const uploaded = await upload(head, made.id, PDF, 'application/pdf');
    const id = (uploaded.json() as AgreementRecord).documents[0]?.id;
    const clinic = await sessionAs('clinic_staff', unit.id);
    const stranger = await sessionAs('head_of_unit', otherUnit.id);

    expect((await upload(clinic, made.id, PDF, 'application/pdf')).statusCode).toBe(403);
    expect((await stranger.request({ method: 'GET', url: `/api/agreements/${made.id}/documents/${id}` })).statusCode).toBe(404);
  });
});

describe('expiry alerts', () => {
  async function alertNumbers(as: Session = admin): Promise<AgreementAlerts> {
    const response = await as.request({ method: 'GET', url: '/api/agreements/alerts' });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as AgreementAlerts;
  }

  beforeEach(async () => {
    await create(admin, body({ number: 'ENDS-60', validUntil: '2027-01-19' }));
    await create(admin, body({ number: 'ENDS-120', validUntil: '2027-03-20' }));
    await create(admin, body({ number: 'ENDED-10', validUntil: '2026-11-10' }));
    await create(admin, body({ number: 'ENDED-40', validUntil: '2026-10-11' }));
    await create(admin, body({ number: 'ENDS-5-TERMINATED', validUntil: '2026-11-25' }));
    const terminated = (await ctx.db.selectFrom('agreements').select('id').where('number', '=', 'ENDS-5-TERMINATED').executeTakeFirstOrThrow()).id;
    await admin.request({ method: 'POST', url: `/api/agreements/${terminated}/terminate`, payload: { terminatedOn: TODAY, reason: 'Selesai', version: 1 } });
  });

  it('lists those ending within 90 days with the days left, then those expired in the last 30 days', async () => {
    const alerts = await alertNumbers();

    expect(alerts.alertDays).toBe(90);
    expect(alerts.items.map((a) => [a.number, a.status, a.daysLeft])).toEqual([['ENDS-60', 'expiring', 60], ['ENDED-10', 'expired', null]]);
  });

  it('follows the configured alert window', async () => {
    await ctx.db.insertInto('settings').values({ key: 'agreementExpiryAlertDays', value: JSON.stringify(150) }).execute();

    const alerts = await alertNumbers();

    expect(alerts.alertDays).toBe(150);
    expect(alerts.items.map((a) => a.number)).toEqual(['ENDS-60', 'ENDS-120', 'ENDED-10']);
  });

  it('falls back to 90 days when the setting is not a whole number of days from 1 to 365', async () => {
    await ctx.db.insertInto('settings').values({ key: 'agreementExpiryAlertDays', value: JSON.stringify('seratus') }).execute();

    expect((await alertNumbers()).alertDays).toBe(90);
  });

  it("shows a reader only the alerts of agreements it sees", async () => {
    await create(admin, body({ number: 'FAR-ENDS-30', partyIds: [farUnit.id, dinkes.id], validUntil: '2026-12-20' }));

    const alerts = await alertNumbers(await sessionAs('counsellor', dinkes.id));

    expect(alerts.items.map((a) => a.number)).toEqual(['FAR-ENDS-30']);
  });
});

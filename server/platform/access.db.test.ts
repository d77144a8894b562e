import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES } from '../../shared/contracts/common.ts';
import { can } from '../../shared/domain/permissions.ts';
import { type Session, type TestApp, signIn, testApp } from '../testing/app.ts';
import { TEST_PASSWORD, makeUser } from '../testing/factories.ts';
import { DEFAULT_PROGRAMMES } from '../../shared/domain/programmes.ts';
import type { RouteEntry } from './http.ts';
import {
  type Builder, type World, assessment, block, buildWorld, courtRow, decidable, exceptionRow, facility, pairRow, person, programme, roomRow, roster, sessionRow, worldFor,
} from './access/world.ts';
import { notesFacilityNeutral, notesRequests } from './access/notes.ts';
import { urineFacilityNeutral, urineRequests } from './access/urine.ts';
import { progressFacilityNeutral, progressRequests } from './access/progress.ts';
import { conferencesFacilityNeutral, conferencesRequests } from './access/conferences.ts';
import { recordFacilityNeutral, recordRequests } from './access/record.ts';
import { agreementsFacilityNeutral, agreementsNationwide, agreementsRequests } from './access/agreements.ts';
import { aftercareFacilityNeutral, aftercareRequests } from './access/aftercare.ts';
import { staffFacilityNeutral, staffRequests } from './access/staff.ts';
import { postRehabRequests } from './access/postRehab.ts';
import { fhirFacilityNeutral, fhirRequests } from './access/fhir.ts';
import { exportsFacilityNeutral, exportsRequests } from './access/exports.ts';
import { dashboardRegionwide, dashboardRequests } from './access/dashboard.ts';
import { monthlyRegionwide, monthlyRequests } from './access/monthly.ts';
import { openapiFacilityNeutral, openapiRequests } from './access/openapi.ts';

/**
 * Walks every API route × every role × own/other facility. A role without the route's permission
 * is refused; a role with it reaches its own unit's people and never another unit's.
 */

/** One request per route; `other` aims it at unit B, where the roles under test do not work. */
const REQUESTS: Record<string, Builder> = {
  ...notesRequests,
  ...urineRequests,
  ...progressRequests,
  ...conferencesRequests,
  ...recordRequests,
  ...agreementsRequests,
  ...aftercareRequests,
  ...staffRequests,
  ...postRehabRequests,
  ...fhirRequests,
  ...exportsRequests,
  ...dashboardRequests,
  ...monthlyRequests,
  ...openapiRequests,
  'GET /api/health': async () => ({ method: 'GET', url: '/api/health' }),
  'POST /api/auth/login': async () => ({ method: 'POST', url: '/api/auth/login', payload: { username: 'tidak.ada', password: 'x' } }),
  'POST /api/auth/logout': async () => ({ method: 'POST', url: '/api/auth/logout' }),
  'GET /api/auth/session': async () => ({ method: 'GET', url: '/api/auth/session' }),
  'PUT /api/auth/language': async () => ({ method: 'PUT', url: '/api/auth/language', payload: { language: 'en' } }),
  'POST /api/auth/password': async () => ({
    method: 'POST', url: '/api/auth/password', payload: { currentPassword: TEST_PASSWORD, newPassword: 'Baru-Sandi-20261' },
  }),
  'GET /api/organizations': async () => ({ method: 'GET', url: '/api/organizations' }),
  'POST /api/organizations': async (_w, side) => ({
    method: 'POST', url: '/api/organizations', payload: { parentId: null, kind: 'ngo', code: `LSM-${side.toUpperCase()}-${Date.now() % 100000}`, name: 'Yayasan Uji Pemulihan' },
  }),
  'GET /api/wbp': async (w, side) => ({ method: 'GET', url: side === 'own' ? '/api/wbp?pageSize=200' : `/api/wbp?facilityId=${w.unitB.id}` }),
  'GET /api/wbp/blocks': async (w, side) => ({ method: 'GET', url: `/api/wbp/blocks?facilityId=${facility(w, side).id}` }),
  'GET /api/wbp/:id': async (w, side) => ({ method: 'GET', url: `/api/wbp/${side === 'own' ? await person(w, 'own') : w.otherPersonId}` }),
  'POST /api/wbp': async (w, side) => ({
    method: 'POST', url: '/api/wbp',
    payload: { sdpNumber: `AII.2026.N${side}${Date.now() % 1_000_000}`, fullName: 'Budi Baru', sex: 'L', legalStatus: 'tahanan', admissionDate: '2026-10-01', facilityId: facility(w, side).id },
  }),
  'PUT /api/wbp/:id': async (w, side) => ({
    method: 'PUT', url: `/api/wbp/${side === 'own' ? await person(w, 'own') : w.otherPersonId}`,
    payload: { fullName: 'Nama Diubah', sex: 'L', legalStatus: 'tahanan', admissionDate: '2026-06-01', version: 1 },
  }),
  'POST /api/wbp/:id/transfer': async (w, side) => ({
    method: 'POST', url: `/api/wbp/${side === 'own' ? await person(w, 'own') : w.otherPersonId}/transfer`,
    payload: { toFacilityId: side === 'own' ? w.unitB.id : w.unitA.id, transferDate: '2026-11-01', reason: 'Kepadatan hunian', version: 1 },
  }),
  'POST /api/imports/sdp': async (w, side) => ({
    method: 'POST', url: '/api/imports/sdp', headers: { 'content-type': 'text/csv' }, payload: roster(facility(w, side).code),
  }),
  'GET /api/admin/users': async () => ({ method: 'GET', url: '/api/admin/users' }),
  'POST /api/admin/users': async (w, side) => ({
    method: 'POST', url: '/api/admin/users',
    payload: { username: `baru.${side}${Date.now() % 100000}`, fullName: 'Akun Baru', role: 'clinic_staff', organizationId: facility(w, side).id, password: 'Akun-Baru-2026x' },
  }),
  'PATCH /api/admin/users/:id': async (w) => ({ method: 'PATCH', url: `/api/admin/users/${w.users.clinic_staff.id}`, payload: { fullName: 'Nama Baru Pengguna' } }),
  'GET /api/admin/audit': async () => ({ method: 'GET', url: '/api/admin/audit' }),
  'GET /api/stats/overview': async () => ({ method: 'GET', url: '/api/stats/overview' }),
  'GET /api/settings': async () => ({ method: 'GET', url: '/api/settings' }),
  'PUT /api/settings': async () => ({ method: 'PUT', url: '/api/settings', payload: { rupiahPerUsd: 16_250, holidays: ['2026-12-25'] } }),
  'GET /api/classification-rules': async () => ({ method: 'GET', url: '/api/classification-rules' }),
  'POST /api/classification-rules': async (w) => ({
    method: 'POST', url: '/api/classification-rules',
    payload: { regionId: w.kanwil.id, rule: { rendahMax: 2, menengahMax: 5, assistFallback: { low: 'rendah', moderate: 'menengah', high: 'tinggi' } } },
  }),
  'GET /api/admin/users/:id/qualifications': async (w) => ({ method: 'GET', url: `/api/admin/users/${w.users.clinic_staff.id}/qualifications` }),
  'POST /api/admin/users/:id/qualifications': async (w) => ({
    method: 'POST', url: `/api/admin/users/${w.users.clinic_staff.id}/qualifications`,
    payload: { kind: 'asi_assessor', certificateNumber: 'BNN/ASI/2026/017', issuedOn: '2026-01-10', expiresOn: '2029-01-10' },
  }),
  'GET /api/screening/worklist': async (w, side) => ({ method: 'GET', url: `/api/screening/worklist?facilityId=${facility(w, side).id}` }),
  'GET /api/wbp/:id/screenings': async (w, side) => ({ method: 'GET', url: `/api/wbp/${side === 'own' ? await person(w, 'own') : w.otherPersonId}/screenings` }),
  'POST /api/wbp/:id/screenings': async (w, side) => ({
    method: 'POST', url: `/api/wbp/${side === 'own' ? await person(w, 'own') : w.otherPersonId}/screenings`,
    payload: { answers: { q1: { alcohol: true }, q2: { alcohol: 'never' }, q6: { alcohol: 'never' }, q7: { alcohol: 'never' }, q8: 'never' } },
  }),
  'GET /api/wbp/:id/assessments': async (w, side) => ({ method: 'GET', url: `/api/wbp/${side === 'own' ? await person(w, 'own') : w.otherPersonId}/assessments` }),
  'POST /api/wbp/:id/assessments': async (w, side) => ({
    method: 'POST', url: `/api/wbp/${side === 'own' ? await person(w, 'own') : w.otherPersonId}/assessments`, payload: {},
  }),
  'GET /api/assessments/:id': async (w, side) => ({ method: 'GET', url: `/api/assessments/${await assessment(w, side, 'draft')}` }),
  'PUT /api/assessments/:id': async (w, side) => ({
    method: 'PUT', url: `/api/assessments/${await assessment(w, side, 'draft')}`, payload: { form: { severity: { napza: 5 } }, version: 1 },
  }),
  'POST /api/assessments/:id/sign': async (w, side) => ({ method: 'POST', url: `/api/assessments/${await assessment(w, side, 'draft')}/sign`, payload: { version: 1 } }),
  'POST /api/assessments/:id/addenda': async (w, side) => ({
    method: 'POST', url: `/api/assessments/${await assessment(w, side, 'signed')}/addenda`, payload: { text: 'Koreksi: riwayat rawat inap 2 kali.' },
  }),
  'GET /api/facilities/:facilityId/programmes': async (w, side) => ({ method: 'GET', url: `/api/facilities/${facility(w, side).id}/programmes` }),
  'POST /api/facilities/:facilityId/programmes/defaults': async (w, side) => ({ method: 'POST', url: `/api/facilities/${facility(w, side).id}/programmes/defaults` }),
  'POST /api/facilities/:facilityId/programmes': async (w, side) => ({
    method: 'POST', url: `/api/facilities/${facility(w, side).id}/programmes`,
    payload: { ...DEFAULT_PROGRAMMES[0]!, name: `Edukasi ${side} ${Date.now() % 1_000_000}` },
  }),
  'GET /api/facilities/:facilityId/placement/pending': async (w, side) => ({ method: 'GET', url: `/api/facilities/${facility(w, side).id}/placement/pending` }),
  'POST /api/wbp/:id/decisions': async (w, side) => {
    const d = await decidable(w, side);
    return {
      method: 'POST', url: `/api/wbp/${d.wbpId}/decisions`,
      payload: { assessmentId: d.assessmentId, decreeNumber: `W.11.PAS.${side}-${Date.now() % 1_000_000}`, decreeDate: '2026-11-02', programmeIds: [d.programmeId] },
    };
  },
  'GET /api/wbp/:id/decisions': async (w, side) => ({ method: 'GET', url: `/api/wbp/${side === 'own' ? await person(w, 'own') : w.otherPersonId}/decisions` }),
  'GET /api/programmes/:id/enrolments': async (w, side) => ({ method: 'GET', url: `/api/programmes/${await programme(w, side)}/enrolments` }),
  'GET /api/facilities/:facilityId/routine': async (w, side) => ({ method: 'GET', url: `/api/facilities/${facility(w, side).id}/routine` }),
  'POST /api/facilities/:facilityId/routine/blocks': async (w, side) => ({
    method: 'POST', url: `/api/facilities/${facility(w, side).id}/routine/blocks`, payload: { kind: 'roll_call', label: 'Apel pagi', dayOfWeek: 1, start: '07:00', end: '07:30' },
  }),
  'DELETE /api/routine/blocks/:id': async (w, side) => ({ method: 'DELETE', url: `/api/routine/blocks/${await block(w, side)}` }),
  'POST /api/facilities/:facilityId/routine/exceptions': async (w, side) => ({
    method: 'POST', url: `/api/facilities/${facility(w, side).id}/routine/exceptions`, payload: { kind: 'lockdown', label: 'Razia', date: '2026-11-26' },
  }),
  'DELETE /api/routine/exceptions/:id': async (w, side) => ({ method: 'DELETE', url: `/api/routine/exceptions/${await exceptionRow(w, side)}` }),
  'POST /api/facilities/:facilityId/rooms': async (w, side) => ({
    method: 'POST', url: `/api/facilities/${facility(w, side).id}/rooms`, payload: { name: `Ruang konseling ${Date.now() % 1_000_000}`, capacity: 10 },
  }),
  'PUT /api/rooms/:id': async (w, side) => ({ method: 'PUT', url: `/api/rooms/${await roomRow(w, side)}`, payload: { name: `Aula ${side} baru ${Date.now() % 1_000_000}`, capacity: 40 } }),
  'GET /api/wbp/:id/court-dates': async (w, side) => ({ method: 'GET', url: `/api/wbp/${side === 'own' ? await person(w, 'own') : w.otherPersonId}/court-dates` }),
  'POST /api/wbp/:id/court-dates': async (w, side) => ({
    method: 'POST', url: `/api/wbp/${side === 'own' ? await person(w, 'own') : w.otherPersonId}/court-dates`, payload: { date: '2026-11-27', start: '09:00', end: '12:00' },
  }),
  'DELETE /api/court-dates/:id': async (w, side) => ({ method: 'DELETE', url: `/api/court-dates/${await courtRow(w, side)}` }),
  'GET /api/wbp/:id/non-associations': async (w, side) => ({ method: 'GET', url: `/api/wbp/${side === 'own' ? await person(w, 'own') : w.otherPersonId}/non-associations` }),
  'POST /api/wbp/:id/non-associations': async (w, side) => ({
    method: 'POST', url: `/api/wbp/${side === 'own' ? await person(w, 'own') : w.otherPersonId}/non-associations`,
    payload: { otherWbpId: await person(w, side), reason: 'Perkelahian di blok' },
  }),
  'DELETE /api/non-associations/:id': async (w, side) => ({ method: 'DELETE', url: `/api/non-associations/${await pairRow(w, side)}` }),
  'GET /api/facilities/:facilityId/staff-availability': async (w, side) => ({ method: 'GET', url: `/api/facilities/${facility(w, side).id}/staff-availability` }),
  'PUT /api/facilities/:facilityId/staff-availability/:userId': async (w, side) => ({
    method: 'PUT', url: `/api/facilities/${facility(w, side).id}/staff-availability/${w.users.clinic_staff.id}`,
    payload: { windows: [{ dayOfWeek: 1, start: '08:00', end: '15:00' }] },
  }),
  'GET /api/facilities/:facilityId/timetable': async (w, side) => ({ method: 'GET', url: `/api/facilities/${facility(w, side).id}/timetable?week=2026-11-16` }),
  'POST /api/facilities/:facilityId/timetable': async (w, side) => ({ method: 'POST', url: `/api/facilities/${facility(w, side).id}/timetable`, payload: { weekStart: '2026-11-23' } }),
  'POST /api/timetable/sessions/:id/check': async (w, side) => {
    const s = await sessionRow(w, side);
    return { method: 'POST', url: `/api/timetable/sessions/${s.id}/check`, payload: { date: s.monday, start: '09:00', roomId: s.roomId, staffId: w.users.clinic_staff.id } };
  },
  'PUT /api/timetable/sessions/:id': async (w, side) => {
    const s = await sessionRow(w, side);
    return { method: 'PUT', url: `/api/timetable/sessions/${s.id}`, payload: { date: s.monday, start: '09:00', roomId: s.roomId, staffId: w.users.clinic_staff.id, version: 1 } };
  },
  'GET /api/facilities/:facilityId/custody-list': async (w, side) => ({ method: 'GET', url: `/api/facilities/${facility(w, side).id}/custody-list?date=2026-11-17` }),
  'GET /api/facilities/:facilityId/staff-day': async (w, side) => ({ method: 'GET', url: `/api/facilities/${facility(w, side).id}/staff-day?date=2026-11-17` }),
  'GET /api/me/calendar': async () => ({ method: 'GET', url: '/api/me/calendar' }),
  'POST /api/me/calendar': async () => ({ method: 'POST', url: '/api/me/calendar' }),
  'DELETE /api/me/calendar': async () => ({ method: 'DELETE', url: '/api/me/calendar' }),
  'GET /api/calendar/:file': async (w) => {
    const token = randomBytes(24).toString('base64url');
    await w.db.insertInto('calendar_tokens').values({ user_id: w.users.clinic_staff.id, token_hash: createHash('sha256').update(token).digest('hex') })
      .onConflict((oc) => oc.column('user_id').doUpdateSet({ token_hash: createHash('sha256').update(token).digest('hex') })).execute();
    return { method: 'GET', url: `/api/calendar/${token}.ics` };
  },
  'GET /api/timetable/sessions/:id/attendance': async (w, side) => ({ method: 'GET', url: `/api/timetable/sessions/${(await sessionRow(w, side)).id}/attendance` }),
  'PUT /api/timetable/sessions/:id/attendance': async (w, side) => {
    const s = await sessionRow(w, side);
    return { method: 'PUT', url: `/api/timetable/sessions/${s.id}/attendance`, payload: { entries: [{ wbpId: s.wbpId, status: 'present' }] } };
  },
  'GET /api/wbp/:id/attendance': async (w, side) => ({ method: 'GET', url: `/api/wbp/${side === 'own' ? await person(w, 'own') : w.otherPersonId}/attendance` }),
  'GET /api/programmes/:id': async (w, side) => ({ method: 'GET', url: `/api/programmes/${await programme(w, side)}` }),
  'PUT /api/programmes/:id': async (w, side) => ({
    method: 'PUT', url: `/api/programmes/${await programme(w, side)}`,
    payload: { ...DEFAULT_PROGRAMMES[1]!, name: `Rehabilitasi medis ${side} ${Date.now() % 1_000_000}`, capacity: 35, version: 1 },
  }),
};

/** Routes whose data is not a person's: the facility side does not apply to them. */
const FACILITY_NEUTRAL = new Set([
  'GET /api/health', 'POST /api/auth/login', 'POST /api/auth/logout', 'GET /api/auth/session', 'PUT /api/auth/language',
  'POST /api/auth/password', 'GET /api/organizations', 'POST /api/organizations', 'GET /api/admin/users',
  'POST /api/admin/users', 'PATCH /api/admin/users/:id', 'GET /api/admin/audit', 'GET /api/stats/overview',
  'GET /api/settings', 'PUT /api/settings', 'GET /api/classification-rules', 'POST /api/classification-rules',
  'GET /api/admin/users/:id/qualifications', 'POST /api/admin/users/:id/qualifications',
  'GET /api/me/calendar', 'POST /api/me/calendar', 'DELETE /api/me/calendar', 'GET /api/calendar/:file',
  ...notesFacilityNeutral,
  ...urineFacilityNeutral,
  ...progressFacilityNeutral,
  ...conferencesFacilityNeutral,
  ...recordFacilityNeutral,
  ...agreementsFacilityNeutral,
  ...aftercareFacilityNeutral,
  ...staffFacilityNeutral,
  ...fhirFacilityNeutral,
  ...exportsFacilityNeutral,
  ...openapiFacilityNeutral,
]);

let ctx: TestApp;
let routes: RouteEntry[];

beforeAll(async () => {
  ctx = await testApp();
  routes = ctx.app.routeTable;
});
afterAll(async () => ctx.close());

describe('the access walk', () => {
  it('has a request for every API route, and every route declares a policy', () => {
    const keys = routes.map((r) => `${r.method} ${r.url}`).sort();
    expect(keys).toEqual(Object.keys(REQUESTS).sort());
    for (const r of routes) expect(r.policy).toBeTruthy();
  });

  it('refuses every non-public route to a request without a session', async () => {
    const w = await buildWorld(ctx.db);
    for (const r of routes.filter((entry) => entry.policy !== 'public')) {
      const response = await ctx.app.inject(await REQUESTS[`${r.method} ${r.url}`]!(w, 'own'));
      expect({ route: `${r.method} ${r.url}`, status: response.statusCode }).toEqual({ route: `${r.method} ${r.url}`, status: 401 });
    }
  });
});

describe.each(ROLES)('as %s', (role) => {
  let app: TestApp;
  let world: World;
  let session: Session;

  beforeAll(async () => {
    app = await testApp();
    world = await buildWorld(app.db);
    session = await signIn(app.app, world.users[role].username);
  });
  afterAll(async () => app.close());

  it.each(Object.keys(REQUESTS))('%s is allowed only with its permission, and only for its own unit', async (key) => {
    const route = app.app.routeTable.find((r) => `${r.method} ${r.url}` === key)!;
    const permitted = route.policy === 'public' || route.policy === 'authenticated' || can(role, route.policy);
    // Logging out and changing the password end sessions, so they run as a second account of the same role.
    const client = key === 'POST /api/auth/logout' || key === 'POST /api/auth/password'
      ? await signIn(app.app, (await makeUser(app.db, { role, organizationId: world.orgOf[role] })).username)
      : session;

    // Bapas staff run their Bapas's programmes in the Bapas itself: that is their own unit there.
    const own = await client.request(await REQUESTS[key]!(worldFor(world, role, route.policy), 'own', role));
    if (!permitted) {
      expect(own.statusCode).toBe(403);
      expect(own.json()).toMatchObject({ error: { code: 'FORBIDDEN' } });
      return;
    }
    expect(own.statusCode, own.body).toBeLessThan(400 + (key === 'POST /api/auth/login' ? 2 : 0));
    expect(own.body).not.toContain(world.secret);

    if (FACILITY_NEUTRAL.has(key)) return;
    // The national administrator reaches every unit's agreements; the other side holds for everyone else.
    if (role === 'national_admin' && agreementsNationwide.includes(key)) return;
    // Managers see the dashboard of every unit of their region (the walk has one region).
    if ((role === 'national_admin' || role === 'regional_manager') && dashboardRegionwide.includes(key)) return;
    // And their monthly report, aggregates only, without names.
    if ((role === 'national_admin' || role === 'regional_manager') && monthlyRegionwide.includes(key)) return;
    const other = await client.request(await REQUESTS[key]!(world, 'other', role));
    expect([400, 403, 404]).toContain(other.statusCode);
    expect(other.body).not.toContain(world.secret);
  });

  it('never lists or counts people outside its own units', async () => {
    const list = await session.request({ method: 'GET', url: '/api/wbp?pageSize=200' });
    if (!can(role, 'wbp.read')) {
      expect(list.statusCode).toBe(403);
      return;
    }
    const body = list.json() as { items: { facilityId: string }[]; total: number };
    expect(body.items.length).toBeGreaterThan(0);
    expect(body.items.every((p) => p.facilityId === world.unitA.id)).toBe(true);
  });
});

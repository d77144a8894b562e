import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.ts';
import { signIn } from '../testing/app.ts';
import { freshDatabase } from '../testing/database.ts';
import { makeOrganization, makeUser, makeWbp } from '../testing/factories.ts';
import type { DatabaseHandle } from './database.ts';

// With READ_DATABASE_URL the reports read a streaming replica while everything else, signing in
// included, uses the primary. Two separate databases stand in for the pair here, so the answer
// shows which one a route read: the replica holds people the primary does not.

let primary: DatabaseHandle;
let replica: DatabaseHandle;
let app: FastifyInstance;

beforeEach(async () => {
  primary = await freshDatabase();
  replica = await freshDatabase();
  app = await buildApp({
    db: primary.db,
    readDb: replica.db,
    databaseKind: primary.kind,
    logger: false,
    config: { sessionIdleMs: 1_800_000, sessionAbsoluteMs: 43_200_000, loginMaxPer15Min: 1000, secureCookies: 'false', logLevel: 'silent', webRoot: '/nonexistent' },
  });
  await app.ready();
});

afterEach(async () => {
  await app.close();
  await replica.close();
  await primary.close();
});

/** The same unit on both, as replication would have it; people only where `peopleOn` says. */
async function unitWithHead(peopleOn: DatabaseHandle, people: number) {
  const unit = await makeOrganization(primary.db, { kind: 'rutan', capacity: 100 });
  await replica.db.insertInto('organizations').values({ id: unit.id, kind: unit.kind, code: unit.code, name: unit.name, capacity: 100 }).execute();
  const head = await makeUser(primary.db, { role: 'head_of_unit', organizationId: unit.id });
  for (let i = 0; i < people; i += 1) await makeWbp(peopleOn.db, { facility_id: unit.id });
  return { unit, head };
}

describe('reads for the reports', () => {
  it('come from the replica: the overview counts the people the replica holds', async () => {
    const { head } = await unitWithHead(replica, 3);
    const session = await signIn(app, head.username);

    const response = await session.request({ method: 'GET', url: '/api/stats/overview' });

    expect(response.statusCode).toBe(200);
    expect(response.json().facilities[0].held).toBe(3);
  });

  it('do not see what only the primary holds', async () => {
    const { head } = await unitWithHead(primary, 2);
    const session = await signIn(app, head.username);

    const response = await session.request({ method: 'GET', url: '/api/stats/overview' });

    expect(response.json().facilities[0].held).toBe(0);
  });
});

describe('writes', () => {
  it('go to the primary: a person registered through the API is on the primary and not on the replica', async () => {
    const { unit } = await unitWithHead(primary, 0);
    const clinic = await makeUser(primary.db, { role: 'clinic_staff', organizationId: unit.id });
    const session = await signIn(app, clinic.username);

    const response = await session.request({
      method: 'POST',
      url: '/api/wbp',
      payload: { sdpNumber: 'AII.2026.RPL01', fullName: 'Budi Santoso', sex: 'L', legalStatus: 'tahanan', admissionDate: '2026-10-01', facilityId: unit.id },
    });

    expect(response.statusCode).toBe(201);
    const onPrimary = await primary.db.selectFrom('wbp').select('id').where('sdp_number', '=', 'AII.2026.RPL01').execute();
    const onReplica = await replica.db.selectFrom('wbp').select('id').where('sdp_number', '=', 'AII.2026.RPL01').execute();
    expect([onPrimary.length, onReplica.length]).toEqual([1, 0]);
  });
});

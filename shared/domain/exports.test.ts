import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ROLES } from '../contracts/common.ts';
import { PERMISSION_SCOPES, scopesAllow } from './agreements.ts';
import { daysBetween } from './dates.ts';
import { can } from './permissions.ts';
import {
  MAX_DATE_SHIFT_DAYS, ageBand, dateShiftOf, mainAssistSubstance, periodProblems, pseudonymOf, researchEventRow, researchPersonRow, sirenaClientRow,
  sirenaServiceRow,
} from './exports.ts';

const hmac = (secret: string) => (message: string) => createHmac('sha256', secret).update(message).digest();
const isoDay = fc.date({ min: new Date('1950-01-01T00:00:00Z'), max: new Date('2040-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

const person = (id: string, more: Partial<Parameters<typeof researchPersonRow>[1]> = {}) => ({
  id, unitCode: 'RTN-SRG', regionCode: 'KANWIL-BTN', sex: 'L' as const, birthDate: '1990-05-17', legalStatus: 'narapidana', narcoticsCase: true,
  sentenceMonths: 48, admissionDate: '2026-06-01', releasedOn: null, ...more,
});

describe('pseudonyms and date shifts', () => {
  it('gives a person the same pseudonym every time under one secret', () => {
    fc.assert(fc.property(fc.uuid(), fc.string({ minLength: 1 }), (id, secret) => {
      expect(pseudonymOf(hmac(secret), id)).toBe(pseudonymOf(hmac(secret), id));
    }));
  });

  it('gives a person different pseudonyms under different secrets', () => {
    fc.assert(fc.property(fc.uuid(), fc.string({ minLength: 1 }), fc.string({ minLength: 1 }), (id, a, b) => {
      fc.pre(a !== b);
      expect(pseudonymOf(hmac(a), id)).not.toBe(pseudonymOf(hmac(b), id));
    }));
  });

  it('never shows the person id in the pseudonym', () => {
    fc.assert(fc.property(fc.uuid(), (id) => {
      expect(pseudonymOf(hmac('rahasia'), id)).not.toContain(id.replaceAll('-', ''));
      expect(pseudonymOf(hmac('rahasia'), id)).toMatch(/^[0-9a-f]{64}$/);
    }));
  });

  it('shifts by at most 180 days either way', () => {
    fc.assert(fc.property(fc.uuid(), fc.string(), (id, secret) => {
      expect(Math.abs(dateShiftOf(hmac(secret), id))).toBeLessThanOrEqual(MAX_DATE_SHIFT_DAYS);
    }));
  });

  it('keeps every interval between one person\'s dates', () => {
    fc.assert(fc.property(fc.uuid(), isoDay, isoDay, isoDay, (id, admission, released, event) => {
      const hash = hmac('rahasia');
      const row = researchPersonRow(hash, person(id, { admissionDate: admission, releasedOn: released }));
      const e = researchEventRow(hash, {
        personId: id, event: 'enrolment', date: event, endDate: released, unitCode: 'U', kind: 'social', result: 'active', reason: null, substance: null,
        partnerKind: null,
      });
      expect(daysBetween(row.admission_date, row.release_date)).toBe(daysBetween(admission, released));
      expect(daysBetween(row.admission_date, e.date)).toBe(daysBetween(admission, event));
      expect(daysBetween(e.date, e.end_date)).toBe(daysBetween(event, released));
    }));
  });

  it('moves most people\'s dates, so a shifted date is not the real one', () => {
    const shifts = Array.from({ length: 200 }, (_, i) => dateShiftOf(hmac('rahasia'), `person-${i}`));
    expect(shifts.filter((s) => s === 0).length).toBeLessThan(5);
    expect(new Set(shifts).size).toBeGreaterThan(100);
  });
});

describe('research rows', () => {
  it('never carry a name, SDP number, birth date or the raw id', () => {
    fc.assert(fc.property(fc.uuid(), isoDay, (id, birth) => {
      const row = researchPersonRow(hmac('rahasia'), person(id, { birthDate: birth }));
      const text = Object.values(row).join('|');
      expect(text).not.toContain(id);
      expect(text).not.toContain(birth);
      expect(Object.keys(row)).not.toContain('name');
    }));
  });

  it('band the age at admission', () => {
    expect(ageBand('2009-06-02', '2026-06-01')).toBe('<18');
    expect(ageBand('2008-06-01', '2026-06-01')).toBe('18-24');
    expect(ageBand('1990-05-17', '2026-06-01')).toBe('35-44');
    expect(ageBand('1960-01-01', '2026-06-01')).toBe('55+');
    expect(ageBand(null, '2026-06-01')).toBe('');
  });

  it('leave the release date empty while the person is held', () => {
    expect(researchPersonRow(hmac('rahasia'), person('a')).release_date).toBe('');
  });

  it('name the substance with the highest ASSIST score, tobacco left out', () => {
    const result = { substances: { tobacco: { score: 30 }, alcohol: { score: 12 }, amphetamines: { score: 27 }, cannabis: { score: 0 } } };
    expect(mainAssistSubstance(result)).toBe('amphetamines');
    expect(mainAssistSubstance({ substances: { tobacco: { score: 30 } } })).toBeNull();
    expect(mainAssistSubstance('not a result')).toBeNull();
  });
});

describe('SIRENA rows', () => {
  const client = {
    sdpNumber: 'AII.2026.00001', fullName: 'Budi Santoso', sex: 'L' as const, birthDate: '1990-05-17', birthPlace: 'Serang', unitCode: 'RTN-SRG',
    unitName: 'Rutan Serang', legalStatus: 'narapidana', admissionDate: '2026-06-01', screenedOn: '2026-06-03', assistRisk: 'high' as const,
    assistSubstance: 'amphetamines', assessedOn: '2026-06-10', assessmentClass: 'tinggi' as const, assessmentSubstance: 'heroin',
  };

  it('prefer the assessment\'s main substance to the screening\'s, and leave NIK and address empty', () => {
    const row = sirenaClientRow(client);
    expect(row).toMatchObject({ zat_utama: 'heroin', risiko_assist: 'tinggi', nik: '', alamat: '', nama: 'Budi Santoso' });
    expect(sirenaClientRow({ ...client, assessmentSubstance: null }).zat_utama).toBe('amphetamines');
  });

  it('map programme kinds to SIRENA\'s services', () => {
    const service = (programmeKind: 'medical' | 'ptrm' | 'social' | 'post_rehab') => sirenaServiceRow({
      sdpNumber: 'X', fullName: 'Y', unitCode: 'U', programmeKind, programmeName: 'P', startDate: '2026-06-01', expectedEndDate: null, endedOn: null,
      status: 'active', outcomeReason: null, sessionsRecorded: 3, sessionsPresent: 2,
    }).jenis_layanan;
    expect([service('medical'), service('ptrm'), service('social'), service('post_rehab')])
      .toEqual(['rehabilitasi_medis', 'rehabilitasi_medis', 'rehabilitasi_sosial', 'pascarehabilitasi']);
  });
});

describe('the period', () => {
  it('refuses an end before the start, naming the end', () => {
    expect(periodProblems('2026-06-30', '2026-06-01')).toEqual([{ field: 'to', message: 'validation.export.periodReversed' }]);
    expect(periodProblems('2026-06-01', '2026-06-01')).toEqual([]);
  });
});

describe('who may export', () => {
  it('gives the research files to managers only, who never see a person', () => {
    expect(ROLES.filter((r) => can(r, 'export.research'))).toEqual(['national_admin', 'regional_manager']);
  });

  it('gives the SIRENA files to the unit\'s head and clinic staff, and to no partner under any agreement', () => {
    expect(ROLES.filter((r) => can(r, 'export.sirena'))).toEqual(['head_of_unit', 'clinic_staff']);
    expect(PERMISSION_SCOPES['export.sirena']).toBeUndefined();
    expect(scopesAllow(['screening', 'assessment', 'medical_rehabilitation', 'social_rehabilitation', 'monitoring_evaluation'], 'export.sirena')).toBe(false);
  });
});

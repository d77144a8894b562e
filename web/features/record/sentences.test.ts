import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { TimelineEntry } from '../../../shared/contracts/record.ts';

// The dictionaries mark <html lang>; a bare document is enough outside the browser.
vi.stubGlobal('document', { documentElement: { lang: '' } });
const { i18n } = await import('../../app/i18n.ts');
const { entrySentence, formatDay, timeOf } = await import('./sentences.ts');

const base = { id: '00000000-0000-4000-8000-000000000001', at: '2026-11-19', link: '/wbp/x' };

/** An entry of every kind and every event, with the values that change its sentence. */
const ENTRIES: TimelineEntry[] = [
  { ...base, kind: 'screening', detail: { overallRisk: 'high', instrument: 'who-assist' } },
  { ...base, kind: 'assessment', detail: { purpose: 'initial', followUpPoint: null, status: 'signed', finalClass: 'tinggi' } },
  { ...base, kind: 'assessment', detail: { purpose: 'initial', followUpPoint: null, status: 'draft', finalClass: null } },
  { ...base, kind: 'assessment', detail: { purpose: 'follow_up', followUpPoint: 50, status: 'signed', finalClass: 'menengah' } },
  { ...base, kind: 'assessment', detail: { purpose: 'follow_up', followUpPoint: 100, status: 'draft', finalClass: null } },
  { ...base, kind: 'decision', detail: { decreeNumber: 'W11-001', place: 'inside_unit', assessmentId: base.id } },
  ...(['started', 'waitlisted', 'completed', 'dropped', 'changed'] as const).map((event): TimelineEntry => ({
    ...base, kind: 'enrolment',
    detail: { event, programmeId: base.id, programmeName: 'TC', programmeKind: 'social', expectedEndDate: null, reason: event === 'dropped' ? 'health' : null },
  })),
  ...([['present', null], ['absent', 'court'], ['excused', null], [null, null]] as const).map(([attendance, absenceReason]): TimelineEntry => ({
    ...base, kind: 'session', detail: { programmeName: 'TC', sessionName: 'Konseling kelompok', mode: 'group', start: '09:00', end: '11:00', attendance, absenceReason },
  })),
  { ...base, kind: 'note', detail: { noteKind: 'family', topic: 'Dukungan keluarga' } },
  { ...base, kind: 'urine', detail: { reason: 'random', status: 'sent', outcome: null, plannedOn: '2026-11-19' } },
  { ...base, kind: 'urine', detail: { reason: 'retest', status: 'resulted', outcome: 'positive', plannedOn: '2026-11-19' } },
  { ...base, kind: 'incident', detail: { incidentKind: 'drug_use' } },
  { ...base, kind: 'phase', detail: { direction: 'promotion', fromPhase: 'entry', toPhase: 'core', fromPhaseName: 'Entry', toPhaseName: 'Core' } },
  { ...base, kind: 'phase', detail: { direction: 'regression', fromPhase: 'core', toPhase: 'entry', fromPhaseName: null, toPhaseName: null } },
  { ...base, kind: 'phase', detail: { direction: 'promotion', fromPhase: null, toPhase: 'entry', fromPhaseName: null, toPhaseName: 'Entry' } },
  { ...base, kind: 'role', detail: { event: 'assigned', role: 'buddy' } },
  { ...base, kind: 'role', detail: { event: 'ended', role: 'chief' } },
  { ...base, kind: 'conference', detail: { title: 'Case conference', decision: 'drop_out' } },
  { ...base, kind: 'referral', detail: { referralKind: 'aftercare', toName: 'IPWL Serang' } },
  ...(['started', 'ended', 'dose', 'handover'] as const).map((event): TimelineEntry => ({
    ...base, kind: 'ptrm',
    detail: { event, clinicName: 'Puskesmas', doseMg: event === 'dose' ? 42.5 : null, handoverReason: event === 'handover' ? 'release' : null, toName: event === 'handover' ? 'PTRM Cilegon' : null },
  })),
  { ...base, kind: 'task', detail: { event: 'opened', taskKind: 'urine_positive', status: 'open', dueOn: '2026-11-22' } },
  { ...base, kind: 'task', detail: { event: 'closed', taskKind: 'incident_review', status: 'cancelled', dueOn: '2026-11-22' } },
];

describe.each(['id', 'en'])('timeline sentences in %s', (lng) => {
  beforeAll(async () => {
    await i18n.changeLanguage(lng);
  });

  it.each(ENTRIES.map((e, i) => [`${e.kind} ${i}`, e] as const))('says %s in words, with no key or placeholder left', (_name, entry) => {
    const text = entrySentence(entry);

    expect(text).not.toMatch(/\{\{|care\.record|attendance\.|undefined|null/);
    expect(text.length).toBeGreaterThan(8);
  });

  it('gives a timed entry its Jakarta time and a day\'s entry none', () => {
    expect(timeOf('2026-11-19T08:30:00+07:00')).toBe(lng === 'en' ? '08:30' : '08.30');
    expect(timeOf('2026-11-19')).toBeNull();
  });
});

describe('the words of an entry', () => {
  beforeAll(async () => {
    await i18n.changeLanguage('id');
  });

  it('says why a person left a programme', () => {
    expect(entrySentence(ENTRIES.find((e) => e.kind === 'enrolment' && e.detail.event === 'dropped')!)).toBe('Keluar dari TC: alasan kesehatan');
  });

  it('says the absence and its reason', () => {
    expect(entrySentence(ENTRIES.find((e) => e.kind === 'session' && e.detail.attendance === 'absent')!)).toBe('Konseling kelompok (TC): Tidak hadir, sidang');
  });

  it('names a day with its weekday', () => {
    expect(formatDay('2026-11-16')).toBe('Senin, 16 November 2026');
  });
});

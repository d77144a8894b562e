import { describe, expect, it, vi } from 'vitest';
import { conferenceBody, type PersonOutcomes } from '../../../shared/contracts/conferences.ts';

// The dictionaries mark <html lang>; a bare document is enough outside the browser.
vi.stubGlobal('document', { documentElement: { lang: '' } });
const { i18n } = await import('../../app/i18n.ts');
const { ApiError } = await import('../../app/api.ts');
const { conferenceInput, defaultEnrolment, messagesOfIssues, fieldId } = await import('./form.ts');
type PersonRow = import('./form.ts').PersonRow;

const WBP = '7f1c0c62-6a44-4c6e-9e0e-2b0f9e3c1a10';
const ORG = '1b6f4c1e-2d7a-4f6b-8a51-0c3e9d2b7a44';
const PROGRAMME = '5a0d1e9c-3b2f-4c8d-9e6a-7f1b2c3d4e5f';

const meeting = { heldOn: '2026-11-20', title: 'Konferensi kasus November', notes: ' ' };
const attendee = { key: 1, name: 'dr. Ratna Sari', position: '', organizationId: null, agency: 'Yayasan Rumah Cemara', userId: null };
const person = (patch: Partial<PersonRow> = {}): PersonRow => ({
  wbpId: WBP, fullName: 'Joko', sdpNumber: 'AII.1', enrolmentId: '', discussion: 'Stabil.', decision: 'continue', programmeId: null,
  toOrganizationId: null, toName: '', referralReason: '', dropReason: '', note: '', ...patch,
});

describe('the conference request', () => {
  it('is what the contract accepts, blanks sent as null', () => {
    const input = conferenceInput(meeting, [attendee], [person()]);

    const parsed = conferenceBody.safeParse(input);

    expect(parsed.success).toBe(true);
    expect(input).toMatchObject({ notes: null, attendees: [{ position: null, agency: 'Yayasan Rumah Cemara' }], people: [{ enrolmentId: null, detail: {} }] });
  });

  it('drops the written agency once an organisation is chosen', () => {
    const input = conferenceInput(meeting, [{ ...attendee, organizationId: ORG }], [person()]);

    expect(input.attendees[0]).toMatchObject({ organizationId: ORG, agency: null });
  });

  it('sends only the facts of the chosen decision', () => {
    const row = person({ decision: 'change_programme', programmeId: PROGRAMME, toName: 'RSUD', note: 'lupa dihapus' });

    expect(conferenceInput(meeting, [attendee], [row]).people[0]!.detail).toEqual({ programmeId: PROGRAMME });
  });

  it('sends a drop-out\'s reason and note', () => {
    const row = person({ decision: 'drop_out', dropReason: 'other', note: ' Pulang kampung ' });

    expect(conferenceInput(meeting, [attendee], [row]).people[0]!.detail).toEqual({ reason: 'other', note: 'Pulang kampung' });
  });
});

describe('messages of the form', () => {
  it('stand at the whole path of the field, in this area\'s words for its rules', async () => {
    await i18n.changeLanguage('id');
    const input = conferenceInput(meeting, [attendee], [person(), person({ wbpId: WBP, decision: 'change_programme' })]);
    const parsed = conferenceBody.safeParse(input);
    if (parsed.success) throw new Error('expected problems');

    const messages = messagesOfIssues(parsed.error, input);

    expect(messages).toMatchObject({
      'people.1.detail.programmeId': 'Pilih program tujuan.',
      'people.1.enrolmentId': 'Pilih program yang sedang dijalani; keputusan ini mengubah program tersebut.',
    });
  });

  it('from the server lose the field label the screen already shows', () => {
    const error = new ApiError(400, 'VALIDATION', 'Periksa isian', [
      { field: 'people.2.detail.programmeId', message: 'Warga binaan yang dibahas (2.detail.programmeId): program tidak aktif' },
    ]);

    const messages = error.messagesByPath();

    expect(messages).toEqual({ 'people.2.detail.programmeId': 'Program tidak aktif' });
  });

  it('name the input they belong to', () => {
    expect(fieldId('people.2.detail.programmeId')).toBe('conference-people-2-detail-programmeId');
  });

  it('exist for every rule of the contracts, in both languages', () => {
    const rules = ['conference.enrolmentRequired', 'conference.programmeRequired', 'conference.referralTargetRequired', 'conference.referralReasonRequired',
      'conference.duplicatePerson', 'outcome.reasonRequired', 'outcome.reasonInvalid', 'outcome.noteRequiredForOther'];
    for (const lng of ['id', 'en']) {
      expect(rules.filter((r) => !i18n.exists(`validation.${r}`, { lng, fallbackLng: false }))).toEqual([]);
    }
  });
});

describe('the enrolment a decision concerns', () => {
  const enrolment = (id: string, status: PersonOutcomes['enrolments'][number]['status']) => ({
    id, wbpId: WBP, programmeId: PROGRAMME, programmeName: 'TC', programmeKind: 'social' as const, facilityId: ORG, facilityName: 'Rutan', decreeNumber: 'SK/1',
    status, startDate: null, expectedEndDate: null, endedOn: null, outcomeReason: null, outcomeNote: null, outcomeBy: null, certificateNumber: null,
  });

  it('is the one active programme', () => {
    expect(defaultEnrolment({ enrolments: [enrolment('a', 'completed'), enrolment('b', 'active'), enrolment('c', 'waitlisted')], referrals: [] })).toBe('b');
  });

  it('is the only open one, even waiting', () => {
    expect(defaultEnrolment({ enrolments: [enrolment('a', 'dropped'), enrolment('c', 'waitlisted')], referrals: [] })).toBe('c');
  });

  it('is left to the user when it is not clear', () => {
    expect(defaultEnrolment({ enrolments: [enrolment('a', 'active'), enrolment('b', 'active')], referrals: [] })).toBe('');
    expect(defaultEnrolment(undefined)).toBe('');
  });
});

import { describe, expect, it, vi } from 'vitest';
import { agreementBody, updateAgreementBody, type AgreementRecord } from '../../../shared/contracts/agreements.ts';

// The dictionaries mark <html lang>; a bare document is enough outside the browser.
vi.stubGlobal('document', { documentElement: { lang: '' } });
const { i18n } = await import('../../app/i18n.ts');
const { validate } = await import('../../app/validation.ts');
const { agreementInput, checkDocument, dateOrderProblems, isAgreementStatus, valuesOf } = await import('./form.ts');
type AgreementValues = import('./form.ts').AgreementValues;

const RUTAN = '7f1c0c62-6a44-4c6e-9e0e-2b0f9e3c1a10';
const BNNK = '1b6f4c1e-2d7a-4f6b-8a51-0c3e9d2b7a44';

const values = (patch: Partial<AgreementValues> = {}): AgreementValues => ({
  number: 'W11.PAS.PAS.3-UM.01.01-123',
  title: 'Layanan asesmen terpadu',
  kind: 'pks',
  signedOn: '2026-01-10',
  validFrom: '2026-01-15',
  validUntil: '',
  partyIds: [RUTAN, BNNK],
  scopes: ['screening', 'assessment'],
  note: '  ',
  ...patch,
});

const record: AgreementRecord = {
  id: '5a0d1e9c-3b2f-4c8d-9e6a-7f1b2c3d4e5f', number: 'PKS/1', title: 'Asesmen', kind: 'mou', signedOn: '2026-01-01', validFrom: '2026-01-01',
  validUntil: '2027-12-31', terminatedOn: null, terminationReason: null, scopes: ['assessment'], note: null, status: 'in_force', daysLeft: null,
  parties: [
    { organizationId: RUTAN, name: 'Rutan Kelas IIB Serang', code: 'RUTAN-SERANG', kind: 'rutan' },
    { organizationId: BNNK, name: 'BNNK Kota Serang', code: 'BNNK-SERANG', kind: 'bnnk' },
  ],
  documents: [], canManage: true, createdAt: '2026-01-01T00:00:00Z', version: 3,
};

describe('the agreement request', () => {
  it('is what the contract accepts, with no end date and a blank note sent as null', () => {
    const input = agreementInput(values());

    expect(agreementBody.safeParse(input).success).toBe(true);
    expect(input).toMatchObject({ validUntil: null, note: null });
    expect(input).not.toHaveProperty('version');
  });

  it('carries the version it was read at when it changes an agreement', () => {
    const input = agreementInput(values({ validUntil: '2028-01-14' }), 7);

    const parsed = updateAgreementBody.safeParse(input);

    expect(parsed.success && parsed.data).toMatchObject({ version: 7, validUntil: '2028-01-14' });
  });

  it('starts from the stored agreement when editing, parties by id', () => {
    expect(valuesOf(record)).toEqual({
      number: 'PKS/1', title: 'Asesmen', kind: 'mou', signedOn: '2026-01-01', validFrom: '2026-01-01', validUntil: '2027-12-31',
      partyIds: [RUTAN, BNNK], scopes: ['assessment'], note: '',
    });
  });

  it('starts a new agreement with the given parties and nothing else', () => {
    expect(valuesOf(undefined, [RUTAN])).toMatchObject({ partyIds: [RUTAN], scopes: [], kind: '', validUntil: '' });
  });
});

describe('messages of the form', () => {
  it('name the field whose date is out of order, in this area\'s words', async () => {
    await i18n.changeLanguage('id');

    const result = validate(agreementBody, agreementInput(values({ validFrom: '2026-01-05' })));

    expect(result).toEqual({ ok: false, errors: { validFrom: 'Tanggal mulai berlaku tidak boleh sebelum tanggal penandatanganan.' } });
  });

  it('ask for a second party and a scope', async () => {
    await i18n.changeLanguage('id');

    const result = validate(agreementBody, agreementInput(values({ partyIds: [RUTAN], scopes: [] })));

    expect(result).toEqual({ ok: false, errors: { partyIds: 'Minimal 2 isian.', scopes: 'Minimal 1 isian.' } });
  });

  it('report the date order even while other fields are wrong', () => {
    expect(dateOrderProblems(values({ number: '', validFrom: '2026-03-01', validUntil: '2026-02-01' })))
      .toEqual({ validUntil: 'agreement.validUntilBeforeFrom' });
  });

  it('exist for every agreement rule, in both languages', () => {
    const rules = ['agreement.duplicateScope', 'agreement.duplicateParty', 'agreement.validFromBeforeSigning', 'agreement.validUntilBeforeFrom'];
    for (const lng of ['id', 'en']) {
      expect(rules.filter((r) => !i18n.exists(`validation.${r}`, { lng, fallbackLng: false }))).toEqual([]);
    }
  });
});

describe('a document to attach', () => {
  it('is accepted as a PDF, JPEG or PNG up to 10 MB', () => {
    expect(checkDocument({ name: 'pks.pdf', type: 'application/pdf', size: 10 * 1024 * 1024 })).toEqual({ ok: true, contentType: 'application/pdf' });
    expect(checkDocument({ name: 'hal-1.JPG', type: 'image/jpeg', size: 200_000 })).toEqual({ ok: true, contentType: 'image/jpeg' });
  });

  it('takes its type from the extension when the browser gives none', () => {
    expect(checkDocument({ name: 'scan.PNG', type: '', size: 1000 })).toEqual({ ok: true, contentType: 'image/png' });
  });

  it('is refused before sending when it is of another type', () => {
    expect(checkDocument({ name: 'pks.docx', type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', size: 1000 }))
      .toEqual({ ok: false, problem: 'wrongType' });
  });

  it('is refused before sending when it is larger than 10 MB', () => {
    expect(checkDocument({ name: 'pks.pdf', type: 'application/pdf', size: 10 * 1024 * 1024 + 1 })).toEqual({ ok: false, problem: 'tooLarge' });
  });

  it('is refused when it is empty', () => {
    expect(checkDocument({ name: 'pks.pdf', type: 'application/pdf', size: 0 })).toEqual({ ok: false, problem: 'emptyFile' });
  });
});

describe('the status filter in the address', () => {
  it('accepts only the known statuses', () => {
    expect(isAgreementStatus('expiring')).toBe(true);
    expect(isAgreementStatus('active')).toBe(false);
    expect(isAgreementStatus(null)).toBe(false);
  });
});

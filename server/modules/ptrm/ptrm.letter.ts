import type { HandoverReason } from '../../../shared/contracts/notes.ts';
import { indonesianDate } from '../../../shared/domain/outcomes.ts';
import { facts, letterhead, renderPdf, signature } from '../../platform/pdf.ts';

// The continuity hand-over letter for a person on methadone (PTRM), in Bahasa Indonesia: what the
// receiving party needs to go on without a gap. Dosing records stay in the clinic's own system (SIHA).

/** A dose as reported, with the Indonesian decimal comma: "72,5 mg". */
export function indonesianDose(doseMg: number): string {
  return `${doseMg.toFixed(1).replace('.', ',')} mg`;
}

const REASON_TEXT: Record<HandoverReason, { label: string; because: string }> = {
  transfer: { label: 'Pemindahan ke UPT lain', because: 'pemindahan ke UPT lain' },
  release: { label: 'Pembebasan', because: 'pembebasan' },
};

export interface LetterData {
  handoverId: string;
  reason: HandoverReason;
  toName: string;
  issuedOn: string;
  issuedBy: string | null;
  unitName: string;
  unitCity: string | null;
  parentName: string | null;
  person: { fullName: string; sdpNumber: string; birthPlace: string | null; birthDate: string | null };
  clinicName: string;
  startedOn: string;
  latestDose: { doseMg: number; reportedOn: string; source: string } | null;
}

/** The letter's reference: the hand-over's own identifier, so a printed letter leads back to its record. */
export function letterNumber(data: Pick<LetterData, 'handoverId' | 'issuedOn'>): string {
  return `PTRM/${data.handoverId.slice(0, 8).toUpperCase()}/${data.issuedOn.slice(0, 4)}`;
}

function letterTitle(data: Pick<LetterData, 'person'>): string {
  return `Surat serah terima PTRM - ${data.person.fullName}`;
}

export function renderHandoverLetter(data: LetterData): Promise<Buffer> {
  const reason = REASON_TEXT[data.reason];
  const birth = [data.person.birthPlace, data.person.birthDate ? indonesianDate(data.person.birthDate) : null].filter(Boolean).join(', ');
  const dose = data.latestDose;
  return renderPdf({ title: letterTitle(data), author: data.unitName, subject: 'Serah terima kesinambungan layanan PTRM' }, (doc) => {
    letterhead(doc, { parent: data.parentName, organisation: data.unitName });
    doc.font('Helvetica-Bold').fontSize(12).text('SURAT SERAH TERIMA KESINAMBUNGAN LAYANAN', { align: 'center' });
    doc.text('PROGRAM TERAPI RUMATAN METADON (PTRM)', { align: 'center' });
    doc.font('Helvetica').fontSize(10.5).text(`Nomor: ${letterNumber(data)}`, { align: 'center' });
    doc.moveDown(1.2);

    doc.text(
      `Yang bertanda tangan di bawah ini, atas nama Kepala ${data.unitName}, menerangkan bahwa warga binaan berikut sedang menjalani ` +
      `Program Terapi Rumatan Metadon (PTRM), dan layanannya perlu dilanjutkan tanpa terputus karena ${reason.because}:`,
    );
    doc.moveDown(0.6);
    facts(doc, [
      ['Nama', data.person.fullName],
      ['Nomor registrasi SDP', data.person.sdpNumber],
      ['Tempat, tanggal lahir', birth],
      ['UPT asal', data.unitName],
    ]);

    doc.font('Helvetica-Bold').fontSize(10.5).text('Layanan PTRM');
    doc.moveDown(0.3);
    facts(doc, [
      ['Klinik penyedia layanan', data.clinicName],
      ['Mulai PTRM', indonesianDate(data.startedOn)],
      ['Dosis terakhir dilaporkan', dose ? indonesianDose(dose.doseMg) : 'Belum ada laporan dosis dari klinik'],
      ['Tanggal laporan dosis', dose ? indonesianDate(dose.reportedOn) : '-'],
      ['Sumber laporan dosis', dose ? dose.source : '-'],
      ['Alasan serah terima', reason.label],
      ['Diserahkan kepada', data.toName],
    ]);

    doc.font('Helvetica').fontSize(10.5);
    doc.text(
      'Dosis di atas adalah dosis sebagaimana dilaporkan oleh klinik PTRM, bukan resep. Catatan pemberian dosis tetap tersimpan ' +
      'di sistem informasi klinik PTRM (SIHA); penetapan dosis selanjutnya menjadi wewenang dokter klinik PTRM yang melanjutkan layanan.',
    );
    doc.moveDown(0.6);
    doc.text(
      'Apabila UPT penerima tidak memiliki layanan PTRM, keluarga dapat mengambil paling banyak 3 (tiga) dosis dalam satu kali ' +
      'kunjungan ke klinik PTRM, dengan bukti minum obat yang ditandatangani oleh petugas UPT.',
    );
    doc.moveDown(0.6);
    doc.text('Demikian surat ini dibuat untuk dipergunakan sebagaimana mestinya.');

    signature(doc, {
      placeAndDate: `${data.unitCity ?? data.unitName}, ${indonesianDate(data.issuedOn)}`,
      position: `a.n. Kepala ${data.unitName}`,
      name: data.issuedBy ?? '(....................................)',
    });
  });
}

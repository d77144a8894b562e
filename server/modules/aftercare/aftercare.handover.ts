import type { ReleaseKind } from '../../../shared/domain/aftercare.ts';
import { indonesianDate } from '../../../shared/domain/outcomes.ts';
import { facts, letterhead, renderPdf, signature } from '../../platform/pdf.ts';

// The hand-over summary of an aftercare referral, in Bahasa Indonesia: what the receiving
// organisation (Bapas, BNN, IPWL) needs to carry on after release. It carries the consent statement,
// because the person's consent is what allows it to be shared at all.

const RELEASE_KIND_TEXT: Record<ReleaseKind, string> = {
  pb: 'Pembebasan Bersyarat (PB)',
  cb: 'Cuti Bersyarat (CB)',
  end_of_sentence: 'Bebas murni (akhir masa pidana)',
  other: 'Lainnya',
};

const RISK_TEXT: Record<string, string> = { low: 'rendah', moderate: 'sedang', high: 'tinggi' };
const STATUS_TEXT: Record<string, string> = {
  active: 'sedang berjalan', waitlisted: 'daftar tunggu', completed: 'selesai', dropped: 'berhenti', changed: 'dipindah program',
};
const REASON_TEXT: Record<string, string> = {
  voluntary: 'mengundurkan diri', rule_violation: 'pelanggaran tata tertib', health: 'alasan kesehatan', transfer: 'pemindahan', release: 'pembebasan',
  absconded: 'melarikan diri', other: 'lainnya',
};

export interface HandoverData {
  referralId: string;
  referredOn: string;
  unitName: string;
  unitCity: string | null;
  parentName: string | null;
  signer: string | null;
  toName: string;
  releaseKind: ReleaseKind;
  releaseOn: string;
  released: boolean;
  decisionNumber: string | null;
  reason: string;
  carePlan: string;
  followUpMonths: readonly number[];
  /** The consent in force, else the latest one (the sending unit's copy after a revocation). */
  consent: { givenOn: string; method: 'signed_form' | 'verbal_witnessed'; witnessName: string | null; revokedOn: string | null };
  person: { fullName: string; sdpNumber: string; birthPlace: string | null; birthDate: string | null; caseArticles: readonly string[] };
  screening: { overallRisk: string; screenedOn: string } | null;
  className: string | null;
  programmes: readonly { name: string; status: string; startDate: string | null; endedOn: string | null; reason: string | null; certificate: string | null }[];
  urine: { total: number; negative: number; positive: number; lastPositiveOn: string | null };
  ptrm: { clinicName: string; startedOn: string; endedOn: string | null } | null;
}

/** The summary's reference: the referral's own identifier, so a printed copy leads back to its record. */
function handoverNumber(d: Pick<HandoverData, 'referralId' | 'referredOn'>): string {
  return `PASCA/${d.referralId.slice(0, 8).toUpperCase()}/${d.referredOn.slice(0, 4)}`;
}

const date = (v: string | null) => (v ? indonesianDate(v) : '-');

function programmeLine(p: HandoverData['programmes'][number]): string {
  const when = `${date(p.startDate)} s.d. ${p.endedOn ? date(p.endedOn) : 'sekarang'}`;
  const outcome = [STATUS_TEXT[p.status] ?? p.status, p.reason ? `(${REASON_TEXT[p.reason] ?? p.reason})` : null, p.certificate ? `sertifikat ${p.certificate}` : null]
    .filter(Boolean).join(' ');
  return `${p.name}: ${when}; ${outcome}`;
}

export function renderHandover(d: HandoverData): Promise<Buffer> {
  const birth = [d.person.birthPlace, d.person.birthDate ? indonesianDate(d.person.birthDate) : null].filter(Boolean).join(', ');
  const title = `Ringkasan serah terima pascarehabilitasi - ${d.person.fullName}`;
  return renderPdf({ title, author: d.unitName, subject: 'Serah terima layanan pascarehabilitasi' }, (doc) => {
    letterhead(doc, { parent: d.parentName, organisation: d.unitName });
    doc.font('Helvetica-Bold').fontSize(12).text('RINGKASAN SERAH TERIMA PASCAREHABILITASI', { align: 'center' });
    doc.font('Helvetica').fontSize(10.5).text(`Nomor: ${handoverNumber(d)}`, { align: 'center' });
    doc.moveDown(1.2);
    doc.text(`Kepada: ${d.toName}`);
    doc.moveDown(0.6);

    doc.font('Helvetica-Bold').text('Identitas');
    doc.moveDown(0.3);
    facts(doc, [
      ['Nama', d.person.fullName],
      ['Nomor registrasi SDP', d.person.sdpNumber],
      ['Tempat, tanggal lahir', birth],
      ['Pasal', d.person.caseArticles.join('; ')],
      ['UPT asal', d.unitName],
    ]);

    doc.font('Helvetica-Bold').text('Pembebasan');
    doc.moveDown(0.3);
    facts(doc, [
      ['Jenis', RELEASE_KIND_TEXT[d.releaseKind]],
      ['Nomor keputusan', d.decisionNumber ?? '-'],
      [d.released ? 'Tanggal bebas' : 'Perkiraan tanggal bebas', indonesianDate(d.releaseOn)],
    ]);

    doc.font('Helvetica-Bold').text('Skrining dan asesmen');
    doc.moveDown(0.3);
    facts(doc, [
      ['Skrining ASSIST', d.screening ? `risiko ${RISK_TEXT[d.screening.overallRisk] ?? d.screening.overallRisk} (${indonesianDate(d.screening.screenedOn)})` : 'Belum ada'],
      ['Kelas hasil asesmen', d.className ?? 'Belum ada asesmen yang ditandatangani'],
    ]);

    doc.font('Helvetica-Bold').text('Program rehabilitasi');
    doc.moveDown(0.3);
    doc.font('Helvetica');
    if (d.programmes.length === 0) doc.text('Tidak mengikuti program rehabilitasi.');
    for (const p of d.programmes) doc.text(`- ${programmeLine(p)}`);
    doc.moveDown(0.6);

    doc.font('Helvetica-Bold').text('Tes urine dan PTRM');
    doc.moveDown(0.3);
    facts(doc, [
      ['Tes urine', `${d.urine.total} tes: ${d.urine.negative} negatif, ${d.urine.positive} positif`],
      ['Positif terakhir', date(d.urine.lastPositiveOn)],
      ['PTRM', d.ptrm ? `${d.ptrm.clinicName}, sejak ${indonesianDate(d.ptrm.startedOn)}${d.ptrm.endedOn ? `, berakhir ${indonesianDate(d.ptrm.endedOn)}` : ', masih berjalan: layanan perlu dilanjutkan tanpa terputus'}` : 'Tidak menjalani PTRM'],
    ]);

    doc.font('Helvetica-Bold').text('Rencana pascarehabilitasi');
    doc.moveDown(0.3);
    doc.font('Helvetica').text(`Alasan rujukan: ${d.reason}`);
    doc.text(`Rencana: ${d.carePlan}`);
    doc.text(`Pemantauan lanjutan: bulan ke-${d.followUpMonths.join(', ')} setelah bebas.`);
    doc.moveDown(0.6);

    doc.font('Helvetica-Bold').text('Persetujuan');
    doc.moveDown(0.3);
    const how = d.consent.method === 'signed_form' ? 'dengan menandatangani formulir persetujuan' : `secara lisan, disaksikan oleh ${d.consent.witnessName ?? '-'}`;
    doc.font('Helvetica').text(
      `Yang bersangkutan telah menyatakan persetujuan ${how} pada ${indonesianDate(d.consent.givenOn)} agar informasi ini dibagikan kepada ${d.toName} ` +
      'untuk keperluan layanan pascarehabilitasi. Persetujuan dapat dicabut sewaktu-waktu; sejak pencabutan, informasi ini tidak lagi dibagikan.',
    );
    if (d.consent.revokedOn) doc.font('Helvetica-Bold').text(`Persetujuan ini telah dicabut pada ${indonesianDate(d.consent.revokedOn)}; ringkasan ini tidak boleh dibagikan lagi.`);
    doc.moveDown(0.6);
    doc.font('Helvetica').text('Dokumen ini bersifat rahasia dan hanya untuk keperluan layanan.');

    signature(doc, {
      placeAndDate: `${d.unitCity ?? d.unitName}, ${indonesianDate(d.referredOn)}`,
      position: `a.n. Kepala ${d.unitName}`,
      name: d.signer ?? '(....................................)',
    });
  });
}

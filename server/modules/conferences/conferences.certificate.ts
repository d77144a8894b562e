import { indonesianDate } from '../../../shared/domain/outcomes.ts';
import { letterhead, renderPdf, signature } from '../../platform/pdf.ts';

// The completion certificate of a programme, in Bahasa Indonesia, signed by the head of the unit
// that ran the programme.

export interface CertificateFacts {
  number: string;
  fullName: string;
  sdpNumber: string;
  programmeName: string;
  unitName: string;
  kanwilName: string | null;
  city: string | null;
  startDate: string;
  endDate: string;
  headName: string | null;
}

/** A one-page A4 certificate: letterhead, title, number, the person, the programme and dates, the head's signature. */
export function renderCertificate(c: CertificateFacts): Promise<Buffer> {
  return renderPdf({ title: `Sertifikat ${c.number}`, author: c.unitName, subject: `Sertifikat penyelesaian program ${c.programmeName}` }, (doc) => {
    letterhead(doc, { parent: c.kanwilName, organisation: c.unitName });
    doc.moveDown(1.5);
    doc.font('Helvetica-Bold').fontSize(28).text('SERTIFIKAT', { align: 'center' });
    doc.font('Helvetica').fontSize(11).text(`Nomor: ${c.number}`, { align: 'center' });
    doc.moveDown(2);
    doc.fontSize(12).text('Diberikan kepada', { align: 'center' });
    doc.moveDown(0.6);
    doc.font('Helvetica-Bold').fontSize(18).text(c.fullName, { align: 'center' });
    doc.font('Helvetica').fontSize(11).text(`Nomor registrasi SDP: ${c.sdpNumber}`, { align: 'center' });
    doc.moveDown(1.2);
    doc.fontSize(12).text(
      `telah menyelesaikan program ${c.programmeName} di ${c.unitName} sejak ${indonesianDate(c.startDate)} sampai dengan ${indonesianDate(c.endDate)}.`,
      { align: 'center' },
    );
    doc.moveDown(3);
    signature(doc, {
      placeAndDate: `${c.city ?? c.unitName}, ${indonesianDate(c.endDate)}`,
      position: `Kepala ${c.unitName}`,
      name: c.headName ?? '(.........................................)',
    });
  });
}

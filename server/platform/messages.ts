import type { z } from 'zod';
import type { Language } from '../../shared/contracts/common.ts';
import { notesLabels, notesLabelsEn, notesMessages, notesMessagesEn } from './messages/notes.ts';
import { urineLabels, urineLabelsEn, urineMessages, urineMessagesEn } from './messages/urine.ts';
import { progressLabels, progressLabelsEn, progressMessages, progressMessagesEn } from './messages/progress.ts';
import { conferencesLabels, conferencesLabelsEn, conferencesMessages, conferencesMessagesEn } from './messages/conferences.ts';
import { staffLabels, staffLabelsEn, staffMessages, staffMessagesEn } from './messages/staff.ts';
import { recordLabels, recordLabelsEn, recordMessages, recordMessagesEn } from './messages/record.ts';
import { aftercareLabels, aftercareLabelsEn, aftercareMessages, aftercareMessagesEn } from './messages/aftercare.ts';
import { postRehabLabels, postRehabLabelsEn, postRehabMessages, postRehabMessagesEn } from './messages/postRehab.ts';
import { agreementsLabels, agreementsLabelsEn, agreementsMessages, agreementsMessagesEn } from './messages/agreements.ts';
import { exportsLabels, exportsLabelsEn, exportsMessages, exportsMessagesEn } from './messages/exports.ts';
import { fhirMessages, fhirMessagesEn } from './messages/fhir.ts';
import { dashboardMessages, dashboardMessagesEn } from './messages/dashboard.ts';
import { monthlyLabels, monthlyLabelsEn, monthlyMessages, monthlyMessagesEn } from './messages/monthly.ts';

type Catalogue = Record<string, string>;

// Server-side messages: errors and validation, in the user's language. `{name}` is replaced.
const coreMessages = {
  'error.validation': 'Data tidak valid. Periksa isian yang ditandai.',
  'error.unauthenticated': 'Silakan masuk terlebih dahulu.',
  'error.sessionExpired': 'Sesi Anda telah berakhir. Silakan masuk kembali.',
  'error.badCredentials': 'Nama pengguna atau kata sandi salah.',
  'error.accountLocked': 'Akun dikunci sementara karena terlalu banyak percobaan masuk. Coba lagi dalam {minutes} menit.',
  'error.accountInactive': 'Akun ini tidak aktif. Hubungi administrator.',
  'error.forbidden': 'Anda tidak memiliki hak untuk tindakan ini.',
  'error.csrf': 'Permintaan ditolak karena token keamanan tidak cocok. Muat ulang halaman lalu coba lagi.',
  'error.notFound': 'Data tidak ditemukan.',
  'error.routeNotFound': 'Alamat tidak ditemukan.',
  'error.conflict': 'Data telah diubah oleh pengguna lain. Muat ulang lalu ulangi perubahan Anda.',
  'error.sdpNumberTaken': 'Nomor registrasi SDP sudah terdaftar.',
  'error.usernameTaken': 'Nama pengguna sudah dipakai.',
  'error.orgCodeTaken': 'Kode organisasi sudah dipakai.',
  'error.rateLimited': 'Terlalu banyak percobaan. Coba lagi dalam {seconds} detik.',
  'error.payloadTooLarge': 'Berkas terlalu besar.',
  'error.internal': 'Terjadi kesalahan pada server. Kejadian ini telah dicatat; silakan coba lagi.',
  'error.wrongPassword': 'Kata sandi saat ini salah.',
  'error.sameFacility': 'Unit tujuan sama dengan unit saat ini.',
  'error.importRejected': '{count} baris ditolak. Tidak ada data yang diimpor; perbaiki berkas lalu impor ulang.',
  'error.importEmpty': 'Berkas tidak berisi baris data.',
  'error.importBadHeader': 'Kolom wajib tidak ada di baris judul: {columns}.',
  'error.importUnreadable': 'Berkas CSV tidak dapat dibaca: {detail}',
  'validation.required': 'wajib diisi',
  'validation.invalidType': 'jenis isian tidak valid',
  'validation.tooShort': 'minimal {min} karakter',
  'validation.tooLong': 'maksimal {max} karakter',
  'validation.tooSmall': 'minimal {min}',
  'validation.tooBig': 'maksimal {max}',
  'validation.greaterThan': 'harus lebih dari {min}',
  'validation.lessThan': 'harus kurang dari {max}',
  'validation.assistRequiredByQ1': 'wajib dijawab karena zat ini pernah dipakai (Q1 "ya")',
  'validation.assistAbsentByQ1': 'tidak ditanyakan karena zat ini tidak pernah dipakai (Q1 bukan "ya")',
  'validation.assistRequiredByQ2': 'wajib dijawab karena zat ini dipakai dalam 3 bulan terakhir (Q2 bukan "tidak pernah")',
  'validation.assistAbsentByQ2': 'tidak ditanyakan karena zat ini tidak dipakai dalam 3 bulan terakhir (Q2 "tidak pernah")',
  'validation.assistQ5Tobacco': 'Q5 tidak ditanyakan untuk produk tembakau',
  'validation.tooFewItems': 'minimal {min} butir',
  'validation.tooManyItems': 'maksimal {max} butir',
  'validation.invalidDate': 'tanggal tidak valid (format TTTT-BB-HH)',
  'validation.invalidUuid': 'pengenal tidak valid',
  'validation.invalidChoice': 'pilihan tidak valid; pilih salah satu dari: {options}',
  'validation.invalidFormat': 'format tidak valid',
  'validation.unknownField': 'kolom tidak dikenal',
  'validation.notInteger': 'harus bilangan bulat',
  'validation.sdpNumber.format': 'format nomor registrasi tidak valid (huruf besar, angka, titik, garis miring atau tanda hubung; 4–40 karakter)',
  'validation.wbp.releaseBeforeAdmission': 'tanggal bebas tidak boleh sebelum tanggal masuk',
  'validation.org.codeFormat': 'kode hanya huruf besar, angka dan tanda hubung (2–40 karakter)',
  'validation.user.usernameFormat': 'nama pengguna 3–64 karakter: huruf kecil, angka, titik, garis bawah atau tanda hubung',
  'validation.password.tooShort': 'kata sandi minimal 10 karakter',
  'validation.password.needsLetterAndDigit': 'kata sandi harus memuat huruf dan angka',
  'validation.password.containsUsername': 'kata sandi tidak boleh memuat nama pengguna',
  'validation.password.tooCommon': 'kata sandi terlalu umum',
  'validation.facilityNotAllowed': 'Anda tidak berwenang atas unit ini',
  'validation.facilityNotCustodial': 'unit harus Rutan, Lapas atau LPKA',
  'validation.unknownFacility': 'kode UPT tidak dikenal: {value}',
  'validation.duplicateInFile': 'nomor registrasi sudah muncul di baris {line}',
  'validation.wrongColumnCount': 'jumlah kolom tidak sesuai baris judul',
  'validation.heldElsewhere': 'nomor registrasi ini tercatat di unit lain; pemindahan dicatat oleh unit yang menahannya',
  'import.line': 'baris {line}',
  'error.programmeNameTaken': 'Nama program sudah dipakai di unit ini.',
  'error.roomNameTaken': 'Nama ruangan sudah dipakai di unit ini.',
  'validation.sameperson': 'tidak bisa dengan dirinya sendiri',
  'validation.pairExists': 'pasangan ini sudah tercatat',
  'validation.routine.timeFormat': 'jam tidak valid (format JJ:MM)',
  'validation.routine.endBeforeStart': 'jam selesai harus setelah jam mulai',
  'validation.routine.bothOrNeither': 'isi jam mulai dan jam selesai, atau kosongkan keduanya untuk sepanjang hari',
  'error.alreadyDecided': 'Asesmen ini sudah diputuskan oleh kepala UPT.',
  'error.decreeNumberTaken': 'Nomor SK sudah dipakai di unit ini.',
  'validation.assessmentNotSigned': 'asesmen harus ditandatangani sebelum diputuskan',
  'validation.outsideOnlySelfUse': 'rehabilitasi di luar UPT hanya untuk perkara penyalah guna murni (Pasal 127)',
  'validation.programmeInactive': 'program tidak aktif',
  'validation.alreadyEnrolled': 'warga binaan sudah terdaftar atau menunggu di program ini',
  'placement.cannotFinish': 'perkiraan bebas {release}, sebelum program selesai {end}',
  'validation.programme.codeFormat': 'kode 2–40 karakter: huruf kecil, angka atau garis bawah',
  'validation.programme.groupSizeRequired': 'sesi kelompok memerlukan ukuran kelompok minimal dan maksimal',
  'validation.programme.groupSizeOrder': 'ukuran kelompok minimal tidak boleh melebihi maksimal',
  'validation.programme.phasesSum': 'jumlah minggu semua fase harus sama dengan lama program',
  'validation.programme.duplicateSessionCode': 'kode jenis sesi tidak boleh sama',
  'error.assessmentSigned': 'Asesmen ini sudah ditandatangani dan tidak dapat diubah; tambahkan adendum.',
  'error.addendumNeedsSigned': 'Adendum hanya untuk asesmen yang sudah ditandatangani; ubah drafnya langsung.',
  'error.notQualified': 'Hanya asesor dengan sertifikat asesor ASI yang masih berlaku yang dapat menandatangani asesmen.',
  'error.organizationMayNotAssess': 'Organisasi Anda belum berwenang melakukan asesmen di unit ini.',
  'validation.assistAnswer': 'jawaban tidak sesuai aturan ASSIST',
  'validation.dateInFuture': 'tanggal tidak boleh setelah hari ini',
  'validation.classRequired': 'tentukan kelas (rendah, menengah atau tinggi) sebelum menandatangani',
  'validation.overrideReasonRequired': 'kelas atau jenis rehabilitasi yang direkomendasikan tim berbeda dari aturan; tuliskan alasannya',
  'validation.notARegion': 'harus sebuah Kanwil',
  'validation.rule.order': 'batas menengah harus lebih tinggi dari batas rendah',
  'validation.qualification.expiryBeforeIssue': 'tanggal berakhir harus setelah tanggal terbit',
  'validation.timetable.weekStartMonday': 'minggu dimulai hari Senin; pilih tanggal hari Senin',
  'validation.timetable.passesMidnight': 'sesi akan melewati tengah malam',
  'validation.attendance.reasonRequired': 'pilih alasan tidak hadir',
  'validation.attendance.future': 'kehadiran belum dapat dicatat untuk sesi yang belum berlangsung',
  'validation.attendance.notMember': 'bukan anggota sesi ini',
  'validation.attendance.duplicate': 'warga binaan ini tercantum dua kali',
  'validation.attendance.everyMember': 'catat kehadiran setiap anggota sesi',
  'error.timetableAttendanceRecorded': 'Kehadiran minggu ini sudah dicatat, sehingga jadwalnya tidak dapat dibuat ulang. Pindahkan sesi satu per satu.',
  'error.timetableSessionHeld': 'Sesi ini sudah berlangsung dan kehadirannya tercatat; sesi tidak dapat dipindahkan.',
  'error.timetableMoveConflicts': 'Pemindahan ditolak: {count} bentrok jadwal.',
  'timetable.community': 'Seluruh komunitas',
  'timetable.groupLabel': 'Kelompok {n}',
  'timetable.calendarName': 'Jadwal sesi rehabilitasi — {name}',
  'timetable.calendarPeople': '{count} peserta',
} satisfies Catalogue;

const coreMessagesEn: Record<keyof typeof coreMessages, string> = {
  'error.validation': 'The data is not valid. Check the marked fields.',
  'error.unauthenticated': 'Please sign in first.',
  'error.sessionExpired': 'Your session has ended. Please sign in again.',
  'error.badCredentials': 'Wrong username or password.',
  'error.accountLocked': 'The account is locked for a while after too many sign-in attempts. Try again in {minutes} minutes.',
  'error.accountInactive': 'This account is inactive. Contact the administrator.',
  'error.forbidden': 'You are not allowed to do this.',
  'error.csrf': 'The request was refused because its security token does not match. Reload the page and try again.',
  'error.notFound': 'Not found.',
  'error.routeNotFound': 'No such address.',
  'error.conflict': 'Someone else changed this record. Reload it and repeat your change.',
  'error.sdpNumberTaken': 'That SDP registration number is already registered.',
  'error.usernameTaken': 'That username is taken.',
  'error.orgCodeTaken': 'That organisation code is taken.',
  'error.rateLimited': 'Too many attempts. Try again in {seconds} seconds.',
  'error.payloadTooLarge': 'The file is too large.',
  'error.internal': 'Something went wrong on the server. It has been logged; please try again.',
  'error.wrongPassword': 'The current password is wrong.',
  'error.sameFacility': 'The destination is the current unit.',
  'error.importRejected': '{count} rows were rejected. Nothing was imported; correct the file and import it again.',
  'error.importEmpty': 'The file has no data rows.',
  'error.importBadHeader': 'Required columns are missing from the header row: {columns}.',
  'error.importUnreadable': 'The CSV file cannot be read: {detail}',
  'validation.required': 'is required',
  'validation.invalidType': 'has the wrong type',
  'validation.tooShort': 'needs at least {min} characters',
  'validation.tooLong': 'allows at most {max} characters',
  'validation.tooSmall': 'must be at least {min}',
  'validation.tooBig': 'must be at most {max}',
  'validation.greaterThan': 'must be more than {min}',
  'validation.lessThan': 'must be less than {max}',
  'validation.assistRequiredByQ1': 'must be answered because the substance was ever used (Q1 "yes")',
  'validation.assistAbsentByQ1': 'is not asked because the substance was never used (Q1 not "yes")',
  'validation.assistRequiredByQ2': 'must be answered because the substance was used in the past 3 months (Q2 not "never")',
  'validation.assistAbsentByQ2': 'is not asked because the substance was not used in the past 3 months (Q2 "never")',
  'validation.assistQ5Tobacco': 'Q5 is not asked for tobacco products',
  'validation.tooFewItems': 'needs at least {min} items',
  'validation.tooManyItems': 'allows at most {max} items',
  'validation.invalidDate': 'is not a valid date (YYYY-MM-DD)',
  'validation.invalidUuid': 'is not a valid identifier',
  'validation.invalidChoice': 'is not a valid choice; choose one of: {options}',
  'validation.invalidFormat': 'has an invalid format',
  'validation.unknownField': 'is not a known field',
  'validation.notInteger': 'must be a whole number',
  'validation.sdpNumber.format': 'is not a valid registration number (capitals, digits, dot, slash or hyphen; 4–40 characters)',
  'validation.wbp.releaseBeforeAdmission': 'the release date cannot be before the admission date',
  'validation.org.codeFormat': 'only capitals, digits and hyphens (2–40 characters)',
  'validation.user.usernameFormat': 'username of 3–64 characters: lower-case letters, digits, dot, underscore or hyphen',
  'validation.password.tooShort': 'the password needs at least 10 characters',
  'validation.password.needsLetterAndDigit': 'the password needs letters and digits',
  'validation.password.containsUsername': 'the password must not contain the username',
  'validation.password.tooCommon': 'the password is too common',
  'validation.facilityNotAllowed': 'you are not authorised for this unit',
  'validation.facilityNotCustodial': 'the unit must be a Rutan, Lapas or LPKA',
  'validation.unknownFacility': 'unknown unit code: {value}',
  'validation.duplicateInFile': 'the registration number already appears on line {line}',
  'validation.wrongColumnCount': 'the number of columns does not match the header row',
  'validation.heldElsewhere': 'this registration number is held by another unit; the unit holding the person records the transfer',
  'import.line': 'line {line}',
  'error.programmeNameTaken': 'That programme name is already used in this unit.',
  'error.roomNameTaken': 'That room name is already used in this unit.',
  'validation.sameperson': 'cannot be the person themself',
  'validation.pairExists': 'this pair is already recorded',
  'validation.routine.timeFormat': 'is not a valid time (HH:MM)',
  'validation.routine.endBeforeStart': 'the end must be after the start',
  'validation.routine.bothOrNeither': 'give both start and end, or neither for the whole day',
  'error.alreadyDecided': 'The head of unit has already decided on this assessment.',
  'error.decreeNumberTaken': 'That decree number is already used in this unit.',
  'validation.assessmentNotSigned': 'the assessment must be signed before a decision',
  'validation.outsideOnlySelfUse': 'rehabilitation outside the unit is only for pure self-use cases (Pasal 127)',
  'validation.programmeInactive': 'the programme is not active',
  'validation.alreadyEnrolled': 'the person is already enrolled or waiting in this programme',
  'placement.cannotFinish': 'expected release {release}, before the programme would end {end}',
  'validation.programme.codeFormat': 'code of 2–40 characters: lower-case letters, digits or underscore',
  'validation.programme.groupSizeRequired': 'a group session needs a minimum and a maximum group size',
  'validation.programme.groupSizeOrder': 'the minimum group size cannot exceed the maximum',
  'validation.programme.phasesSum': 'the weeks of all phases must add up to the programme length',
  'validation.programme.duplicateSessionCode': 'session type codes must differ',
  'error.assessmentSigned': 'This assessment is signed and cannot change; add an addendum.',
  'error.addendumNeedsSigned': 'Addenda are for signed assessments; edit the draft directly.',
  'error.notQualified': 'Only an assessor with a valid ASI assessor certificate can sign an assessment.',
  'error.organizationMayNotAssess': 'Your organisation is not authorised to assess in this unit.',
  'validation.assistAnswer': 'the answer breaks the ASSIST rules ({detail})',
  'validation.dateInFuture': 'the date cannot be after today',
  'validation.classRequired': 'choose a class (rendah, menengah or tinggi) before signing',
  'validation.overrideReasonRequired': "the team's class or kind of rehabilitation departs from the rule; give the reason",
  'validation.notARegion': 'must be a Kanwil',
  'validation.rule.order': 'the menengah limit must be above the rendah limit',
  'validation.qualification.expiryBeforeIssue': 'the expiry date must be after the issue date',
  'validation.timetable.weekStartMonday': 'a week starts on Monday; choose a Monday',
  'validation.timetable.passesMidnight': 'the session would run past midnight',
  'validation.attendance.reasonRequired': 'choose the reason for the absence',
  'validation.attendance.future': 'attendance cannot be recorded before the session is held',
  'validation.attendance.notMember': 'not a member of this session',
  'validation.attendance.duplicate': 'this person is listed twice',
  'validation.attendance.everyMember': 'record the attendance of every member of the session',
  'error.timetableAttendanceRecorded': "This week's attendance has been recorded, so its timetable cannot be made again. Move sessions one by one.",
  'error.timetableSessionHeld': 'This session has been held and its attendance recorded; it cannot be moved.',
  'error.timetableMoveConflicts': 'The move was refused: {count} timetable conflicts.',
  'timetable.community': 'Whole community',
  'timetable.groupLabel': 'Group {n}',
  'timetable.calendarName': 'Rehabilitation sessions — {name}',
  'timetable.calendarPeople': '{count} participants',
};

// Field names as users know them, so "tanggal_masuk: wajib diisi" reads as a sentence.
const coreLabels = {
  sdpNumber: 'Nomor registrasi SDP', fullName: 'Nama lengkap', sex: 'Jenis kelamin', birthDate: 'Tanggal lahir',
  birthPlace: 'Tempat lahir', legalStatus: 'Status hukum', caseArticles: 'Pasal', sentenceMonths: 'Lama pidana (bulan)',
  block: 'Blok', room: 'Kamar', admissionDate: 'Tanggal masuk', expectedReleaseDate: 'Perkiraan tanggal bebas',
  facilityId: 'Unit', toFacilityId: 'Unit tujuan', transferDate: 'Tanggal pindah', reason: 'Alasan', version: 'Versi',
  username: 'Nama pengguna', password: 'Kata sandi', newPassword: 'Kata sandi baru', currentPassword: 'Kata sandi saat ini',
  role: 'Peran', organizationId: 'Organisasi', code: 'Kode', name: 'Nama', kind: 'Jenis', language: 'Bahasa',
  answers: 'Jawaban', screenedOn: 'Tanggal skrining', screeningId: 'Skrining', form: 'Formulir asesmen', teamClass: 'Kelas menurut tim',
  overrideReason: 'Alasan berbeda dari aturan', recommendation: 'Rekomendasi', rupiahPerUsd: 'Kurs rupiah per dolar AS',
  holidays: 'Hari libur nasional', rule: 'Aturan klasifikasi', regionId: 'Kanwil', number: 'Nomor',
  issuedOn: 'Tanggal terbit', expiresOn: 'Tanggal berakhir', issuer: 'Penerbit', text: 'Isi adendum', parentId: 'Induk',
  assessmentId: 'Asesmen', decreeNumber: 'Nomor SK', decreeDate: 'Tanggal SK', programmeIds: 'Program', place: 'Tempat rehabilitasi',
  otherWbpId: 'Warga binaan lain', dayOfWeek: 'Hari', start: 'Jam mulai', end: 'Jam selesai', date: 'Tanggal', windows: 'Jam tersedia', label: 'Keterangan',
  durationWeeks: 'Lama program (minggu)', capacity: 'Kapasitas', phases: 'Fase', sessionTypes: 'Jenis sesi',
  week: 'Minggu', weekStart: 'Minggu (Senin)', roomId: 'Ruangan', staffId: 'Petugas', entries: 'Kehadiran', wbpId: 'Warga binaan',
  status: 'Status', absenceReason: 'Alasan tidak hadir', note: 'Catatan', description: 'Deskripsi', active: 'Aktif',
  heldOn: 'Tanggal', toName: 'Tujuan', startedOn: 'Tanggal mulai', endedOn: 'Tanggal berakhir', enrolmentId: 'Program',
} satisfies Catalogue;

const coreLabelsEn: Record<keyof typeof coreLabels, string> = {
  sdpNumber: 'SDP registration number', fullName: 'Full name', sex: 'Sex', birthDate: 'Date of birth',
  birthPlace: 'Place of birth', legalStatus: 'Legal status', caseArticles: 'Case articles', sentenceMonths: 'Sentence (months)',
  block: 'Block', room: 'Room', admissionDate: 'Admission date', expectedReleaseDate: 'Expected release date',
  facilityId: 'Unit', toFacilityId: 'Destination unit', transferDate: 'Transfer date', reason: 'Reason', version: 'Version',
  username: 'Username', password: 'Password', newPassword: 'New password', currentPassword: 'Current password',
  role: 'Role', organizationId: 'Organisation', code: 'Code', name: 'Name', kind: 'Kind', language: 'Language',
  answers: 'Answers', screenedOn: 'Screening date', screeningId: 'Screening', form: 'Assessment form', teamClass: "Team's class",
  overrideReason: 'Reason for departing from the rule', recommendation: 'Recommendation', rupiahPerUsd: 'Rupiah per US dollar',
  holidays: 'National holidays', rule: 'Classification rule', regionId: 'Kanwil', number: 'Number',
  issuedOn: 'Issue date', expiresOn: 'Expiry date', issuer: 'Issuer', text: 'Addendum text', parentId: 'Parent',
  assessmentId: 'Assessment', decreeNumber: 'Decree number', decreeDate: 'Decree date', programmeIds: 'Programmes', place: 'Place of rehabilitation',
  otherWbpId: 'Other person', dayOfWeek: 'Day', start: 'Start', end: 'End', date: 'Date', windows: 'Available hours', label: 'Label',
  durationWeeks: 'Length (weeks)', capacity: 'Capacity', phases: 'Phases', sessionTypes: 'Session types',
  week: 'Week', weekStart: 'Week (Monday)', roomId: 'Room', staffId: 'Staff member', entries: 'Attendance', wbpId: 'Person',
  status: 'Status', absenceReason: 'Reason for absence', note: 'Note', description: 'Description', active: 'Active',
  heldOn: 'Date', toName: 'Recipient', startedOn: 'Start date', endedOn: 'End date', enrolmentId: 'Programme',
};

// The catalogue is the core part and one part per area (server/platform/messages/<area>.ts); a new
// area adds its parts to these four lists, and nowhere else.
const messageParts = [coreMessages, notesMessages, urineMessages, progressMessages, conferencesMessages, recordMessages, agreementsMessages, aftercareMessages, staffMessages, postRehabMessages, exportsMessages, fhirMessages, dashboardMessages, monthlyMessages] as const;
const messagePartsEn = [coreMessagesEn, notesMessagesEn, urineMessagesEn, progressMessagesEn, conferencesMessagesEn, recordMessagesEn, agreementsMessagesEn, aftercareMessagesEn, staffMessagesEn, postRehabMessagesEn, exportsMessagesEn, fhirMessagesEn, dashboardMessagesEn, monthlyMessagesEn] as const;
const labelParts = [coreLabels, notesLabels, urineLabels, progressLabels, conferencesLabels, recordLabels, agreementsLabels, aftercareLabels, staffLabels, postRehabLabels, exportsLabels, monthlyLabels] as const;
const labelPartsEn = [coreLabelsEn, notesLabelsEn, urineLabelsEn, progressLabelsEn, conferencesLabelsEn, recordLabelsEn, agreementsLabelsEn, aftercareLabelsEn, staffLabelsEn, postRehabLabelsEn, exportsLabelsEn, monthlyLabelsEn] as const;

/** The parts as one object, typed with the keys of every part. */
type Merged<T extends readonly Catalogue[]> = T extends readonly [infer First, ...infer Rest extends readonly Catalogue[]] ? First & Merged<Rest> : unknown;
const merged = <T extends readonly Catalogue[]>(parts: T): Merged<T> => Object.assign({}, ...parts) as Merged<T>;

const id = merged(messageParts);

/** Every message has both languages: a key missing from either catalogue does not compile. */
type MessageKey = keyof typeof id;

const en: Record<MessageKey, string> = merged(messagePartsEn);

// Field names as users know them; a field labelled in one language only does not compile.
const idLabels = merged(labelParts);
const fieldLabels: Record<Language, Catalogue> = { id: idLabels, en: merged(labelPartsEn) satisfies Record<keyof typeof idLabels, string> };

const catalogues: Record<Language, Catalogue> = { id, en };

/**
 * Keys defined by more than one part of the catalogue (the core and each area). Merging would let
 * a later part silently relabel another's field or reword its message, so a test keeps this empty.
 */
export function repeatedKeys(): string[] {
  const repeated: string[] = [];
  for (const parts of [messageParts, labelParts]) {
    const seen = new Set<string>();
    for (const part of parts) {
      for (const key of Object.keys(part)) {
        if (seen.has(key)) repeated.push(key);
        seen.add(key);
      }
    }
  }
  return repeated;
}

export function translate(lang: Language, key: string, params: Record<string, string | number> = {}): string {
  const template = catalogues[lang][key] ?? catalogues.id[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}

/** The label of a field as its users know it; the rest of a nested path stays, in brackets. */
export function fieldLabel(lang: Language, path: string): string {
  const [head = path, ...rest] = path.split('.');
  const label = fieldLabels[lang][head];
  if (!label) return path;
  return rest.length > 0 ? `${label} (${rest.join('.')})` : label;
}

/** The rule an ASSIST answer broke, from the instrument's own (English) explanation. */
export function assistRuleKey(detail: string): string {
  if (/q5 is never asked for tobacco/.test(detail)) return 'validation.assistQ5Tobacco';
  if (/is required because q1\./.test(detail)) return 'validation.assistRequiredByQ1';
  if (/must be absent because q1\./.test(detail)) return 'validation.assistAbsentByQ1';
  if (/is required because q2\./.test(detail)) return 'validation.assistRequiredByQ2';
  if (/must be absent because q2\./.test(detail)) return 'validation.assistAbsentByQ2';
  if (/ is required\b/.test(detail)) return 'validation.required';
  return 'validation.assistAnswer';
}

export function hasMessage(key: string, lang: Language = 'id'): boolean {
  return key in catalogues[lang];
}

/** Turns one Zod issue into a key and parameters from the catalogue above. */
export function describeIssue(issue: z.core.$ZodIssue): { key: string; params: Record<string, string | number> } {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.expected === 'int') return { key: 'validation.notInteger', params: {} };
      // Issues carry no input unless asked to; Zod's own message says what was received.
      if (issue.input === undefined && /received undefined/.test(issue.message)) return { key: 'validation.required', params: {} };
      return { key: 'validation.invalidType', params: {} };
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.inclusive === false && issue.origin !== 'string' && issue.origin !== 'array') return { key: 'validation.greaterThan', params: { min } };
      if (issue.origin === 'string') return { key: min <= 1 ? 'validation.required' : 'validation.tooShort', params: { min } };
      if (issue.origin === 'array') return { key: 'validation.tooFewItems', params: { min } };
      return { key: 'validation.tooSmall', params: { min } };
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.inclusive === false && issue.origin !== 'string' && issue.origin !== 'array') return { key: 'validation.lessThan', params: { max } };
      if (issue.origin === 'string') return { key: 'validation.tooLong', params: { max } };
      if (issue.origin === 'array') return { key: 'validation.tooManyItems', params: { max } };
      return { key: 'validation.tooBig', params: { max } };
    }
    case 'invalid_format':
      if (issue.format === 'date') return { key: 'validation.invalidDate', params: {} };
      if (issue.format === 'uuid') return { key: 'validation.invalidUuid', params: {} };
      if (issue.format === 'regex' && hasMessage(`validation.${issue.message}`)) return { key: `validation.${issue.message}`, params: {} };
      return { key: 'validation.invalidFormat', params: {} };
    case 'invalid_value':
      return { key: 'validation.invalidChoice', params: { options: issue.values.map(String).join(', ') } };
    case 'unrecognized_keys':
      return { key: 'validation.unknownField', params: {} };
    case 'custom':
      return { key: hasMessage(`validation.${issue.message}`) ? `validation.${issue.message}` : 'validation.invalidFormat', params: {} };
    default:
      return { key: 'validation.invalidFormat', params: {} };
  }
}

export function languageFrom(header: string | undefined, fallback: Language = 'id'): Language {
  if (!header) return fallback;
  const first = header.split(',')[0]?.trim().toLowerCase() ?? '';
  if (first.startsWith('en')) return 'en';
  if (first.startsWith('id') || first.startsWith('in')) return 'id';
  return fallback;
}

import { addDays, addMonths } from '../shared/domain/dates.ts';
import { BIRTH_PLACES, FAMILY, FEMALE_GIVEN, MALE_GIVEN } from '../server/seed/names.ts';
import { intBetween, pick, seededRandom } from '../server/seed/random.ts';
import { type RosterRow, rosterCsv } from '../server/testing/csv.ts';

// A synthetic SDP roster as the import reads it (server/testing/csv.ts writes the format): the same
// seed gives the same file, byte for byte, on every machine.

const ARTICLES = ['UU 35/2009 Pasal 111', 'UU 35/2009 Pasal 112', 'UU 35/2009 Pasal 114', 'UU 35/2009 Pasal 127', 'KUHP Pasal 55'];

/** Codes of `count` custodial units, as the organisations of the bench database carry them. */
export function rosterUnitCodes(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `UPT-BENCH-${String(i + 1).padStart(3, '0')}`);
}

/**
 * `count` roster rows of people held in `units` on `today`: detainees without a sentence, convicts
 * and children with one, admitted in the five years before. Registration numbers are unique.
 */
export function* rosterRows(count: number, options: { seed: number; units: readonly string[]; today: string }): Generator<RosterRow> {
  const random = seededRandom(options.seed);
  for (let i = 0; i < count; i += 1) {
    const female = random() < 0.08;
    const roll = random();
    const status = roll < 0.3 ? 'tahanan' : roll < 0.98 ? 'narapidana' : 'anak';
    const admitted = addDays(options.today, -intBetween(random, 0, 5 * 365));
    const age = status === 'anak' ? intBetween(random, 14, 17) : intBetween(random, 19, 60);
    const months = status === 'tahanan' ? null : intBetween(random, 6, 144);
    const block = pick(random, ['A', 'B', 'C', 'D', 'E', 'F']);
    const articles = random() < 0.25 ? [pick(random, ARTICLES), 'KUHP Pasal 55'] : [pick(random, ARTICLES.slice(0, 4))];
    yield {
      no_registrasi: `B${admitted.slice(2, 4)}.${String(i + 1).padStart(7, '0')}`,
      nama: `${pick(random, female ? FEMALE_GIVEN : MALE_GIVEN)} ${pick(random, FAMILY)}`,
      jenis_kelamin: female ? 'P' : 'L',
      tanggal_lahir: addDays(options.today, -(age * 365 + intBetween(random, 0, 364))),
      tempat_lahir: pick(random, BIRTH_PLACES),
      status_hukum: status,
      pasal: articles.join(';'),
      lama_pidana_bulan: months === null ? '' : String(months),
      kode_upt: pick(random, options.units),
      blok: `Blok ${block}`,
      kamar: `${block}-${String(intBetween(random, 1, 40)).padStart(2, '0')}`,
      tanggal_masuk: admitted,
      tanggal_bebas: months === null ? '' : addMonths(admitted, months),
    };
  }
}

/** The roster's CSV text in pieces of `chunkRows` rows, the header first: joined, exactly `rosterCsv` of all rows. */
export function* rosterCsvChunks(rows: Iterable<RosterRow>, chunkRows = 10_000): Generator<string> {
  let chunk: RosterRow[] = [];
  let first = true;
  const text = () => {
    const csv = rosterCsv(chunk);
    // rosterCsv writes a header before every piece; only the first keeps it.
    const piece = first ? csv : csv.slice(csv.indexOf('\n') + 1);
    first = false;
    chunk = [];
    return piece;
  };
  for (const row of rows) {
    chunk.push(row);
    if (chunk.length === chunkRows) yield text();
  }
  if (chunk.length > 0 || first) yield text();
}

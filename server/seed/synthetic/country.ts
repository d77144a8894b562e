// The geography of the synthetic country: the 33 regional offices (Kanwil) of the corrections
// directorate, one per province, with the number of custodial units each holds (530 in all) and
// the cities the units are named after. The numbers follow the real spread roughly: Java and North
// Sumatra hold the most units, the new provinces the fewest.

export interface Province {
  /** Three letters, used in every code of the region. */
  code: string;
  name: string;
  /** Custodial units (Rutan, Lapas, LPKA) at national scale. */
  units: number;
  /** The capital first. */
  cities: readonly string[];
}

export const PROVINCES: readonly Province[] = [
  { code: 'ACH', name: 'Aceh', units: 22, cities: ['Banda Aceh', 'Lhokseumawe', 'Langsa', 'Meulaboh', 'Sigli', 'Takengon', 'Bireuen', 'Kutacane'] },
  { code: 'SMU', name: 'Sumatera Utara', units: 38, cities: ['Medan', 'Binjai', 'Pematangsiantar', 'Tebing Tinggi', 'Sibolga', 'Tanjung Balai', 'Kisaran', 'Rantau Prapat', 'Padangsidimpuan', 'Lubuk Pakam', 'Kabanjahe', 'Tarutung'] },
  { code: 'SMB', name: 'Sumatera Barat', units: 19, cities: ['Padang', 'Bukittinggi', 'Payakumbuh', 'Solok', 'Pariaman', 'Sawahlunto', 'Batusangkar'] },
  { code: 'RIU', name: 'Riau', units: 16, cities: ['Pekanbaru', 'Dumai', 'Bengkalis', 'Rengat', 'Tembilahan', 'Bangkinang', 'Pasir Pengaraian'] },
  { code: 'JMB', name: 'Jambi', units: 11, cities: ['Jambi', 'Sungai Penuh', 'Muara Bungo', 'Kuala Tungkal', 'Bangko', 'Sarolangun'] },
  { code: 'SMS', name: 'Sumatera Selatan', units: 20, cities: ['Palembang', 'Lubuklinggau', 'Prabumulih', 'Lahat', 'Muara Enim', 'Kayu Agung', 'Baturaja', 'Sekayu'] },
  { code: 'BKL', name: 'Bengkulu', units: 8, cities: ['Bengkulu', 'Curup', 'Manna', 'Argamakmur'] },
  { code: 'LPG', name: 'Lampung', units: 16, cities: ['Bandar Lampung', 'Metro', 'Kotabumi', 'Kalianda', 'Gunung Sugih', 'Way Kanan', 'Kota Agung'] },
  { code: 'BBL', name: 'Kepulauan Bangka Belitung', units: 8, cities: ['Pangkalpinang', 'Sungailiat', 'Tanjung Pandan', 'Muntok', 'Toboali'] },
  { code: 'KPR', name: 'Kepulauan Riau', units: 11, cities: ['Tanjungpinang', 'Batam', 'Karimun', 'Dabo Singkep', 'Ranai'] },
  { code: 'DKI', name: 'DKI Jakarta', units: 9, cities: ['Jakarta Pusat', 'Jakarta Timur', 'Jakarta Utara', 'Jakarta Selatan', 'Jakarta Barat'] },
  { code: 'JBR', name: 'Jawa Barat', units: 34, cities: ['Bandung', 'Bogor', 'Bekasi', 'Depok', 'Cirebon', 'Sukabumi', 'Tasikmalaya', 'Garut', 'Karawang', 'Purwakarta', 'Subang', 'Cianjur', 'Indramayu', 'Kuningan', 'Majalengka', 'Sumedang'] },
  { code: 'JTG', name: 'Jawa Tengah', units: 45, cities: ['Semarang', 'Surakarta', 'Magelang', 'Pekalongan', 'Tegal', 'Purwokerto', 'Cilacap', 'Kudus', 'Pati', 'Klaten', 'Kendal', 'Banyumas', 'Purworejo', 'Wonosobo', 'Sragen', 'Boyolali', 'Demak', 'Jepara', 'Rembang', 'Blora'] },
  { code: 'DIY', name: 'DI Yogyakarta', units: 6, cities: ['Yogyakarta', 'Sleman', 'Bantul', 'Wonosari', 'Wates'] },
  { code: 'JTM', name: 'Jawa Timur', units: 40, cities: ['Surabaya', 'Malang', 'Kediri', 'Madiun', 'Jember', 'Banyuwangi', 'Sidoarjo', 'Pasuruan', 'Probolinggo', 'Mojokerto', 'Blitar', 'Tulungagung', 'Bojonegoro', 'Lamongan', 'Tuban', 'Pamekasan', 'Sumenep', 'Bangkalan'] },
  { code: 'BNT', name: 'Banten', units: 11, cities: ['Serang', 'Tangerang', 'Cilegon', 'Pandeglang', 'Rangkasbitung'] },
  { code: 'BAL', name: 'Bali', units: 10, cities: ['Denpasar', 'Singaraja', 'Tabanan', 'Gianyar', 'Karangasem', 'Negara', 'Bangli'] },
  { code: 'NTB', name: 'Nusa Tenggara Barat', units: 10, cities: ['Mataram', 'Bima', 'Sumbawa Besar', 'Praya', 'Selong', 'Dompu'] },
  { code: 'NTT', name: 'Nusa Tenggara Timur', units: 21, cities: ['Kupang', 'Atambua', 'Ende', 'Maumere', 'Waingapu', 'Ruteng', 'Kalabahi', 'Larantuka', 'Kefamenanu', 'Soe', 'Bajawa', 'Labuan Bajo'] },
  { code: 'KBR', name: 'Kalimantan Barat', units: 16, cities: ['Pontianak', 'Singkawang', 'Ketapang', 'Sanggau', 'Sintang', 'Putussibau', 'Mempawah', 'Sambas'] },
  { code: 'KTG', name: 'Kalimantan Tengah', units: 13, cities: ['Palangka Raya', 'Sampit', 'Pangkalan Bun', 'Kuala Kapuas', 'Muara Teweh', 'Buntok'] },
  { code: 'KSL', name: 'Kalimantan Selatan', units: 15, cities: ['Banjarmasin', 'Banjarbaru', 'Martapura', 'Kotabaru', 'Barabai', 'Amuntai', 'Tanjung', 'Pelaihari'] },
  { code: 'KTM', name: 'Kalimantan Timur', units: 16, cities: ['Samarinda', 'Balikpapan', 'Bontang', 'Tenggarong', 'Tanjung Redeb', 'Tarakan', 'Nunukan', 'Tanah Grogot'] },
  { code: 'SLU', name: 'Sulawesi Utara', units: 11, cities: ['Manado', 'Bitung', 'Tomohon', 'Kotamobagu', 'Tondano', 'Amurang', 'Tahuna'] },
  { code: 'STG', name: 'Sulawesi Tengah', units: 14, cities: ['Palu', 'Poso', 'Luwuk', 'Toli-Toli', 'Donggala', 'Parigi', 'Ampana'] },
  { code: 'SLS', name: 'Sulawesi Selatan', units: 28, cities: ['Makassar', 'Parepare', 'Palopo', 'Bone', 'Bulukumba', 'Sinjai', 'Maros', 'Gowa', 'Takalar', 'Sidrap', 'Pinrang', 'Enrekang', 'Soppeng', 'Wajo'] },
  { code: 'SLT', name: 'Sulawesi Tenggara', units: 12, cities: ['Kendari', 'Bau-Bau', 'Kolaka', 'Raha', 'Unaaha', 'Andoolo'] },
  { code: 'GTO', name: 'Gorontalo', units: 5, cities: ['Gorontalo', 'Limboto', 'Marisa', 'Kwandang'] },
  { code: 'SLB', name: 'Sulawesi Barat', units: 5, cities: ['Mamuju', 'Majene', 'Polewali', 'Pasangkayu'] },
  { code: 'MLK', name: 'Maluku', units: 13, cities: ['Ambon', 'Tual', 'Masohi', 'Namlea', 'Saumlaki', 'Dobo', 'Piru'] },
  { code: 'MLU', name: 'Maluku Utara', units: 8, cities: ['Ternate', 'Tidore', 'Tobelo', 'Labuha', 'Sanana'] },
  { code: 'PBR', name: 'Papua Barat', units: 9, cities: ['Manokwari', 'Sorong', 'Fakfak', 'Kaimana', 'Teminabuan'] },
  { code: 'PAP', name: 'Papua', units: 10, cities: ['Jayapura', 'Merauke', 'Nabire', 'Timika', 'Biak', 'Wamena', 'Serui'] },
];

export const SCALES = ['unit', 'region', 'national'] as const;
export type Scale = (typeof SCALES)[number];

export interface ScalePlan {
  /** The provinces generated, each with the number of custodial units it gets. */
  regions: { province: Province; units: number }[];
  /** People in the register (held now or released), spread over the units. */
  people: number;
  /** Of them, people with a case under the Narcotics Law. */
  drugCases: number;
}

/** Nationally: 275,000 people, 136,000 of them with a narcotics case. */
export const NATIONAL_PEOPLE = 275_000;
export const NATIONAL_DRUG_CASES = 136_000;

/** The province of the smaller scales: Lampung has 16 units (one region); a unit is its first Rutan. */
const SMALL_SCALE_PROVINCE = 'LPG';

export function planFor(scale: Scale): ScalePlan {
  const drugShare = NATIONAL_DRUG_CASES / NATIONAL_PEOPLE;
  const totalUnits = PROVINCES.reduce((sum, p) => sum + p.units, 0);
  if (scale === 'national') {
    return { regions: PROVINCES.map((province) => ({ province, units: province.units })), people: NATIONAL_PEOPLE, drugCases: NATIONAL_DRUG_CASES };
  }
  const province = PROVINCES.find((p) => p.code === SMALL_SCALE_PROVINCE)!;
  if (scale === 'region') {
    const people = Math.round((NATIONAL_PEOPLE * province.units) / totalUnits);
    return { regions: [{ province, units: province.units }], people, drugCases: Math.round(people * drugShare) };
  }
  return { regions: [{ province, units: 1 }], people: 500, drugCases: Math.round(500 * drugShare) };
}

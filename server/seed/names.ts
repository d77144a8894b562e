// Common Indonesian given and family names, across Java, Sumatra, Sulawesi and the east.
export const MALE_GIVEN = [
  'Agus', 'Ahmad', 'Andi', 'Arif', 'Bambang', 'Budi', 'Dedi', 'Deni', 'Dimas', 'Eko', 'Fajar', 'Ferry', 'Hendra',
  'Heru', 'Irfan', 'Iwan', 'Joko', 'Kurniawan', 'Lukman', 'Muhammad', 'Nanang', 'Rahmat', 'Rizki', 'Rudi',
  'Slamet', 'Sugeng', 'Teguh', 'Wahyu', 'Yusuf', 'Zainal', 'Asep', 'Ujang', 'Cecep', 'Dadang', 'Ikhsan',
  'Ilham', 'Reza', 'Taufik', 'Yoga', 'Bayu', 'Gilang', 'Hadi', 'Ridwan', 'Samsul', 'Syahrul', 'Ucok', 'Made',
  'Komang', 'Yohanes', 'Markus',
];
export const FEMALE_GIVEN = [
  'Ani', 'Dewi', 'Fitri', 'Indah', 'Lestari', 'Mega', 'Nur', 'Putri', 'Rina', 'Sari', 'Siti', 'Sri', 'Wulan',
  'Yuni', 'Ayu', 'Dian', 'Eka', 'Nurul', 'Ratna', 'Tuti',
];
export const FAMILY = [
  'Saputra', 'Setiawan', 'Hidayat', 'Nugroho', 'Pratama', 'Wibowo', 'Kusuma', 'Santoso', 'Gunawan', 'Siregar',
  'Nasution', 'Harahap', 'Lubis', 'Simanjuntak', 'Sitompul', 'Hutapea', 'Pohan', 'Sembiring', 'Ginting', 'Tarigan',
  'Suryadi', 'Firmansyah', 'Hermawan', 'Kurniadi', 'Maulana', 'Ramadhan', 'Syahputra', 'Wijaya', 'Halim', 'Rusdi',
  'Sulaiman', 'Iskandar', 'Fauzi', 'Hakim', 'Mulyadi', 'Supriyadi', 'Sutrisno', 'Purnomo', 'Rahman', 'Anwar',
  'Pattiradjawane', 'Rumbiak', 'Lamba', 'Daeng', 'Tambunan', 'Manurung', 'Butarbutar', 'Effendi', 'Aritonang', 'Wenda',
];
export const BIRTH_PLACES = [
  'Serang', 'Tangerang', 'Cilegon', 'Pandeglang', 'Lebak', 'Jakarta', 'Bogor', 'Bandung', 'Bekasi', 'Depok',
  'Sukabumi', 'Cianjur', 'Medan', 'Palembang', 'Lampung', 'Semarang', 'Surabaya', 'Makassar', 'Padang', 'Karawang',
];

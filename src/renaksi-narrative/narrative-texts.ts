/**
 * The paragraphs of the Renaksi narrative the team writes (every figure in the document comes from the data, never
 * from these texts), with the defaults a new plan starts from, written for Kabupaten Kutai Timur. A text is stored
 * only where the team changed it, so a plan nobody edited follows the defaults.
 */
export const NARRATIVE_SECTIONS = [
  'latarBelakang', 'dasarHukum', 'maksudTujuan', 'permasalahan', 'strategi', 'rencanaAksi', 'monev', 'penutup',
] as const;
export type NarrativeSection = (typeof NARRATIVE_SECTIONS)[number];
export type NarrativeTexts = Record<NarrativeSection, string>;

/** Where each text stands in the document, as the editor names it. */
export const NARRATIVE_LABELS: Record<NarrativeSection, string> = {
  latarBelakang: 'BAB I A. Latar Belakang',
  dasarHukum: 'BAB I B. Dasar Hukum',
  maksudTujuan: 'BAB I C. Maksud dan Tujuan',
  permasalahan: 'BAB II Permasalahan Utama',
  strategi: 'BAB III A. Strategi',
  rencanaAksi: 'BAB IV Rencana Aksi (pengantar)',
  monev: 'BAB V Mekanisme Monitoring dan Evaluasi',
  penutup: 'BAB VI Penutup',
};

/** Longest text a section takes (a few pages of a chapter). */
export const NARRATIVE_TEXT_MAX = 20_000;
/** Longest single item of the legal basis. */
export const LEGAL_ITEM_MAX = 600;

const DISKOMINFO = 'Dinas Komunikasi dan Informatika, Persandian dan Statistik (Diskominfo Staper)';

export const NARRATIVE_DEFAULTS: NarrativeTexts = {
  latarBelakang: [
    'Pengaduan masyarakat merupakan sumber informasi yang penting bagi penyelenggara pelayanan publik untuk mengetahui kekurangan pelayanan yang diberikan dan memperbaikinya. Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik mewajibkan setiap penyelenggara menyediakan sarana pengaduan dan menugaskan pelaksana yang kompeten untuk mengelola pengaduan, sedangkan Peraturan Presiden Nomor 76 Tahun 2013 tentang Pengelolaan Pengaduan Pelayanan Publik menugaskan pimpinan instansi pemerintah, termasuk kepala daerah, untuk membina dan mengawasi pengelolaan pengaduan di lingkungannya.',
    'Pengelolaan pengaduan pelayanan publik secara nasional dilaksanakan melalui Sistem Pengelolaan Pengaduan Pelayanan Publik Nasional – Layanan Aspirasi dan Pengaduan Online Rakyat (SP4N-LAPOR!) dengan prinsip mudah, terpadu, dan tuntas. Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 46 Tahun 2020 tentang Road Map Sistem Pengelolaan Pengaduan Pelayanan Publik Nasional Tahun 2020–2024 menetapkan sasaran terwujudnya sistem pengelolaan pengaduan yang mampu memberikan respons dan solusi cepat serta terpercaya, yang ditandai dengan meningkatnya jumlah pengaduan yang disampaikan masyarakat dan meningkatnya persentase pengaduan yang ditindaklanjuti hingga selesai.',
    `Pemerintah Kabupaten Kutai Timur mengelola pengaduan melalui SP4N-LAPOR! dengan ${DISKOMINFO} sebagai admin utama, serta admin dan pejabat penghubung di setiap perangkat daerah dan kecamatan. Dalam pelaksanaannya masih dijumpai pengaduan yang belum ditindaklanjuti tepat waktu, pengelola pengaduan yang belum lengkap di sebagian unit, jawaban yang bersifat normatif, serta pemanfaatan kanal pengaduan oleh masyarakat yang belum merata hingga ke desa.`,
    'Untuk memperbaiki kondisi tersebut secara terukur, setiap perangkat daerah dan kecamatan melaksanakan penilaian mandiri pengelolaan pengaduan terhadap indikator yang selaras dengan Road Map SP4N-LAPOR!. Hasil penilaian mandiri yang telah diverifikasi menjadi dasar penyusunan Rencana Aksi ini, sehingga setiap kegiatan disusun dari kesenjangan yang ditemukan dan setiap target dapat dipantau pencapaiannya.',
  ].join('\n'),
  dasarHukum: [
    'Undang-Undang Nomor 47 Tahun 1999 tentang Pembentukan Kabupaten Nunukan, Kabupaten Malinau, Kabupaten Kutai Barat, Kabupaten Kutai Timur, dan Kota Bontang;',
    'Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik;',
    'Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah sebagaimana telah beberapa kali diubah;',
    'Peraturan Presiden Nomor 76 Tahun 2013 tentang Pengelolaan Pengaduan Pelayanan Publik;',
    'Peraturan Presiden Nomor 95 Tahun 2018 tentang Sistem Pemerintahan Berbasis Elektronik;',
    'Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 62 Tahun 2018 tentang Pedoman Nasional Pengelolaan Pengaduan Pelayanan Publik;',
    'Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 46 Tahun 2020 tentang Road Map Sistem Pengelolaan Pengaduan Pelayanan Publik Nasional Tahun 2020–2024;',
    'Keputusan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 680 Tahun 2020 yang menetapkan SP4N-LAPOR! sebagai aplikasi umum bidang pengelolaan pengaduan pelayanan publik;',
    'Peraturan Daerah Kabupaten Kutai Timur Nomor 10 Tahun 2016 tentang Pembentukan dan Susunan Perangkat Daerah.',
  ].join('\n'),
  maksudTujuan: [
    'Maksud penyusunan Rencana Aksi ini adalah memberikan acuan bagi perangkat daerah dan kecamatan di lingkungan Pemerintah Kabupaten Kutai Timur dalam memperkuat pengelolaan pengaduan pelayanan publik melalui SP4N-LAPOR! secara bertahap, terukur, dan terkoordinasi.',
    'Tujuan Rencana Aksi ini adalah:',
    'a. menetapkan kegiatan perbaikan berdasarkan kesenjangan hasil penilaian mandiri setiap unit;',
    'b. menetapkan target per tahun, penanggung jawab, dan waktu pelaksanaan setiap kegiatan;',
    'c. memastikan setiap pengaduan masyarakat ditindaklanjuti secara cepat, tuntas, dan substantif; dan',
    'd. menyediakan dasar bagi monitoring dan evaluasi pencapaian secara berkala.',
  ].join('\n'),
  permasalahan: [
    'Berdasarkan hasil penilaian mandiri dan catatan pelaksanaan SP4N-LAPOR! di Kabupaten Kutai Timur, permasalahan utama pengelolaan pengaduan adalah sebagai berikut:',
    'a. belum seluruh unit memiliki keputusan penetapan pengelola pengaduan dan standar operasional prosedur yang selaras dengan alur dan batas waktu SP4N-LAPOR!;',
    'b. akun admin dan pejabat penghubung di sebagian unit belum aktif atau belum memiliki pengganti, sehingga pengaduan dapat mengendap tanpa tindak lanjut;',
    'c. tindak lanjut pengaduan belum seluruhnya tepat waktu dan sebagian jawaban masih bersifat normatif;',
    'd. sosialisasi kanal pengaduan kepada masyarakat, terutama di desa dan kecamatan yang jauh dari Sangatta, belum merata;',
    'e. perangkat dan jaringan internet di sebagian kecamatan masih terbatas; dan',
    'f. data pengaduan belum dimanfaatkan secara rutin sebagai masukan perbaikan layanan dan perencanaan.',
  ].join('\n'),
  strategi: [
    'Untuk mencapai sasaran Rencana Aksi, Pemerintah Kabupaten Kutai Timur menempuh strategi sebagai berikut:',
    'a. penguatan kebijakan dan komitmen pimpinan melalui penetapan pengelola pengaduan, standar operasional prosedur, dan pemuatan kegiatan Rencana Aksi dalam Renja dan DPA perangkat daerah;',
    'b. penguatan kelembagaan dan kompetensi pengelola melalui aktivasi akun, bimbingan teknis admin dan pejabat penghubung, serta serah terima tugas pada saat mutasi;',
    'c. integrasi seluruh kanal pengaduan ke dalam SP4N-LAPOR!, termasuk pencatatan pengaduan yang disampaikan secara langsung, sehingga setiap pengaduan sampai kepada unit yang berwenang;',
    'd. percepatan dan peningkatan mutu tindak lanjut pengaduan sesuai batas waktu yang berlaku;',
    'e. perluasan sosialisasi dan partisipasi masyarakat hingga tingkat desa; dan',
    'f. monitoring dan evaluasi berjenjang serta pemanfaatan data pengaduan untuk perbaikan layanan.',
    `Pelaksanaan strategi dikoordinasikan oleh ${DISKOMINFO} selaku admin utama SP4N-LAPOR! bersama Bagian Organisasi Sekretariat Daerah, Inspektorat Daerah, dan Badan Perencanaan Pembangunan Daerah sesuai kewenangan masing-masing.`,
  ].join('\n'),
  rencanaAksi: [
    'Rencana Aksi disusun dari kesenjangan antara tingkat yang dicapai setiap unit pada penilaian mandiri dan tingkat target setiap indikator. Setiap indikator yang masih memiliki unit di bawah target menjadi kegiatan tingkat kabupaten, dikelompokkan menurut sasaran dan diurutkan menurut prioritas, yaitu besarnya kesenjangan, bobot aspek, dan banyaknya unit yang belum mencapai target.',
    'Kegiatan yang memerlukan anggaran dimuat dalam Rencana Kerja dan Dokumen Pelaksanaan Anggaran perangkat daerah penanggung jawab sesuai nomenklatur program, kegiatan, dan sub kegiatan yang berlaku.',
  ].join('\n'),
  monev: [
    'Monitoring dan evaluasi pelaksanaan Rencana Aksi dilaksanakan secara berjenjang dan berkala setiap semester dengan ketentuan sebagai berikut:',
    'a. perangkat daerah penanggung jawab melaporkan realisasi kegiatan tingkat kabupaten, dan setiap perangkat daerah serta kecamatan melaporkan pelaksanaan bagiannya sebagaimana tercantum dalam Lampiran II, paling lambat pada bulan pertama setelah semester berakhir;',
    'b. laporan memuat status pelaksanaan (belum dimulai, berjalan, selesai, atau tidak dilaksanakan), capaian terhadap target output, kendala, tindak lanjut, dan bukti dukung, menggunakan Matriks Monitoring dan Evaluasi sebagaimana tercantum dalam Lampiran III;',
    `c. verifikator dari ${DISKOMINFO} dan Inspektorat Daerah memeriksa bukti dukung setiap laporan dan dapat meminta perbaikan;`,
    'd. Diskominfo Staper menyusun rekapitulasi capaian setiap semester dan menyampaikannya kepada Bupati melalui Sekretaris Daerah; dan',
    'e. penilaian mandiri pada periode berikutnya mengukur hasil Rencana Aksi, yaitu jumlah unit yang mencapai tingkat target setiap tahun, dan menjadi dasar penyesuaian Rencana Aksi tahun berikutnya.',
  ].join('\n'),
  penutup: [
    'Rencana Aksi Pengelolaan Pengaduan Pelayanan Publik melalui SP4N-LAPOR! ini merupakan acuan bersama seluruh perangkat daerah dan kecamatan di lingkungan Pemerintah Kabupaten Kutai Timur. Keberhasilannya bergantung pada komitmen pimpinan, kesungguhan pengelola pengaduan, dan peran serta masyarakat dalam menyampaikan pengaduan.',
    'Rencana Aksi ini dapat ditinjau dan disesuaikan berdasarkan hasil monitoring dan evaluasi serta perkembangan peraturan perundang-undangan.',
  ].join('\n'),
};

/** The stored texts over the defaults. */
export function narrativeTexts(stored: Partial<NarrativeTexts>): NarrativeTexts {
  return { ...NARRATIVE_DEFAULTS, ...stored };
}

/** A text as paragraphs: one per non-empty line. */
export function paragraphsOf(text: string): string[] {
  return text.split('\n').map((l) => l.trim()).filter((l) => l !== '');
}

const ITEM_LABEL = /^(\d{1,2}|[a-z])[.)]\s+/;

/** "a. menetapkan …" → { label: 'a.', text: 'menetapkan …' }; null for a plain paragraph. */
export function listItemOf(line: string): { label: string; text: string } | null {
  const m = ITEM_LABEL.exec(line);
  return m ? { label: line.slice(0, m[0].length).trim(), text: line.slice(m[0].length) } : null;
}

/** The legal basis as items, numbered by the document: a number the team typed in front of an item is dropped. */
export function legalBasisItems(text: string): string[] {
  return paragraphsOf(text).map((l) => l.replace(/^\d{1,2}[.)]\s*/, ''));
}

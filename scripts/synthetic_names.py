"""The names a synthetic Kabupaten is made of (scripts/make_synthetic.py): perangkat daerah with their urusan's
programs, kecamatan, the support program's kegiatan and sub kegiatan (Permendagri 90/2019 nomenclature), and the
patterns other kegiatan and sub kegiatan are named by."""

# (name, the bidang that reports its data, the urusan's own programs as (program, subject)).
PERANGKAT_DAERAH: list[tuple[str, str, list[tuple[str, str]]]] = [
    ("Dinas Pendidikan", "Bidang Pembinaan SD", [
        ("Program Pengelolaan Pendidikan", "Pendidikan Sekolah Dasar"),
        ("Program Pengembangan Kurikulum", "Penetapan Kurikulum Muatan Lokal"),
        ("Program Pendidik dan Tenaga Kependidikan", "Pendidik dan Tenaga Kependidikan"),
        ("Program Pengendalian Perizinan Pendidikan", "Perizinan Pendidikan Swasta"),
        ("Program Pengembangan Bahasa dan Sastra", "Bahasa dan Sastra Daerah")]),
    ("Dinas Kesehatan", "Bidang Kesehatan Masyarakat", [
        ("Program Pemenuhan Upaya Kesehatan Perorangan dan Upaya Kesehatan Masyarakat", "Upaya Kesehatan Masyarakat"),
        ("Program Peningkatan Kapasitas Sumber Daya Manusia Kesehatan", "Sumber Daya Manusia Kesehatan"),
        ("Program Sediaan Farmasi, Alat Kesehatan dan Makanan Minuman", "Sediaan Farmasi dan Alat Kesehatan"),
        ("Program Pemberdayaan Masyarakat Bidang Kesehatan", "Promosi Kesehatan")]),
    ("Dinas Pekerjaan Umum dan Penataan Ruang", "Bidang Bina Marga", [
        ("Program Pengelolaan Sumber Daya Air", "Sumber Daya Air"),
        ("Program Pengelolaan dan Pengembangan Sistem Penyediaan Air Minum", "Sistem Penyediaan Air Minum"),
        ("Program Penyelenggaraan Jalan", "Jalan Kabupaten"),
        ("Program Penyelenggaraan Penataan Ruang", "Penataan Ruang"),
        ("Program Pengembangan Jasa Konstruksi", "Jasa Konstruksi")]),
    ("Dinas Perumahan dan Kawasan Permukiman", "Bidang Permukiman", [
        ("Program Pengembangan Perumahan", "Perumahan Rakyat"),
        ("Program Kawasan Permukiman", "Kawasan Permukiman Kumuh"),
        ("Program Peningkatan Prasarana, Sarana dan Utilitas Umum", "Prasarana, Sarana dan Utilitas Umum")]),
    ("Satuan Polisi Pamong Praja", "Bidang Penegakan Perda", [
        ("Program Peningkatan Ketenteraman dan Ketertiban Umum", "Ketenteraman dan Ketertiban Umum"),
        ("Program Pencegahan, Penanggulangan, Penyelamatan Kebakaran dan Penyelamatan Non Kebakaran",
         "Penanggulangan Kebakaran")]),
    ("Badan Penanggulangan Bencana Daerah", "Bidang Pencegahan dan Kesiapsiagaan", [
        ("Program Penanggulangan Bencana", "Penanggulangan Bencana")]),
    ("Dinas Sosial", "Bidang Rehabilitasi Sosial", [
        ("Program Pemberdayaan Sosial", "Potensi Sumber Kesejahteraan Sosial"),
        ("Program Rehabilitasi Sosial", "Rehabilitasi Sosial"),
        ("Program Perlindungan dan Jaminan Sosial", "Perlindungan dan Jaminan Sosial"),
        ("Program Penanganan Bencana", "Perlindungan Sosial Korban Bencana")]),
    ("Dinas Tenaga Kerja", "Bidang Penempatan Tenaga Kerja", [
        ("Program Pelatihan Kerja dan Produktivitas Tenaga Kerja", "Pelatihan Kerja"),
        ("Program Penempatan Tenaga Kerja", "Penempatan Tenaga Kerja"),
        ("Program Hubungan Industrial", "Hubungan Industrial")]),
    ("Dinas Pemberdayaan Perempuan dan Perlindungan Anak", "Bidang Perlindungan Anak", [
        ("Program Pengarusutamaan Gender dan Pemberdayaan Perempuan", "Pengarusutamaan Gender"),
        ("Program Perlindungan Perempuan", "Perlindungan Perempuan"),
        ("Program Pemenuhan Hak Anak", "Pemenuhan Hak Anak"),
        ("Program Perlindungan Khusus Anak", "Perlindungan Khusus Anak")]),
    ("Dinas Ketahanan Pangan", "Bidang Ketersediaan Pangan", [
        ("Program Peningkatan Diversifikasi dan Ketahanan Pangan Masyarakat", "Diversifikasi Pangan"),
        ("Program Penanganan Kerawanan Pangan", "Kerawanan Pangan"),
        ("Program Pengawasan Keamanan Pangan", "Keamanan Pangan Segar")]),
    ("Dinas Lingkungan Hidup", "Bidang Pengelolaan Sampah", [
        ("Program Perencanaan Lingkungan Hidup", "Perencanaan Lingkungan Hidup"),
        ("Program Pengendalian Pencemaran dan/atau Kerusakan Lingkungan Hidup", "Pencemaran Lingkungan Hidup"),
        ("Program Pengelolaan Persampahan", "Persampahan"),
        ("Program Penghargaan Lingkungan Hidup untuk Masyarakat", "Penghargaan Lingkungan Hidup")]),
    ("Dinas Kependudukan dan Pencatatan Sipil", "Bidang Pelayanan Pendaftaran Penduduk", [
        ("Program Pendaftaran Penduduk", "Pendaftaran Penduduk"),
        ("Program Pencatatan Sipil", "Pencatatan Sipil"),
        ("Program Pengelolaan Informasi Administrasi Kependudukan", "Informasi Administrasi Kependudukan")]),
    ("Dinas Pemberdayaan Masyarakat dan Desa", "Bidang Pemerintahan Desa", [
        ("Program Penataan Desa", "Penataan Desa"),
        ("Program Peningkatan Kerja Sama Desa", "Kerja Sama Desa"),
        ("Program Administrasi Pemerintahan Desa", "Administrasi Pemerintahan Desa"),
        ("Program Pemberdayaan Lembaga Kemasyarakatan, Lembaga Adat dan Masyarakat Hukum Adat",
         "Lembaga Kemasyarakatan Desa")]),
    ("Dinas Pengendalian Penduduk dan Keluarga Berencana", "Bidang Keluarga Berencana", [
        ("Program Pengendalian Penduduk", "Pengendalian Penduduk"),
        ("Program Pembinaan Keluarga Berencana (KB)", "Keluarga Berencana"),
        ("Program Pemberdayaan dan Peningkatan Keluarga Sejahtera (KS)", "Keluarga Sejahtera")]),
    ("Dinas Perhubungan", "Bidang Lalu Lintas", [
        ("Program Penyelenggaraan Lalu Lintas dan Angkutan Jalan (LLAJ)", "Lalu Lintas dan Angkutan Jalan"),
        ("Program Pengelolaan Perkeretaapian", "Perkeretaapian")]),
    ("Dinas Komunikasi dan Informatika", "Bidang Aplikasi Informatika", [
        ("Program Informasi dan Komunikasi Publik", "Informasi dan Komunikasi Publik"),
        ("Program Aplikasi Informatika", "Aplikasi Informatika"),
        ("Program Penyelenggaraan Statistik Sektoral", "Statistik Sektoral"),
        ("Program Penyelenggaraan Persandian untuk Pengamanan Informasi", "Persandian")]),
    ("Dinas Koperasi, Usaha Kecil dan Menengah", "Bidang Pemberdayaan Usaha Mikro", [
        ("Program Pelayanan Izin Usaha Simpan Pinjam", "Izin Usaha Simpan Pinjam"),
        ("Program Pengawasan dan Pemeriksaan Koperasi", "Pengawasan Koperasi"),
        ("Program Pemberdayaan dan Perlindungan Koperasi", "Pemberdayaan Koperasi"),
        ("Program Pemberdayaan Usaha Menengah, Usaha Kecil, dan Usaha Mikro (UMKM)", "Usaha Mikro")]),
    ("Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", "Bidang Pelayanan Perizinan", [
        ("Program Pengembangan Iklim Penanaman Modal", "Iklim Penanaman Modal"),
        ("Program Promosi Penanaman Modal", "Promosi Penanaman Modal"),
        ("Program Pelayanan Penanaman Modal", "Pelayanan Perizinan Berusaha"),
        ("Program Pengendalian Pelaksanaan Penanaman Modal", "Pengendalian Penanaman Modal")]),
    ("Dinas Pemuda dan Olahraga", "Bidang Keolahragaan", [
        ("Program Pengembangan Kapasitas Daya Saing Kepemudaan", "Kepemudaan"),
        ("Program Pengembangan Kapasitas Daya Saing Keolahragaan", "Keolahragaan")]),
    ("Dinas Kebudayaan dan Pariwisata", "Bidang Destinasi Pariwisata", [
        ("Program Peningkatan Daya Tarik Destinasi Pariwisata", "Destinasi Pariwisata"),
        ("Program Pemasaran Pariwisata", "Pemasaran Pariwisata"),
        ("Program Pengembangan Ekonomi Kreatif", "Ekonomi Kreatif"),
        ("Program Pengembangan Kebudayaan", "Kebudayaan Daerah"),
        ("Program Pelestarian dan Pengelolaan Cagar Budaya", "Cagar Budaya")]),
    ("Dinas Perpustakaan dan Kearsipan", "Bidang Pengembangan Perpustakaan", [
        ("Program Pembinaan Perpustakaan", "Perpustakaan Daerah"),
        ("Program Pelestarian Koleksi Nasional dan Naskah Kuno", "Naskah Kuno"),
        ("Program Pengelolaan Arsip", "Arsip Daerah"),
        ("Program Perlindungan dan Penyelamatan Arsip", "Penyelamatan Arsip")]),
    ("Dinas Perikanan", "Bidang Perikanan Budidaya", [
        ("Program Pengelolaan Perikanan Budidaya", "Perikanan Budidaya"),
        ("Program Pengolahan dan Pemasaran Hasil Perikanan", "Hasil Perikanan")]),
    ("Dinas Pertanian", "Bidang Tanaman Pangan", [
        ("Program Penyediaan dan Pengembangan Sarana Pertanian", "Sarana Pertanian"),
        ("Program Penyediaan dan Pengembangan Prasarana Pertanian", "Prasarana Pertanian"),
        ("Program Pengendalian Kesehatan Hewan dan Kesehatan Masyarakat Veteriner", "Kesehatan Hewan"),
        ("Program Pengendalian dan Penanggulangan Bencana Pertanian", "Bencana Pertanian"),
        ("Program Penyuluhan Pertanian", "Penyuluhan Pertanian")]),
    ("Dinas Perdagangan dan Perindustrian", "Bidang Perdagangan", [
        ("Program Perizinan dan Pendaftaran Perusahaan", "Perizinan Perusahaan"),
        ("Program Peningkatan Sarana Distribusi Perdagangan", "Sarana Distribusi Perdagangan"),
        ("Program Stabilisasi Harga Barang Kebutuhan Pokok dan Barang Penting", "Harga Barang Kebutuhan Pokok"),
        ("Program Standardisasi dan Perlindungan Konsumen", "Perlindungan Konsumen"),
        ("Program Perencanaan dan Pembangunan Industri", "Pembangunan Industri")]),
    ("Badan Perencanaan Pembangunan, Riset dan Inovasi Daerah", "Bidang Perencanaan dan Evaluasi", [
        ("Program Perencanaan, Pengendalian dan Evaluasi Pembangunan Daerah", "Perencanaan Pembangunan Daerah"),
        ("Program Koordinasi dan Sinkronisasi Perencanaan Pembangunan Daerah", "Sinkronisasi Perencanaan"),
        ("Program Penelitian dan Pengembangan Daerah", "Penelitian dan Pengembangan")]),
    ("Badan Keuangan Daerah", "Bidang Anggaran", [
        ("Program Pengelolaan Keuangan Daerah", "Keuangan Daerah"),
        ("Program Pengelolaan Barang Milik Daerah", "Barang Milik Daerah"),
        ("Program Pengelolaan Pendapatan Daerah", "Pendapatan Daerah")]),
    ("Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", "Bidang Pengembangan Kompetensi", [
        ("Program Kepegawaian Daerah", "Kepegawaian Daerah"),
        ("Program Pengembangan Sumber Daya Manusia", "Kompetensi Aparatur")]),
    ("Inspektorat Daerah", "Inspektur Pembantu Wilayah I", [
        ("Program Penyelenggaraan Pengawasan", "Pengawasan Internal"),
        ("Program Perumusan Kebijakan, Pendampingan dan Asistensi", "Pendampingan dan Asistensi")]),
    ("Sekretariat Daerah", "Bagian Organisasi", [
        ("Program Pemerintahan dan Kesejahteraan Rakyat", "Kesejahteraan Rakyat"),
        ("Program Perekonomian dan Pembangunan", "Perekonomian dan Pembangunan")]),
    ("Sekretariat DPRD", "Bagian Persidangan dan Perundang-undangan", [
        ("Program Dukungan Pelaksanaan Tugas dan Fungsi DPRD", "Tugas dan Fungsi DPRD")]),
    ("Badan Kesatuan Bangsa dan Politik", "Bidang Politik Dalam Negeri", [
        ("Program Penguatan Ideologi Pancasila dan Karakter Kebangsaan", "Ideologi Pancasila"),
        ("Program Peningkatan Peran Partai Politik dan Lembaga Pendidikan melalui Pendidikan Politik",
         "Pendidikan Politik"),
        ("Program Pemberdayaan dan Pengawasan Organisasi Kemasyarakatan", "Organisasi Kemasyarakatan")]),
]
KECAMATAN = ["Ajibarang", "Banyumas", "Baturraden", "Cilongok", "Gumelar", "Jatilawang", "Kalibagor", "Karanglewas",
             "Kebasen", "Kedungbanteng", "Kembaran", "Kemranjen", "Lumbir", "Patikraja", "Pekuncen", "Purwojati"]
KECAMATAN_PROGRAMS = [
    ("Program Penyelenggaraan Pemerintahan dan Pelayanan Publik", "Pelayanan Publik Kecamatan"),
    ("Program Pemberdayaan Masyarakat Desa dan Kelurahan", "Pemberdayaan Masyarakat Desa"),
    ("Program Koordinasi Ketentraman dan Ketertiban Umum", "Ketentraman dan Ketertiban Umum Kecamatan"),
    ("Program Penyelenggaraan Urusan Pemerintahan Umum", "Pemerintahan Umum Kecamatan"),
    ("Program Pembinaan dan Pengawasan Pemerintahan Desa", "Pemerintahan Desa"),
]
PENUNJANG = "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota"
# The support program's kegiatan and sub kegiatan, as Permendagri 90 names them.
PENUNJANG_KEGIATAN = [
    ("Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah", [
        "Penyusunan Dokumen Perencanaan Perangkat Daerah", "Koordinasi dan Penyusunan Dokumen RKA-SKPD",
        "Koordinasi dan Penyusunan Dokumen Perubahan RKA-SKPD", "Koordinasi dan Penyusunan DPA-SKPD",
        "Evaluasi Kinerja Perangkat Daerah", "Koordinasi dan Penyusunan Laporan Capaian Kinerja dan Ikhtisar Realisasi Kinerja SKPD"]),
    ("Administrasi Keuangan Perangkat Daerah", [
        "Penyediaan Gaji dan Tunjangan ASN", "Penyediaan Administrasi Pelaksanaan Tugas ASN",
        "Koordinasi dan Pelaksanaan Akuntansi SKPD", "Koordinasi dan Penyusunan Laporan Keuangan Akhir Tahun SKPD",
        "Penyusunan Pelaporan dan Analisis Prognosis Realisasi Anggaran"]),
    ("Administrasi Kepegawaian Perangkat Daerah", [
        "Pengadaan Pakaian Dinas beserta Atribut Kelengkapannya", "Pendataan dan Pengolahan Administrasi Kepegawaian",
        "Pendidikan dan Pelatihan Pegawai Berdasarkan Tugas dan Fungsi", "Sosialisasi Peraturan Perundang-Undangan"]),
    ("Administrasi Umum Perangkat Daerah", [
        "Penyediaan Komponen Instalasi Listrik/Penerangan Bangunan Kantor", "Penyediaan Peralatan dan Perlengkapan Kantor",
        "Penyediaan Bahan Logistik Kantor", "Penyediaan Barang Cetakan dan Penggandaan",
        "Penyediaan Bahan Bacaan dan Peraturan Perundang-undangan", "Fasilitasi Kunjungan Tamu",
        "Penyelenggaraan Rapat Koordinasi dan Konsultasi SKPD"]),
    ("Penyediaan Jasa Penunjang Urusan Pemerintahan Daerah", [
        "Penyediaan Jasa Surat Menyurat", "Penyediaan Jasa Komunikasi, Sumber Daya Air dan Listrik",
        "Penyediaan Jasa Pelayanan Umum Kantor"]),
    ("Pemeliharaan Barang Milik Daerah Penunjang Urusan Pemerintahan Daerah", [
        "Penyediaan Jasa Pemeliharaan, Biaya Pemeliharaan, dan Pajak Kendaraan Perorangan Dinas atau Kendaraan Dinas Jabatan",
        "Pemeliharaan/Rehabilitasi Gedung Kantor dan Bangunan Lainnya", "Pemeliharaan Peralatan dan Mesin Lainnya"]),
]
KEGIATAN_PATTERNS = [
    "Penyelenggaraan {s}", "Pembinaan dan Pengawasan {s}", "Pengembangan Kapasitas {s}",
    "Penyediaan Sarana dan Prasarana {s}", "Koordinasi dan Sinkronisasi {s}", "Pendataan dan Pelaporan {s}",
    "Peningkatan Mutu Layanan {s}", "Pengendalian dan Evaluasi {s}",
]
SUB_PATTERNS = [
    "Penyusunan Dokumen Perencanaan {s}", "Fasilitasi Pelaksanaan {s}", "Monitoring dan Evaluasi {s}",
    "Sosialisasi dan Edukasi {s}", "Pengadaan Peralatan Penunjang {s}", "Bimbingan Teknis {s}",
    "Pembangunan Sarana {s}", "Rehabilitasi Sarana {s}", "Pengelolaan Data dan Informasi {s}",
    "Penyediaan Layanan {s}", "Koordinasi Pelaksanaan {s}", "Pelatihan Petugas {s}",
]
REWORDS = [("Penyediaan", "Pengadaan"), ("Penyelenggaraan", "Pelaksanaan"), ("Pembinaan", "Pembimbingan"),
           ("Pengembangan", "Peningkatan"), ("Dokumen", "Naskah"), ("Sarana", "Fasilitas")]

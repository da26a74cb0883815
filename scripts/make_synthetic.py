"""Write a synthetic Kabupaten's cascades (many perangkat daerah × years) for testing the site at scale.

    scripts/make_synthetic.py <folder> [--perangkat-daerah 40] [--years 5] [--seed 1] [--first-year 2021]

The names follow the Permendagri 90/2019 nomenclature; every level has indicators with formulasi, tipe
penghitungan and sumber data; consecutive years differ a little (programs, kegiatan and sub kegiatan
added, removed or reworded; formulas changed), as real cascades do. The same seed writes the same files.
It never writes into the project's published `cascade_data/`.
"""

from __future__ import annotations

import argparse
import copy
import random
import shutil
import sys
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
# libyaml's emitter when PyYAML has it: 40 × 5 files in seconds instead of half a minute.
_Dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
MARKER = ".synthetic"

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


def _indikator(rng: random.Random, level: str, subject: str, sumber: str) -> dict[str, Any]:
    """One indicator of the kind each level carries, with its formula, type and data source."""
    if level in ("tujuan", "sasaran", "program"):
        what = rng.choice(["Indeks Kepuasan Masyarakat terhadap Layanan", "Persentase Capaian Kinerja",
                           "Nilai Evaluasi Akuntabilitas Kinerja", "Persentase Target Layanan yang Tercapai pada"])
        uraian = f"{what} {subject}"
        formulasi = (f"Jumlah target {subject.lower()} yang tercapai dibagi jumlah target yang direncanakan X 100%"
                     if what.startswith("Persentase") else f"Hasil penilaian {what.lower()} {subject.lower()}")
        tipe, satuan = "non_kumulatif", "%" if what.startswith("Persentase") else "Nilai"
    else:
        noun, verb = rng.choice([("dokumen", "disusun"), ("laporan", "diselesaikan"), ("kegiatan", "dilaksanakan"),
                                 ("peserta", "terfasilitasi"), ("unit", "tersedia"), ("desa", "terlayani")])
        uraian = f"Jumlah {noun} {subject[0].lower()}{subject[1:]} yang {verb}"
        formulasi = f"Jumlah {noun} yang {verb} dalam satu tahun anggaran"
        tipe, satuan = "kumulatif", noun.capitalize()
    indikator: dict[str, Any] = {"uraian": uraian, "formulasi": formulasi, "tipe_penghitungan": tipe}
    if rng.random() < 0.08:
        indikator["polaritas"] = "negatif"
    indikator.update(sumber_data=f"Data {sumber}", satuan=satuan)
    return indikator


def _indikators(rng: random.Random, level: str, subject: str, sumber: str) -> list[dict[str, Any]]:
    """One or two indicators; two of an item never share an uraian (the data-quality check would flag it)."""
    indikators: dict[str, dict[str, Any]] = {}
    for _ in range(rng.choice([1, 1, 1, 2])):
        indikator = _indikator(rng, level, subject, sumber)
        indikators.setdefault(indikator["uraian"], indikator)
    return list(indikators.values())


def _sub_kegiatan(rng: random.Random, name: str, sumber: str) -> dict[str, Any]:
    return {"uraian": name, "sasaran": f"Terlaksananya {name[0].lower()}{name[1:]}",
            "indikator": _indikators(rng, "sub_kegiatan", name, sumber)}


def _kegiatan(rng: random.Random, name: str, subs: list[str], sumber: str) -> dict[str, Any]:
    return {"uraian": name, "sasaran": f"Meningkatnya kualitas {name[0].lower()}{name[1:]}",
            "indikator": _indikators(rng, "kegiatan", name, sumber),
            "sub_kegiatan": [_sub_kegiatan(rng, sub, sumber) for sub in subs]}


def _program(rng: random.Random, name: str, subject: str, sumber: str) -> dict[str, Any]:
    if name == PENUNJANG:
        chosen = rng.sample(PENUNJANG_KEGIATAN, rng.randint(3, 6))
        kegiatan = [_kegiatan(rng, k, rng.sample(subs, min(len(subs), rng.randint(2, 8))), sumber) for k, subs in chosen]
    else:
        kegiatan = []
        for pattern in rng.sample(KEGIATAN_PATTERNS, rng.randint(2, 6)):
            subs = [p.format(s=subject) for p in rng.sample(SUB_PATTERNS, rng.randint(2, 8))]
            kegiatan.append(_kegiatan(rng, pattern.format(s=subject), subs, sumber))
    return {"uraian": name, "sasaran": f"Meningkatnya kinerja {subject.lower()}",
            "indikator": _indikators(rng, "program", subject, sumber), "kegiatan": kegiatan}


def _program_pool(index: int) -> tuple[str, str, list[tuple[str, str]]]:
    """The index-th perangkat daerah: the dinas and badan first, then kecamatan."""
    if index < len(PERANGKAT_DAERAH):
        return PERANGKAT_DAERAH[index]
    name = KECAMATAN[(index - len(PERANGKAT_DAERAH)) % len(KECAMATAN)]
    round_ = (index - len(PERANGKAT_DAERAH)) // len(KECAMATAN)
    return (f"Kecamatan {name}{f' {round_ + 1}' if round_ else ''}", "Seksi Pemerintahan", KECAMATAN_PROGRAMS)


def first_year(rng: random.Random, name: str, sumber: str, pool: list[tuple[str, str]], tahun: int) -> dict[str, Any]:
    """A perangkat daerah's first cascade: the support program and 4–9 programs of its urusan."""
    generic = [(p, s) for other in PERANGKAT_DAERAH for p, s in other[2] if (p, s) not in pool]
    count = rng.randint(4, 9)
    own = pool[:count]
    chosen = [(PENUNJANG, "Administrasi Perangkat Daerah"), *own,
              *rng.sample(generic, max(0, count - len(own)))]
    programs = [_program(rng, p, s, f"{sumber} {name}") for p, s in chosen]
    split = rng.randint(1, len(programs) - 1)
    sasaran = [
        {"uraian": f"Meningkatnya akuntabilitas kinerja {name}",
         "indikator": _indikators(rng, "sasaran", f"Akuntabilitas {name}", f"Sekretariat {name}"),
         "program": programs[:split]},
        {"uraian": f"Meningkatnya kualitas layanan {name}",
         "indikator": _indikators(rng, "sasaran", f"Layanan {name}", f"{sumber} {name}"),
         "program": programs[split:]},
    ]
    return {"perangkat_daerah": name, "tahun": tahun,
            "tujuan": [{"uraian": f"Mewujudkan tata kelola dan pelayanan {name} yang prima",
                        "indikator": _indikators(rng, "tujuan", name, f"Sekretariat {name}"),
                        "sasaran": sasaran}]}


def next_year(rng: random.Random, previous: dict[str, Any], sumber: str) -> dict[str, Any]:
    """The following year's cascade: mostly the same, with a few additions, removals and rewordings."""
    cascade = copy.deepcopy(previous)
    cascade["tahun"] = previous["tahun"] + 1
    programs = [p for s in cascade["tujuan"][0]["sasaran"] for p in s["program"]]
    for _ in range(rng.randint(2, 5)):
        program = rng.choice(programs)
        kegiatan = rng.choice(program["kegiatan"])
        change = rng.random()
        if change < 0.25 and len(kegiatan["sub_kegiatan"]) > 2:
            kegiatan["sub_kegiatan"].pop(rng.randrange(len(kegiatan["sub_kegiatan"])))
        elif change < 0.5:
            subject = kegiatan["uraian"].split(" ", 1)[-1]
            names = {s["uraian"] for s in kegiatan["sub_kegiatan"]}
            fresh = [p.format(s=subject) for p in SUB_PATTERNS if p.format(s=subject) not in names]
            if fresh:
                kegiatan["sub_kegiatan"].append(_sub_kegiatan(rng, rng.choice(fresh), sumber))
        elif change < 0.75:
            item = rng.choice([kegiatan, *kegiatan["sub_kegiatan"]])
            for old, new in rng.sample(REWORDS, len(REWORDS)):
                if old in item["uraian"]:
                    item["uraian"] = item["uraian"].replace(old, new, 1)
                    break
            else:
                item["uraian"] += " Daerah"
        else:
            indikator = rng.choice(kegiatan["indikator"] + program["indikator"])
            if rng.random() < 0.5:
                indikator["formulasi"] = indikator["formulasi"].replace("dalam satu tahun anggaran", "per semester") \
                    if "tahun anggaran" in indikator["formulasi"] else indikator["formulasi"] + " pada akhir tahun"
            else:
                indikator["sumber_data"] = f"Aplikasi e-SAKIP, {indikator['sumber_data']}"
    change = rng.random()
    if change < 0.2 and len(programs) > 5:
        sasaran = rng.choice([s for s in cascade["tujuan"][0]["sasaran"] if len(s["program"]) > 1])
        sasaran["program"].pop()
    elif change < 0.4 and len(programs) < 10:
        names = {p["uraian"] for p in programs}
        fresh = [(p, s) for other in PERANGKAT_DAERAH for p, s in other[2] if p not in names]
        name, subject = rng.choice(fresh)
        cascade["tujuan"][0]["sasaran"][-1]["program"].append(_program(rng, name, subject, sumber))
    return cascade


def generate(count: int, years: int, seed: int, start: int) -> dict[str, dict[int, dict[str, Any]]]:
    """Every perangkat daerah's cascades by slug and year."""
    from macros.naming import slugify

    result: dict[str, dict[int, dict[str, Any]]] = {}
    for index in range(count):
        name, sumber, pool = _program_pool(index)
        rng = random.Random(f"{seed}:{index}")
        cascades = {start: first_year(rng, name, sumber, pool, start)}
        for tahun in range(start + 1, start + years):
            cascades[tahun] = next_year(rng, cascades[tahun - 1], f"{sumber} {name}")
        result[slugify(name, max_words=20)] = cascades
    return result


def write(folder: Path, data: dict[str, dict[int, dict[str, Any]]]) -> int:
    """Write the cascades as `<folder>/<pd>/<tahun>.yaml`; return the number of files."""
    folder = folder.resolve()
    published = (ROOT / "cascade_data").resolve()
    if folder == published or published in folder.parents:
        raise SystemExit(f"menolak menulis data sintetis ke {published}: itu data yang dipublikasikan")
    if folder.exists() and any(folder.iterdir()) and not (folder / MARKER).exists():
        raise SystemExit(f"{folder} sudah berisi berkas lain; pilih folder kosong")
    if folder.exists():
        for child in folder.iterdir():
            if child.is_dir() and all(f.suffix == ".yaml" for f in child.iterdir()):
                shutil.rmtree(child)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / MARKER).write_text("Data sintetis dari scripts/make_synthetic.py; folder ini boleh ditimpa.\n",
                                 encoding="utf-8")
    written = 0
    for slug, cascades in data.items():
        (folder / slug).mkdir()
        for tahun, cascade in cascades.items():
            text = yaml.dump(cascade, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=120)
            (folder / slug / f"{tahun}.yaml").write_text(text, encoding="utf-8")
            written += 1
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--perangkat-daerah", type=int, default=40)
    parser.add_argument("--years", type=int, default=5)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--first-year", type=int, default=2021)
    args = parser.parse_args(argv)
    written = write(args.folder, generate(args.perangkat_daerah, args.years, args.seed, args.first_year))
    print(f"{written} berkas cascade ditulis ke {args.folder}")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.exit(main())

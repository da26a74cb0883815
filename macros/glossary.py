"""The SAKIP terms in plain Indonesian: one source for the glossary page and the explanations in tables."""

from __future__ import annotations

import html
from dataclasses import dataclass

from markupsafe import Markup

from .naming import GLOSSARY_PAGE, page_url

_GLOSSARY_URL = page_url(GLOSSARY_PAGE)


@dataclass(frozen=True)
class Istilah:
    """A term, its anchor on the glossary page, and its definition for citizens."""

    id: str
    term: str
    definition: str


# In reading order: from the body and its cascade, down the levels, then what describes an indicator.
ISTILAH: list[Istilah] = [
    Istilah("perangkat-daerah", "Perangkat Daerah",
            "Kantor pemerintah daerah yang menjalankan urusan pemerintahan, misalnya kecamatan, dinas atau badan. "
            "Sering juga disebut OPD (Organisasi Perangkat Daerah) atau SKPD."),
    Istilah("cascading", "Cascading",
            "Cascading kinerja: gambaran berjenjang yang menunjukkan bagaimana tujuan sebuah perangkat daerah "
            "diturunkan menjadi sasaran, program, kegiatan dan sub kegiatan, sehingga terlihat siapa "
            "bertanggung jawab atas apa dan bagaimana keberhasilannya diukur. Cascading adalah bagian dari SAKIP "
            "(Sistem Akuntabilitas Kinerja Instansi Pemerintah)."),
    Istilah("eselon", "Eselon",
            "Tingkat jabatan pimpinan di pemerintahan. Di kecamatan, Camat menduduki eselon II, Sekretaris Camat "
            "eselon III, dan para kepala seksi atau subbagian eselon IV. Setiap jenjang cascading menjadi "
            "tanggung jawab satu tingkat eselon."),
    Istilah("tujuan", "Tujuan",
            "Hal besar yang ingin dicapai perangkat daerah dalam beberapa tahun, misalnya pelayanan yang prima. "
            "Tujuan adalah jenjang teratas cascading dan menjadi tanggung jawab pimpinan (eselon II)."),
    Istilah("sasaran", "Sasaran",
            "Hasil yang ingin dicapai untuk mewujudkan tujuan, dan dapat diukur. Sasaran menjadi tanggung jawab "
            "eselon III. Program, kegiatan dan sub kegiatan juga mempunyai sasarannya sendiri: hasil yang "
            "diharapkan dari masing-masing."),
    Istilah("program", "Program",
            "Kumpulan kegiatan yang dibiayai anggaran daerah untuk mencapai sasaran. Nama program mengikuti "
            "daftar resmi Kementerian Dalam Negeri (Permendagri 90 Tahun 2019)."),
    Istilah("kegiatan", "Kegiatan",
            "Bagian dari program: pekerjaan yang dilakukan untuk mencapai sasaran program."),
    Istilah("sub-kegiatan", "Sub Kegiatan",
            "Bagian dari kegiatan dan jenjang terbawah cascading. Di sub kegiatan inilah anggaran "
            "dibelanjakan, misalnya untuk gaji, alat kantor atau rapat koordinasi."),
    Istilah("indikator-kinerja", "Indikator Kinerja",
            "Ukuran keberhasilan sebuah tujuan, sasaran, program, kegiatan atau sub kegiatan: apa yang dihitung "
            "untuk mengetahui apakah hasilnya tercapai, misalnya jumlah desa yang dibina."),
    Istilah("iku", "IKU",
            "Indikator Kinerja Utama: indikator terpenting sebuah perangkat daerah, biasanya indikator tujuan "
            "dan sasarannya. IKU dilaporkan setiap tahun dan menjadi dasar penilaian kinerja."),
    Istilah("formulasi", "Formulasi",
            "Cara menghitung nilai sebuah indikator, misalnya \u201cjumlah layanan yang selesai tepat waktu dibagi "
            "jumlah seluruh layanan, dikali 100%\u201d."),
    Istilah("tipe-penghitungan", "Tipe Penghitungan",
            "Cara menggabungkan nilai indikator dari beberapa periode (misalnya triwulan) menjadi nilai "
            "setahun: kumulatif atau non kumulatif."),
    Istilah("kumulatif", "Kumulatif",
            "Nilai setiap periode dijumlahkan: nilai setahun adalah jumlah nilai semua periode. Contoh: jumlah "
            "rapat yang dilaksanakan sepanjang tahun."),
    Istilah("non-kumulatif", "Non Kumulatif",
            "Nilai periode tidak dijumlahkan: nilai setahun adalah nilai terakhir (atau nilai yang dipertahankan), "
            "bukan jumlahnya. Contoh: indeks kepuasan masyarakat atau persentase."),
    Istilah("polaritas", "Polaritas",
            "Arah yang dianggap baik bagi sebuah indikator. Positif: makin tinggi nilainya makin baik (misalnya "
            "jumlah warga yang terlayani). Negatif: makin rendah nilainya makin baik (misalnya jumlah pengaduan)."),
    Istilah("sumber-data", "Sumber Data",
            "Dari mana angka sebuah indikator diambil, misalnya laporan, buku pelayanan, atau data sebuah "
            "seksi di kantor."),
    Istilah("baseline", "Baseline",
            "Nilai sebuah indikator sebelum periode rencana dimulai (\u201ckondisi awal\u201d), sebagai titik "
            "pembanding target dan realisasi."),
    Istilah("target", "Target",
            "Nilai indikator yang dijanjikan untuk satu tahun, seperti tertulis di Rencana Strategis (Renstra) "
            "atau Perjanjian Kinerja yang ditandatangani pejabatnya. Target bisa berupa angka, rentang "
            "(misalnya 7\u20138) atau peringkat (misalnya opini WTP)."),
    Istilah("triwulan", "Triwulan",
            "Tiga bulan: satu tahun dibagi menjadi triwulan I sampai IV. Target tahunan dapat dipecah per "
            "triwulan (rencana aksi), dan realisasi dilaporkan per triwulan. Nilai setiap triwulan adalah nilai "
            "triwulan itu sendiri, bukan jumlah berjalan."),
    Istilah("realisasi", "Realisasi",
            "Nilai indikator yang benar-benar tercapai. Bila baru sebagian triwulan dilaporkan, realisasi "
            "sampai saat itu dihitung menurut tipe penghitungannya: kumulatif dijumlahkan, non kumulatif "
            "diambil nilai triwulan terakhir."),
    Istilah("capaian", "Capaian",
            "Seberapa jauh target tercapai, dalam persen. Polaritas positif: realisasi dibagi target dikali 100. "
            "Polaritas negatif: (2 \u2212 realisasi dibagi target) dikali 100. Bila target, realisasi atau "
            "cara menghitungnya tidak ada, capaian tidak dapat dihitung dan alasannya disebutkan."),
    Istilah("predikat", "Predikat",
            "Golongan capaian menurut Permendagri 86 Tahun 2017: lebih dari 90% Sangat Tinggi, 76\u201390% "
            "Tinggi, 66\u201375% Sedang, 51\u201365% Rendah, 50% atau kurang Sangat Rendah. Untuk capaian "
            "berdesimal, batasnya dibaca \u201clebih dari\u201d: lebih dari 75% sudah Tinggi (75,5% Tinggi), 90,0% "
            "masih Tinggi, 90,1% Sangat Tinggi."),
]

BY_ID: dict[str, Istilah] = {istilah.id: istilah for istilah in ISTILAH}


def explain(label: str, istilah_id: str, root: str | None = None, tooltip: bool = True) -> Markup:
    """`label` explained in place: a link to the glossary entry (works on touch) whose title shows the definition.

    `root` is the relative path from the page to the site root; without it the label gets only the title. Without
    `tooltip` the link has no title: a page's later tables leave the definitions to its first (they repeat them
    in every header and row, some 90 KB of a large program page).
    """
    # Character references for the typographic quotes: one wide character makes Python store a whole page's
    # text at two or four bytes per character, and these titles are on every indicator table of the site.
    definition = html.escape(BY_ID[istilah_id].definition, quote=True).encode("ascii", "xmlcharrefreplace").decode()
    text = html.escape(label, quote=False)
    if root is None:
        return Markup(f'<abbr class="istilah" title="{definition}">{text}</abbr>')
    title = f' title="{definition}"' if tooltip else ""
    return Markup(f'<a class="istilah" href="{html.escape(root)}{_GLOSSARY_URL}#{istilah_id}"{title}>{text}</a>')


def render_glossary() -> str:
    """The glossary entries as Markdown: one heading with its anchor per term, then its definition."""
    return "\n\n".join(f"## {istilah.term} {{#{istilah.id}}}\n\n{istilah.definition}" for istilah in ISTILAH) + "\n"

"""What staff typed is what is published: YAML 1.1's implicit types never change a text or a target.

Each case writes one small data file the way a staff member would type it (no quotes), loads it as a build
does, and checks the value every page and download gets, or the message staff read.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from macros.lint import lint_files
from macros.load import load_cascades
from macros.problems import CascadeError
from macros.render.catalog import render_catalog_page
from macros.render.export import indikator_table, to_json
from macros.render.pages import render_overview_page

TEMPLATE = """\
perangkat_daerah: Kecamatan Contoh
tahun: 2024
tujuan:
  - uraian: Mewujudkan pelayanan prima
    indikator:
      - uraian: {uraian}
        formulasi: {formulasi}
        tipe_penghitungan: kumulatif
        sumber_data: Data Subag Umum
        kode: {kode}
        satuan: {satuan}
        target: {target}
"""
LOC = ("tujuan", 0, "indikator", 0)


def write(tmp_path: Path, **fields: str) -> Path:
    values = {"uraian": "Jumlah desa yang dibina", "formulasi": "Jumlah desa", "kode": "IK-1", "satuan": "desa",
              "target": "{2024: '10'}", **fields}
    path = tmp_path / "kecamatan-contoh" / "2024.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(TEMPLATE.format(**values), encoding="utf-8")
    return path


def indikator(tmp_path: Path, **fields: str):
    write(tmp_path, **fields)
    (loaded,) = load_cascades(tmp_path)
    return loaded.cascade.tujuan[0].indikator[0]


def problems(tmp_path: Path, **fields: str) -> list[str]:
    write(tmp_path, **fields)
    with pytest.raises(CascadeError) as caught:
        load_cascades(tmp_path, shown_relative_to=tmp_path)
    return [str(problem) for problem in caught.value.problems]


def test_a_base_60_target_is_published_as_typed_in_every_download(tmp_path):
    write(tmp_path, target="{2024: 1:20, 2025: 1:2:3}")
    (loaded,) = load_cascades(tmp_path)
    assert loaded.cascade.tujuan[0].indikator[0].target == {2024: "1:20", 2025: "1:2:3"}
    assert '"2024":"1:20"' in to_json(loaded.cascade)
    table = indikator_table(loaded.tree)
    assert table.rows[0][table.columns.index("Target 2024")] == "1:20"


@pytest.mark.parametrize("typed", ["007", "01.02", "1.10", "5.03.01", "0x1F", "1e3", "1_000", ".inf", "+12"])
def test_codes_with_leading_zeros_and_dots_keep_every_character(tmp_path, typed):
    assert indikator(tmp_path, kode=typed).kode == typed


@pytest.mark.parametrize("typed", ["no", "yes", "on", "off", "true", "False", "Y", "n"])
def test_yes_no_words_are_text(tmp_path, typed):
    found = indikator(tmp_path, satuan=typed, target=f"{{2024: {typed}}}")
    assert found.satuan == typed and found.target == {2024: typed}


def test_a_date_is_the_text_typed(tmp_path):
    found = indikator(tmp_path, formulasi="2024-01-02", target="{2024: 2024-12-31}")
    assert found.formulasi == "2024-01-02" and found.target == {2024: "2024-12-31"}


def test_numbers_in_a_text_keep_their_form(tmp_path):
    found = indikator(tmp_path, uraian="100", target="{2024: 26.000, 2025: 1.500, 2026: 007}")
    assert found.uraian == "100" and found.target == {2024: "26.000", 2025: "1.500", 2026: "007"}


@pytest.mark.parametrize("typed", ["~", "null", "NULL"])
def test_a_yaml_null_word_in_a_text_field_is_refused_with_its_line(tmp_path, typed):
    assert problems(tmp_path, satuan=typed) == [
        f"kecamatan-contoh/2024.yaml:11 tujuan[0].indikator[0].satuan: '{typed}' dibaca YAML sebagai nilai kosong; "
        f"kosongkan isian ini bila memang tidak ada isinya, atau beri tanda kutip (\"{typed}\") bila itulah teksnya"]


def test_a_null_word_as_a_target_is_refused_too(tmp_path):
    (problem,) = problems(tmp_path, target="{2024: ~}")
    assert problem.startswith("kecamatan-contoh/2024.yaml:12 tujuan[0].indikator[0].target[2024]: '~' dibaca YAML")


def test_an_empty_optional_text_is_not_written_and_a_quoted_null_word_is_text(tmp_path):
    assert indikator(tmp_path, satuan="").satuan is None
    assert indikator(tmp_path / "b", satuan='"~"').satuan == "~"


def test_an_empty_required_text_or_target_is_one_message_at_its_line(tmp_path):
    advice = "kosong: tulis isinya, atau hapus baris ini bila memang tidak ada isinya"
    assert problems(tmp_path, uraian="") == [f"kecamatan-contoh/2024.yaml:6 tujuan[0].indikator[0].uraian: {advice}"]
    # A year's value shares its line with the other years: deleting the line would delete them too.
    assert problems(tmp_path / "b", target='{2023: "26", 2024: }') == [
        "kecamatan-contoh/2024.yaml:12 tujuan[0].indikator[0].target[2024]: kosong: tulis nilainya dalam tanda kutip "
        '(mis. "26"), "-" bila memang belum ada, atau hapus tahun 2024 saja']
    assert problems(tmp_path / "c", target="{2024: '10'}\n        target_triwulan: {2024: {I: , II: '5'}}") == [
        "kecamatan-contoh/2024.yaml:13 tujuan[0].indikator[0].target_triwulan[2024].I: kosong: tulis nilainya dalam "
        'tanda kutip (mis. "26"), "-" bila memang belum ada, atau hapus triwulan I saja']
    # A year after a comma and a space, without its colon, is a year left empty, not decimals ('5,2025').
    assert problems(tmp_path / "d", target='{2023: 5, 2024, 2025: "3"}') == [
        "kecamatan-contoh/2024.yaml:12 tujuan[0].indikator[0].target[2024]: kosong: tulis nilainya dalam tanda kutip "
        '(mis. "26"), "-" bila memang belum ada, atau hapus tahun 2024 saja']


def test_a_year_and_its_value_joined_without_a_space_say_where_the_space_goes(tmp_path):
    # YAML reads '2024:5' as one key (a base-60 number) and '2024:"5"' as one text key, each without a value.
    assert problems(tmp_path, target='{2024:5}') == [
        "kecamatan-contoh/2024.yaml:12 tujuan[0].indikator[0].target[2024]: '2024:5' terbaca sebagai satu kunci, "
        "bukan tahun dan nilainya; beri spasi setelah titik dua: 2024: 5"]
    assert problems(tmp_path / "b", target='{2023: "4", 2024:"5"}') == [
        "kecamatan-contoh/2024.yaml:12 tujuan[0].indikator[0].target[2024]: '2024:\"5\"' terbaca sebagai satu kunci, "
        'bukan tahun dan nilainya; beri spasi setelah titik dua: 2024: "5"']
    assert problems(tmp_path / "c", target="{2024: '10'}\n        target_triwulan: {2024: {I: '5', II:'5'}}") == [
        "kecamatan-contoh/2024.yaml:13 tujuan[0].indikator[0].target_triwulan[2024].II: 'II:'5'' terbaca sebagai "
        "satu kunci, bukan triwulan dan nilainya; beri spasi setelah titik dua: II: '5'"]
    # Not said of a field that takes no years: a space would not mend it.
    assert problems(tmp_path / "d", satuan="{2024:5}") == [
        "kecamatan-contoh/2024.yaml:11 tujuan[0].indikator[0].satuan: harus berupa teks, bukan pemetaan 'kunci: nilai'"]


def test_a_grade_off_the_stated_scale_is_named_at_the_line_it_is_typed_on(tmp_path):
    target = "{2024: 'B'}\n        skala: mutu_pelayanan\n        realisasi_triwulan:\n          2024:\n" \
             "            I: 'B'\n            II: 'WTP'"
    assert problems(tmp_path, target=target) == [
        "kecamatan-contoh/2024.yaml:17 tujuan[0].indikator[0].realisasi_triwulan[2024].II: nilai 'WTP' bukan "
        "peringkat mutu pelayanan IKM (A > B > C > D) yang dinyatakan di 'skala: mutu_pelayanan'; perbaiki nilainya "
        "atau skalanya"]


def test_the_year_stays_a_number_and_refuses_text(tmp_path):
    path = write(tmp_path)
    path.write_text(path.read_text().replace("tahun: 2024", 'tahun: "2024"'), encoding="utf-8")
    with pytest.raises(CascadeError) as caught:
        load_cascades(tmp_path, shown_relative_to=tmp_path)
    assert [str(p) for p in caught.value.problems] == [
        "kecamatan-contoh/2024.yaml:2 tahun: harus berupa bilangan bulat, bukan teks '2024'"]


@pytest.mark.parametrize("typed", ["0x7E8", "0o3750", "2_024", "+2024", "02024", "33:44"])
def test_a_year_in_other_than_decimal_digits_is_refused_not_converted(tmp_path, typed):
    # YAML 1.1 reads each of these as a number (33:44 is base 60, 02024 octal): none is the year as staff see it.
    path = write(tmp_path)
    path.write_text(path.read_text().replace("tahun: 2024", f"tahun: {typed}"), encoding="utf-8")
    with pytest.raises(CascadeError) as caught:
        load_cascades(tmp_path, shown_relative_to=tmp_path)
    assert [str(p) for p in caught.value.problems] == [
        f"kecamatan-contoh/2024.yaml:2 tahun: harus berupa bilangan bulat, bukan teks '{typed}'"]


@pytest.mark.parametrize("typed", ["yes", "no", "on", "Off", "ya"])
def test_iku_is_true_or_false_and_yaml_11_yes_no_words_are_refused_like_ya(tmp_path, typed):
    # YAML 1.1 took `yes` for true while `ya` was refused: neither is a choice to guess.
    assert problems(tmp_path, satuan=f"desa\n        iku: {typed}") == [
        f"kecamatan-contoh/2024.yaml:12 tujuan[0].indikator[0].iku: '{typed}' tidak dikenal: tulis true (ya) atau "
        "false (tidak), tanpa tanda kutip"]
    assert indikator(tmp_path, satuan="desa\n        iku: true").iku is True
    assert indikator(tmp_path, satuan="desa\n        iku: False").iku is False


@pytest.mark.parametrize(("target", "message"), [
    ('{"2024": "10"}', "target.2024: tahun ditulis tanpa tanda kutip: 2024, bukan '2024'"),
    # Not a year either way: not told to drop the quotes.
    ('{"24": "10"}', "target.24: harus berupa bilangan bulat, bukan teks '24'"),
    ("98,5", "target: tulis per tahun, bukan satu nilai '98,5': mis. target: {2023: \"98,5\"}"),
    ("{2024: '10'}\n        target_triwulan: {I: '5'}",
     "target_triwulan.I: triwulan I harus ditulis di bawah tahunnya: mis. target_triwulan: {2023: {I: ...}}"),
])
def test_a_value_keyed_by_year_written_without_its_year_says_the_shape_to_write(tmp_path, target, message):
    (problem,) = problems(tmp_path, target=target)
    assert problem.split(" tujuan[0].indikator[0].", 1)[1] == message


# Quarters are the Roman numerals I to IV in capitals, under their year, as the README writes them. A quarter
# typed otherwise is named as typed, with the numeral meant when it is clear; a year given one value where its
# quarters belong is shown the mapping to write.
QUARTERS = "triwulan ditulis I, II, III atau IV (angka Romawi, huruf kapital)"


@pytest.mark.parametrize(("quarters", "shown"), [
    ('target_triwulan: {2024: {i: "6"}}', f"target_triwulan[2024].i: {QUARTERS}, bukan 'i': tulis I"),
    ('target_triwulan: {2024: {I: "6", ii: "6"}}', f"target_triwulan[2024].ii: {QUARTERS}, bukan 'ii': tulis II"),
    ('target_triwulan: {2024: {1: "6"}}', f"target_triwulan[2024][1]: {QUARTERS}, bukan 1: tulis I"),
    ('realisasi_triwulan: {2024: {TW 3: "6"}}', f"realisasi_triwulan[2024].TW 3: {QUARTERS}, bukan 'TW 3': tulis III"),
    ('target_triwulan: {2024: {V: "6"}}', f"target_triwulan[2024].V: {QUARTERS}, bukan 'V'"),
    # Without its year too: the numeral meant, under a year.
    ('target_triwulan: {i: "6"}',
     "target_triwulan.i: triwulan I harus ditulis di bawah tahunnya: mis. target_triwulan: {2023: {I: ...}}"),
    # A quarter typed as a number is no year: not told to move its value to `target: {1: ...}`, a year refused.
    ('target_triwulan: {1: "6"}',
     "target_triwulan[1]: triwulan I harus ditulis di bawah tahunnya: mis. target_triwulan: {2023: {I: ...}}"),
    ('target_triwulan: {2024: "6"}',
     "target_triwulan[2024]: triwulan tahun 2024 ditulis sebagai pemetaan di bawah tahunnya, bukan satu nilai '6': "
     'mis. target_triwulan: {2024: {I: ..., II: ..., III: ..., IV: ...}}; nilai setahun ditulis di target: '
     '{2024: "6"}'),
    ("realisasi_triwulan:\n          2024: 6,5",
     "realisasi_triwulan[2024]: triwulan tahun 2024 ditulis sebagai pemetaan di bawah tahunnya, bukan satu nilai "
     "'6,5': mis. realisasi_triwulan: {2024: {I: ..., II: ..., III: ..., IV: ...}}; nilai setahun ditulis di "
     'realisasi: {2024: "6,5"}'),
])
def test_quarters_are_written_i_to_iv_under_their_year(tmp_path, quarters, shown):
    (problem,) = problems(tmp_path, target=f"{{2024: '10'}}\n        {quarters}")
    assert problem.split(" tujuan[0].indikator[0].", 1)[1] == shown


def test_a_year_out_of_range_given_one_value_is_not_told_to_move_it_to_that_year(tmp_path):
    # `target: {5: "6"}` would be refused in turn: the year is mended first.
    found = problems(tmp_path, target="{2024: '10'}\n        target_triwulan: {5: \"6\"}")
    assert [p.split(" tujuan[0].indikator[0].", 1)[1] for p in found] == [
        "target_triwulan[5]: 5 di luar rentang tahun yang masuk akal (2000–2100); tulis tahunnya lengkap empat "
        "angka, mis. 2023",
        "target_triwulan[5]: harus berupa pemetaan 'kunci: nilai', bukan teks '6'"]


@pytest.mark.parametrize("comment", ["#AyoUrusKTP di Desa", "# angka sementara"])
def test_a_comment_after_a_text_is_a_lint_warning_with_its_line(tmp_path, comment):
    write(tmp_path, uraian=f"Gerakan {comment}")
    (loaded,) = load_cascades(tmp_path)
    assert loaded.cascade.tujuan[0].indikator[0].uraian == "Gerakan"
    (finding,) = [f for f in lint_files([loaded]) if f.check == "komentar"]
    # The rest of the line quoted as typed, the space after '#' included.
    assert str(finding) == (
        f"{tmp_path.name}/kecamatan-contoh/2024.yaml:6 tujuan[0].indikator[0].uraian: teks tanpa tanda kutip berhenti "
        f"di tanda '#': yang terbaca hanya \"Gerakan\", sisanya (\"{comment}\") dianggap komentar YAML; "
        "beri tanda kutip pada seluruh teks bila '#' bagian dari teksnya")


def test_a_hash_inside_a_word_or_a_quoted_text_is_text_and_not_reported(tmp_path):
    write(tmp_path, uraian="Gerakan#AyoUrusKTP di Desa", formulasi='"Jumlah #desa" # catatan penyusun')
    (loaded,) = load_cascades(tmp_path)
    found = loaded.cascade.tujuan[0].indikator[0]
    assert (found.uraian, found.formulasi) == ("Gerakan#AyoUrusKTP di Desa", "Jumlah #desa")
    assert [f for f in lint_files([loaded]) if f.check == "komentar"] == []


@pytest.mark.parametrize("char", ["\u00ad", "\u200b", "\u200c", "\u200d", "\ufeff"])
def test_invisible_characters_from_word_or_pdf_are_removed_and_listed_by_lint(tmp_path, char):
    write(tmp_path, uraian=f"Jumlah de{char}sa yang dibina", formulasi=f'"Jumlah{char} desa"')
    (loaded,) = load_cascades(tmp_path)
    found = loaded.cascade.tujuan[0].indikator[0]
    assert (found.uraian, found.formulasi) == ("Jumlah desa yang dibina", "Jumlah desa")
    findings = [f for f in lint_files([loaded]) if f.check == "tak_terlihat"]
    assert [(f.line, f.field) for f in findings] == [(6, "tujuan[0].indikator[0].uraian"),
                                                     (7, "tujuan[0].indikator[0].formulasi")]
    assert findings[0].message.startswith(f"karakter tak terlihat dihapus saat dibaca: ")
    assert f"(U+{ord(char):04X})" in findings[0].message



@pytest.mark.parametrize(("typed", "code"), [(r"\x01", "0001"), (r"\v", "000B"), (r"\f", "000C"), (r"\e", "001B"),
                                             (r"\0", "0000"), (r"\u0002", "0002"), (r"\x85", "0085")])
def test_a_control_character_written_by_an_escape_is_refused_at_its_line_by_its_code_not_printed(tmp_path, typed,
                                                                                                 code):
    # Kept, it would make a chart's SVG ill-formed XML and an XLSX cell '_x000B_', and act on the terminal.
    shown = problems(tmp_path, uraian=f'"Jumlah desa\n  yang{typed} dibina"', satuan=f'"Ni{typed}lai"')
    assert shown == [
        f"kecamatan-contoh/2024.yaml:7 tujuan[0].indikator[0].uraian: karakter kendali U+{code} (ditulis '{typed}') "
        f"tidak boleh ada di teks; hapus '{typed}' dari teksnya",
        f"kecamatan-contoh/2024.yaml:12 tujuan[0].indikator[0].satuan: karakter kendali U+{code} (ditulis "
        f"'{typed}') tidak boleh ada di teks; hapus '{typed}' dari teksnya"]


def test_escapes_of_a_tab_a_line_break_and_a_backslash_are_text(tmp_path):
    found = indikator(tmp_path, uraian=r'"Jumlah\tdesa\r\nyang \\x01 dibina"')
    assert found.uraian == "Jumlah\tdesa\r\nyang \\x01 dibina"


@pytest.mark.parametrize(("target", "shown"), [
    ("{2024: ‘82’}", '‘82’ diapit tanda kutip miring (biasanya dari Word), yang tidak dibaca YAML sebagai tanda kutip '
                     'dan akan ikut tampil; ganti dengan tanda kutip lurus: "82"'),
    # Its comma splits it: it was "target.5”: harus berupa bilangan bulat".
    ("{2024: “82,5”}", '“82,5” diapit tanda kutip miring (biasanya dari Word), yang tidak dibaca YAML sebagai tanda '
                       'kutip dan akan ikut tampil; ganti dengan tanda kutip lurus: "82,5"'),
])
def test_a_target_in_curly_quotes_is_refused_with_straight_quotes_to_write(tmp_path, target, shown):
    # Kept, it was published with its curly quotes and its capaian said "bukan angka".
    assert problems(tmp_path, target=target) == [
        f"kecamatan-contoh/2024.yaml:12 tujuan[0].indikator[0].target[2024]: nilai {shown}"]


def test_a_name_in_curly_quotes_is_refused_unless_written_in_straight_quotes_around_them(tmp_path):
    assert problems(tmp_path, uraian="“Desa Sehat”") == [
        "kecamatan-contoh/2024.yaml:6 tujuan[0].indikator[0].uraian: nilai “Desa Sehat” diapit tanda kutip miring "
        "(biasanya dari Word), yang tidak dibaca YAML sebagai tanda kutip dan akan ikut tampil; ganti dengan tanda "
        'kutip lurus: "Desa Sehat" (bila tanda kutip miring itu memang bagian teksnya, apit seluruhnya: '
        '"“Desa Sehat”")']
    assert indikator(tmp_path, uraian='"“Desa Sehat”"', satuan="Program “Desa” Sehat").uraian == "“Desa Sehat”"

def test_an_excel_escape_left_in_a_text_is_reported_by_lint(tmp_path):
    write(tmp_path, uraian="Jumlah desa_x0002_ yang dibina", kode="IK_x000D_1")
    (loaded,) = load_cascades(tmp_path)
    findings = [str(f).split(": ", 1)[1] for f in lint_files([loaded]) if f.check == "excel"]
    assert findings == [
        'berisi sisa kode Excel _x0002_ (karakter kendali yang tidak terbaca) dalam "Jumlah desa_x0002_ yang '
        'dibina"; hapus kode itu',
        'berisi sisa kode Excel _x000D_ (karakter kendali yang tidak terbaca) dalam "IK_x000D_1"; hapus kode itu']


def test_line_breaks_and_runs_of_spaces_in_a_name_are_folded_on_pages_but_kept_in_the_data(tmp_path):
    write(tmp_path, uraian='"Jumlah desa\\n  yang    dibina"', satuan='"desa\\n binaan"')
    (loaded,) = load_cascades(tmp_path)
    assert loaded.cascade.tujuan[0].indikator[0].uraian == "Jumlah desa\n  yang    dibina"
    catalog = render_catalog_page(loaded)
    assert '<th scope="row" data-label="Indikator kinerja">Jumlah desa yang dibina <span class="satuan">(desa binaan)</span></th>' in catalog
    overview = render_overview_page(loaded, [loaded])
    assert "Jumlah desa yang dibina" in overview and "Jumlah desa<br>" not in overview

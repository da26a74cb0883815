"""The error corpus: every kind of broken data folder fails the build with the exact messages staff need.

Each `tests/fixtures/errors/<case>/` holds a `cascade_data/` folder with one kind of mistake and an
`expected.txt` with the problem lines a build must print for it, in order, paths relative to the case.
Every case is checked through the data check in-process (fast); a representative set also runs the real
`make build` path (`python -m macros.build`) to prove the output reaches the terminal whole, without a
traceback, and that the previous site is left as it was.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from macros.load import load_cascades
from macros.problems import CascadeError
from macros.yaml_source import parse_yaml

from .helpers import ROOT

CORPUS = Path(__file__).parent / "fixtures" / "errors"
CASES = sorted(p.name for p in CORPUS.iterdir() if (p / "expected.txt").is_file())
# One case per stage of loading (file layout, encoding, YAML syntax, parse-time refusals, validation,
# cross-item checks), plus several problems at once and text that could not be printed as it is.
THROUGH_MAKE_BUILD = ["alias-bomb", "file-outside-folder", "invalid-unicode-escape", "not-utf8",
                      "python-object-tag", "same-program-address", "several-problems", "two-broken-files",
                      "yaml-tab-indentation"]
PYTHON_TAG_MARKER = Path("/tmp/cascade-python-tag-ran")  # what the python-object-tag case would create if run


def refusal_of(lines: str) -> list[str]:
    """The messages staff read for a file YAML cannot read, with `lines` between its perangkat_daerah and tahun."""
    with pytest.raises(CascadeError) as caught:
        parse_yaml(f"perangkat_daerah: Kecamatan Contoh\n{lines}\ntahun: 2024\n", "2024.yaml")
    return [str(problem) for problem in caught.value.problems]


def expected(case: str) -> list[str]:
    return (CORPUS / case / "expected.txt").read_text(encoding="utf-8").splitlines()


def test_corpus_covers_every_case_of_the_issue():
    assert {"yaml-tab-indentation", "yaml-unclosed-quote", "yaml-bad-indentation", "duplicate-key", "unknown-key",
            "missing-field", "list-instead-of-text", "text-instead-of-list", "invalid-enum", "empty-file", "not-utf8",
            "dokumen-sumber-not-found", "same-program-address", "file-name-not-a-year", "year-folder", "label-100kb",
            "alias-bomb", "python-object-tag", "several-problems"} <= set(CASES)
    assert set(THROUGH_MAKE_BUILD) <= set(CASES)


@pytest.mark.parametrize("case", CASES)
def test_data_check_reports_every_problem_exactly(case):
    PYTHON_TAG_MARKER.unlink(missing_ok=True)
    started = time.perf_counter()
    with pytest.raises(CascadeError) as caught:
        load_cascades(CORPUS / case / "cascade_data", shown_relative_to=CORPUS / case)
    # Generous for a loaded CI machine; an expanding alias bomb or a recursion blow-up takes far longer.
    assert time.perf_counter() - started < 10
    assert [str(problem) for problem in caught.value.problems] == expected(case)
    assert not PYTHON_TAG_MARKER.exists()


# A value written on one line in braces, as the README writes `target: {2024: "26"}`: each slip is named in
# Indonesian at the line where the braces or the quote open, though YAML notices it later.
ONE_LINE_SLIPS = [
    ('{2024: "40}', 'YAML tidak valid: tanda kutip di baris ini tidak ditutup; tambahkan tanda kutip penutup di '
                    "akhir teks"),
    ("{2024: 40 # PK}", "YAML tidak valid: kurung kurawal '{' di baris ini tidak ditutup dengan '}' di baris yang "
                        "sama"),
    ("{2024: %90, 2025: 1}", "YAML tidak valid: tanda '%' tidak boleh mengawali nilai tanpa tanda kutip; beri tanda "
                             'kutip pada seluruh nilainya: "%90"'),
    ('{2024: "40"}}', "YAML tidak valid: tanda '}' tanpa pasangan '{'; hapus kurung kurawal yang berlebih"),
    # YAML splits an unquoted decimal at its comma: '98' and a key '5%'.
    ("{2024: 98,5%}", "koma di dalam { } memisahkan isian, jadi '98,5%' terbaca sebagai dua isian; beri tanda kutip "
                      'pada angka berkoma: 2024: "98,5%"'),
    ("{2024: 98%,5}", "koma di dalam { } memisahkan isian, jadi '98%,5' terbaca sebagai dua isian; beri tanda kutip "
                      'pada angka berkoma: 2024: "98%,5"'),
    # ... and whatever follows the decimals goes with them: a unit, a range's other bound, an amount's letter, more
    # commas.
    ("{2024: 26,5 dokumen}", "koma di dalam { } memisahkan isian, jadi '26,5 dokumen' terbaca sebagai dua isian; beri "
                             'tanda kutip pada angka berkoma: 2024: "26,5 dokumen"'),
    ("{2024: 7,7 M}", "koma di dalam { } memisahkan isian, jadi '7,7 M' terbaca sebagai dua isian; beri tanda kutip "
                      'pada angka berkoma: 2024: "7,7 M"'),
    ("{2024: 7,5-8,5, 2025: 9}", "koma di dalam { } memisahkan isian, jadi '7,5-8,5' terbaca sebagai beberapa isian; "
                                 'beri tanda kutip pada angka berkoma: 2024: "7,5-8,5"'),
    # ... unless the value, quoted, would be refused too: then the number rule's reason at once.
    ("{2024: 7,742,388,142}", "koma di dalam { } memisahkan isian, jadi '7,742,388,142' terbaca sebagai beberapa "
                              "isian; dalam tanda kutip pun nilai ini ditolak: Nilai '7,742,388,142' tidak terbaca: "
                              "'7,742,388,142' ditulis dengan gaya Inggris (koma untuk ribuan). Tulis ribuan dengan "
                              "titik dan desimal dengan koma: '7.742.388.142'."),
    # A year joined to its value, and the value split at its comma: one key '2024:98' and a key '5'.
    ("{2024:98,5}", "'2024:98,5' terbaca sebagai satu kunci, bukan tahun dan nilainya; beri spasi setelah titik dua: "
                    '2024: "98,5"'),
    # In Word's curly quotes, as with one comma: the quotes to change.
    ("{2024: “7,5-8,5”}", "nilai “7,5-8,5” diapit tanda kutip miring (biasanya dari Word), yang tidak dibaca YAML "
                          'sebagai tanda kutip dan akan ikut tampil; ganti dengan tanda kutip lurus: "7,5-8,5"'),
]


# Characters that mean something to YAML at the start of a value, as staff type them for "none", "at least", a
# footnote: named in Indonesian with the value to quote, not in PyYAML's English.
MARKED_STARTS = [
    ("-", '"-"'), (">= 90", '">= 90"'), ("> 80", '"> 80"'), ("| 10", '"| 10"'), ("*) 10", '"*) 10"'),
    ("& lainnya", '"& lainnya"'), ("? 10", '"? 10"'), (",5", '",5"'), (">= 90 # PK", '">= 90"'),
]


@pytest.mark.parametrize("entry", ["target:\n  2024: {}", "tujuan:\n  - uraian: {}"])
@pytest.mark.parametrize(("value", "quoted"), MARKED_STARTS)
def test_a_value_starting_with_a_yaml_sign_is_named_with_the_value_to_quote(entry, value, quoted):
    text = f"perangkat_daerah: Kecamatan Contoh\n{entry.format(value)}\ntahun: 2024\n"
    with pytest.raises(CascadeError) as caught:
        parse_yaml(text, "2024.yaml")
    (problem,) = caught.value.problems
    assert problem.line == 3
    assert problem.message == (f"YAML tidak valid: tanda '{value[0]}' di awal nilai tanpa tanda kutip dibaca YAML "
                               f"sebagai tanda khusus; beri tanda kutip pada seluruh nilainya: {quoted}")


@pytest.mark.parametrize("value", [">5", "|2", ">5  # lebih dari lima"])
def test_a_value_yaml_reads_as_an_empty_block_is_refused_not_loaded_empty(value):
    # '>5' opens a block of text indented five spaces below it; with none there, YAML loads "" silently.
    (problem,) = parse_yaml(f"perangkat_daerah: Kecamatan Contoh\ntarget:\n  2024: {value}\nsatuan: dokumen\n",
                            "2024.yaml").problems
    assert (problem.line, problem.field) == (3, "target[2024]")
    assert problem.message.endswith(f'beri tanda kutip pada seluruh nilainya: "{value.split()[0]}"')


@pytest.mark.parametrize(("entries", "quoted"), [("{2023: >= 98,5, 2024: 99}", '">= 98,5"'),
                                                 ("{\n  2023: >= 98,5,\n  2024: 99}", '">= 98,5"')])
def test_in_braces_the_value_to_quote_keeps_its_decimal_comma_and_not_the_next_entry(entries, quoted):
    with pytest.raises(CascadeError) as caught:
        parse_yaml(f"perangkat_daerah: Kecamatan Contoh\ntarget: {entries}\n", "2024.yaml")
    (problem,) = caught.value.problems
    assert problem.message.endswith(f"beri tanda kutip pada seluruh nilainya: {quoted}")


@pytest.mark.parametrize(("line", "quoted"), [("satuan: &Laporan BPS", '"&Laporan BPS"'),
                                              ("target: {2023: &A 10, 2024: '5'}", '"&A 10"'),
                                              ('target: {"2023":&A 10}', '"&A 10"'),
                                              ("satuan: &Laporan BPS  # catatan", '"&Laporan BPS"'),
                                              # An alias elsewhere, to another name, hides nothing.
                                              ("satuan: &Laporan BPS\nformulasi: *catatan", '"&Laporan BPS"')])
def test_a_value_starting_with_an_anchor_is_refused_rather_than_loaded_without_its_first_word(line, quoted):
    # YAML reads '&Laporan' as an anchor and keeps 'BPS' alone: what staff typed would not be what is published.
    (problem,) = [problem for problem in parse_yaml(f"perangkat_daerah: Kecamatan Contoh\n{line}\ntahun: 2024\n",
                                                    "2024.yaml").problems if "alias" not in problem.message]
    assert problem.line == 2
    assert problem.message.endswith(f"beri tanda kutip pada seluruh nilainya: {quoted}")
    assert parse_yaml("perangkat_daerah: Kecamatan Contoh\nsatuan: Sarana & Prasarana\n", "2024.yaml").problems == []


# A sign YAML reads as an alias ('*name') or an anchor ('&name') with more typed after it on its line: YAML cannot
# read the rest, and staff are told which sign it took for what and the whole value to quote, at the sign.
@pytest.mark.parametrize(("line", "shown"), [
    ("satuan: *catatan sementara",
     "2024.yaml:2:9: YAML tidak valid: tanda '*' di awal nilai tanpa tanda kutip dibaca YAML sebagai alias (rujukan ke "
     "jangkar '&catatan'), sehingga sisa nilainya tidak terbaca; beri tanda kutip pada seluruh nilainya: "
     '"*catatan sementara"'),
    ("satuan: &Laporan, BPS",
     "2024.yaml:2:9: YAML tidak valid: tanda '&' di awal nilai tanpa tanda kutip dibaca YAML sebagai jangkar (anchor) "
     "'&Laporan', sehingga sisa nilainya tidak terbaca; beri tanda kutip pada seluruh nilainya: \"&Laporan, BPS\""),
    ("target: {2024: *A 10, 2025: '5'}",
     "2024.yaml:2:16: YAML tidak valid: tanda '*' di awal nilai tanpa tanda kutip dibaca YAML sebagai alias (rujukan "
     "ke jangkar '&A'), sehingga sisa nilainya tidak terbaca; beri tanda kutip pada seluruh nilainya: \"*A 10\""),
])
def test_an_alias_or_anchor_with_more_typed_after_it_is_named_with_the_value_to_quote(line, shown):
    assert refusal_of(line) == [shown]


# A '&' or '*' inside a text is no alias or anchor: when YAML stops right after such a word for another reason
# (here the ': ' further on), the message names that reason, not the sign.
@pytest.mark.parametrize(("line", "shown"), [
    ("satuan: Sarana &Prasarana: Desa",
     "2024.yaml:2:26: YAML tidak valid: tanda ':' tidak terduga; periksa indentasi, atau beri tanda kutip pada teks "
     "yang memuat ': '"),
    ("satuan: Laporan *BPS: 2023",
     "2024.yaml:2:21: YAML tidak valid: tanda ':' tidak terduga; periksa indentasi, atau beri tanda kutip pada teks "
     "yang memuat ': '"),
])
def test_a_sign_inside_a_text_is_not_blamed_for_another_mistake_after_it(line, shown):
    assert refusal_of(line) == [shown]


# Where quotes around the value would not mend it, the message says what would.
@pytest.mark.parametrize(("lines", "shown"), [
    # On a key: a key is a field's name, never text to keep.
    ("&k satuan: dokumen",
     "2024.yaml:2:1: jangkar YAML '&k' tidak dipakai di berkas data cascade; hapus '&k' dari kunci ini"),
    ("target: {&k 2024: '5'}",
     "2024.yaml:2:10: jangkar YAML '&k' tidak dipakai di berkas data cascade; hapus '&k' dari kunci ini"),
    # Already quoted: quoting again would nest quotes.
    ('satuan: &x "10"',
     "2024.yaml:2:9: tanda '&' di awal nilai dibaca YAML sebagai jangkar (anchor), sehingga '&x' tidak ikut tersimpan; "
     "nilainya sudah bertanda kutip, jadi hapus saja '&x'"),
    ("satuan: &x 'sepuluh'",
     "2024.yaml:2:9: tanda '&' di awal nilai dibaca YAML sebagai jangkar (anchor), sehingga '&x' tidak ikut tersimpan; "
     "nilainya sudah bertanda kutip, jadi hapus saja '&x'"),
    # Continued on the lines below: the value as YAML joins its lines, not its first line alone.
    ("uraian: &x Teks yang panjang\n  berlanjut ke\n  baris berikutnya",
     "2024.yaml:2:9: tanda '&' di awal nilai dibaca YAML sebagai jangkar (anchor), sehingga '&x' tidak ikut tersimpan; "
     'beri tanda kutip pada seluruh nilainya: "&x Teks yang panjang berlanjut ke baris berikutnya"'),
    # With an empty line inside, the value is no longer one line: where the quotes go instead.
    ("uraian: &x Teks yang panjang\n\n  paragraf kedua",
     "2024.yaml:2:9: tanda '&' di awal nilai dibaca YAML sebagai jangkar (anchor), sehingga '&x' tidak ikut tersimpan; "
     "beri tanda kutip pembuka sebelum '&x' dan tanda kutip penutup di akhir teksnya (baris 4)"),
    ("uraian: &x >\n  Teks berlapis",
     "2024.yaml:2:9: tanda '&' di awal nilai dibaca YAML sebagai jangkar (anchor), sehingga '&x' tidak ikut tersimpan; "
     "nilainya sudah ditulis sebagai teks berlapis ('>'), jadi hapus saja '&x'"),
])
def test_an_anchor_on_a_key_a_quoted_value_or_several_lines_says_what_mends_it(lines, shown):
    problems = parse_yaml(f"perangkat_daerah: Kecamatan Contoh\n{lines}\ntahun: 2024\n", "2024.yaml").problems
    assert [str(problem) for problem in problems] == [shown]


@pytest.mark.parametrize(("value", "quoted", "kept"), [
    # A double quote in the value would end double quotes; a backslash in them starts an escape.
    ('@BPS "2023"', "'@BPS \"2023\"'", '@BPS "2023"'),
    ("@data\\laporan", "'@data\\laporan'", "@data\\laporan"),
    ("@BPS's \"angka\"", "'@BPS''s \"angka\"'", "@BPS's \"angka\""),
    ("@BPS 2023", '"@BPS 2023"', "@BPS 2023"),
])
def test_the_quotes_suggested_load_the_value_as_typed(value, quoted, kept):
    with pytest.raises(CascadeError) as caught:
        parse_yaml(f"perangkat_daerah: Kecamatan Contoh\nsumber_data: {value}\n", "2024.yaml")
    (problem,) = caught.value.problems
    assert str(problem).endswith(f"beri tanda kutip pada seluruh nilainya: {quoted}")
    mended = parse_yaml(f"perangkat_daerah: Kecamatan Contoh\nsumber_data: {quoted}\n", "2024.yaml")
    assert mended.data["sumber_data"] == kept


@pytest.mark.parametrize(("value", "message"), ONE_LINE_SLIPS)
def test_a_slip_in_a_value_on_one_line_is_named_at_its_line(value, message):
    text = f"perangkat_daerah: Kecamatan Contoh\ntarget: {value}\nuraian: Teks\ntahun: 2024\n"
    # YAML's own errors stop the reading; what the reader finds is reported with validation's problems.
    try:
        problems = parse_yaml(text, "2024.yaml").problems
    except CascadeError as error:
        problems = error.problems
    (problem,) = problems
    assert problem.line == 2 and problem.message.startswith(message), problem



def test_a_split_pagu_that_quotes_would_not_mend_gets_the_pagu_rule_at_once():
    (problem,) = parse_yaml("perangkat_daerah: Dinas Contoh\npagu: {2024: 1,5 M}\n", "2024.yaml").problems
    assert str(problem) == (
        "2024.yaml:2 pagu[2024]: koma di dalam { } memisahkan isian, jadi '1,5 M' terbaca sebagai dua isian; dalam "
        "tanda kutip pun nilai ini ditolak: pagu ditulis angka rupiah lengkap tanpa satuan ('M'); tulis angkanya "
        'utuh, mis. 1.500.000.000; tertulis "1,5 M"')


_BRACES = "YAML tidak valid: tahun dan nilainya ditulis di dalam kurung kurawal: tulis "
_QUOTE_TEXT = ("YAML tidak valid: tanda ':' tidak terduga; periksa indentasi, atau beri tanda kutip pada teks yang "
               "memuat")


@pytest.mark.parametrize(("line", "shown"), [
    # A yearly field's years typed without braces: the braces to add, each value quoted as typed.
    ('target: 2024: "98,5"', f"2024.yaml:2:9: {_BRACES}'target: {{2024: \"98,5\"}}', atau tiap tahun di barisnya "
                             "sendiri di bawah 'target:'"),
    ("pagu: 2024: 7.742.388.142, 2025: 8.000.000.000  # DPA",
     f"2024.yaml:2:7: {_BRACES}'pagu: {{2024: \"7.742.388.142\", 2025: \"8.000.000.000\"}}', atau tiap tahun di "
     "barisnya sendiri di bawah 'pagu:'"),
    ("target: 2024: 98,5", f"2024.yaml:2:9: {_BRACES}'target: {{2024: \"98,5\"}}', atau tiap tahun di barisnya "
                           "sendiri di bawah 'target:'"),
    # Text, quarters, or what one line cannot mend keeps the advice to quote the text.
    ("uraian: I: Pelayanan", f"2024.yaml:2:10: {_QUOTE_TEXT} ': '"),
    ("satuan: 2024: dokumen", f"2024.yaml:2:13: {_QUOTE_TEXT} ': '"),
    ('target_triwulan: I: "5"', f"2024.yaml:2:19: {_QUOTE_TEXT} ': '"),
    ('target: 2024: "98,5"}', f"2024.yaml:2:13: {_QUOTE_TEXT} ': '"),
    ('target: 2024: "a #1"', f"2024.yaml:2:13: {_QUOTE_TEXT} ': '"),
])
def test_years_typed_without_their_braces_are_named_with_the_braces_to_add(line, shown):
    with pytest.raises(CascadeError) as caught:
        parse_yaml(f"perangkat_daerah: Kecamatan Contoh\n{line}\n", "2024.yaml")
    assert [str(problem) for problem in caught.value.problems] == [shown]


@pytest.mark.parametrize(("lines", "shown"), [
    ("sasaran:\n  - uraian: S\n    satuan:Nilai\n    kode: K",
     "2024.yaml:4:11: YAML tidak valid: sesudah tanda ':' harus ada spasi; tulis 'satuan: Nilai'"),
    ("sasaran:\n  - uraian: S\n    satuan:\u00a0Nilai\n    kode: K",
     "2024.yaml:4:12: YAML tidak valid: sesudah tanda ':' ada spasi tak-putus (U+00A0), yang tidak dibaca YAML "
     "sebagai spasi (biasanya terbawa saat menyalin dari Word); ganti dengan spasi biasa"),
    ("sasaran:\n  - uraian: S\n    satuan\uff1a Nilai\n    kode: K",
     "2024.yaml:4:11: YAML tidak valid: tanda '\uff1a' (U+FF1A) bukan titik dua yang dibaca YAML; ganti dengan "
     "titik dua biasa ':' diikuti spasi"),
    ("sasaran:\n  - uraian: S\n    satuan:\n    Nilai\n    kode: K",
     "2024.yaml:5:5: YAML tidak valid: baris ini terbaca sebagai kunci tanpa ':', padahal tampaknya nilai "
     "'satuan:' di baris 4; tulis nilainya di baris itu sesudah 'satuan: ', atau menjorok lebih dalam dari 'satuan'"),
    ("sasaran:\n  - uraian: S\n    sumber_data: BPS dan\n  Dinas\n    kode: K",
     "2024.yaml:5:3: YAML tidak valid: baris ini terbaca sebagai kunci tanpa ':'; bila ini lanjutan nilai "
     "'sumber_data:' di baris 4, tulis menjorok lebih dalam dari 'sumber_data' (lebih dari 4 spasi) atau satukan "
     "dengan baris itu"),
])
def test_a_line_yaml_cannot_read_as_a_key_is_named_at_that_line_with_what_it_lacks(lines, shown):
    # YAML notices such a line only once the next one starts: it was reported there, one line too low.
    assert refusal_of(lines) == [shown]


@pytest.mark.parametrize(("lines", "shown"), [
    ('sasaran:\n  - uraian: "Program "Desa" Sehat"\n    kode: K',
     "2024.yaml:3:22: YAML tidak valid: tanda kutip \" di dalam teks menutup teks yang diawali tanda kutip yang sama; "
     "apit teksnya dengan tanda kutip yang lain: 'Program \"Desa\" Sehat'"),
    ("uraian: 'Program 'Desa' Sehat'",
     "2024.yaml:2:18: YAML tidak valid: tanda kutip ' di dalam teks menutup teks yang diawali tanda kutip yang sama; "
     "apit teksnya dengan tanda kutip yang lain: \"Program 'Desa' Sehat\""),
    ("sasaran:\n  - uraian: S\n  -uraian: T\n    kode: K",
     "2024.yaml:4:3: YAML tidak valid: tanda '-' butir daftar harus diikuti spasi; tulis '- uraian: T'"),
    ("sasaran:\n  -uraian: T\n    kode: K",
     "2024.yaml:3:3: YAML tidak valid: tanda '-' butir daftar harus diikuti spasi; tulis '- uraian: T'"),
])
def test_a_quote_inside_quotes_or_a_dash_against_its_key_is_named_not_taken_for_indentation(lines, shown):
    assert refusal_of(lines) == [shown]

def test_a_brace_left_open_on_the_last_line_is_named_at_that_line():
    with pytest.raises(CascadeError) as caught:
        parse_yaml('perangkat_daerah: Kecamatan Contoh\ntahun: 2024\ntarget: {2024: "5", 2025:\n', "2024.yaml")
    (problem,) = caught.value.problems
    assert problem.line == 3 and problem.message.startswith("YAML tidak valid: kurung kurawal '{' atau siku '[' tidak "
                                                            "ditutup"), problem


def test_a_data_file_linked_to_a_file_gone_says_so_rather_than_blaming_its_name(tmp_path):
    (tmp_path / "dinas-z").mkdir()
    (tmp_path / "dinas-z" / "2024.yaml").symlink_to(tmp_path / "dipindah" / "2024.yaml")
    with pytest.raises(CascadeError) as caught:
        load_cascades(tmp_path, shown_relative_to=tmp_path)
    assert [str(problem) for problem in caught.value.problems] == [
        "dinas-z/2024.yaml: berkas tidak dapat dibaca: namanya ada di folder, tetapi isinya tidak (tautan ke berkas "
        "yang sudah dipindah atau dihapus?); salin berkas datanya ke sini"]


@pytest.mark.slow
@pytest.mark.parametrize("case", THROUGH_MAKE_BUILD)
def test_make_build_fails_with_the_messages_and_keeps_the_previous_site(tmp_path, case):
    PYTHON_TAG_MARKER.unlink(missing_ok=True)
    site = tmp_path / "site"
    (site / "assets").mkdir(parents=True)
    (site / "index.html").write_text("build sebelumnya", encoding="utf-8")
    (site / "assets" / "app.js").write_text("// lama", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "macros.build", str(site)], cwd=ROOT, capture_output=True,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1",
                                 "CASCADE_DATA": str(CORPUS / case / "cascade_data")})
    output = (result.stdout + result.stderr).decode("utf-8")
    assert result.returncode != 0
    assert "Traceback" not in output and "Error" not in output
    lines = expected(case)
    assert f"Data cascade berisi {len(lines)} kesalahan; perbaiki lalu bangun ulang:" in output
    prefix = (CORPUS / case).relative_to(ROOT).as_posix() + "/"
    printed = [line.strip() for line in output.splitlines()]
    assert [line for line in printed if line.startswith(prefix)] == [prefix + line for line in lines]
    assert f"Build gagal; {site} tidak diubah." in output
    assert sorted(p.relative_to(site).as_posix() for p in site.rglob("*")) == ["assets", "assets/app.js", "index.html"]
    assert (site / "index.html").read_text(encoding="utf-8") == "build sebelumnya"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]
    assert not PYTHON_TAG_MARKER.exists()

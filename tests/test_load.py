"""Loading and validation: the real data is valid, and every kind of mistake is reported with file:line."""

from __future__ import annotations

import pickle
import time
from pathlib import Path

import pytest
import yaml

from macros.load import load_cascades
from macros.model import CascadeFile
from macros.parse_cache import AHEAD_MIN_MISSES as PARSE_AHEAD_MIN_MISSES
from macros.problems import CascadeError

from .helpers import DATA, ROOT


def test_kebasen_has_the_whole_cascade(kebasen):
    levels = [place.level for place in kebasen.tree.nodes]
    assert kebasen.slug == "kecamatan-kebasen" and kebasen.tahun == 2023
    assert kebasen.cascade.perangkat_daerah == "Kecamatan Kebasen"
    assert {level: levels.count(level) for level in set(levels)} == {
        "tujuan": 1, "sasaran": 1, "program": 5, "kegiatan": 11, "sub_kegiatan": 26}
    assert len(kebasen.tree.indikator) == 45


def test_a_loaded_file_sent_to_another_process_keeps_every_item_s_indicators(kebasen):
    # A first build sends the cascades to the processes that make their pages (pickled); the walked tree's
    # lookups were keyed by this process's object ids and found no indicator there.
    walked = kebasen.tree
    shown = [[row.id for row in walked.rows_of(node)] for node in walked.nodes]
    received = pickle.loads(pickle.dumps(kebasen))
    assert [[row.id for row in received.tree.rows_of(node)] for node in received.tree.nodes] == shown
    assert sum(len(received.tree.rows_of(node)) for node in received.tree.nodes) == 45


def test_indicator_identifiers_are_unique_position_paths(kebasen):
    ids = [row.id for row in kebasen.tree.indikator]
    assert len(set(ids)) == len(ids)
    assert ids[0] == "T1.I1" and "T1.S1.P1.K3.SK5.I2" in ids


def _yaml_lines(node: yaml.Node, loc: tuple = ()) -> dict[tuple, int]:
    """The line of every value, found by walking PyYAML's own node tree: what `CascadeFile.lines` must hold."""
    lines = {loc: node.start_mark.line + 1}
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            lines |= _yaml_lines(value, loc + (key.value,))
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            lines |= _yaml_lines(item, loc + (i,))
    return lines


def test_the_loaded_file_keeps_the_line_of_every_value(kebasen, kebasen_text):
    expected = _yaml_lines(yaml.compose(kebasen_text))
    assert list(kebasen.lines.items()) == list(expected.items())
    assert kebasen_text.splitlines()[kebasen.line(("perangkat_daerah",)) - 1] == "perangkat_daerah: Kecamatan Kebasen"
    kegiatan = ("tujuan", 0, "sasaran", 0, "program", 1, "kegiatan", 0)
    assert kebasen.line(kegiatan + ("uraian",)) == expected[kegiatan + ("uraian",)] == expected[kegiatan]
    assert kegiatan + ("uraian", "nope") not in kebasen.lines and ("tujuan", 1) not in kebasen.lines


def test_a_value_the_file_leaves_out_has_the_line_of_the_nearest_value_around_it(kebasen):
    indikator = ("tujuan", 0, "indikator", 0)
    assert "satuan" not in kebasen.cascade.tujuan[0].indikator[0].model_fields_set
    assert kebasen.line(indikator + ("satuan",)) == kebasen.lines[indikator]
    assert kebasen.line(("tujuan", 7, "sasaran")) == kebasen.lines[("tujuan",)]
    assert kebasen.line(("keterangan",)) == kebasen.line(()) == kebasen.lines[()]


def test_a_cascade_file_built_in_code_has_no_lines_and_equals_the_loaded_one(kebasen):
    built = CascadeFile(kebasen.slug, kebasen.path, kebasen.cascade)
    assert built == kebasen and built.line(("tujuan", 0, "uraian")) is None


def problems_for(tmp_path: Path, text: str | bytes, name: str = "2023.yaml", folder: str = "kecamatan-x") -> list[str]:
    """Write one data file and return the problem lines that loading it reports."""
    path = tmp_path / folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    with pytest.raises(CascadeError) as caught:
        load_cascades(tmp_path, shown_relative_to=tmp_path)
    return [str(p) for p in caught.value.problems]


def line_of(text: str, needle: str, occurrence: int = 1) -> int:
    """1-based line number of the n-th line containing `needle`."""
    hits = [n for n, line in enumerate(text.splitlines(), 1) if needle in line]
    return hits[occurrence - 1]


def test_invalid_enum_names_file_line_path_and_allowed_values(tmp_path, kebasen_text):
    text = kebasen_text.replace("tipe_penghitungan: kumulatif", "tipe_penghitungan: kumulatip", 1)
    line = line_of(text, "kumulatip")
    assert problems_for(tmp_path, text) == [
        f"kecamatan-x/2023.yaml:{line} tujuan[0].sasaran[0].program[0].kegiatan[0].sub_kegiatan[0].indikator[0]"
        ".tipe_penghitungan: 'kumulatip' harus salah satu dari: kumulatif, non_kumulatif"]


def test_unknown_key_suggests_the_right_one(tmp_path, kebasen_text):
    text = kebasen_text.replace("    indikator:", "    indikatr:", 1)
    (problem,) = problems_for(tmp_path, text)
    assert problem.startswith(f"kecamatan-x/2023.yaml:{line_of(text, 'indikatr:')} tujuan[0].indikatr: kunci 'indikatr' tidak dikenal")
    assert "maksudnya 'indikator'?" in problem


def test_missing_required_field(tmp_path, kebasen_text):
    text = kebasen_text.replace("        sumber_data: Laporan hasil survey kepuasan masyarakat\n", "", 1)
    (problem,) = problems_for(tmp_path, text)
    assert problem == (f"kecamatan-x/2023.yaml:{line_of(text, 'Indeks Kepuasan Masyarakat (IKM)')} "
                       "tujuan[0].indikator[0].sumber_data: wajib diisi tetapi tidak ada")


def test_list_where_text_is_expected_and_the_reverse(tmp_path, kebasen_text):
    text = kebasen_text.replace("perangkat_daerah: Kecamatan Kebasen", "perangkat_daerah: [Kecamatan Kebasen]").replace(
        "        formulasi: Indeks Kepuasan Masyarakat\n", "        formulasi: Indeks Kepuasan Masyarakat\n", 1)
    text = text.replace("  - uraian: Mewujudkan kinerja pelayanan Kecamatan yang prima\n    indikator:\n      - uraian: Indeks",
                        "  - uraian: Mewujudkan kinerja pelayanan Kecamatan yang prima\n    indikator: teks saja\n    x_indikator:\n      - uraian: Indeks", 1)
    problems = problems_for(tmp_path, text)
    assert "kecamatan-x/2023.yaml:3 perangkat_daerah: harus berupa teks, bukan daftar" in problems
    assert (f"kecamatan-x/2023.yaml:{line_of(text, 'indikator: teks saja')} tujuan[0].indikator: "
            "harus berupa daftar (butir diawali '- '), bukan teks 'teks saja'") in problems


def test_a_number_typed_in_a_text_field_is_the_text_typed(tmp_path, kebasen_text):
    text = kebasen_text.replace("formulasi: Indeks Kepuasan Masyarakat", "formulasi: 100.50", 1)
    path = tmp_path / "kecamatan-x" / "2023.yaml"
    path.parent.mkdir()
    path.write_text(text, encoding="utf-8")
    (loaded,) = load_cascades(tmp_path)
    assert loaded.cascade.tujuan[0].indikator[0].formulasi == "100.50"


def test_duplicate_key_is_an_error_with_both_lines(tmp_path, kebasen_text):
    text = kebasen_text.replace("        formulasi: Indeks Kepuasan Masyarakat\n",
                         "        formulasi: Indeks Kepuasan Masyarakat\n        formulasi: lagi\n", 1)
    first, second = line_of(text, "formulasi: Indeks"), line_of(text, "formulasi: lagi")
    assert problems_for(tmp_path, text) == [
        f"kecamatan-x/2023.yaml:{second} tujuan[0].indikator[0].formulasi: kunci 'formulasi' ditulis dua kali "
        f"(pertama di baris {first}); hapus salah satunya"]



def test_a_second_list_item_without_its_dash_is_named_once_with_the_dash_to_add(tmp_path, kebasen_text):
    # Its keys repeat the item's: the advice to delete one of each would delete the second item.
    second = ("        uraian: Jumlah pengaduan yang ditindaklanjuti\n        formulasi: Jumlah pengaduan\n"
              "        sumber_data: Buku pengaduan\n")
    text = kebasen_text.replace("        sumber_data: Laporan hasil survey kepuasan masyarakat\n",
                                "        sumber_data: Laporan hasil survey kepuasan masyarakat\n" + second, 1)
    first, again = line_of(text, "uraian: Indeks Kepuasan"), line_of(text, "uraian: Jumlah pengaduan")
    assert problems_for(tmp_path, text) == [
        f"kecamatan-x/2023.yaml:{again} tujuan[0].indikator[0].uraian: kunci 'uraian' ditulis lagi (pertama di baris "
        f"{first}), seperti awal butir baru: bila ini butir berikutnya, tulis '- ' di depan 'uraian', sejajar dengan "
        f"'- ' di baris {first}; bila bukan, hapus salah satunya"]


@pytest.mark.parametrize(("typed", "shown", "named"), [
    ("sat\u200buan", "sat\\u200buan", "karakter tak terlihat spasi lebar-nol (U+200B)"),
    ("satuan\ufeff", "satuan\\ufeff", "karakter tak terlihat BOM / spasi lebar-nol (U+FEFF)"),
    ("s\u0430tuan", "s\u0430tuan", "huruf '\u0430' (U+0430, CYRILLIC SMALL LETTER A), bukan huruf Latin biasa"),
])
def test_a_key_with_a_hidden_or_look_alike_character_names_that_character(tmp_path, kebasen_text, typed, shown,
                                                                          named):
    # It reads as 'satuan' on screen: "kunci 'satuan' tidak dikenal (maksudnya 'satuan'?)" told nothing.
    text = kebasen_text.replace("        formulasi: Indeks Kepuasan Masyarakat\n",
                                f"        formulasi: Indeks Kepuasan Masyarakat\n        {typed}: indeks\n", 1)
    assert problems_for(tmp_path, text) == [
        f"kecamatan-x/2023.yaml:{line_of(text, ': indeks')} tujuan[0].indikator[0].{shown}: kunci '{shown}' memuat "
        f"{named}; ketik ulang kunci ini dengan huruf biasa: satuan"]


def test_a_dash_written_against_a_key_says_where_the_space_goes(tmp_path, kebasen_text):
    text = kebasen_text.replace("        formulasi: Indeks Kepuasan Masyarakat\n",
                                "        -formulasi: Indeks Kepuasan Masyarakat\n", 1)
    assert (f"kecamatan-x/2023.yaml:{line_of(text, '-formulasi')} tujuan[0].indikator[0].-formulasi: kunci "
            "'-formulasi': tanda '-' menempel pada kuncinya; bila ini awal butir daftar baru, tulis '- formulasi:' "
            "(dengan spasi sesudah '-'), bila bukan, hapus tanda '-'") in problems_for(tmp_path, text)

def test_tab_indentation(tmp_path, kebasen_text):
    text = kebasen_text.replace("\n    indikator:", "\n\tindikator:", 1)
    line = line_of(text, "\tindikator:")
    assert problems_for(tmp_path, text) == [
        f"kecamatan-x/2023.yaml:{line}:1: karakter tab tidak boleh dipakai di YAML; gunakan spasi untuk indentasi"]


def test_unclosed_quote_points_at_the_opening_quote(tmp_path, kebasen_text):
    text = kebasen_text.replace("perangkat_daerah: Kecamatan Kebasen", 'perangkat_daerah: "Kecamatan Kebasen')
    assert problems_for(tmp_path, text) == [
        "kecamatan-x/2023.yaml:3:19: YAML tidak valid: tanda kutip tidak ditutup: tambahkan tanda kutip penutup di akhir teks"]


def test_bad_indentation(tmp_path, kebasen_text):
    text = kebasen_text.replace("    indikator:\n      - uraian: Indeks", "    indikator:\n      - uraian: Indeks\n     salah: x", 1)
    (problem,) = problems_for(tmp_path, text)
    assert problem.startswith(f"kecamatan-x/2023.yaml:{line_of(text, 'salah: x')}:")
    assert "YAML tidak valid" in problem and "indentasi" in problem


def test_several_problems_in_one_file_are_all_reported(tmp_path, kebasen_text):
    text = (kebasen_text.replace("tipe_penghitungan: kumulatif", "tipe_penghitungan: kumulatip", 1)
            .replace("sumber_data: Data Renja dan DPA", "sumber_dta: Data Renja dan DPA", 1)
            .replace("perangkat_daerah: Kecamatan Kebasen", "perangkat_daerah: Kecamatan Kebasen\nperangkat_daerah: lagi"))
    problems = "\n".join(problems_for(tmp_path, text))
    assert "'kumulatip' harus salah satu dari" in problems
    assert "kunci 'sumber_dta' tidak dikenal (maksudnya 'sumber_data'?)" in problems
    assert "kunci 'perangkat_daerah' ditulis dua kali" in problems


@pytest.mark.parametrize("text", ["", "   \n# hanya komentar\n"])
def test_empty_file(tmp_path, text):
    assert problems_for(tmp_path, text) == ["kecamatan-x/2023.yaml: berkas kosong: tidak ada data cascade"]


def test_file_that_is_not_utf8(tmp_path):
    assert problems_for(tmp_path, b"perangkat_daerah: Kecamatan Kebas\xe9n\n") == [
        "kecamatan-x/2023.yaml:1:34: berkas bukan teks UTF-8 (simpan ulang sebagai UTF-8); byte 0xe9 tidak dikenali"]


def test_file_that_is_not_a_mapping(tmp_path):
    (problem,) = problems_for(tmp_path, "# Catatan\nIni bukan data cascade.\n")
    assert problem == "kecamatan-x/2023.yaml:2: harus berupa pemetaan 'kunci: nilai', bukan teks 'Ini bukan data cascade.'"


@pytest.mark.parametrize("name", ["2023.yml", "tahun-2023.yaml", "2023 (1).yaml"])
def test_file_whose_name_is_not_a_year(tmp_path, name, kebasen_text):
    assert problems_for(tmp_path, kebasen_text, name=name) == [
        f"kecamatan-x/{name}: nama berkas harus tahun cascade dengan akhiran .yaml, misalnya '2023.yaml', atau "
        "periode Renstra, misalnya '2021-2026.yaml'"]


def test_other_files_beside_the_cascades_are_allowed_and_not_read(tmp_path, kebasen_text):
    folder = tmp_path / "kecamatan-x"
    folder.mkdir()
    (folder / "2023.yaml").write_text(kebasen_text, encoding="utf-8")
    (folder / "README.md").write_text("# Catatan\n\ntujuan: bukan data\n", encoding="utf-8")
    (folder / "Renstra 2021-2026.pdf").write_bytes(b"%PDF-1.4 \xff\xfe")
    (loaded,) = load_cascades(tmp_path)
    assert loaded.path.name == "2023.yaml"


def test_a_yaml_file_not_named_by_a_year_is_still_refused(tmp_path, kebasen_text):
    assert problems_for(tmp_path, kebasen_text, name="catatan.yaml") == [
        "kecamatan-x/catatan.yaml: nama berkas harus tahun cascade dengan akhiran .yaml, misalnya '2023.yaml', atau "
        "periode Renstra, misalnya '2021-2026.yaml'"]


def test_the_source_document_a_cascade_names_must_be_in_its_folder(tmp_path, kebasen_text):
    named = kebasen_text.replace("tahun: 2023\n", "tahun: 2023\ndokumen_sumber: Renstra 2021-2026.pdf\n", 1)
    assert problems_for(tmp_path, named) == [
        "kecamatan-x/2023.yaml:5 dokumen_sumber: berkas 'Renstra 2021-2026.pdf' tidak ada di folder kecamatan-x; "
        "letakkan berkas dokumen sumber di samping 2023.yaml dengan nama persis itu, atau hapus isian dokumen_sumber"]
    (tmp_path / "kecamatan-x" / "Renstra 2021-2026.pdf").write_bytes(b"%PDF-1.4")
    (loaded,) = load_cascades(tmp_path)
    assert loaded.cascade.dokumen_sumber == "Renstra 2021-2026.pdf"


def test_the_source_document_is_a_file_name_not_a_path(tmp_path, kebasen_text):
    named = kebasen_text.replace("tahun: 2023\n", "tahun: 2023\ndokumen_sumber: ../rahasia.pdf\n", 1)
    assert problems_for(tmp_path, named) == [
        "kecamatan-x/2023.yaml:5 dokumen_sumber: tulis nama berkas saja, tanpa folder (mis. 'Renstra 2021-2026.pdf'); "
        "berkasnya diletakkan di folder kecamatan-x"]


def test_year_in_file_must_match_its_name(tmp_path, kebasen_text):
    assert problems_for(tmp_path, kebasen_text, name="2024.yaml") == [
        "kecamatan-x/2024.yaml:4 tahun: tahun 2023 tidak sama dengan nama berkas '2024.yaml'"]


def test_folder_name_must_be_a_slug(tmp_path, kebasen_text):
    assert problems_for(tmp_path, kebasen_text, folder="Kecamatan Kebasen") == [
        "Kecamatan Kebasen: nama folder perangkat daerah harus huruf kecil, angka dan tanda hubung, "
        "misalnya 'kecamatan-kebasen'"]


def test_two_programs_with_the_same_address_under_one_sasaran(tmp_path, kebasen_text):
    text = kebasen_text.replace("Program Penyelenggaraan Pemerintahan dan Pelayanan Publik",
                         "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota")
    (problem,) = problems_for(tmp_path, text)
    assert problem == (
        f"kecamatan-x/2023.yaml:{line_of(text, 'Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota', 1)} "
        "tujuan[0].sasaran[0].program[1].uraian: alamat halaman "
        "'program/penunjang-urusan-pemerintahan-daerah-kabupaten-kota/' sudah dipakai oleh "
        "tujuan[0].sasaran[0].program[0] di bawah sasaran yang sama; bedakan uraian program ini")


def test_text_of_100_kb_is_refused(tmp_path, kebasen_text):
    text = kebasen_text.replace("formulasi: Indeks Kepuasan Masyarakat", "formulasi: " + "x" * 100_000, 1)
    (problem,) = problems_for(tmp_path, text)
    assert problem.endswith("formulasi: teks terlalu panjang (100000 karakter; paling banyak 2000)")


def test_alias_bomb_is_refused_fast(tmp_path):
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join([f'*{chr(97 + i)}'] * 9)}]\n" for i in range(9))
    started = time.perf_counter()
    problems = problems_for(tmp_path, bomb)
    assert time.perf_counter() - started < 2
    # Each alias is reported where it is written; after the first, the rest are summed up in one line.
    assert "kecamatan-x/2023.yaml:2 b[0]: alias YAML '*a' tidak diizinkan; tulis isinya secara lengkap" in problems
    assert "kecamatan-x/2023.yaml:2: 80 alias YAML lain juga tidak diizinkan (baris 2, 3, 4, 5, 6, 7, 8, 9, 10)" in problems


def test_python_object_tags_are_refused_and_never_run(tmp_path):
    marker = tmp_path / "ran"
    text = f'perangkat_daerah: !!python/object/apply:os.system ["touch {marker}"]\ntahun: 2023\ntujuan: []\n'
    problems = problems_for(tmp_path, text)
    assert problems[0] == ("kecamatan-x/2023.yaml:1 perangkat_daerah: tag YAML '!!python/object/apply:os.system' "
                           "tidak diizinkan; tulis nilai biasa tanpa tanda '!'")
    assert not marker.exists()


def test_data_folder_of_this_project_is_valid():
    assert [cf.slug for cf in load_cascades(DATA, shown_relative_to=ROOT)] == ["kecamatan-gunung-kaler", "kecamatan-kebasen"]


def test_the_years_of_one_perangkat_daerah_carry_one_name_and_one_kabupaten(tmp_path):
    text = "perangkat_daerah: {}\n{}tahun: {}\nsasaran:\n  - uraian: Meningkatnya pelayanan\n"
    folder = tmp_path / "kecamatan-x"
    folder.mkdir()
    (folder / "2023.yaml").write_text(text.format("Kecamatan X", "kabupaten_kota: Kabupaten A\n", 2023))
    (folder / "2024.yaml").write_text(text.format("Kecamatan Ex", "", 2024))
    with pytest.raises(CascadeError) as caught:
        load_cascades(tmp_path, shown_relative_to=tmp_path)
    assert [str(problem) for problem in caught.value.problems] == [
        "kecamatan-x/2024.yaml perangkat_daerah: perangkat_daerah 'Kecamatan Ex' berbeda dengan 'Kecamatan X' di "
        "kecamatan-x/2023.yaml; tulis sama di semua tahunnya",
        "kecamatan-x/2024.yaml kabupaten_kota: kabupaten_kota (tidak ditulis) berbeda dengan 'Kabupaten A' di "
        "kecamatan-x/2023.yaml; tulis sama di semua tahunnya"]


def test_a_build_parses_an_unchanged_file_once_and_reads_its_parse_afterwards(tmp_path, kebasen_text, monkeypatch):
    folder = tmp_path / "data" / "kecamatan-kebasen"
    folder.mkdir(parents=True)
    # With a same-line comment, which lint reports from what the parse noticed.
    text = kebasen_text.replace("perangkat_daerah: Kecamatan Kebasen\n", "perangkat_daerah: Kecamatan Kebasen # lama\n")
    (folder / "2023.yaml").write_text(text, encoding="utf-8")
    cache = tmp_path / "cache"
    (first,) = load_cascades(tmp_path / "data", parse_cache=cache)
    assert len(list(cache.iterdir())) == 1

    def parse_again(*args):
        raise AssertionError("an unchanged file was parsed again")

    monkeypatch.setattr("macros.parse_cache.parse_yaml", parse_again)
    (second,) = load_cascades(tmp_path / "data", parse_cache=cache)
    assert second == first
    assert dict(second.lines) == dict(first.lines) and dict(second.lines) != {}
    assert dict(second.lines.remarks) == dict(first.lines.remarks) != {}


def test_an_edited_file_is_parsed_again_and_a_file_with_problems_is_not_kept(tmp_path, kebasen_text):
    folder = tmp_path / "data" / "kecamatan-kebasen"
    folder.mkdir(parents=True)
    path, cache = folder / "2023.yaml", tmp_path / "cache"
    path.write_text(kebasen_text, encoding="utf-8")
    load_cascades(tmp_path / "data", parse_cache=cache)
    path.write_text(kebasen_text.replace("perangkat_daerah: Kecamatan Kebasen\n",
                                        "perangkat_daerah: Kecamatan Kebasen Baru\n"), encoding="utf-8")
    (edited,) = load_cascades(tmp_path / "data", parse_cache=cache)
    assert edited.cascade.perangkat_daerah == "Kecamatan Kebasen Baru"
    # The edited text's parse replaces the older one: one entry per data file, however often it is edited.
    (entry,) = cache.iterdir()
    # A duplicate key is reported on every build, naming the file as that build shows it.
    path.write_text(kebasen_text.replace("tahun: 2023\n", "tahun: 2023\ntahun: 2023\n", 1), encoding="utf-8")
    for _ in range(2):
        with pytest.raises(CascadeError, match="kunci 'tahun' ditulis dua kali"):
            load_cascades(tmp_path / "data", parse_cache=cache)
    assert list(cache.iterdir()) == [entry]


def kecamatan_files(data: Path, kebasen_text: str, count: int) -> None:
    """`count` perangkat daerah, each with Kebasen's file under another name."""
    for n in range(count):
        folder = data / f"kecamatan-{n}"
        folder.mkdir(parents=True)
        (folder / "2023.yaml").write_text(kebasen_text.replace(
            "perangkat_daerah: Kecamatan Kebasen\n", f"perangkat_daerah: Kecamatan {n}\n"), encoding="utf-8")


def test_a_first_build_parses_the_files_in_other_processes_and_loads_what_one_process_loads(
        tmp_path, kebasen_text, monkeypatch):
    kecamatan_files(tmp_path / "data", kebasen_text, PARSE_AHEAD_MIN_MISSES)
    alone = load_cascades(tmp_path / "data")

    def parse_here(*args):
        raise AssertionError("a file was parsed by the build, not ahead")

    monkeypatch.setattr("macros.parse_cache.parse_yaml", parse_here)
    shared = load_cascades(tmp_path / "data", parse_cache=tmp_path / "cache", workers=2)
    assert shared == alone and [dict(cf.lines) for cf in shared] == [dict(cf.lines) for cf in alone]


def test_files_that_cannot_be_parsed_ahead_are_reported_as_one_process_reports_them(tmp_path, kebasen_text):
    kecamatan_files(tmp_path / "data", kebasen_text, PARSE_AHEAD_MIN_MISSES)
    (tmp_path / "data/kecamatan-1/2023.yaml").write_text("tahun: 2023\ntahun: 2023\n", encoding="utf-8")
    (tmp_path / "data/kecamatan-2/2023.yaml").write_text("tujuan: [\n", encoding="utf-8")
    (tmp_path / "data/kecamatan-3/2023.yaml").write_bytes(b"tahun: 2023\n\xff\n")
    with pytest.raises(CascadeError) as alone:
        load_cascades(tmp_path / "data")
    with pytest.raises(CascadeError) as shared:
        load_cascades(tmp_path / "data", parse_cache=tmp_path / "cache", workers=2)
    assert shared.value.report("x") == alone.value.report("x")
    assert len({problem.path for problem in shared.value.problems}) == 3
    # The five whole files were kept; the three with problems are parsed again on every build.
    assert len(list((tmp_path / "cache").iterdir())) == PARSE_AHEAD_MIN_MISSES - 3


def test_a_parse_another_build_removed_is_parsed_again(tmp_path, kebasen_text):
    # A build beside this one (`mkdocs serve` and `make build`) replaces an entry this one may be about to read.
    folder = tmp_path / "data" / "kecamatan-kebasen"
    folder.mkdir(parents=True)
    (folder / "2023.yaml").write_text(kebasen_text, encoding="utf-8")
    cache = tmp_path / "cache"
    (first,) = load_cascades(tmp_path / "data", parse_cache=cache)
    (entry,) = cache.iterdir()
    entry.unlink()
    (second,) = load_cascades(tmp_path / "data", parse_cache=cache)
    assert second == first and list(cache.iterdir()) == [entry]


TWO_KODES = """perangkat_daerah: Kecamatan X
tahun: 2023
tujuan:
  - uraian: Tujuan
    indikator:
      - uraian: Indeks Kepuasan Masyarakat
        kode: "1.1"
        formulasi: Indeks
        sumber_data: Survei
      - uraian: Persentase pengaduan yang ditindaklanjuti
        kode: {second}
        formulasi: Persen
        sumber_data: Laporan
"""


@pytest.mark.parametrize("second", ["'1-1'", "'1 1'", "'1.1'"])
def test_two_indicators_whose_codes_give_one_identifier_are_refused_at_the_second_code(tmp_path, second):
    # Their rows would share one anchor and one CSV download (data/<pd>/<tahun>/indikator/1-1.csv, the second
    # overwriting the first), and the Data Package's primary key 'ID indikator' would be broken.
    text = TWO_KODES.format(second=second)
    assert problems_for(tmp_path, text) == [
        f"kecamatan-x/2023.yaml:11 tujuan[0].indikator[1].kode: kode indikator {second.strip(chr(39))!r} memberi "
        "pengenal yang sama ('1-1', dipakai pada alamat baris dan berkas CSV indikator) dengan kode '1.1' di "
        "tujuan[0].indikator[0]; bedakan kodenya"]


def test_an_indicator_code_without_letters_or_digits_is_refused(tmp_path):
    text = TWO_KODES.format(second="'-'")
    assert problems_for(tmp_path, text) == [
        "kecamatan-x/2023.yaml:11 tujuan[0].indikator[1].kode: kode indikator '-' tidak memuat huruf atau angka, "
        "sehingga tidak dapat menjadi pengenal indikator; hapus baris kode bila indikator tidak berkode"]

"""Data-quality checks (`make lint`): each check on small cascades, then the real data, the command and the report page."""

from __future__ import annotations

import ast
import copy
import os
import pickle
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from macros.capaian import TRIWULAN
from macros.lint import (
    check_target,
    check_unstated_choices,
    CHECK_TITLES,
    CHECKS,
    SOURCE_CHECKS,
    check_comment_after_text,
    check_empty_fields,
    check_excel_escapes,
    check_formulasi_repeats_uraian,
    check_invisible_characters,
    check_markup,
    check_numbering,
    check_packed_indikator,
    check_repeated_indikator,
    check_spelling,
    check_template_examples,
    Finding,
    lint_cascade,
    lint_files,
)
from macros.lint_cache import LintCache
from macros.render.report import render_quality_report
from macros.load import load_cascades
from macros.model import Cascade
from macros.problems import field_path
from macros.tree import CascadeTree, walk

from .helpers import DATA, ROOT, markdown_to_html, soup_of, visible_text


def indikator(uraian: str, formulasi: str = "Jumlah yang dihitung", sumber: str = "Data Subag Umum") -> dict:
    return {"uraian": uraian, "formulasi": formulasi, "tipe_penghitungan": "kumulatif", "polaritas": "positif",
            "sumber_data": sumber}


def sub(uraian: str, *indikators: dict) -> dict:
    return {"uraian": uraian, "sasaran": f"Terlaksananya {uraian}", "indikator": list(indikators)}


BASE = {
    "perangkat_daerah": "Kecamatan Contoh",
    "tahun": 2024,
    "tujuan": [{
        "uraian": "Mewujudkan pelayanan prima",
        "indikator": [indikator("Indeks Kepuasan Masyarakat", "Nilai IKM hasil survei")],
        "sasaran": [{
            "uraian": "Meningkatnya pelayanan",
            "indikator": [indikator("Persentase layanan tepat waktu", "Layanan tepat waktu dibagi semua layanan")],
            "program": [{
                "uraian": "Program Penyelenggaraan Pemerintahan",
                "sasaran": "Meningkatnya penyelenggaraan pemerintahan",
                "indikator": [indikator("Persentase pemohon terlayani", "Pemohon terlayani dibagi pemohon")],
                "kegiatan": [{
                    "uraian": "Pembinaan Pemerintahan Desa",
                    "sasaran": "Terbinanya pemerintahan desa",
                    "indikator": [indikator("Jumlah desa yang dibina", "Desa yang dibina dalam setahun")],
                    "sub_kegiatan": [
                        sub("Fasilitasi Keuangan Desa", indikator("Frekuensi pembinaan APBDes", "Jumlah pembinaan APBDes")),
                        sub("Fasilitasi Pemilihan Kepala Desa", indikator("Jumlah pilkades difasilitasi", "Pilkades")),
                    ],
                }],
            }],
        }],
    }],
}
SUB = ("tujuan", 0, "sasaran", 0, "program", 0, "kegiatan", 0, "sub_kegiatan")


def cascade_with(change=None) -> CascadeTree:
    """The clean example cascade, walked, changed by `change(data)` first."""
    data = copy.deepcopy(BASE)
    if change:
        change(data)
    return walk(Cascade.model_validate(data))


def subs(data: dict) -> list[dict]:
    return data["tujuan"][0]["sasaran"][0]["program"][0]["kegiatan"][0]["sub_kegiatan"]


def fields(issues) -> list[str]:
    return [field_path(issue.loc) for issue in issues]


def test_a_clean_cascade_has_no_findings():
    clean = cascade_with()
    for check in CHECKS:
        assert check(clean) == [], check.__name__
    assert lint_cascade(clean) == []


def copy_sibling(data):
    subs(data)[1]["indikator"] = [dict(subs(data)[0]["indikator"][0])]


def empty(data):
    subs(data)[0]["indikator"] = []
    subs(data)[1]["indikator"][0]["formulasi"] = ""
    subs(data)[1]["indikator"][0]["sumber_data"] = " "
    del subs(data)[1]["sasaran"]


def misspell(data):
    data["tujuan"][0]["indikator"][0]["sumber_data"] = "Laporan hasil survey"
    subs(data)[0]["indikator"][0]["uraian"] = "Presentase sarana gedug kantor (Komulatif)"


def markup(text: str):
    def change(data):
        subs(data)[0]["indikator"][0]["formulasi"] = text
    return change


def packed(text: str):
    def change(data):
        subs(data)[0]["indikator"][0]["uraian"] = text
    return change


def numbered(first: str, second: str):
    def change(data):
        subs(data)[0]["uraian"] = f"{first} Fasilitasi Keuangan Desa"
        subs(data)[1]["uraian"] = f"{second} Fasilitasi Pemilihan Kepala Desa"
    return change


def formulasi_repeats(data):
    subs(data)[0]["indikator"][0]["formulasi"] = "frekuensi pembinaan  APBDes"


def excel_escape(data):
    subs(data)[0]["indikator"][0]["uraian"] = "Jumlah_x0002_ APBDes yang dibina"


# For every check of `make lint`, a change to the clean cascade that it must report.
def realisasi_without_target(data):
    data["tujuan"][0]["indikator"][0]["realisasi"] = {2024: "82,5"}


def quarters_off_target(tipe: str, quarters: dict[str, str], target: str):
    def change(data):
        indikator = data["tujuan"][0]["indikator"][0]
        indikator.update(tipe_penghitungan=tipe, target={2024: target}, target_triwulan={2024: quarters})
    return change


def unstated(data):
    del data["tujuan"][0]["indikator"][0]["polaritas"]


EXAMPLES = {
    check_repeated_indikator: copy_sibling,
    check_empty_fields: empty,
    check_spelling: misspell,
    check_markup: markup("Jumlah <p>layanan</p>"),
    check_template_examples: markup("(ganti dengan indikator dari dokumen sumber)"),
    check_packed_indikator: packed("Jumlah rapat; jumlah peserta; jumlah notulen"),
    check_numbering: numbered("1.", "3."),
    check_formulasi_repeats_uraian: formulasi_repeats,
    check_excel_escapes: excel_escape,
    check_target: realisasi_without_target,
    check_unstated_choices: unstated,
}


def test_every_check_is_tested_here_and_has_its_section_on_the_report():
    untested = [check.__name__ for check in CHECKS if check not in EXAMPLES]
    assert untested == [], "add an example (and a test) for each new check"
    kinds = {}
    for check in CHECKS:
        issues = check(cascade_with(EXAMPLES[check]))
        assert issues, check.__name__
        assert len({issue.check for issue in issues}) == 1, check.__name__
        kinds[issues[0].check] = check.__name__
        # The whole run reports what the check reports.
        assert set(issues) <= set(lint_cascade(cascade_with(EXAMPLES[check]))), check.__name__
    # One title per check, in the order the checks run: the report page has a section for each.
    assert list(kinds) == list(CHECK_TITLES)[: len(CHECKS)] and len(kinds) == len(CHECKS)


# For every check of how a file is written, a line that it must report.
SOURCE_EXAMPLES = {
    check_comment_after_text: ("uraian: Pembinaan Pemerintahan Desa", "uraian: Pembinaan #Desa Maju"),
    check_invisible_characters: ("uraian: Pembinaan Pemerintahan Desa", "uraian: Pembi\u00adnaan Pemerintahan Desa"),
}


def test_every_check_of_how_a_file_is_written_is_tested_here_and_has_its_section(tmp_path):
    assert set(SOURCE_CHECKS) == set(SOURCE_EXAMPLES)
    kinds = []
    for n, check in enumerate(SOURCE_CHECKS):
        before, after = SOURCE_EXAMPLES[check]
        folder = tmp_path / str(n) / "kecamatan-contoh"
        folder.mkdir(parents=True)
        text = yaml.safe_dump(BASE, allow_unicode=True, sort_keys=False, width=1000)
        assert before in text
        (folder / "2024.yaml").write_text(text.replace(before, after), encoding="utf-8")
        (loaded,) = load_cascades(folder.parent)
        issues = check(loaded)
        assert len(issues) == 1 and issues[0].loc[-1] == "uraian", check.__name__
        kinds.append(issues[0].check)
    assert list(CHECK_TITLES)[len(CHECKS):len(CHECKS) + len(SOURCE_CHECKS)] == kinds


def test_an_indicator_copied_from_a_sibling_is_reported_with_both_names():
    (issue,) = check_repeated_indikator(cascade_with(copy_sibling))
    assert fields([issue]) == ["tujuan[0].sasaran[0].program[0].kegiatan[0].sub_kegiatan[1].indikator[0].uraian"]
    assert '"Fasilitasi Pemilihan Kepala Desa"' in issue.message
    assert 'sub kegiatan "Fasilitasi Keuangan Desa"' in issue.message
    assert "indikator dan formulasinya" in issue.message


def test_same_indicator_with_another_formula_is_reported_as_the_indicator_only():
    def same_name(data):
        subs(data)[1]["indikator"][0]["uraian"] = "frekuensi  pembinaan APBDES"

    (issue,) = check_repeated_indikator(cascade_with(same_name))
    assert "formulasinya" not in issue.message and "indikator" in issue.message


def test_the_same_indicator_in_unrelated_places_is_not_a_sibling_repetition():
    def parent_and_child(data):
        kegiatan = data["tujuan"][0]["sasaran"][0]["program"][0]["kegiatan"][0]
        kegiatan["indikator"] = [dict(subs(data)[0]["indikator"][0])]

    assert check_repeated_indikator(cascade_with(parent_and_child)) == []


def test_an_indicator_twice_in_one_item_is_reported():
    def twice(data):
        subs(data)[0]["indikator"].append(dict(subs(data)[0]["indikator"][0]))

    (issue,) = check_repeated_indikator(cascade_with(twice))
    assert fields([issue]) == [field_path(SUB + (0, "indikator", 1, "uraian"))]
    assert "indikator lain di item yang sama" in issue.message


def test_missing_indicator_formula_source_and_sasaran_are_reported():
    issues = check_empty_fields(cascade_with(empty))
    assert fields(issues) == [
        field_path(SUB + (0, "indikator")),
        field_path(SUB + (1, "sasaran")),
        field_path(SUB + (1, "indikator", 0, "formulasi")),
        field_path(SUB + (1, "indikator", 0, "sumber_data")),
    ]
    assert issues[0].message == 'Sub kegiatan "Fasilitasi Keuangan Desa" belum memiliki indikator kinerja'
    assert "belum mencantumkan sumber data" in issues[3].message


def test_spelling_variants_are_reported_with_the_standard_spelling():
    issues = check_spelling(cascade_with(misspell))
    messages = [issue.message for issue in issues]
    assert fields(issues) == ["tujuan[0].indikator[0].sumber_data"] + [field_path(SUB + (0, "indikator", 0, "uraian"))] * 3
    assert messages[0].startswith('"survey" kemungkinan salah eja; ejaan baku: "survei"')
    assert [m.split(";")[1].split('"')[1] for m in messages[1:]] == ["Persentase", "gedung", "Kumulatif"]


def test_a_word_that_only_contains_a_variant_is_not_reported():
    def longer_word(data):
        subs(data)[0]["indikator"][0]["uraian"] = "Jumlah surveyor dan gedung"

    assert check_spelling(cascade_with(longer_word)) == []


@pytest.mark.parametrize("text, shown", [
    ("Jumlah <p>layanan</p>", '"<p>", "</p>"'),
    ('<ul style="margin:0">Jumlah layanan', '"<ul style=\\"margin:0\\">"'.replace('\\"', '"')),
    ("Jumlah&nbsp;layanan", '"&nbsp;"'),
    ("Jumlah **layanan**", '"**"'),
])
def test_leftover_markup_is_reported(text, shown):
    (issue,) = check_markup(cascade_with(markup(text)))
    assert fields([issue]) == [field_path(SUB + (0, "indikator", 0, "formulasi"))]
    assert f"sisa HTML/markup {shown}" in issue.message


def test_plain_text_with_comparison_signs_is_not_markup():
    assert check_markup(cascade_with(markup("Nilai < 5 dan > 2 dibagi 3 x 100 % & seterusnya"))) == []


@pytest.mark.parametrize("text", [
    "- Jumlah rapat - Jumlah peserta",
    "a. Jumlah rapat b. Jumlah peserta",
    "Jumlah rapat; jumlah peserta; jumlah notulen",
])
def test_several_indicators_in_one_field_are_reported(text):
    (issue,) = check_packed_indikator(cascade_with(packed(text)))
    assert fields([issue]) == [field_path(SUB + (0, "indikator", 0, "uraian"))]
    assert "beberapa butir" in issue.message


def test_a_hyphenated_word_or_one_dash_is_not_a_list():
    dashes = packed("Jumlah peraturan perundang-undangan - yang ditegakkan")
    assert check_packed_indikator(cascade_with(dashes)) == []


def test_numbers_typed_before_names_and_gaps_between_them_are_reported():
    issues = check_numbering(cascade_with(numbered("1.", "3.")))
    assert fields(issues) == [field_path(SUB + (0, "uraian")), field_path(SUB), field_path(SUB + (1, "uraian"))]
    assert 'nama diawali nomor "1."' in issues[0].message
    assert "nomor sub kegiatan tidak urut: 1, 3" in issues[1].message


def test_consecutive_numbers_are_only_reported_as_numbers_in_names():
    consecutive = check_numbering(cascade_with(numbered("1.", "2.")))
    assert [i.message for i in consecutive if "tidak urut" in i.message] == []


def test_a_formula_that_repeats_its_indicator_is_reported():
    (issue,) = check_formulasi_repeats_uraian(cascade_with(formulasi_repeats))
    assert fields([issue]) == [field_path(SUB + (0, "indikator", 0, "formulasi"))]
    assert "cara menghitungnya belum dijelaskan" in issue.message


def test_findings_carry_the_line_of_the_field_in_the_file(tmp_path):
    folder = tmp_path / "cascade_data" / "kecamatan-contoh"
    folder.mkdir(parents=True)
    (folder / "2024.yaml").write_text(
        "perangkat_daerah: Kecamatan Contoh\n"
        "tahun: 2024\n"
        "tujuan:\n"
        "  - uraian: Mewujudkan pelayanan prima\n"
        "    indikator:\n"
        "      - uraian: Presentase layanan\n"
        "        formulasi: ''\n"
        "        tipe_penghitungan: kumulatif\n"
        "        polaritas: positif\n"
        "        sumber_data: Data\n"
        "  - uraian: Tujuan kedua\n", encoding="utf-8")
    findings = lint_files(load_cascades(tmp_path / "cascade_data"))
    assert [str(f).split(":", 2)[:2] for f in findings] == [
        ["cascade_data/kecamatan-contoh/2024.yaml", "6 tujuan[0].indikator[0].uraian"],
        ["cascade_data/kecamatan-contoh/2024.yaml", "7 tujuan[0].indikator[0].formulasi"],
        # No `indikator:` key in the file: the finding points at the item itself.
        ["cascade_data/kecamatan-contoh/2024.yaml", "11 tujuan[1].indikator"],
    ]


def test_kept_findings_are_read_back_for_an_unchanged_file_and_made_again_for_an_edited_one(tmp_path):
    # A build keeps each file's findings (`.cache/lint`): a push that edits one file of a Kabupaten's two hundred
    # checks that one again, and the report still lists every file's findings as checking them all would.
    data = tmp_path / "cascade_data"
    for name, uraian in (("kecamatan-satu", "Presentase layanan"), ("kecamatan-dua", "Jumlah layanan")):
        (data / name).mkdir(parents=True)
        (data / name / "2024.yaml").write_text(yaml.safe_dump({**BASE, "perangkat_daerah": name, "tujuan": [
            {**BASE["tujuan"][0], "indikator": [indikator(uraian, formulasi="")]}]}, sort_keys=False),
            encoding="utf-8")
    kept = LintCache(tmp_path / "cache")
    files = load_cascades(data, shown_relative_to=tmp_path)
    assert lint_files(files, kept.findings) == lint_files(files) != []
    # Read back, not checked again: a finding planted in one file's kept entry shows.
    satu = next(cf for cf in files if cf.slug == "kecamatan-satu")
    planted = Finding("ejaan", "cascade_data/kecamatan-satu/2024.yaml", 1, "tahun", "ditanam di cache")
    (entry,) = [path for path in (tmp_path / "cache").iterdir() if path.read_bytes() == pickle.dumps(
        kept.findings(satu), protocol=pickle.HIGHEST_PROTOCOL)]
    entry.write_bytes(pickle.dumps([planted], protocol=pickle.HIGHEST_PROTOCOL))
    assert planted in lint_files(load_cascades(data, shown_relative_to=tmp_path), kept.findings)
    # Edited: checked again, its new text's findings only.
    path = data / "kecamatan-satu" / "2024.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("Presentase", "Persentase"), encoding="utf-8")
    edited = load_cascades(data, shown_relative_to=tmp_path)
    assert lint_files(edited, kept.findings) == lint_files(edited)
    assert planted not in lint_files(edited, kept.findings)
    # One entry per data file: the edited file's new findings replace its older ones.
    assert len(list((tmp_path / "cache").iterdir())) == 2
    # An entry another build removed is checked again.
    for entry in (tmp_path / "cache").iterdir():
        entry.unlink()
    assert lint_files(edited, kept.findings) == lint_files(edited) and len(list((tmp_path / "cache").iterdir())) == 2


def _line_of(data_text: str, text: str, after: str = "") -> int:
    """The line number of `text` in a data file's text (the first one after the line holding `after`)."""
    lines = data_text.splitlines()
    start = next(i for i, line in enumerate(lines) if after in line)
    return next(i for i, line in enumerate(lines[start:], start) if text in line) + 1


def test_the_real_data_reports_the_known_oddities_with_file_and_line(cascades, kebasen_text):
    printed = [str(f) for f in lint_files(list(cascades))]
    path = "cascade_data/kecamatan-kebasen/2023.yaml"
    pilkades = _line_of(kebasen_text, "uraian: Frekuensi Pembinaan", after="uraian: Fasilitasi Pelaksanaan Pemilihan Kepala Desa")
    repeated = [p for p in printed if "Pemilihan Kepala Desa" in p]
    assert len(repeated) == 1 and repeated[0].startswith(f"{path}:{pilkades} ")
    assert "sama persis" in repeated[0]
    for word, standard in [("Presentase", "Persentase"), ("gedug", "gedung"), ("survey", "survei")]:
        lines = [p.split(" ", 1)[0] for p in printed if f'"{word}" kemungkinan salah eja; ejaan baku: "{standard}"' in p]
        expected = [f"{path}:{n}" for n, line in enumerate(kebasen_text.splitlines(), 1)
                    if word in line.split("#")[0]]
        assert lines == expected, word


def run_lint(*, strict: bool, data: Path = DATA) -> subprocess.CompletedProcess:
    env = {**os.environ, "CASCADE_DATA": str(data), "STRICT": "1" if strict else ""}
    return subprocess.run([sys.executable, "-m", "macros.check", "lint"], cwd=ROOT, env=env,
                          capture_output=True, text=True)


def test_no_module_of_the_library_imports_a_command_line_module():
    command_line = {"macros.build", "macros.check", "macros.schema", "macros.import_spreadsheet"}
    importers = []
    for path in sorted((ROOT / "macros").rglob("*.py")):
        package = ".".join(path.relative_to(ROOT).with_suffix("").parts[:-1])
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                base = package.rsplit(".", node.level - 1)[0] if node.level else ""
                module = ".".join(filter(None, [base, node.module]))
                imported = {module} | {f"{module}.{alias.name}" for alias in node.names}
            elif isinstance(node, ast.Import):
                imported = {alias.name for alias in node.names}
            else:
                continue
            importers += [f"{path.relative_to(ROOT)} imports {name}" for name in sorted(imported & command_line)]
    assert importers == []


def test_lint_prints_warnings_and_fails_only_when_strict():
    relaxed, strict = run_lint(strict=False), run_lint(strict=True)
    assert relaxed.returncode == 0 and strict.returncode == 1
    assert relaxed.stdout == strict.stdout
    lines = relaxed.stdout.splitlines()
    files = {line.split(":")[0] for line in lines}
    assert files == {"cascade_data/kecamatan-gunung-kaler/2020.yaml", "cascade_data/kecamatan-kebasen/2023.yaml"}
    assert f"{len(lines)} peringatan kualitas data di 2 berkas" in relaxed.stderr
    assert f"{len(lines)} kesalahan kualitas data" in strict.stderr


def test_lint_names_a_data_folder_elsewhere_by_a_path_that_opens(tmp_path):
    shutil.copytree(DATA, tmp_path / "data")
    lines = run_lint(strict=False, data=tmp_path / "data").stdout.splitlines()
    assert lines and {Path(line.split(":")[0]) for line in lines} == {
        tmp_path / "data/kecamatan-gunung-kaler/2020.yaml", tmp_path / "data/kecamatan-kebasen/2023.yaml"}


def test_strict_lint_passes_on_clean_data(tmp_path):
    import yaml

    folder = tmp_path / "kecamatan-contoh"
    folder.mkdir()
    (folder / "2024.yaml").write_text(yaml.safe_dump(BASE, allow_unicode=True), encoding="utf-8")
    result = run_lint(strict=True, data=tmp_path)
    assert result.returncode == 0, result.stdout
    assert result.stdout == "" and "0 kesalahan" in result.stderr


def test_the_report_shows_each_check_title_as_written(tmp_path):
    # "Sisa kode Excel (_x0002_)" is the code staff look for in their file: Markdown must not make it emphasis.
    folder = tmp_path / "kecamatan-contoh"
    folder.mkdir()
    data = copy.deepcopy(BASE)
    data["tujuan"][0]["uraian"] = "Mewujudkan_x0002_ pelayanan prima"
    (folder / "2024.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    files = load_cascades(tmp_path, shown_relative_to=tmp_path)
    findings = lint_files(files)
    assert "excel" in {f.check for f in findings}
    text = visible_text(markdown_to_html(render_quality_report(findings, files).split("---", 2)[2]))
    for title in CHECK_TITLES.values():
        assert title in text


def test_an_indicator_graded_on_another_scale_than_the_year_before_is_reported_in_the_newer_file(tmp_path):
    folder = tmp_path / "kecamatan-contoh"
    folder.mkdir()
    for year, skala, nilai in ((2023, "mutu_pelayanan", "B"), (2024, "predikat_sakip", "BB"), (2025, None, "A")):
        data = copy.deepcopy(BASE)
        data["tahun"] = year
        data["tujuan"][0]["indikator"][0].update({"target": {year: nilai}, **({"skala": skala} if skala else {})})
        if year == 2025:  # 'A' alone is on two scales: stated as the year before, so no change to report
            data["tujuan"][0]["indikator"][0]["skala"] = "predikat_sakip"
        (folder / f"{year}.yaml").write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    findings = [f for f in lint_files(load_cascades(tmp_path, shown_relative_to=tmp_path))
                if f.check == "skala_antartahun"]
    assert [(f.path.split("/", 1)[1], f.field) for f in findings] == [
        ("kecamatan-contoh/2024.yaml", "tujuan[0].indikator[0].skala")]
    assert findings[0].message == (
        'Indikator "Indeks Kepuasan Masyarakat": dinilai dengan skala predikat SAKIP (AA > A > BB > B > CC > C > D), '
        "di cascade 2023 dengan skala mutu pelayanan IKM (A > B > C > D); capaiannya antartahun tidak sebanding. "
        "Samakan skalanya, atau beri kode lain bila memang indikator yang berbeda")
    assert findings[0].line == (folder / "2024.yaml").read_text().splitlines().index("    skala: predikat_sakip") + 1
    # A year of numbers ranks nothing, whatever `skala` it states: the years around it are compared.
    for year, skala, nilai in ((2023, "predikat_sakip", "B"), (2024, "mutu_pelayanan", "70"),
                               (2025, "predikat_sakip", "B")):
        data = copy.deepcopy(BASE)
        data["tahun"] = year
        data["tujuan"][0]["indikator"][0].update({"target": {year: nilai}, "skala": skala})
        (folder / f"{year}.yaml").write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    assert [f for f in lint_files(load_cascades(tmp_path)) if f.check == "skala_antartahun"] == []


@pytest.mark.slow
def test_the_report_page_lists_the_findings_and_is_linked_from_the_footer_only(site, cascades):
    soup = soup_of(site, "laporan-kualitas-data")
    printed = [str(f) for f in lint_files(list(cascades))]
    rows = soup.select("article tbody tr")
    # Each file's findings follow the paragraph naming it ("Berkas `cascade_data/...`: N temuan.").
    shown = []
    for row in rows:
        cells = row.select("td")
        if len(cells) == 3:
            named = row.find_previous(lambda tag: tag.name == "p" and tag.get_text().startswith("Berkas "))
            shown.append(f"{named.code.get_text()}:{cells[0].get_text()} {cells[1].get_text()}: {cells[2].get_text()}")
    assert sorted(shown) == sorted(printed)
    pilkades = next(r for r in rows if "Pemilihan Kepala Desa" in r.get_text())
    link = pilkades.select_one("a")["href"]
    assert link.startswith("../kecamatan-kebasen/2023/program/pembinaan-dan-pengawasan-pemerintahan-desa/#")
    target = soup_of(site, "kecamatan-kebasen/2023/program/pembinaan-dan-pengawasan-pemerintahan-desa")
    assert "Frekuensi Pembinaan" in target.find(id=link.split("#")[1]).get_text()

    home = soup_of(site, "")
    assert home.select_one("footer a[href='laporan-kualitas-data/']").get_text() == "Laporan kualitas data"
    assert not [a for a in home.select("nav.md-nav a") if "laporan-kualitas-data" in a.get("href", "")]


@pytest.mark.browser
def test_on_a_phone_the_report_shows_each_finding_first_and_whole(open_page, site_url):
    # As a table, the finding was the third column, beyond a 360 px screen's edge behind the field's path.
    page = open_page(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)
    page.goto(site_url + "laporan-kualitas-data/")
    cards = page.evaluate("""() => [...document.querySelectorAll('article tbody tr')]
      .filter(row => row.cells.length === 3).map(row => {
        const [baris, bagian, temuan] = [...row.cells].map(cell => cell.getBoundingClientRect());
        return {text: row.cells[2].textContent, left: temuan.left, right: temuan.right,
                first: temuan.bottom <= baris.top && temuan.bottom <= bagian.top,
                label: getComputedStyle(row.cells[0], '::before').content};  // its text, then its alt text
      })""")
    assert cards
    assert [card["text"] for card in cards if not (0 <= card["left"] and card["right"] <= 360 and card["first"])] == []
    # The line and the field are shown under their names.
    assert {card["label"] for card in cards} == {'"Baris" / ""'}
    assert page.evaluate("document.documentElement.scrollWidth") <= 360


def test_realisasi_without_a_target_is_reported_at_the_realisasi():
    (issue,) = check_target(cascade_with(realisasi_without_target))
    assert fields([issue]) == ["tujuan[0].indikator[0].realisasi[2024]"]
    assert issue.message == ('Indikator "Indeks Kepuasan Masyarakat" punya realisasi 2024 tetapi belum punya '
                             "target 2024; capaiannya tidak dapat dihitung")


def test_quarterly_targets_must_make_the_years_target():
    quarters = {"I": "6", "II": "6", "III": "7", "IV": "7"}
    (kumulatif,) = check_target(cascade_with(quarters_off_target("kumulatif", quarters, "25")))
    assert fields([kumulatif]) == ["tujuan[0].indikator[0].target_triwulan[2024]"]
    assert "jumlah target triwulan 2024 (26) tidak sama dengan target tahun 2024 (25)" in kumulatif.message
    (level,) = check_target(cascade_with(quarters_off_target("non_kumulatif", quarters, "6")))
    assert "target triwulan IV 2024 (7) tidak sama dengan target tahun 2024 (6)" in level.message
    assert check_target(cascade_with(quarters_off_target("kumulatif", quarters, "26"))) == []
    assert check_target(cascade_with(quarters_off_target("non_kumulatif", quarters, "7,0"))) == []
    # Three quarters of four do not make a year: nothing to compare yet.
    assert check_target(cascade_with(quarters_off_target("kumulatif", {"I": "6", "II": "6", "III": "7"}, "99"))) == []


def with_values(tipe: str = "kumulatif", **values):
    """A change that gives the first indicator this tipe and these 2024 values (field → value or quarters)."""
    def change(data):
        indikator = data["tujuan"][0]["indikator"][0]
        indikator.update(tipe_penghitungan=tipe, **{field: {2024: value} for field, value in values.items()})
    return change


def test_a_target_of_only_a_dash_is_no_target_for_a_realisasi():
    (issue,) = check_target(cascade_with(with_values(target="-", realisasi="27")))
    assert fields([issue]) == ["tujuan[0].indikator[0].realisasi[2024]"]
    assert "punya realisasi 2024 tetapi belum punya target 2024" in issue.message
    assert check_target(cascade_with(with_values(target="-", realisasi="-"))) == []


def test_a_realisasi_of_a_year_after_its_files_is_a_slip_to_check():
    def values(**fields):
        return lambda data: data["tujuan"][0]["indikator"][0].update(fields)

    issues = check_target(cascade_with(values(target={2024: "80", 2025: "85"}, realisasi={2024: "81", 2025: "83"},
                                              realisasi_triwulan={2025: {"I": "20"}})))
    assert fields(issues) == ["tujuan[0].indikator[0].realisasi[2025]",
                              "tujuan[0].indikator[0].realisasi_triwulan[2025]"]
    assert issues[0].message == ('Indikator "Indeks Kepuasan Masyarakat": realisasi 2025 tertulis di cascade tahun '
                                 "2024, tahun sesudahnya; periksa tahunnya, atau catat realisasi 2025 di cascade "
                                 "tahun 2025")
    # A scale stated where no value is a grade says nothing.
    (issue,) = check_target(cascade_with(values(skala="predikat_sakip", target={2024: "80%"})))
    assert fields([issue]) == ["tujuan[0].indikator[0].skala"]
    assert issue.message.endswith(": menyatakan 'skala: predikat_sakip' tetapi tidak satu pun nilainya berupa "
                                  "peringkat; hapus skala bila nilainya memang bukan peringkat")
    assert check_target(cascade_with(values(skala="predikat_sakip", target={2024: "BB"}))) == []
    assert check_target(cascade_with(values(skala="predikat_sakip"))) == []  # stated before any value
    # "-" says there is none yet; a target for a later year is a plan, as a Renstra's are.
    assert check_target(cascade_with(values(target={2024: "80"}, realisasi={2024: "81", 2025: "-"}))) == []
    assert check_target(cascade_with(values(target={2024: "80", 2025: "85"}, realisasi={2024: "81"}))) == []


def test_quarterly_targets_typed_under_another_year_are_a_slip_to_check():
    def values(**fields):
        return lambda data: data["tujuan"][0]["indikator"][0].update(fields)

    quarters = {"I": "250", "II": "250", "III": "250", "IV": "250"}
    (issue,) = check_target(cascade_with(values(target={2024: "1.000"}, target_triwulan={2023: quarters},
                                                realisasi_triwulan={2024: {"I": "300", "II": "310"}})))
    assert fields([issue]) == ["tujuan[0].indikator[0].target_triwulan[2023]"]
    assert issue.message == ('Indikator "Indeks Kepuasan Masyarakat": target triwulan tertulis untuk tahun 2023, '
                             "yang tidak punya target atau realisasi lain, dan tidak untuk 2024, tahun cascade ini; "
                             "periksa tahunnya: realisasi triwulan 2024 dibandingkan dengan target tahunnya saja")
    # A year with other values of its own, or quarters for the file's year as well, are plans as typed.
    assert check_target(cascade_with(values(target={2023: "1.000", 2024: "1.100"}, target_triwulan={2023: quarters},
                                            realisasi={2023: "950"}))) == []
    assert check_target(cascade_with(values(target_triwulan={2023: quarters, 2024: quarters}))) == []
    # Without the year's quarterly realisasi nothing is compared the wrong way.
    assert check_target(cascade_with(values(target={2024: "1.000"}, target_triwulan={2023: quarters}))) == []


def test_a_years_realisasi_must_be_what_its_four_quarters_make():
    quarters = {"I": "10", "II": "10", "III": "10", "IV": "10"}
    (kumulatif,) = check_target(cascade_with(with_values(target="40", realisasi="27", realisasi_triwulan=quarters)))
    assert fields([kumulatif]) == ["tujuan[0].indikator[0].realisasi[2024]"]
    assert kumulatif.message == ('Indikator "Indeks Kepuasan Masyarakat": jumlah realisasi triwulan 2024 (40) tidak '
                                 "sama dengan realisasi tahun 2024 (27); capaian memakai realisasi tahun 2024")
    (level,) = check_target(cascade_with(with_values("non_kumulatif", target="40", realisasi="27",
                                                     realisasi_triwulan=quarters)))
    assert "realisasi triwulan IV 2024 (10) tidak sama dengan realisasi tahun 2024 (27)" in level.message
    assert check_target(cascade_with(with_values(target="40", realisasi="40,0", realisasi_triwulan=quarters))) == []
    # Three quarters reported: the year is not over, nothing to compare.
    del quarters["IV"]
    assert check_target(cascade_with(with_values(target="40", realisasi="27", realisasi_triwulan=quarters))) == []


def test_a_fraction_typed_against_a_percentage_is_reported():
    (year,) = check_target(cascade_with(with_values("non_kumulatif", target="98,5%", realisasi="0,97")))
    assert fields([year]) == ["tujuan[0].indikator[0].realisasi[2024]"]
    assert year.message == ('Indikator "Indeks Kepuasan Masyarakat": target 2024 \'98,5%\' dan realisasinya \'0,97\' '
                            "berbeda sekitar seratus kali lipat dan hanya satu yang ditulis dengan %; periksa apakah keduanya "
                            "ditulis dalam persen (misalnya '97%', bukan '0,97')")
    (quarter,) = check_target(cascade_with(with_values("non_kumulatif", target_triwulan={"I": "0,9"},
                                                       realisasi_triwulan={"I": "92%"})))
    assert fields([quarter]) == ["tujuan[0].indikator[0].realisasi_triwulan[2024].I"]
    assert "target triwulan I 2024 '0,9' dan realisasinya '92%'" in quarter.message
    # A year's target made by its quarters is compared too, and the message says where it comes from.
    (made,) = check_target(cascade_with(with_values("kumulatif", target_triwulan=dict.fromkeys(TRIWULAN, "25%"),
                                                    realisasi="0,9")))
    assert fields([made]) == ["tujuan[0].indikator[0].realisasi[2024]"]
    assert "target 2024 '100%' (dari target triwulannya) dan realisasinya '0,9'" in made.message
    # A year's realisasi made by its four quarters, against a target of the year alone, too.
    (from_quarters,) = check_target(cascade_with(with_values("non_kumulatif", target="98,5%",
                                                             realisasi_triwulan=dict.fromkeys(TRIWULAN, "0,97"))))
    assert fields([from_quarters]) == ["tujuan[0].indikator[0].realisasi_triwulan[2024]"]
    assert "target 2024 '98,5%' dan realisasinya '0,97' (dari realisasi triwulannya) berbeda" in from_quarters.message
    # Three quarters: the year is not made yet.
    assert check_target(cascade_with(with_values("non_kumulatif", target="98,5%",
                                                 realisasi_triwulan={"I": "0,97", "II": "0,98"}))) == []
    # The likeliest slip: a target met at about 99%, one side typed as a fraction (99 times apart, not 100).
    for target, realisasi in (("0,98", "97%"), ("98%", "0,99")):
        (slip,) = check_target(cascade_with(with_values("non_kumulatif", target=target, realisasi=realisasi)))
        assert f"target 2024 '{target}' dan realisasinya '{realisasi}' berbeda sekitar seratus" in slip.message
    # Both in percent, or a percentage against a number of its size: as typed.
    for realisasi in ("0,97%", "97", "97%"):
        assert check_target(cascade_with(with_values("non_kumulatif", target="98,5%", realisasi=realisasi))) == []


def test_quarters_typed_partly_with_percent_are_reported():
    (mixed,) = check_target(cascade_with(with_values("kumulatif", target="100%", realisasi_triwulan={
        "I": "25", "II": "25%", "III": "25%", "IV": "25%"})))
    assert fields([mixed]) == ["tujuan[0].indikator[0].realisasi_triwulan[2024]"]
    assert mixed.message == ('Indikator "Indeks Kepuasan Masyarakat": realisasi triwulan 2024 sebagian ditulis dengan '
                             "% dan sebagian tanpa ('25', '25%', '25%', '25%'); tulis semuanya dengan satuan yang sama")
    assert check_target(cascade_with(with_values("kumulatif", target="100%",
                                                 target_triwulan=dict.fromkeys(TRIWULAN, "25%")))) == []


def test_a_quarter_left_out_before_one_reported_is_reported_unless_typed_as_none():
    # Realisasi for I and III, none for II: the kumulatif capaian to date is I + III, and the page cannot tell.
    quarters = {"I": "10", "III": "10"}
    (gap,) = check_target(cascade_with(with_values("kumulatif", target="40", realisasi_triwulan=quarters)))
    assert fields([gap]) == ["tujuan[0].indikator[0].realisasi_triwulan[2024]"]
    assert gap.message == ('Indikator "Indeks Kepuasan Masyarakat": realisasi triwulan II 2024 belum ditulis padahal '
                           "triwulan III sudah; capaian s.d. triwulan III dijumlahkan tanpa triwulan itu. Tulis "
                           "realisasinya, atau '-' bila memang tidak ada")
    (latest,) = check_target(cascade_with(with_values("non_kumulatif", target="10", realisasi_triwulan={"II": "9"})))
    assert "realisasi triwulan I 2024 belum ditulis padahal triwulan II sudah; capaian memakai triwulan II" in (
        latest.message)
    # Said so by staff ('-'), or the year's realisasi typed (which the capaian takes): nothing to say.
    said = {**quarters, "II": "-"}
    assert check_target(cascade_with(with_values("kumulatif", target="40", realisasi_triwulan=said))) == []
    assert check_target(cascade_with(with_values("kumulatif", target="40", realisasi="30",
                                                 realisasi_triwulan=quarters))) == []


def test_a_target_and_realisasi_typed_with_different_units_are_reported():
    # "1 dokumen" against "1 Laporan" is 100% by the numbers; whether the units mean the same is for staff to say.
    (year,) = check_target(cascade_with(with_values("kumulatif", target="1 dokumen", realisasi="1 Laporan")))
    assert fields([year]) == ["tujuan[0].indikator[0].realisasi[2024]"]
    assert year.message == ('Indikator "Indeks Kepuasan Masyarakat": target 2024 \'1 dokumen\' dan realisasinya '
                            "'1 Laporan' ditulis dengan satuan berbeda ('dokumen' dan 'Laporan'); capaian hanya "
                            "membandingkan angkanya, jadi samakan satuannya")
    (quarter,) = check_target(cascade_with(with_values(
        "non_kumulatif", target="7-8 bulan", target_triwulan={"I": "8 bulan"}, realisasi_triwulan={"I": "9 minggu"})))
    assert fields([quarter]) == ["tujuan[0].indikator[0].realisasi_triwulan[2024].I"]
    # Typed so in every quarter too: said once for the year.
    (habit,) = check_target(cascade_with(with_values(
        "kumulatif", target="4 dokumen", realisasi="4 laporan", target_triwulan=dict.fromkeys(TRIWULAN, "1 dokumen"),
        realisasi_triwulan=dict.fromkeys(TRIWULAN, "1 laporan"))))
    assert fields([habit]) == ["tujuan[0].indikator[0].realisasi[2024]"]
    # The same unit in another case, abbreviated, with a full stop or a '/' qualifier, a unit on one side only, or
    # a percentage: nothing to say here.
    for target, realisasi in (("26 Dokumen", "27 dokumen"), ("5 dok", "5 dokumen"), ("1 dokumen.", "1 dokumen"),
                              ("Rp 1.500", "1.500 rupiah"), ("4 kali", "4 kali/tahun"), ("3 bln", "3 Bulan"),
                              ("26 dokumen", "27"), ("98%", "97 persen")):
        assert check_target(cascade_with(with_values("kumulatif", target=target, realisasi=realisasi))) == [], target


def test_an_indicator_without_tipe_or_polaritas_is_listed_with_what_the_site_shows():
    def neither(data):
        del data["tujuan"][0]["indikator"][0]["tipe_penghitungan"]
        del data["tujuan"][0]["indikator"][0]["polaritas"]

    issues = check_unstated_choices(cascade_with(neither))
    assert fields(issues) == ["tujuan[0].indikator[0].tipe_penghitungan", "tujuan[0].indikator[0].polaritas"]
    assert [issue.message for issue in issues] == [
        'Indikator "Indeks Kepuasan Masyarakat" tidak mencantumkan tipe_penghitungan (kumulatif atau '
        'non_kumulatif); situs menulis "tidak tercantum"',
        'Indikator "Indeks Kepuasan Masyarakat" tidak mencantumkan polaritas (positif atau negatif); situs menulis '
        '"tidak tercantum" dan capaian angkanya tidak dihitung',
    ]

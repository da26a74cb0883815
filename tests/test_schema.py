"""The committed JSON Schema for editors: in sync with the model, and agreeing with it on real and broken data."""

from __future__ import annotations

import copy
import json
import subprocess
import sys

import pytest
import yaml
from jsonschema import Draft202012Validator

from macros.model import Cascade
import macros.schema as schema_module
from macros.schema import SCHEMA_FILE, cascade_schema, render_schema

from .helpers import ROOT


@pytest.fixture(scope="module")
def validator() -> Draft202012Validator:
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


@pytest.fixture(scope="module")
def data(kebasen_text) -> dict:
    return yaml.safe_load(kebasen_text)


def test_committed_schema_is_the_models():
    assert SCHEMA_FILE.read_text(encoding="utf-8") == render_schema(), (
        "schema/cascade.schema.json is out of date: run `make schema` (python -m macros.schema)")


def test_schema_check_command_reports_an_outdated_schema(tmp_path, monkeypatch, capsys):
    stale = tmp_path / "cascade.schema.json"
    stale.write_text(render_schema().replace("Tipe Penghitungan", "Tipe"), encoding="utf-8")
    monkeypatch.setattr(schema_module, "SCHEMA_FILE", stale)
    assert schema_module.main(["--check"]) == 1
    assert "make schema" in capsys.readouterr().err
    assert schema_module.main([]) == 0 and schema_module.main(["--check"]) == 0
    assert stale.read_text(encoding="utf-8") == render_schema()


def test_schema_module_runs_as_a_command():
    result = subprocess.run([sys.executable, "-m", "macros.schema", "--check"], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_every_data_file_points_editors_to_the_schema():
    for path in (ROOT / "cascade_data").glob("*/*.yaml"):
        first_line = path.read_text(encoding="utf-8").splitlines()[0]
        assert first_line == "# yaml-language-server: $schema=../../schema/cascade.schema.json", path
        assert (path.parent / "../../schema/cascade.schema.json").resolve() == SCHEMA_FILE


def test_every_field_has_an_indonesian_description():
    schema = cascade_schema()
    for name, definition in {"Cascade": schema, **schema["$defs"]}.items():
        assert definition.get("description"), name
        for field, prop in definition["properties"].items():
            assert prop.get("description"), f"{name}.{field}"


def test_real_data_validates_against_the_schema(validator, data):
    assert list(validator.iter_errors(data)) == []


def _sub_kegiatan_indikator(data: dict) -> dict:
    return data["tujuan"][0]["sasaran"][0]["program"][0]["kegiatan"][0]["sub_kegiatan"][0]["indikator"][0]


BROKEN = {
    "misspelt tipe": lambda d: _sub_kegiatan_indikator(d).update(tipe_penghitungan="kumulatip"),
    "unknown field": lambda d: _sub_kegiatan_indikator(d).update(sumberdata="x"),
    "number where text belongs": lambda d: _sub_kegiatan_indikator(d).update(uraian=12),
    "year as text": lambda d: d.update(tahun="2023"),
    "blank name": lambda d: d["tujuan"][0].update(uraian="   "),
    "missing formulasi": lambda d: _sub_kegiatan_indikator(d).pop("formulasi"),
    "no tujuan": lambda d: d.update(tujuan=[]),
    "neither tujuan nor sasaran": lambda d: d.pop("tujuan"),
    "sasaran at the top beside tujuan": lambda d: d.update(sasaran=d["tujuan"][0]["sasaran"]),
    "no sasaran at the top": lambda d: d.pop("tujuan") and d.update(sasaran=[]),
    "target year not a number": lambda d: _sub_kegiatan_indikator(d).update(target={"tahun depan": "80"}),
    "a fifth quarter": lambda d: _sub_kegiatan_indikator(d).update(realisasi_triwulan={2024: {"V": "5"}}),
}


@pytest.mark.parametrize("mistake", BROKEN)
def test_schema_and_model_both_refuse_a_mistake(validator, data, mistake):
    broken = copy.deepcopy(data)
    BROKEN[mistake](broken)
    assert list(validator.iter_errors(broken)), f"the schema lets '{mistake}' through"
    with pytest.raises(ValueError):
        Cascade.model_validate(broken)


def test_schema_and_model_both_accept_optional_fields(validator, data):
    extended = copy.deepcopy(data)
    _sub_kegiatan_indikator(extended).update(kode="1.01", satuan="persen", polaritas="negatif",
                                             baseline={2023: "78"}, target={2024: "80", 2025: "85"},
                                             target_triwulan={2024: {"I": "80", "IV": "80"}}, realisasi={2024: "79"},
                                             realisasi_triwulan={2024: {"I": "81", "II": "79"}})
    extended["tujuan"][0]["sasaran"][0]["program"][0]["kode"] = "7.01.01"
    Cascade.model_validate(extended)
    assert list(validator.iter_errors(extended)) == []


@pytest.mark.parametrize("name", ["kecamatan-iku/2024.yaml", "dinas-contoh/2024.yaml", "dinas-contoh/2021-2026.yaml"])
def test_schema_and_model_both_accept_the_shapes_of_real_documents(validator, name):
    """An IKU list without tujuan, programs with several sasaran or under two sasaran, a Renstra's period."""
    data = yaml.safe_load((ROOT / "tests/fixtures/shapes/cascade_data" / name).read_text(encoding="utf-8"))
    Cascade.model_validate(data)
    assert list(validator.iter_errors(data)) == []


def test_schema_and_model_both_refuse_a_period_file_with_a_year_too(validator):
    data = yaml.safe_load((ROOT / "tests/fixtures/shapes/cascade_data/dinas-contoh/2021-2026.yaml").read_text(
        encoding="utf-8"))
    data["tahun"] = 2021
    assert list(validator.iter_errors(data))
    with pytest.raises(ValueError):
        Cascade.model_validate(data)

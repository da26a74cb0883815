"""Open data that portals take as it is: the Data Package and DCAT catalog describe every download truthfully,
the settings behind them refuse what cannot be used, and the per-indicator CSVs are linked from each row."""

from __future__ import annotations

import csv
import datetime
import hashlib
import io
import json
import os
import re
import subprocess
import sys
import urllib.request
from pathlib import Path
from urllib.parse import urljoin

import pytest
import rdflib
from frictionless import Package, validate
from rdflib.namespace import DCAT, DCTERMS, RDF

from macros.data_dates import last_changes, shallow_history_note
from macros.kinerja import years_of
from macros.load import load_cascades
from macros.naming import DATAPACKAGE_PATH, DCAT_CATALOG_PATH, download_path, indikator_csv_path, page_url
from macros.opendata_settings import LICENCES, SettingsError, read_settings
from macros.render.datapackage import cascade_csv_column
from macros.render.export import indikator_table
from macros.site import generate_files, program_diagrams

from .helpers import ROOT, serve, site_pages, soup_of

SPDX = rdflib.Namespace("http://spdx.org/rdf/terms#")


# Settings

def test_settings_default_to_cc_by_4_and_the_site_name():
    settings = read_settings({}, "Cascading Kinerja")
    assert settings.licence.id == "CC-BY-4.0"
    assert settings.licence.url == "https://creativecommons.org/licenses/by/4.0/"
    assert settings.publisher == "Cascading Kinerja" and settings.contact == "" and settings.region == ""


def test_settings_take_publisher_contact_and_region():
    settings = read_settings({"data_terbuka": {"lisensi": "CC0-1.0", "penerbit": "Diskominfo", "kontak":
                                               "data@contoh.go.id", "kabupaten_kota": "Kabupaten Contoh"}}, "Situs")
    assert (settings.licence.id, settings.publisher, settings.contact_url, settings.region) == (
        "CC0-1.0", "Diskominfo", "mailto:data@contoh.go.id", "Kabupaten Contoh")
    assert read_settings({"data_terbuka": {"kontak": "https://contoh.go.id/kontak"}}, "S").contact_url == \
        "https://contoh.go.id/kontak"


def test_settings_refuse_an_unknown_licence_in_indonesian():
    with pytest.raises(SettingsError) as error:
        read_settings({"data_terbuka": {"lisensi": "MIT-Pemda"}}, "Situs")
    assert str(error.value) == (
        "extra.data_terbuka.lisensi: 'MIT-Pemda' bukan lisensi yang dikenal; gunakan salah satu pengenal SPDX "
        f"berikut: {', '.join(LICENCES)}")


def test_settings_refuse_an_unknown_key_and_a_number():
    with pytest.raises(SettingsError) as error:
        read_settings({"data_terbuka": {"licence": "CC-BY-4.0", "penerbit": 7}}, "Situs")
    assert str(error.value).splitlines() == [
        "extra.data_terbuka.licence: pengaturan tidak dikenal; yang dikenal: lisensi, penerbit, kontak, "
        "kabupaten_kota",
        "extra.data_terbuka.penerbit: harus berupa teks, bukan 7",
    ]


@pytest.mark.parametrize(("contact", "suggestion"), [
    ("www.banyumaskab.go.id", " (bila yang dimaksud situs webnya: https://www.banyumaskab.go.id)"),
    ("Bagian Organisasi (0281) 123456", ""),
    ("data@contoh", ""),
    ("https://contoh.go.id/kontak kami", ""),
    ("ftp://contoh.go.id", ""),
    ("https://contoh", ""),
    ("https://contoh.go.id:99999/", ""),
])
def test_settings_refuse_a_contact_that_is_neither_an_email_nor_a_web_address(contact, suggestion):
    with pytest.raises(SettingsError) as error:
        read_settings({"data_terbuka": {"kontak": contact}}, "Situs")
    assert str(error.value) == (
        f"extra.data_terbuka.kontak: '{contact}' bukan alamat e-mail atau alamat web; tulis alamat e-mail, misalnya "
        f"data@contoh.go.id, atau alamat web lengkap dengan https://, misalnya https://contoh.go.id/kontak"
        f"{suggestion}. Nama bagian atau nomor telepon tidak dapat dipakai di sini.")


@pytest.mark.parametrize(("contact", "address"), [
    ("data@banyumaskab.go.id", "mailto:data@banyumaskab.go.id"),
    ("mailto:data@banyumaskab.go.id", "mailto:data@banyumaskab.go.id"),
    ("http://banyumaskab.go.id/kontak?bagian=organisasi", "http://banyumaskab.go.id/kontak?bagian=organisasi"),
    ("mailto:data@banyumaskab.go.id?subject=Data%20SAKIP", "mailto:data@banyumaskab.go.id?subject=Data%20SAKIP"),
    ("MAILTO:data@banyumaskab.go.id", "MAILTO:data@banyumaskab.go.id"),
    ("HTTPS://banyumaskab.go.id/", "HTTPS://banyumaskab.go.id/"),
    ("data@bányumas.go.id", "mailto:data@bányumas.go.id"),
    ("https://bányumas.go.id/", "https://bányumas.go.id/"),
])
def test_settings_take_an_email_or_a_web_address_as_the_contact(contact, address):
    assert read_settings({"data_terbuka": {"kontak": contact}}, "Situs").contact_url == address


def test_the_build_stops_on_an_unknown_licence(tmp_path):
    # As `mkdocs build` with mkdocs.yml's extra replaced; click prints the Abort's message the same way.
    script = ("import sys\nfrom mkdocs.config import load_config\nfrom mkdocs.commands.build import build\n"
              "from mkdocs.exceptions import Abort\ntry:\n"
              f"    build(load_config('mkdocs.yml', site_dir={str(tmp_path / 'site')!r}, "
              "extra={'data_terbuka': {'lisensi': 'Bebas'}}))\n"
              "except Abort as error:\n    sys.exit(str(error))\n")
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert result.returncode != 0
    assert "Pengaturan data terbuka di mkdocs.yml salah" in result.stderr
    assert "'Bebas' bukan lisensi yang dikenal" in result.stderr
    assert not (tmp_path / "site" / "index.html").exists()


# The Data Package

def _report(package_file: Path):
    report = validate(str(package_file))
    errors = [f"{task.name}: {error.message}" for task in report.tasks for error in task.errors]
    return report, errors


def test_data_package_of_the_site_is_valid_and_names_every_csv_and_json(site, cascades):
    report, errors = _report(site / DATAPACKAGE_PATH)
    assert report.valid, errors
    package = Package(str(site / DATAPACKAGE_PATH))
    paths = {path for resource in package.resources for path in [resource.path, *resource.extrapaths]}
    downloads = {str(path.relative_to(site / "data")) for path in (site / "data").rglob("*")
                 if path.suffix in (".csv", ".json") and path.name != "datapackage.json"}
    assert paths == downloads
    # Named as IANA registers it, which portals' harvesters look up; the CSVs' byte order mark is UTF-8's signature.
    assert {resource.encoding for resource in package.resources} == {"utf-8"}
    assert package.licenses == [{"name": "CC-BY-4.0", "path": "https://creativecommons.org/licenses/by/4.0/",
                                 "title": "Creative Commons Attribution 4.0 International"}]
    # The site's kabupaten (Kebasen's) and the one Gunung Kaler's file names for itself.
    assert package.custom["spatial"] == ["Kabupaten Banyumas", "Kabupaten Tangerang"]
    # A machine reading the CSVs learns that the apostrophe before a formula-like text is not part of the value.
    for resource in package.resources:
        assert ("tanda petik tunggal (') di depannya" in resource.description) == (resource.format == "csv")


def test_data_package_of_a_synthetic_kabupaten_is_valid(tmp_path):
    data = tmp_path / "data"
    made = subprocess.run([sys.executable, str(ROOT / "scripts/make_synthetic.py"), str(data), "--perangkat-daerah",
                           "2", "--years", "2", "--seed", "5"], cwd=ROOT, capture_output=True, text=True)
    assert made.returncode == 0, made.stderr
    files = load_cascades(data)
    out = tmp_path / "site"
    for generated in generate_files(files, program_diagrams(files)):
        if generated.path.startswith("data/"):
            target = out / generated.path
            target.parent.mkdir(parents=True, exist_ok=True)
            content = generated.content
            target.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    report, errors = _report(out / DATAPACKAGE_PATH)
    assert report.valid, errors
    assert len(Package(str(out / DATAPACKAGE_PATH)).resources) == 3 * len(files)


def test_data_package_notices_a_changed_download(site, tmp_path):
    copy = tmp_path / "data"
    subprocess.run(["cp", "-r", str(site / "data"), str(copy)], check=True)
    changed = copy / "kecamatan-kebasen/2023.csv"
    changed.write_bytes(changed.read_bytes().replace(b"Kecamatan Kebasen", b"Kecamatan Kebasan", 1))
    report, errors = _report(copy / "datapackage.json")
    assert not report.valid
    assert any("hash" in error for error in errors), errors


def test_every_column_of_the_cascade_csv_is_described(kebasen):
    for header in indikator_table(kebasen.tree).columns:
        assert cascade_csv_column(header).description, header


# The DCAT catalog

@pytest.mark.parametrize("prefix", ["/", "/cascading-kinerja/"])
def test_dcat_catalog_lists_each_cascade_and_every_download_resolves(site, cascades, prefix):
    with serve(site, prefix) as base:
        catalog_url = base + DCAT_CATALOG_PATH
        graph = rdflib.Graph().parse(catalog_url, format="json-ld")
        datasets = set(graph.subjects(RDF.type, DCAT.Dataset))
        assert len(datasets) == len(cascades)
        for cf in cascades:
            (dataset,) = [d for d in datasets if str(graph.value(d, DCTERMS.identifier)) == f"{cf.slug}/{cf.tahun}"]
            assert str(graph.value(dataset, DCTERMS.license)) == "https://creativecommons.org/licenses/by/4.0/"
            assert graph.value(dataset, DCTERMS.publisher) is not None
            assert str(graph.value(dataset, DCAT.landingPage)) == base + page_url(f"{cf.slug}/{cf.tahun}/index.md")
            urls = {str(graph.value(d, DCAT.downloadURL)) for d in graph.objects(dataset, DCAT.distribution)}
            assert urls == {base + download_path(cf, kind) for kind in ("json", "csv", "xlsx")}
        for distribution in set(graph.subjects(RDF.type, DCAT.Distribution)):
            with urllib.request.urlopen(str(graph.value(distribution, DCAT.downloadURL))) as response:
                body = response.read()
            assert int(graph.value(distribution, DCAT.byteSize)) == len(body)
            checksum = graph.value(distribution, SPDX.checksum)
            assert str(graph.value(checksum, SPDX.checksumValue)) == hashlib.sha256(body).hexdigest()


def test_dcat_catalog_dates_and_places_each_cascade(site, kebasen):
    graph = rdflib.Graph().parse(site / DCAT_CATALOG_PATH, format="json-ld")
    datasets = {str(graph.value(subject, DCTERMS.identifier)): subject
                for subject in graph.subjects(RDF.type, DCAT.Dataset)}
    assert sorted(datasets) == ["kecamatan-gunung-kaler/2020", "kecamatan-kebasen/2023"]
    dataset = datasets["kecamatan-kebasen/2023"]
    assert graph.value(dataset, DCTERMS.modified).toPython() == last_changes([kebasen.path])[kebasen.path]
    period = graph.value(dataset, DCTERMS.temporal)
    assert (graph.value(period, DCAT.startDate).toPython(), graph.value(period, DCAT.endDate).toPython()) == (
        datetime.date(2023, 1, 1), datetime.date(2023, 12, 31))
    place = graph.value(dataset, DCTERMS.spatial)
    label = rdflib.URIRef("http://www.w3.org/2004/02/skos/core#prefLabel")
    assert str(graph.value(place, label)) == "Kabupaten Banyumas"
    # A cascade naming its own kabupaten/kota is placed there, not where the site's setting says.
    elsewhere = graph.value(datasets["kecamatan-gunung-kaler/2020"], DCTERMS.spatial)
    assert str(graph.value(elsewhere, label)) == "Kabupaten Tangerang"


def test_dcat_catalog_carries_dcat_ap_recommended_theme_publisher_type_and_file_descriptions(site):
    # What a DCAT-AP harvester files a dataset under and shows of its publisher and files.
    graph = rdflib.Graph().parse(site / DCAT_CATALOG_PATH, format="json-ld")
    themes = "http://publications.europa.eu/resource/authority/data-theme"
    (catalog,) = graph.subjects(RDF.type, DCAT.Catalog)
    assert str(graph.value(catalog, DCAT.themeTaxonomy)) == themes
    for dataset in graph.subjects(RDF.type, DCAT.Dataset):
        assert str(graph.value(dataset, DCAT.theme)) == themes + "/GOVE"
        publisher = graph.value(dataset, DCTERMS.publisher)
        assert str(graph.value(publisher, DCTERMS.type)) == "http://purl.org/adms/publishertype/LocalAuthority"
    descriptions = {str(graph.value(distribution, DCAT.mediaType)).rsplit("/", 1)[-1]:
                    str(graph.value(distribution, DCTERMS.description))
                    for distribution in graph.subjects(RDF.type, DCAT.Distribution)}
    assert descriptions["csv"].startswith("Satu baris per indikator")
    assert descriptions["json"].startswith("Seluruh data cascade") and "lembar Indikator" in descriptions[
        "vnd.openxmlformats-officedocument.spreadsheetml.sheet"]


SITE = "https://data.contoh.go.id/kinerja/"


def _catalog(files, settings) -> str:
    """The DCAT catalog a build of `files` writes with `settings`."""
    (catalog,) = [generated.content for generated in generate_files(list(files), program_diagrams(files),
                                                                     opendata=settings)
                  if generated.path == DCAT_CATALOG_PATH]
    return catalog


def test_with_the_site_address_a_harvester_parsing_without_a_base_reads_the_published_addresses(cascades):
    # As ckanext-dcat reads a catalog: rdflib without a base, which makes a relative IRI file:///<its folder>/...
    graph = rdflib.Graph().parse(data=_catalog(cascades, read_settings({}, "Situs", SITE)), format="json-ld")
    catalog_iri = rdflib.URIRef(SITE + DCAT_CATALOG_PATH)
    assert set(graph.subjects(RDF.type, DCAT.Catalog)) == {catalog_iri}
    assert str(graph.value(catalog_iri, rdflib.namespace.FOAF.homepage)) == SITE
    datasets = set(graph.objects(catalog_iri, DCAT.dataset))
    assert datasets == {rdflib.URIRef(f"{catalog_iri}#{cf.slug}-{cf.tahun}") for cf in cascades}
    for cf in cascades:
        dataset = rdflib.URIRef(f"{catalog_iri}#{cf.slug}-{cf.tahun}")
        assert str(graph.value(dataset, DCAT.landingPage)) == SITE + page_url(f"{cf.slug}/{cf.tahun}/index.md")
        assert str(graph.value(dataset, DCTERMS.publisher)) == f"{catalog_iri}#penerbit"
        for distribution in graph.objects(dataset, DCAT.distribution):
            address = str(graph.value(distribution, DCAT.downloadURL))
            assert address.startswith(SITE + "data/") and address == str(graph.value(distribution, DCAT.accessURL))
    addresses = {str(term) for triple in graph for term in triple if isinstance(term, rdflib.URIRef)}
    assert not [address for address in addresses if not address.startswith(("https://", "http://"))]


def test_two_builds_with_the_same_site_address_write_the_same_catalog(cascades):
    settings = read_settings({}, "Situs", SITE)
    assert _catalog(cascades, settings) == _catalog(cascades, settings)


def test_a_build_without_site_url_says_once_that_harvesters_need_it_and_still_succeeds(site_build):
    site, result = site_build
    assert result.stderr.count("SITE_URL tidak diisi") == 1, result.stderr
    assert "portal data (CKAN dan lainnya)" in result.stderr
    assert (site / DCAT_CATALOG_PATH).exists()


def _distributions(catalog: str) -> dict[str, set[tuple[str, str, int]]]:
    """Each dataset's downloads as a harvester compares them: address, SHA-256 and size, by dataset identifier."""
    graph = rdflib.Graph().parse(data=catalog, format="json-ld")
    return {str(graph.value(dataset, DCTERMS.identifier)): {
        (str(graph.value(distribution, DCAT.downloadURL)),
         str(graph.value(graph.value(distribution, SPDX.checksum), SPDX.checksumValue)),
         int(graph.value(distribution, DCAT.byteSize))) for distribution in graph.objects(dataset, DCAT.distribution)}
        for dataset in graph.subjects(RDF.type, DCAT.Dataset)}


def test_a_dataset_lists_its_own_downloads_and_editing_another_cascade_leaves_it_unchanged(cascades, data_copy):
    settings = read_settings({}, "Situs", SITE)
    before = _distributions(_catalog(cascades, settings))
    for cf in cascades:
        assert {url for url, _, _ in before[f"{cf.slug}/{cf.tahun}"]} == {
            SITE + download_path(cf, kind) for kind in ("json", "csv", "xlsx")}
    kebasen = data_copy / "kecamatan-kebasen" / "2023.yaml"
    kebasen.write_text(kebasen.read_text(encoding="utf-8").replace("Presentase", "Persentase", 1), encoding="utf-8")
    after = _distributions(_catalog(load_cascades(data_copy), settings))
    assert after["kecamatan-gunung-kaler/2020"] == before["kecamatan-gunung-kaler/2020"]
    assert after["kecamatan-kebasen/2023"] != before["kecamatan-kebasen/2023"]


def test_a_datasets_description_names_only_the_levels_its_cascade_has(cascades, kebasen):
    graph = rdflib.Graph().parse(data=_catalog(cascades, read_settings({}, "Situs", SITE)), format="json-ld")
    descriptions = {str(graph.value(dataset, DCTERMS.identifier)): str(graph.value(dataset, DCTERMS.description))
                    for dataset in graph.subjects(RDF.type, DCAT.Dataset)}
    (gunung_kaler,) = [cf for cf in cascades if cf.slug == "kecamatan-gunung-kaler"]
    # An LKjIP's table of sasaran and their indicators: no tujuan, program, kegiatan or sub kegiatan to name.
    assert descriptions["kecamatan-gunung-kaler/2020"] == (
        f"Cascading kinerja (SAKIP) Kecamatan Gunung Kaler tahun 2020: sasaran dan {len(gunung_kaler.tree.indikator)} "
        "indikator kinerjanya.")
    assert descriptions["kecamatan-kebasen/2023"] == (
        "Cascading kinerja (SAKIP) Kecamatan Kebasen tahun 2023: tujuan, sasaran, program, kegiatan, sub kegiatan "
        f"dan {len(kebasen.tree.indikator)} indikator kinerjanya.")


# CKAN makes each keyword a tag and refuses the whole dataset for a tag outside this (ckan.logic.validators:
# tag_name_validator, tag_length_validator); ckanext-dcat leaves tags as they are unless clean_tags is on.
CKAN_TAG = re.compile(r"[\w \-.]{2,100}")


@pytest.mark.parametrize("name", ["Dinas Pemuda, Olahraga dan Pariwisata",
                                  "Badan Pengelola Keuangan dan Aset Daerah (BPKAD)", 'Dinas "Kominfo" & Statistik'])
def test_every_keyword_is_a_tag_ckan_accepts_whatever_the_perangkat_daerah_is_called(tmp_path, kebasen_text, name):
    data = tmp_path / "dinas-contoh" / "2023.yaml"
    data.parent.mkdir()
    named = kebasen_text.replace("perangkat_daerah: Kecamatan Kebasen", f"perangkat_daerah: {json.dumps(name)}")
    data.write_text(named, encoding="utf-8")
    graph = rdflib.Graph().parse(data=_catalog(load_cascades(tmp_path), read_settings({}, "Situs", SITE)),
                                 format="json-ld")
    (dataset,) = graph.subjects(RDF.type, DCAT.Dataset)
    keywords = [str(keyword) for keyword in graph.objects(dataset, DCAT.keyword)]
    assert keywords and [keyword for keyword in keywords if not CKAN_TAG.fullmatch(keyword)] == []
    # The name is published as written, in the title.
    assert str(graph.value(dataset, DCTERMS.title)) == f"Cascading kinerja {name} 2023"


def test_every_page_names_the_catalog_in_its_head(site, cascades):
    for url in site_pages(cascades):
        (link,) = soup_of(site, url).select('head link[rel~="alternate"][type="application/ld+json"]')
        assert urljoin(f"http://host/sub/{url}", link["href"]) == f"http://host/sub/{DCAT_CATALOG_PATH}", url


# When the data last changed

def _git(folder: Path, *args: str, date: str = "") -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": "Staf", "GIT_AUTHOR_EMAIL": "staf@contoh.go.id",
           "GIT_COMMITTER_NAME": "Staf", "GIT_COMMITTER_EMAIL": "staf@contoh.go.id",
           **({"GIT_COMMITTER_DATE": date, "GIT_AUTHOR_DATE": date} if date else {})}
    subprocess.run(["git", *args], cwd=folder, env=env, check=True, capture_output=True)


def test_last_change_is_the_last_commit_unless_edited_since(tmp_path):
    folder = tmp_path / "cascade_data" / "kecamatan-contoh"
    folder.mkdir(parents=True)
    committed, edited, new = (folder / "2022.yaml", folder / "2023.yaml", folder / "2024.yaml")
    committed.write_text("a\n")
    edited.write_text("b\n")
    _git(tmp_path, "init", "-q")
    _git(tmp_path, "add", ".")
    _git(tmp_path, "commit", "-q", "-m", "data", date="2024-03-05T10:00:00+07:00")
    edited.write_text("b2\n")
    new.write_text("c\n")
    os.utime(edited, (1_700_000_000, 1_700_000_000))
    dates = last_changes([committed, edited, new, tmp_path / "tidak-ada.yaml"])
    assert dates[committed] == datetime.datetime(2024, 3, 5, 3, 0, tzinfo=datetime.timezone.utc)
    assert dates[edited] == datetime.datetime.fromtimestamp(1_700_000_000, datetime.timezone.utc)
    assert dates[new] == datetime.datetime.fromtimestamp(int(new.stat().st_mtime), datetime.timezone.utc)
    assert tmp_path / "tidak-ada.yaml" not in dates


def test_a_shallow_clone_is_named_with_how_to_fetch_the_whole_history(tmp_path):
    whole = tmp_path / "utuh"
    folder = whole / "cascade_data" / "kecamatan-contoh"
    folder.mkdir(parents=True)
    (folder / "2022.yaml").write_text("a\n")
    _git(whole, "init", "-q")
    _git(whole, "add", ".")
    _git(whole, "commit", "-q", "-m", "2022", date="2023-01-10T10:00:00+07:00")
    (folder / "2023.yaml").write_text("b\n")
    _git(whole, "add", ".")
    _git(whole, "commit", "-q", "-m", "2023", date="2024-03-05T10:00:00+07:00")
    _git(tmp_path, "clone", "-q", "--depth", "1", f"file://{whole}", "dangkal")
    shallow = tmp_path / "dangkal" / "cascade_data"
    # Why it matters: the cut history dates the file the last commit did not touch by that commit.
    unchanged = shallow / "kecamatan-contoh" / "2022.yaml"
    assert last_changes([unchanged])[unchanged] == datetime.datetime(2024, 3, 5, 3, 0, tzinfo=datetime.timezone.utc)
    note = shallow_history_note(shallow)
    assert note is not None
    assert f"Riwayat git folder data ({shallow}) tidak lengkap (shallow clone)" in note
    assert "dct:modified" in note and "git fetch --unshallow" in note and "fetch-depth: 0" in note
    assert shallow_history_note(whole / "cascade_data") is None
    assert shallow_history_note(tmp_path) is None  # not in a repository


# Per indicator

def test_each_indicator_row_links_to_its_own_csv(site, cascades):
    # A row for each year the indicator has a target or realisasi for (Gunung Kaler's LKjIP: 2019 and 2020), or
    # the cascade's year when it has none (Kebasen); the real data has no quarters.
    years = {(cf.cascade.perangkat_daerah, cf.label, row.id): [str(year) for year in years_of(row.indikator)]
             or [str(cf.tahun)] for cf in cascades for row in cf.tree.indikator}
    for url in site_pages(cascades):
        for row in soup_of(site, url).select("tr[id]"):
            link = row.select_one("a.indikator-csv")
            target = (site / url / link["href"]).resolve()
            header, *cells = csv.reader(io.StringIO(target.read_text(encoding="utf-8-sig")))
            assert header[:3] == ["ID indikator", "Perangkat daerah", "Tahun cascade"]
            shown = row.select_one("a.indikator-id").get_text()
            (cascade,) = {(line[0], line[1], line[2]) for line in cells}
            assert cascade[0] == shown, url
            assert [(line[header.index("Tahun")], line[header.index("Triwulan")]) for line in cells] == [
                (year, "setahun") for year in years[(cascade[1], cascade[2], shown)]], url
    assert any(soup_of(site, url).select("a.indikator-csv") for url in site_pages(cascades))


def test_an_indicators_csv_holds_its_periods_and_leaves_its_definition_to_the_cascade_csv(site, cascades):
    # Its definition would repeat on every period: it is written once, in the cascade CSV's row the Data
    # Package names as the per-indicator files' foreign key.
    cf = next(cf for cf in cascades if any(years_of(row.indikator) for row in cf.tree.indikator))
    row = next(row for row in cf.tree.indikator if years_of(row.indikator))
    header, *cells = csv.reader(io.StringIO((site / indikator_csv_path(cf, row.id)).read_text(encoding="utf-8-sig")))
    assert header == ["ID indikator", "Perangkat daerah", "Tahun cascade", "Indikator", "Satuan", "Tahun", "Triwulan",
                      "Target", "Realisasi", "Capaian (%)", "Predikat", "Keterangan capaian"]
    assert {line[header.index("Target")] for line in cells} >= {row.indikator.target[years_of(row.indikator)[0]]}
    definition = next(record for record in csv.DictReader(io.StringIO(
        (site / download_path(cf, "csv")).read_text(encoding="utf-8-sig"))) if record["ID indikator"] == row.id)
    assert (definition["Formulasi"], definition["Sumber data"]) == (row.indikator.formulasi, row.indikator.sumber_data)

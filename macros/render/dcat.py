"""The DCAT catalog (`data/catalog.jsonld`): DCAT 3 / DCAT-AP in JSON-LD, for data portals' harvesters (CKAN's
ckanext-dcat, Satu Data Indonesia portals).

One `dcat:Dataset` per cascade, with its own JSON, CSV and XLSX downloads as `dcat:Distribution`s (media type,
byte size, SHA-256 checksum). Not the ZIP of every cascade, which stays on the site: its checksum changes with
any cascade, and listed under each dataset it made a harvester see every dataset as changed after one edit.

With the site's address (`site_url`) every IRI is absolute: ckanext-dcat parses a catalog without a base
(rdflib's `parse(data=...)`), which would turn relative ones into file:///<the harvester's folder>/... and give
every portal's datasets the same identifiers. Without it every address is relative to the catalog's own, right
at the site root and under a subpath alike for a reader that resolves them against the address it fetched (the
build says that harvesters need it). Data text goes in as JSON strings (`json.dumps`), never as markup.
"""

from __future__ import annotations

import datetime
import hashlib
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

from ..model import LEVEL_LABELS, CascadeFile
from ..naming import DCAT_CATALOG_PATH, download_path, file_link, overview_page
from ..opendata_settings import OpenDataSettings
from .datapackage import KEYWORDS
from .downloads import DOWNLOAD_KINDS

CONTEXT = {
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "vcard": "http://www.w3.org/2006/vcard/ns#",
    "spdx": "http://spdx.org/rdf/terms#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}
_IANA = "http://www.iana.org/assignments/media-types/"
_EU_FILE_TYPE = "http://publications.europa.eu/resource/authority/file-type/"
_INDONESIAN = "http://publications.europa.eu/resource/authority/language/IND"
# DCAT-AP's recommended themes and publisher types: government and public sector, published by a local authority.
_THEMES = "http://publications.europa.eu/resource/authority/data-theme"
_GOVERNMENT = _THEMES + "/GOVE"
_LOCAL_AUTHORITY = "http://purl.org/adms/publishertype/LocalAuthority"
# Per download kind: title, IANA media type, EU file-type code (DCAT-AP's dct:format).
_FORMATS = {
    "json": ("JSON", "application/json", "JSON"),
    "csv": ("CSV", "text/csv", "CSV"),
    "xlsx": ("XLSX", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "XLSX"),
}
# What each download holds, for a portal's page of the file.
_HOLDS = {
    "json": "Seluruh data cascade seperti ditulis di berkas datanya: item per level, indikator, target, realisasi.",
    "csv": "Satu baris per indikator: definisi, level dan item pemiliknya, baseline, target, realisasi, capaian dan "
           "predikat per tahun.",
    "xlsx": "Buku kerja: lembar Indikator (satu baris per indikator), Triwulan, satu lembar per level dan Cascade; "
            "setiap nilai tersimpan sebagai teks, persis seperti ditulis.",
}


def _text(value: str) -> dict[str, str]:
    return {"@value": value, "@language": "id"}


def _typed(value: str | int, datatype: str) -> dict[str, str]:
    return {"@value": str(value), "@type": f"xsd:{datatype}"}


def _iri(reference: str, settings: OpenDataSettings) -> dict[str, str]:
    """A node or address of the catalog ('' the catalog itself, '#penerbit', a relative link from it): absolute
    under the site's address when the site has one, as it is otherwise."""
    if not settings.site_url:
        return {"@id": reference}
    return {"@id": urljoin(settings.site_url + DCAT_CATALOG_PATH, reference)}


def _link(path: str, settings: OpenDataSettings) -> dict[str, str]:
    """A file or page of the site ('data/x.json', 'x/index.md'), by its address."""
    return _iri(file_link(DCAT_CATALOG_PATH, path), settings)


def _dataset_reference(cf: CascadeFile) -> str:
    return f"#{cf.slug}-{cf.label}"


def _distribution(path: str, content: str | bytes, kind: str, title: str,
                  settings: OpenDataSettings) -> dict[str, Any]:
    data = content.encode("utf-8") if isinstance(content, str) else content
    label, media_type, file_type = _FORMATS[kind]
    return {
        "@type": "dcat:Distribution",
        "dct:title": _text(title),
        "dct:description": _text(_HOLDS[kind]),
        "dcat:downloadURL": _link(path, settings),
        "dcat:accessURL": _link(path, settings),
        "dcat:mediaType": {"@id": _IANA + media_type},
        "dct:format": {"@id": _EU_FILE_TYPE + file_type},
        "dcat:byteSize": _typed(len(data), "nonNegativeInteger"),
        "spdx:checksum": {"@type": "spdx:Checksum", "spdx:algorithm": {"@id": "spdx:checksumAlgorithm_sha256"},
                          "spdx:checksumValue": _typed(hashlib.sha256(data).hexdigest(), "hexBinary")},
        "dct:license": {"@id": settings.licence.url},
    }


def _publisher(settings: OpenDataSettings) -> dict[str, Any]:
    return {**_iri("#penerbit", settings), "@type": "foaf:Agent", "foaf:name": _text(settings.publisher),
            "dct:type": {"@id": _LOCAL_AUTHORITY}}


def _contact(settings: OpenDataSettings) -> dict[str, Any]:
    contact: dict[str, Any] = {"@type": "vcard:Kind", "vcard:fn": _text(settings.publisher)}
    if settings.contact_url.startswith("mailto:"):
        contact["vcard:hasEmail"] = {"@id": settings.contact_url}
    elif settings.contact_url:
        contact["vcard:hasURL"] = {"@id": settings.contact_url}
    return contact


def _contents(cf: CascadeFile) -> str:
    """What a cascade holds, by the levels it has items at: 'tujuan, sasaran, ..., sub kegiatan dan 40 indikator
    kinerjanya', or 'sasaran dan 3 indikator kinerjanya' for an IKU or LKjIP table of sasaran."""
    levels = [LEVEL_LABELS[level].lower() for level in cf.tree.levels if cf.tree.at(level)]
    indikator = f"{len(cf.tree.indikator)} indikator kinerjanya"
    return f"{', '.join(levels)} dan {indikator}" if levels else indikator


def _dataset(cf: CascadeFile, downloads: Mapping[str, str | bytes], modified: datetime.datetime | None,
             settings: OpenDataSettings) -> dict[str, Any]:
    name, tahun, licence = cf.cascade.perangkat_daerah, cf.label, settings.licence.url
    dataset: dict[str, Any] = {
        **_iri(_dataset_reference(cf), settings),
        "@type": "dcat:Dataset",
        "dct:identifier": f"{cf.slug}/{tahun}",
        "dct:title": _text(f"Cascading kinerja {name} {tahun}"),
        "dct:description": _text(f"Cascading kinerja (SAKIP) {name} {'periode' if cf.is_periode else 'tahun'} "
                                 f"{tahun}: {_contents(cf)}."),
        # Not the perangkat daerah's name (it is in the title): CKAN makes keywords tags and refuses the dataset for
        # a tag with ',', '(', '"', '&'..., which real names have; changing the name to fit would misquote it.
        "dcat:keyword": [_text(word) for word in KEYWORDS],
        "dcat:theme": {"@id": _GOVERNMENT},
        "dct:language": {"@id": _INDONESIAN},
        "dct:publisher": _iri("#penerbit", settings),
        "dcat:contactPoint": _contact(settings),
        "dct:license": {"@id": licence},
        "dcat:landingPage": _link(overview_page(cf), settings),
        "dct:temporal": {"@type": "dct:PeriodOfTime", "dcat:startDate": _typed(f"{cf.years[0]}-01-01", "date"),
                         "dcat:endDate": _typed(f"{cf.years[-1]}-12-31", "date")},
        "dcat:distribution": [
            _distribution(path, downloads[path], kind, f"{name} {tahun} ({_FORMATS[kind][0]})", settings)
            for kind, path in ((kind, download_path(cf, kind)) for kind in DOWNLOAD_KINDS)
        ],
    }
    if modified is not None:
        dataset["dct:modified"] = _typed(modified.isoformat(timespec="seconds"), "dateTime")
    region = cf.cascade.kabupaten_kota or settings.region
    if region:
        dataset["dct:spatial"] = {"@type": "dct:Location", "skos:prefLabel": _text(region)}
    return dataset


def to_dcat_catalog(files: list[CascadeFile], downloads: Mapping[str, str | bytes],
                    modified: Mapping[Path, datetime.datetime], settings: OpenDataSettings) -> str:
    """The catalog as JSON-LD. `downloads` holds every cascade's downloads' content by path in the site
    (`download_path`), `modified` each data file's last change (`macros.data_dates.last_changes`)."""
    licence = settings.licence.url
    graph: list[dict[str, Any]] = [{
        **_iri("", settings),
        "@type": "dcat:Catalog",
        "dct:title": _text(settings.site_name),
        "dct:description": _text("Cascading kinerja perangkat daerah (SAKIP) sebagai data terbuka."),
        "dct:language": {"@id": _INDONESIAN},
        "dct:publisher": _iri("#penerbit", settings),
        "dct:license": {"@id": licence},
        "foaf:homepage": _link("index.md", settings),
        "dcat:themeTaxonomy": {"@id": _THEMES},
        "dcat:dataset": [_iri(_dataset_reference(cf), settings) for cf in files],
    }, _publisher(settings)]
    dates = [modified[cf.path] for cf in files if cf.path in modified]
    if dates:
        graph[0]["dct:modified"] = _typed(max(dates).isoformat(timespec="seconds"), "dateTime")
    graph += [_dataset(cf, downloads, modified.get(cf.path), settings) for cf in files]
    return json.dumps({"@context": CONTEXT, "@graph": graph}, ensure_ascii=False, separators=(",", ":")) + "\n"

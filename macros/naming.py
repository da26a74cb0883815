"""Every address of the site: generated pages, downloads and assets, derived from the data; stable, readable, ASCII.

Pages are named by their source path relative to the docs folder ('<pd>/<tahun>/index.md'), as MkDocs names
them; `page_url` gives the address a reader sees, `relative_url` and `source_link` a link from one page to
another. Renderers and templates ask this module for every path instead of formatting one themselves.
"""

from __future__ import annotations

import posixpath
import re
import unicodedata

from .model import CascadeFile, Program
from .tree import Node

SLUG_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_PROGRAM_PREFIX = re.compile(r"^program-")


def slugify(text: str, max_words: int = 12) -> str:
    """Lower-case ASCII words joined by hyphens: 'Penyediaan Gaji & ASN' → 'penyediaan-gaji-asn'."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    return "-".join(words[:max_words]) or "tanpa-nama"


def program_slug(program: Program) -> str:
    """The program's part of its page address, without the 'program-' every program name starts with."""
    slug = slugify(program.uraian)
    return _PROGRAM_PREFIX.sub("", slug) or slug


def data_file(slug: str, label: str) -> str:
    """A cascade's data file below the data folder (cascade_data/): '<pd>/2023.yaml', or a period file's
    '<pd>/2021-2026.yaml'; `label` is the cascade's `label`."""
    return f"{slug}/{label}.yaml"


def perangkat_daerah_page(slug: str) -> str:
    """Source path of a perangkat daerah's page, listing its years: '<pd>/index.md'."""
    return f"{slug}/index.md"


def comparison_page(slug: str) -> str:
    """Source path of a perangkat daerah's comparison page: '<pd>/perbandingan.md' (address '<pd>/perbandingan/')."""
    return f"{slug}/perbandingan.md"


def cascade_dir(item: CascadeFile) -> str:
    """Folder of a cascade's pages, relative to the site root: 'kecamatan-kebasen/2023', or a period file's
    'dinas-contoh/2021-2026'."""
    return f"{item.slug}/{item.label}"


def overview_page(item: CascadeFile) -> str:
    """Source path of a cascade's overview: '<pd>/<tahun>/index.md'."""
    return f"{cascade_dir(item)}/index.md"


def program_page(item: CascadeFile, program: Node) -> str:
    """Source path of a program page, relative to docs: '<pd>/<tahun>/program/<slug>.md'.

    The same program serving a second sasaran (same name under another sasaran) gets that sasaran's position
    after its name, '<slug>-t1-s2', so that both pages stay; the first one in the file keeps the plain address,
    which is therefore the same before and after the program is added to another sasaran. Twice under the
    same sasaran, a program gets one address for both pages, which `macros.load` refuses.
    """
    slug = program_slug(program.item)
    first = next(node for node in item.tree.programs if program_slug(node.item) == slug)
    if first is not program and first.parent is not program.parent and program.parent is not None:
        slug = f"{slug}-{anchor(program.parent.position)}"
    return f"{cascade_dir(item)}/program/{slug}.md"


def node_page(item: CascadeFile, node: Node) -> str:
    """Source path of the page that shows an item and its indicators: its program's page, or the cascade's
    overview for a tujuan or sasaran."""
    program = node.ancestor("program")
    return overview_page(item) if program is None else program_page(item, program)


def anchor(identifier: str) -> str:
    """An HTML id from a position path or code: 'T1.S1.P2.K1.I1' → 't1-s1-p2-k1-i1'."""
    return "-".join(re.findall(r"[a-z0-9]+", identifier.lower()))


def download_path(item: CascadeFile, extension: str) -> str:
    """A cascade's download: 'data/<pd>/<tahun>.<extension>' (json, csv, xlsx); a period file's
    'data/<pd>/2021-2026.<extension>'."""
    return f"data/{item.slug}/{item.label}.{extension}"


def dokumen_sumber_path(item: CascadeFile, file_name: str) -> str:
    """The published copy of a cascade's source document: 'data/<pd>/<tahun>/dokumen-sumber/<name as a slug>
    <suffix>' ('Renstra 2021-2026.PDF' → '.../renstra-2021-2026.pdf')."""
    stem, dot, suffix = file_name.rpartition(".")
    if not dot or not stem or not re.fullmatch(r"[A-Za-z0-9]{1,8}", suffix):
        stem, suffix = file_name, ""
    return f"data/{item.slug}/{item.label}/dokumen-sumber/{slugify(stem)}{'.' + suffix.lower() if suffix else ''}"


# Every cascade's downloads in one file; inside it each keeps its path below data/.
ARCHIVE_PATH = "data/cascading-kinerja.zip"
# The downloads described for machines: a Frictionless Data Package and a DCAT catalog (JSON-LD).
DATAPACKAGE_PATH = "data/datapackage.json"
DCAT_CATALOG_PATH = "data/catalog.jsonld"


def indikator_csv_path(item: CascadeFile, indikator_id: str) -> str:
    """One indicator's CSV: 'data/<pd>/<tahun>/indikator/<id as an anchor>.csv' ('T1.S1.I1' → 't1-s1-i1.csv')."""
    return f"data/{item.slug}/{item.label}/indikator/{anchor(indikator_id)}.csv"


def file_link(from_file: str, to_src: str) -> str:
    """A link from a file of the site (not a page: 'data/catalog.jsonld') to a file or a page's address."""
    target = page_url(to_src) or "./" if to_src.endswith(".md") else to_src
    link = posixpath.relpath(target, posixpath.dirname(from_file) or ".")
    return link + "/" if to_src.endswith(".md") and not link.endswith("/") else link


def catalog_page(item: CascadeFile) -> str:
    """Source path of a cascade's indicator catalog: '<pd>/<tahun>/katalog.md'."""
    return f"{cascade_dir(item)}/katalog.md"


def catalog_index_path(item: CascadeFile) -> str:
    """A cascade's catalog rows as JSON, which the catalog of every cascade loads on demand; in the cascade's
    catalog folder: '<pd>/<tahun>/katalog/indikator.json'."""
    return f"{page_url(catalog_page(item))}indikator.json"


# The catalogs' filter scripts, each loaded by its own page only (overrides/katalog.html): a cascade's catalog
# filters the rows it holds, the catalog of every cascade loads rows from the cascades' JSON indexes.
CATALOG_SCRIPT = "assets/javascripts/katalog.js"
CATALOG_ALL_SCRIPT = "assets/javascripts/katalog-semua.js"

# The blank workbook staff fill in for `make import`, linked from the data-quality report.
IMPORT_TEMPLATE_PATH = "data/templat-impor-cascade.xlsx"

CATALOG_ALL_PAGE = "katalog.md"
# The data-quality report for staff, linked from every page's footer (overrides/partials/copyright.html).
REPORT_PAGE = "laporan-kualitas-data.md"
GLOSSARY_PAGE = "glosarium.md"


def diagram_path(digest: str, suffix: str) -> str:
    """A diagram's download file by the hash of its source (`digest`), `suffix` 'svg' or 'png':
    'diagram/<digest>.svg'. A program whose diagram is the same in another year or under another sasaran shares
    the file: a Kabupaten's years of diagrams are published once each."""
    return f"diagram/{digest}.{suffix}"


def diagram_link(page_src_uri: str, digest: str, suffix: str) -> str:
    """The link from a program page to one of its diagram files: '../../../../diagram/<digest>.svg'."""
    return relative_url(page_src_uri, diagram_path(digest, suffix))


def diagram_file_name(kegiatan: int | None, suffix: str) -> str:
    """The name a diagram's download is saved under (the link's `download`): the program's overview
    'diagram.svg', kegiatan 3's 'diagram-kegiatan-3.svg'."""
    return f"diagram.{suffix}" if kegiatan is None else f"diagram-kegiatan-{kegiatan}.{suffix}"


def page_url(src_uri: str) -> str:
    """The directory URL MkDocs gives a page (use_directory_urls): 'a/b.md' → 'a/b/', 'a/index.md' → 'a/'."""
    path = src_uri.removesuffix(".md")
    path = re.sub(r"(^|/)index$", "", path)
    return f"{path}/" if path else ""


def built_file(src_uri: str) -> str:
    """The HTML file MkDocs writes for a page, relative to the site folder: 'a/b.md' → 'a/b/index.html'."""
    return page_url(src_uri) + "index.html"


NOT_FOUND_FILE = "404.html"


def relative_url(from_src: str, to_src: str, fragment: str = "") -> str:
    """A link for raw HTML, which MkDocs leaves alone: from one page's address to another page's (or a file)."""
    target = page_url(to_src) if to_src.endswith(".md") else to_src
    base = page_url(from_src) or "."
    link = _relative_path(target or ".", base)
    if to_src.endswith(".md"):
        link = "./" if link == "." else link + "/"
    return link + (f"#{fragment}" if fragment else "")


def _relative_path(target: str, base: str) -> str:
    """`posixpath.relpath(target, base)` for two paths inside the site: a large site's pages make some 70,000 links,
    and relpath looks up the working folder for each (3% of a first build, profiled)."""
    parts = [part for part in target.split("/") if part not in ("", ".")]
    base_parts = [part for part in base.split("/") if part not in ("", ".")]
    if target.startswith("/") or base.startswith("/") or ".." in parts or ".." in base_parts:
        return posixpath.relpath(target, base)
    common = 0
    while common < min(len(parts), len(base_parts)) and parts[common] == base_parts[common]:
        common += 1
    return "/".join([".."] * (len(base_parts) - common) + parts[common:]) or "."


def source_link(from_src: str, to_src: str) -> str:
    """A Markdown link between two files of the docs folder; MkDocs turns it into the page's address."""
    return posixpath.relpath(to_src, posixpath.dirname(from_src) or ".")


def site_root(src_uri: str) -> str:
    """The relative path from a page's address to the site root: 'pd/2023/program/x.md' → '../../../../'."""
    folders = src_uri.count("/") + (0 if src_uri.endswith("index.md") else 1)
    return "../" * folders


def indikator_slug(kode_or_uraian: str) -> str:
    """An indicator's name, its section's anchor on its page, from its kode or its text: '1.2.3' → '1-2-3',
    'Persentase ASN ...' → 'persentase-asn-...' (at most 10 words; `macros.indikator_series` makes it unique within
    the perangkat daerah)."""
    return slugify(kode_or_uraian, max_words=10)


def indikator_group(item: CascadeFile, node: Node) -> str:
    """The name of the page that shows an item's indicators across the years: the name of its program's page
    ('penunjang-urusan-pemerintahan-daerah-kabupaten-kota'), or 'tujuan-dan-sasaran' above program level."""
    program = node.ancestor("program")
    return "tujuan-dan-sasaran" if program is None else posixpath.basename(program_page(item, program))[:-len(".md")]


def indikator_page(slug: str, name: str) -> str:
    """Source path of the page of a program's indicators across a perangkat daerah's years (one section each,
    its anchor the indicator's name): '<pd>/indikator/<name>.md', `name` from `indikator_group`."""
    return f"{slug}/indikator/{name}.md"


def chart_path(digest: str) -> str:
    """An indicator chart by the hash of its SVG ('grafik/<digest>.svg'): one file for every page and year that
    draws the same chart, so a Kabupaten's site holds each once."""
    return f"grafik/{digest}.svg"

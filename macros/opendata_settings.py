"""The open-data settings of a site (`extra.data_terbuka` in mkdocs.yml): licence, publisher, contact,
Kabupaten/Kota, and the site's public address (`site_url`).

They describe the downloads for machines (the Data Package and the DCAT catalog); nothing here reads MkDocs.
A setting staff get wrong stops the build with an Indonesian message naming the setting.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

SETTINGS_KEY = "data_terbuka"
DEFAULT_LICENCE = "CC-BY-4.0"


@dataclass(frozen=True)
class Licence:
    """An open licence by its SPDX identifier, with its title and the address of its text."""

    id: str
    title: str
    url: str


# Licences fit for open government data (the Open Definition's conformant list), by SPDX identifier.
LICENCES: dict[str, Licence] = {licence.id: licence for licence in (
    Licence("CC-BY-4.0", "Creative Commons Attribution 4.0 International",
            "https://creativecommons.org/licenses/by/4.0/"),
    Licence("CC-BY-SA-4.0", "Creative Commons Attribution-ShareAlike 4.0 International",
            "https://creativecommons.org/licenses/by-sa/4.0/"),
    Licence("CC0-1.0", "Creative Commons Zero v1.0 Universal",
            "https://creativecommons.org/publicdomain/zero/1.0/"),
    Licence("ODC-By-1.0", "Open Data Commons Attribution License v1.0",
            "https://opendatacommons.org/licenses/by/1-0/"),
    Licence("ODbL-1.0", "Open Data Commons Open Database License v1.0",
            "https://opendatacommons.org/licenses/odbl/1-0/"),
    Licence("PDDL-1.0", "Open Data Commons Public Domain Dedication and License v1.0",
            "https://opendatacommons.org/licenses/pddl/1-0/"),
)}

_KEYS = ("lisensi", "penerbit", "kontak", "kabupaten_kota")
# What the catalog can give as an address (a mailto: or http(s) IRI): anything else, a bare domain or a phone
# number, became an IRI portals misread or rdflib dropped without a word. A domain has a dot and labels of
# letters (any script: IRIs allow them), digits and inner hyphens; an e-mail address may carry a ?subject=.
_DOMAIN = r"(?:[^\W_](?:[\w-]*[^\W_])?\.)+[^\W\d_]{2,}"
_EMAIL = re.compile(rf"(?i:mailto:)?[^\s@<>()\[\]\\,;:\"]+@{_DOMAIN}(?:\?\S*)?")
_DOMAIN_ONLY = re.compile(_DOMAIN)
_NOT_IN_AN_ADDRESS = re.compile(r"[\s<>\"{}|\\^`]")


class SettingsError(ValueError):
    """A setting of `extra.data_terbuka` that cannot be used; the message is Indonesian, for staff."""


@dataclass(frozen=True)
class OpenDataSettings:
    """What the machine-readable metadata says about every cascade of the site.

    `site_name` titles the catalog; `publisher` is the name of the body that publishes the data (default: the
    site's name), `contact` an
    e-mail address or web address for questions about it ('' when not given), `region` the Kabupaten/Kota the
    perangkat daerah belong to ('' when not given: the catalog then names no place), `site_url` the site's public
    address ending in '/' ('' when the build has no SITE_URL: the catalog's addresses are then relative).
    """

    site_name: str
    licence: Licence
    publisher: str
    contact: str = ""
    region: str = ""
    site_url: str = ""

    @property
    def contact_url(self) -> str:
        """The contact as an address: 'mailto:…' for an e-mail address, the web address itself otherwise."""
        if not self.contact or self.contact.lower().startswith(("mailto:", "http://", "https://")):
            return self.contact
        return f"mailto:{self.contact}"


def _web_address(text: str) -> bool:
    """Whether `text` is a whole http(s) address: a host with a dot, a port that exists, no space."""
    if _NOT_IN_AN_ADDRESS.search(text):
        return False
    parts = urlsplit(text)
    try:
        parts.port  # raises ValueError for a port out of range
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and bool(_DOMAIN_ONLY.fullmatch(parts.hostname or ""))


def _contact_problem(contact: str) -> str | None:
    """Why `contact` is neither an e-mail address nor an http(s) address, with what to write; None when it is one."""
    if _EMAIL.fullmatch(contact) or _web_address(contact):
        return None
    looks_like_a_domain = "." in contact and not re.search(r"[\s@/:]", contact)
    hint = f" (bila yang dimaksud situs webnya: https://{contact})" if looks_like_a_domain else ""
    return (f"extra.{SETTINGS_KEY}.kontak: '{contact}' bukan alamat e-mail atau alamat web; tulis alamat e-mail, "
            f"misalnya data@contoh.go.id, atau alamat web lengkap dengan https://, misalnya "
            f"https://contoh.go.id/kontak{hint}. Nama bagian atau nomor telepon tidak dapat dipakai di sini.")


def read_settings(extra: Mapping[str, Any], site_name: str, site_url: str = "") -> OpenDataSettings:
    """The settings from mkdocs.yml's `extra` mapping; defaults where a setting is absent. `site_url` is MkDocs'
    (already checked by it, ending in '/'), or '' when the site is built without one.

    Raises SettingsError for an unknown key, a value that is not text, a licence identifier not in LICENCES, or
    a contact that is neither an e-mail address nor an http(s) address.
    """
    given = extra.get(SETTINGS_KEY) or {}
    if not isinstance(given, Mapping):
        raise SettingsError(f"extra.{SETTINGS_KEY} di mkdocs.yml harus berisi pasangan nama: nilai "
                            f"({', '.join(_KEYS)})")
    problems = [f"extra.{SETTINGS_KEY}.{key}: pengaturan tidak dikenal; yang dikenal: {', '.join(_KEYS)}"
                for key in given if key not in _KEYS]
    values: dict[str, str] = {}
    for key in _KEYS:
        value = given.get(key)
        if value is None:
            continue
        if not isinstance(value, str):
            problems.append(f"extra.{SETTINGS_KEY}.{key}: harus berupa teks, bukan {value!r}")
            continue
        values[key] = value.strip()
    licence_id = values.get("lisensi") or DEFAULT_LICENCE
    if licence_id not in LICENCES:
        problems.append(f"extra.{SETTINGS_KEY}.lisensi: '{licence_id}' bukan lisensi yang dikenal; "
                        f"gunakan salah satu pengenal SPDX berikut: {', '.join(LICENCES)}")
    contact_problem = _contact_problem(values["kontak"]) if values.get("kontak") else None
    if contact_problem:
        problems.append(contact_problem)
    if problems:
        raise SettingsError("\n".join(problems))
    return OpenDataSettings(site_name=site_name, licence=LICENCES[licence_id],
                            publisher=values.get("penerbit") or site_name, contact=values.get("kontak", ""),
                            region=values.get("kabupaten_kota", ""), site_url=site_url)

"""Spelling variants seen in published cascades, with the standard (KBBI) spelling, lower case.

One list for both readers of it: the data-quality report flags the variants, and the search maps a
variant in the text or in a query to its standard spelling.
"""

from __future__ import annotations

# Staff keep the published text; the report only points a variant out.
SPELLING_VARIANTS: dict[str, str] = {
    "presentase": "persentase",
    "prosentase": "persentase",
    "komulatif": "kumulatif",
    "gedug": "gedung",
    "survey": "survei",
    "analisa": "analisis",
    "aktifitas": "aktivitas",
    "efektifitas": "efektivitas",
    "produktifitas": "produktivitas",
    "kwalitas": "kualitas",
    "kwantitas": "kuantitas",
    "kordinasi": "koordinasi",
    "resiko": "risiko",
    "ijin": "izin",
    "perijinan": "perizinan",
    "sistim": "sistem",
    "tehnis": "teknis",
    "obyek": "objek",
    "propinsi": "provinsi",
    "nopember": "november",
    "pebruari": "februari",
    "ketentraman": "ketenteraman",
    "tentram": "tenteram",
}

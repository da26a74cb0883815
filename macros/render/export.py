"""Download files of a cascade, as pure functions of the model."""

from __future__ import annotations

import json

from ..model import Cascade


def to_json(cascade: Cascade) -> str:
    """The cascade as JSON with the data file's Indonesian keys; optional fields only where the data has them."""
    return json.dumps(cascade.model_dump(mode="json", exclude_none=True), ensure_ascii=False, indent=2) + "\n"

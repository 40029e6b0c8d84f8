"""Claim extraction: ``extract_claims(text, locale) -> list[Claim]``."""

from __future__ import annotations

from .figures import extract, extractor
from .numbers import parse_number

#: The public name; ``extract`` is kept as a short alias inside the package.
extract_claims = extract

__all__ = ["extract", "extract_claims", "extractor", "parse_number"]

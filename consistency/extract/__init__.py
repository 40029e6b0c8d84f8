"""Claim extraction: ``extract_claims(text, locale) -> list[Claim]``.

The names below are imported at their first use (the module's ``__getattr__``), so that a light
submodule (:mod:`.foreign`, :mod:`.vocabulary`, :mod:`.patterns`) is imported without the figure
extractor and all it imports: a check whose every result is stored needs none of it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from .figures import extract, extractor
    from .numbers import parse_number

    extract_claims = extract

__all__ = ["extract", "extract_claims", "extractor", "parse_number"]


def __getattr__(name: str) -> Any:
    """``extract`` and ``extractor`` of :mod:`.figures` (``extract_claims``: the public name of
    ``extract``, kept as a short alias inside the package), ``parse_number`` of :mod:`.numbers`."""
    value: Any
    if name in ("extract", "extract_claims", "extractor"):
        from . import figures

        value = figures.extractor if name == "extractor" else figures.extract
    elif name == "parse_number":
        from . import numbers

        value = numbers.parse_number
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    globals()[name] = value
    return value

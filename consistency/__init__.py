"""claim-consistency: check that every language version of an article says the same thing.

``consistency.check(paths_or_bundles, ...)`` runs the rules and returns a ``Report``
(:mod:`consistency.engine.api`); ``consistency.extract_claims(text, locale)`` lists a text's claims.

>>> from consistency import extract_claims
>>> [(str(c.value), c.unit) for c in extract_claims("80 Milliarden Dollar", "de")]
[('8E+10', 'USD')]
"""

from __future__ import annotations

import importlib

__version__ = "0.1.0"
__all__ = ["Report", "__version__", "check", "extract_claims", "parse_number"]


def __getattr__(name: str):  # lazy: `import consistency` stays cheap for the CLI
    if name in ("extract_claims", "parse_number"):
        return getattr(importlib.import_module("consistency.extract"), name)
    if name in ("check", "Report"):
        return getattr(importlib.import_module("consistency.engine.api"), name)
    raise AttributeError(f"module 'consistency' has no attribute {name!r}")

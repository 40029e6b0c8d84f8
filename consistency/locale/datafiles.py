"""The TOML files of ``consistency/locale/data``, each read and parsed once per process.

Contract: :func:`locale_data(name)` is the decoded ``locale/data/<name>.toml``. Every module that
reads one of these files asks here, so a file several modules read (``inflection.toml``: the
suffixing languages, the Celtic mutations, the names' endings) is parsed once; the same dict goes
to every caller, which reads it and never changes it.
"""

from __future__ import annotations

import tomllib
from functools import lru_cache
from importlib import resources

__all__ = ["locale_data"]


@lru_cache(maxsize=None)
def locale_data(name: str) -> dict:
    """The decoded ``locale/data/<name>.toml``."""
    return tomllib.loads(resources.files("consistency.locale").joinpath(f"data/{name}.toml").read_text("utf-8"))

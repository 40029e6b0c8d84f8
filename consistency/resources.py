"""Where the data shipped with the package lives: the built-in rules and vocabularies.

Installed from the wheel, ``rules/`` is inside the package (``consistency/rules``); in a
checkout it is ``<repo>/rules`` beside the package.  Every layer may ask (the name extractor
reads ``rules/vocab``, the registry reads the rule files): this module imports nothing of the
project but its errors.
"""

from __future__ import annotations

from pathlib import Path

from .errors import ConfigError

__all__ = ["builtin_rules_dir"]


def builtin_rules_dir() -> Path:
    """The directory of the built-in rules (and of their vocabularies, ``vocab/``)."""
    try:
        import consistency

        package_file = getattr(consistency, "__file__", None)
    except ImportError:  # pragma: no cover - we are inside the package
        package_file = None
    # ``consistency`` may be a namespace package (no __file__): fall back to
    # this module's location, which is consistency/resources.py.
    package = Path(package_file).parent if package_file else Path(__file__).resolve().parent
    for candidate in (package / "rules", package.parent / "rules"):
        if candidate.is_dir():
            return candidate
    raise ConfigError(f"built-in rules not found in {package / 'rules'} or {package.parent / 'rules'}")

"""A content-addressed cache of bundle results, so that re-checking an unchanged repository costs
little more than reading its files.

Contract:

- :func:`open_cache` returns a :class:`ResultCache` in the user's cache folder
  (``$CLAIM_CONSISTENCY_CACHE_DIR``, else ``$XDG_CACHE_HOME/claim-consistency``, ``~/.cache/…``,
  ``~/Library/Caches/…`` on macOS, ``%LOCALAPPDATA%\\claim-consistency\\Cache`` on Windows), or
  ``None`` where the cache is off (``--no-cache``, ``CLAIM_CONSISTENCY_NO_CACHE=1``, or a folder
  that cannot be created).
- :meth:`ResultCache.key` names one bundle's check by everything its result depends on: the bytes
  of each version and its locale, the declared source, the rules as configured (ids, levels,
  options, messages) and the name vocabularies of the rule folders, the tool's own code and data
  (version plus the size and time of each file of the package, so an edited checkout never reads a
  stale entry), which optional extras are importable, what the report needs (``views``), and, when
  the revision history is read, the repository's ``HEAD`` and ``--since``.  A version that cannot
  be read has no key: the check runs and reports its error as usual.
- :meth:`ResultCache.get` returns the stored result or ``None``; :meth:`ResultCache.put` stores one.
  Entries are written to a temporary file and renamed into place, so concurrent runs (pre-commit,
  xdist, CI matrix jobs sharing a cache) never see half an entry; an unreadable entry is a miss.

What is stored is the check's result (findings, versions, and the page view for html/csv) before
baselines and severity filters are applied, so ``--baseline``, ``--fail-level`` and the output
format never invalidate it.  Entries are pickles: the folder is the user's own (created ``0700``),
as pip's and mypy's caches are; delete it at any time to empty the cache.

What a process builds before it reads any text (compiled extractors, CLDR tables) is kept in the
same folder by :mod:`consistency.builds`.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import pickle
import sys
from pathlib import Path
from typing import Any, Sequence

from . import __version__
from .builds import code_fingerprint, default_dir, keep_builds, write_pickle

__all__ = ["ResultCache", "default_dir", "open_cache"]

SCHEMA = 1  # bump when the stored result's shape changes
OPTIONAL_MODULES = ("cutlet", "fugashi", "unidic", "unidic_lite", "icu")


def open_cache(*, enabled: bool = True, rules: Sequence[Any] = (),
               rule_dirs: Sequence[Path] = ()) -> ResultCache | None:
    """The result cache for a run with ``rules`` (as selected and configured), or ``None`` when off."""
    keep_builds(enabled)
    if not enabled or os.environ.get("CLAIM_CONSISTENCY_NO_CACHE"):
        return None
    folder = default_dir() / "results"
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError:
        return None
    return ResultCache(folder, _salt(rules, rule_dirs))


class ResultCache:
    """One run's view of the cache folder; ``salt`` is what every key of the run shares."""

    def __init__(self, folder: Path, salt: bytes) -> None:
        self.folder, self.salt = folder, salt
        self.hits = self.misses = 0

    def key(self, paths: Sequence[str], locales: Sequence[str | None], *, source: str | None, views: bool,
            history: str | None) -> str | None:
        """The key of one bundle's check; ``history`` is the repository state when history is read."""
        h = hashlib.blake2b(self.salt, digest_size=20)
        h.update(repr((source, views, history)).encode())
        for path, locale in zip(paths, locales):
            try:
                data = Path(path).read_bytes()
            except OSError:
                return None
            h.update(repr((os.path.abspath(path), locale, len(data))).encode())
            h.update(hashlib.blake2b(data, digest_size=20).digest())
        return h.hexdigest()

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.pickle"

    def get(self, key: str | None) -> Any | None:
        if key is None:
            return None
        try:
            with open(self._path(key), "rb") as f:
                result = pickle.load(f)
        except FileNotFoundError:
            self.misses += 1
            return None
        except Exception:  # noqa: BLE001 - a damaged or foreign entry is a miss, never an error
            self.misses += 1
            return None
        self.hits += 1
        return result

    def put(self, key: str | None, result: Any) -> None:
        if key is not None:
            write_pickle(self._path(key), result)


def _salt(rules: Sequence[Any], rule_dirs: Sequence[Path]) -> bytes:
    h = hashlib.blake2b(digest_size=20)
    h.update(f"{SCHEMA}\0{__version__}\0{sys.version_info[:2]}".encode())
    h.update(code_fingerprint())
    for rule in rules:
        h.update(repr((rule.id, rule.name, rule.kind, str(rule.level), rule.category, rule.message,
                       sorted((k, repr(v)) for k, v in dict(rule.options).items()))).encode())
    for folder in rule_dirs:  # the name vocabularies of the rule folders
        vocab = Path(folder) / "vocab"
        if vocab.is_dir():
            for path in sorted(vocab.rglob("*")):
                if path.is_file():
                    h.update(repr(str(path)).encode())
                    h.update(hashlib.blake2b(path.read_bytes(), digest_size=20).digest())
    h.update(repr([m for m in OPTIONAL_MODULES if importlib.util.find_spec(m) is not None]).encode())
    return h.digest()

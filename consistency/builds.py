"""What a process builds before it can read any text, kept on disk between processes.

Contract:

- :func:`built` returns ``build()``, or what it returned in an earlier process of the same code:
  each locale's compiled extractor (its patterns take 0.1-0.5 s to compile and 2-6 ms to load, the
  ``regex`` module pickling a pattern with its compiled code), CLDR tables, gazetteers, packs, the
  built-in rules and vocabulary (parsed from YAML; :func:`fingerprinted` says which files key an
  entry).
- Entries live in ``builds/`` of the user's cache folder (:func:`default_dir`), in a folder keyed by
  the tool's code and data (version plus the size and time of each file of the package and of the
  built-in rules, so an edited checkout never reads a stale entry), the Python version and the
  installed ``regex`` and ``babel``: an upgrade of any of them builds afresh.  The folders of the
  four most recent keys are kept.
- Entries are written to a temporary file and renamed into place, so concurrent processes never
  see half an entry; a missing, damaged or foreign entry is built again; a folder that cannot be
  written costs the cache, never the result.
- ``--no-cache`` (:func:`keep_builds`) and ``CLAIM_CONSISTENCY_NO_CACHE=1`` turn it off with the
  result cache (:mod:`consistency.cache`): nothing is read from or written to the cache folder.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, TypeVar

from . import __version__

SCHEMA = 1  # bump when what is built changes shape without a change of the package's files
T = TypeVar("T")

_builds_enabled = True


def default_dir() -> Path:
    """The cache folder of this user and platform: ``$CLAIM_CONSISTENCY_CACHE_DIR``, else
    ``$XDG_CACHE_HOME/claim-consistency`` or ``~/.cache/claim-consistency``,
    ``~/Library/Caches/claim-consistency`` on macOS, ``%LOCALAPPDATA%\\claim-consistency\\Cache`` on
    Windows (:func:`consistency.replay.cache_folder`, which a replayed run reads without pathlib)."""
    from .replay import cache_folder

    return Path(cache_folder())


def keep_builds(on: bool) -> None:
    """Turn :func:`built`'s disk entries on or off for this process (``--no-cache`` turns them off)."""
    global _builds_enabled
    _builds_enabled = on


def built(kind: str, tag: str, build: Callable[[], T]) -> T:
    """``build()``, or what it returned in an earlier process of the same code, data and libraries.

    ``kind`` and ``tag`` name the object (``"figures"``, ``"de"``); the object must pickle.  A
    missing, damaged or foreign entry is built again; a folder that cannot be written costs the
    cache, never the result.
    """
    if not _builds_enabled or os.environ.get("CLAIM_CONSISTENCY_NO_CACHE"):
        return build()
    folder = _builds_folder()
    path = folder / f"{kind}-{tag}.pickle" if folder is not None else None
    if path is not None:
        try:
            with open(path, "rb") as f:
                return pickle.load(f)
        except Exception:  # noqa: BLE001 - absent, damaged or foreign: built again below
            pass
    value = build()
    if path is not None:
        write_pickle(path, value)
    return value


@lru_cache(maxsize=1)
def _builds_folder() -> Path | None:
    """This code's folder of built objects, created on first use; older keys beyond four removed."""
    import importlib.util

    h = hashlib.blake2b(digest_size=16)
    h.update(f"{SCHEMA}\0{__version__}\0{sys.version}".encode())
    h.update(code_fingerprint())
    for module in ("regex", "babel"):  # an upgrade rewrites the package's files
        spec = importlib.util.find_spec(module)
        if spec is not None and spec.origin:
            st = os.stat(spec.origin)
            h.update(f"{module}\0{spec.origin}\0{st.st_size}\0{st.st_mtime_ns}".encode())
    root = default_dir() / "builds"
    folder = root / h.hexdigest()
    if folder.is_dir():
        return folder
    try:
        folder.mkdir(parents=True, mode=0o700)
    except FileExistsError:
        return folder
    except OSError:
        return None
    try:  # best effort: another process may be pruning too
        import shutil

        others = sorted((p for p in root.iterdir() if p.is_dir() and p != folder),
                        key=lambda p: p.stat().st_mtime, reverse=True)
        for old in others[3:]:
            shutil.rmtree(old, ignore_errors=True)
    except OSError:
        pass
    return folder


def write_pickle(path: Path, value: Any) -> None:
    """Pickle ``value`` to ``path`` through a temporary file renamed into place (never half an entry)."""
    try:
        try:
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".pickle")
        except FileNotFoundError:  # the first entry of its folder (a mkdir each time costs as much as the file)
            path.parent.mkdir(exist_ok=True, mode=0o700)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".pickle")
        try:
            with os.fdopen(fd, "wb") as f:
                pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        except BaseException:
            os.unlink(tmp)
            raise
    except (OSError, pickle.PicklingError, TypeError, AttributeError):
        pass  # a full disk or a read-only folder costs the cache, never the check


@lru_cache(maxsize=1)
def code_fingerprint() -> bytes:
    """The size and modification time of every file of the package and of the built-in rules (walked
    once per process: the result cache and the built objects both key by it)."""
    h = hashlib.blake2b(digest_size=20)
    for root in _fingerprinted_roots():
        if not root.is_dir():
            continue
        cut = len(str(root)) + 1  # a path relative to the root, as os.path.relpath gives it (which cost 2 ms)
        for dirpath, dirnames, filenames in os.walk(root):
            dirnames[:] = sorted(d for d in dirnames if d != "__pycache__")
            for name in sorted(filenames):
                path = os.path.join(dirpath, name)
                st = os.stat(path)
                h.update(f"{path[cut:]}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
    return h.digest()


def _fingerprinted_roots() -> tuple[Path, Path]:
    here = Path(__file__).resolve().parent
    return here, here.parent / "rules"


def built_from(kind: str, tag: str, source: Path | None, build: Callable[[], T]) -> T:
    """:func:`built` for an object read from ``source`` (a file or folder), where the code
    fingerprint covers it (the package's own rules and vocabulary); from anywhere else (a test's
    copy, a configured folder) built afresh, since nothing would key an entry by its edits."""
    if source is not None and not fingerprinted(source):
        return build()
    return built(kind, tag, build)


def fingerprinted(path: Path) -> bool:
    """Whether ``path`` lies in the files :func:`code_fingerprint` covers (the package and the
    built-in rules), so that an object built from it may be kept: an edit of it keys a new folder."""
    resolved = path.resolve()
    return any(resolved == root or root in resolved.parents for root in _fingerprinted_roots())

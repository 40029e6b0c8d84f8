"""The common layouts of localized files, found without configuration.

``claim-consistency check DIR`` on a folder that holds no versions of its own, with no bundles
configured, looks under DIR for the layouts of ``consistency/data/layouts.toml`` (Android
``res/values-de/``, Apple ``de.lproj/``, i18next ``locales/de/``, Rails ``config/locales/de.yml``,
gettext ``po/de.po``, Hugo ``content/de/``…) and checks every bundle they find, saying on stderr
which layouts it found and where.  A layout is data: a folder name, what that folder must hold,
and bundle patterns relative to it (:mod:`consistency.bundles`).
"""

from __future__ import annotations

import fnmatch
import os
import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Sequence

from .bundles import Bundle, discover

__all__ = ["Found", "Layout", "find_layouts", "layouts"]

#: How deep under DIR a layout's folder is looked for (app/src/main/res is 3 levels down).
MAX_DEPTH = 6


@dataclass(frozen=True)
class Layout:
    name: str
    folder: str  # a folder name (a glob: "*" is any folder)
    holds: str  # a glob one of the folder's entries must match
    patterns: tuple[str, ...]
    aliases: tuple[tuple[str, str], ...] = ()  # folder token -> locale (Android values-iw is he)


@dataclass
class Found:
    """A layout found in one folder, with the bundles its patterns gave."""

    layout: Layout
    folder: str
    bundles: list[Bundle]
    #: files the patterns' shape matches whose locale token is no locale babel knows (values-ber)
    left_out: list[str] = field(default_factory=list)


@lru_cache(maxsize=1)
def layouts() -> tuple[Layout, ...]:
    data = tomllib.loads(resources.files("consistency").joinpath("data/layouts.toml").read_text(encoding="utf-8"))
    return tuple(Layout(item["name"], item["folder"], item["holds"], tuple(item["patterns"]),
                        tuple((item.get("aliases") or {}).items()))
                 for item in data["layout"])


def find_layouts(root: str, *, exclude: Sequence[str] = (), source: str | None = None,
                 locales: dict[str, str] | None = None) -> list[Found]:
    """Every layout found under ``root`` that gives at least one bundle of two versions or more,
    in the order of the walk; a folder is taken by the first layout that finds bundles in it
    with the same patterns' files (a folder holding ``*.lproj`` gives its ``.strings`` and its
    ``.stringsdict`` as two layouts)."""
    from .engine.config import DEFAULT_EXCLUDE

    skipped = {*DEFAULT_EXCLUDE, *exclude}
    found: list[Found] = []
    seen_files: set[str] = set()
    root_depth = os.path.abspath(root).rstrip(os.sep).count(os.sep)
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if d not in skipped and not d.startswith("."))
        if os.path.abspath(folder).count(os.sep) - root_depth >= MAX_DEPTH:
            dirs[:] = []
        entries = dirs + files
        for layout in layouts():
            if not fnmatch.fnmatch(os.path.basename(os.path.abspath(folder)), layout.folder):
                continue
            if not any(fnmatch.fnmatch(entry, layout.holds) for entry in entries):
                continue
            aliases = {**dict(layout.aliases), **(locales or {})} or None
            # every file the patterns take, one version or more: the bundles are those of two or more
            every = discover(folder, list(layout.patterns), exclude=list(exclude), source=source, locales=aliases,
                             min_versions=1)
            bundles = [b for b in every if len(b.paths) >= 2 and not seen_files.intersection(b.paths)]
            if not bundles:
                continue
            prefix = os.path.relpath(folder, root).replace(os.sep, "/")
            for bundle in bundles:
                seen_files.update(bundle.paths)
                bundle.id = bundle.id if prefix == "." else f"{prefix}/{bundle.id}"
            taken = {p for b in every for p in b.paths}
            found.append(Found(layout, folder, bundles, _left_out(folder, layout, taken)))
    return found


def _left_out(folder: str, layout: Layout, taken: set[str]) -> list[str]:
    """The files shaped like the layout's ``{locale}`` patterns that the patterns did not take
    (``taken``): their locale token names no locale babel knows."""
    import glob

    shaped: set[str] = set()
    for pattern in layout.patterns:
        if "{locale}" not in pattern:
            continue
        wildcard = pattern.replace("{locale}", "*").replace("{slug}", "*").replace("{path}", "**/*")
        token = re.compile(re.escape(pattern).replace(re.escape("{locale}"), "([^/]*)")
                           .replace(re.escape("{slug}"), "[^/]*").replace(re.escape("{path}"), ".*"))
        for path in glob.glob(os.path.join(glob.escape(folder), wildcard), recursive=True):
            m = token.fullmatch(os.path.relpath(path, folder).replace(os.sep, "/"))
            # only what looks like a language code (values-ber, not values-night or values-v21)
            if m and _LANGUAGE_LIKE.fullmatch(m.group(1)) and os.path.isfile(path):
                shaped.add(os.path.abspath(path))
    return sorted(shaped - {os.path.abspath(p) for p in taken})


_LANGUAGE_LIKE = re.compile(r"(?:b\+)?[a-z]{2,3}(?:[-_+][A-Za-z0-9+]+)*")

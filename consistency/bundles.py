"""Bundles in a repository: which files are versions of the same article.

A *bundle pattern* is a path with placeholders:

- ``{locale}`` one path part (or part of one, without dots) naming the locale:
  ``content/{locale}/{path}.md``, ``docs/{path}.{locale}.md``,
  ``pages.{locale}/{path}.md``, ``po/{locale}.po``.  It must be a locale tag
  babel knows (``de``, ``pt-BR``, ``zh_Hant``), or a token of the ``locales``
  table (``jp = "ja"``); anything else (``content/images/…``) is not a version.
- ``{path}`` the article, which may span folders (``common/tar``); ``{slug}``
  is the same limited to one path part.  Files with the same ``{path}`` under
  any of the patterns form one bundle, whose id is that ``{path}``.
- ``*`` and ``?`` match within one path part, as in a shell.

A pattern without ``{locale}`` declares the locale of its files:
``pages/{path}.md=en`` (or the pair ``("pages/{path}.md", "en")``), as
tldr-pages keeps English in ``pages/`` and Japanese in ``pages.ja/``; where
its fixed part names a locale, that is the declaration (``pages.ja/{path}.md``
is Japanese, as :func:`~consistency.documents.locale_from_path` reads it).  When a
file matches several patterns, a pattern whose ``{locale}`` names a valid
locale wins over one that declares it, then the earlier pattern wins: with
``docs/{path}.md=en`` and ``docs/{path}.{locale}.md``, ``docs/a.de.md`` is the
German version of ``a``, not the English version of ``a.de``.  A pattern
without ``{path}`` (``po/{locale}.po``) makes one bundle whose id is the
pattern as written.

>>> import tempfile
>>> root = Path(tempfile.mkdtemp())
>>> for name in ("content/en/news/a.md", "content/de/news/a.md", "content/img/x.md", "content/en/b.md"):
...     _ = (root / name).parent.mkdir(parents=True, exist_ok=True), (root / name).write_text("x")
>>> [(b.id, b.locales) for b in discover(root, ["content/{locale}/{path}.md"], source="en")]
[('news/a', ['en', 'de'])]
>>> [b.id for b in expand([root / "content/de/news/a.md"], root, ["content/{locale}/{path}.md"])]
['news/a']
"""

from __future__ import annotations

import dataclasses
import fnmatch
import glob
import os
import sys
import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from pathlib import Path, PurePosixPath  # noqa: F401 - Path: the doctests use it
from typing import Union

import regex

from consistency.errors import ConfigError
from consistency.locale.tags import is_version_of, language

__all__ = [
    "Bundle",
    "BundlePattern",
    "discover",
    "expand",
    "is_per_unit",
    "match_file",
    "parse_pattern",
    "parse_patterns",
]


#: Folders never searched (as the configuration's ``DEFAULT_EXCLUDE``).
_ALWAYS_EXCLUDED: tuple[str, ...] = (
    ".git", ".hg", ".svn", ".venv", "venv", ".tox", ".nox", "node_modules", "__pycache__",
    ".mypy_cache", ".pytest_cache", ".ruff_cache",
)

_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")
_PLACEHOLDERS = ("locale", "path", "slug")
_DECLARED = re.compile(r"^(?P<pattern>.+)=(?P<locale>[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*)$")

PatternSpec = Union[str, "os.PathLike[str]", tuple[str, str]]


@dataclasses.dataclass
class Bundle:
    """The versions of one article: ``paths[i]`` has locale ``locales[i]``.

    A locale may be ``None`` (unknown: the loader derives it from the file).
    ``source`` is the locale of the source version when the bundle has one.
    """

    id: str
    paths: list[str]
    locales: list[str | None]
    source: str | None = None


def is_per_unit(path: str | os.PathLike[str]) -> bool:
    """Whether ``path`` is a per-unit format (PO, XLIFF, Qt Linguist) that carries its own source text.

    >>> is_per_unit("po/de.po"), is_per_unit("ja.xliff"), is_per_unit("a.de.md")
    (True, True, False)
    """
    from .documents import PER_UNIT_SUFFIXES  # the loaders' own list (documents/__init__.py)

    return os.path.splitext(os.fspath(path))[1].lower() in PER_UNIT_SUFFIXES


@dataclasses.dataclass(frozen=True)
class BundlePattern:
    """One parsed bundle pattern (see the module docs)."""

    text: str  # as written, without ``=locale``
    locale: str | None  # the declared locale of a pattern without ``{locale}``
    absolute: str  # the pattern made absolute (posix)
    regex: regex.Pattern  # full match against an absolute posix path (the regex module: it has timeouts)
    base: str  # the folder with no placeholder that holds every match (posix)
    index: int = 0

    @property
    def has_locale(self) -> bool:
        return "{locale}" in self.absolute

    @property
    def has_path(self) -> bool:
        return "{path}" in self.absolute or "{slug}" in self.absolute

    def group_of(self, path_value: str | None) -> str:
        """The bundle id of a file this pattern matched with ``{path}`` = ``path_value``."""
        return path_value if path_value is not None else self.text

    def glob_for(self, path_value: str | None) -> str:
        """A glob listing the candidates of one bundle (``{locale}`` as ``*``)."""
        out, last = [], 0
        for m in _PLACEHOLDER.finditer(self.absolute):
            out.append(glob.escape(self.absolute[last:m.start()]))
            name = m.group(1)
            if name in ("path", "slug"):
                out.append(glob.escape(path_value or ""))
            else:
                out.append("*")
            last = m.end()
        out.append(glob.escape(self.absolute[last:]))
        # the pattern's own * and ? were escaped above; put them back
        return "".join(out).replace("[*]", "*").replace("[?]", "?")


def parse_pattern(spec: PatternSpec, root: str | os.PathLike[str] = ".", *, index: int = 0) -> BundlePattern:
    """Parse ``spec``: ``"content/{locale}/{path}.md"``, ``"pages/{path}.md=en"`` or a ``(pattern, locale)`` pair.

    Relative patterns are taken from ``root``.  Raises
    :class:`~consistency.errors.ConfigError` for a pattern that cannot name a
    locale, repeats a placeholder or uses an unknown one.

    >>> p = parse_pattern("pages/{path}.md=en", "/repo")
    >>> p.locale, p.base, bool(p.regex.fullmatch("/repo/pages/common/tar.md"))
    ('en', '/repo/pages', True)
    >>> parse_pattern("docs/{path}.md", "/repo")
    Traceback (most recent call last):
    ...
    consistency.errors.ConfigError: bundle pattern 'docs/{path}.md' needs {locale} or a declared locale (docs/{path}.md=en)
    """
    from consistency.documents.locales import known_locale

    declared: str | None = None
    if isinstance(spec, tuple):
        if len(spec) != 2:
            raise ConfigError(f"a bundle pattern pair is (pattern, locale), got {spec!r}")
        text, declared = os.fspath(spec[0]), spec[1]
    else:
        text = os.fspath(spec)
        m = _DECLARED.match(text)
        if m:
            text, declared = m["pattern"], m["locale"]
    if not text.strip():
        raise ConfigError("empty bundle pattern")
    names = _PLACEHOLDER.findall(text)
    for name in names:
        if name not in _PLACEHOLDERS:
            raise ConfigError(f"bundle pattern {text!r}: unknown placeholder {{{name}}}; use {{locale}} and {{path}}")
    for name in set(names):
        if names.count(name) > 1:
            raise ConfigError(f"bundle pattern {text!r}: {{{name}}} appears more than once")
    if "path" in names and "slug" in names:
        raise ConfigError(f"bundle pattern {text!r}: use either {{path}} or {{slug}}, not both")
    if "locale" in names and declared is not None:
        raise ConfigError(f"bundle pattern {text!r} has {{locale}} and also declares the locale {declared!r}")
    if "locale" not in names and declared is None:
        # a fixed folder or suffix may name the locale: pages.ja/{path}.md
        from consistency.documents.locales import locale_from_path

        declared = locale_from_path(_PLACEHOLDER.sub("_", text))
        if declared is None:
            raise ConfigError(f"bundle pattern {text!r} needs {{locale}} or a declared locale ({text}=en)")
    if declared is not None:
        tag = known_locale(declared)
        if tag is None:
            raise ConfigError(f"bundle pattern {text!r}: unknown locale {declared!r}")
        declared = tag
    absolute = text if os.path.isabs(text) else os.path.join(os.fspath(root), text)
    absolute = _posix(os.path.normpath(os.path.abspath(absolute)))
    return BundlePattern(text=text, locale=declared, absolute=absolute, regex=_compile(absolute),
                         base=_static_base(absolute), index=index)


def parse_patterns(specs: Iterable[PatternSpec], root: str | os.PathLike[str] = ".") -> list[BundlePattern]:
    """Parse several patterns (their order is their precedence)."""
    out = [parse_pattern(spec, root, index=i) for i, spec in enumerate(specs)]
    if not out:
        raise ConfigError("no bundle pattern given")
    return out


def _posix(path: str) -> str:
    return path.replace(os.sep, "/") if os.sep != "/" else path


def _compile(absolute: str) -> re.Pattern[str]:
    out, last = [], 0
    for m in _PLACEHOLDER.finditer(absolute):
        out.append(_literal(absolute[last:m.start()]))
        name = m.group(1)
        if name == "locale":
            out.append(r"(?P<locale>[^/.]+)")
        elif name == "path":
            out.append(r"(?P<path>[^/](?:.*[^/])?)")
        else:  # slug
            out.append(r"(?P<path>[^/]+)")
        last = m.end()
    out.append(_literal(absolute[last:]))
    # the regex module, for its timeout: a pattern such as */*a*a*a…b backtracks exponentially
    return regex.compile("".join(out))


#: Seconds one bundle pattern may take to match one path (see :func:`_fullmatch`).
MATCH_TIMEOUT = 1.0


def _fullmatch(pattern: BundlePattern, path: str):
    """``pattern``'s match of ``path``, or a ConfigError when it backtracks beyond MATCH_TIMEOUT."""
    try:
        return pattern.regex.fullmatch(path, timeout=MATCH_TIMEOUT)
    except TimeoutError:
        raise ConfigError(f"bundle pattern {pattern.text!r} is too complex: matching {path!r} took over "
                          f"{MATCH_TIMEOUT:g} s; use fewer '*'") from None


def _literal(text: str) -> str:
    return re.escape(text).replace(r"\*", "[^/]*").replace(r"\?", "[^/]")


def _static_base(absolute: str) -> str:
    parts = PurePosixPath(absolute).parts
    kept: list[str] = []
    for part in parts[:-1]:
        if "{" in part or "*" in part or "?" in part:
            break
        kept.append(part)
    return str(PurePosixPath(*kept)) if kept else "/"


# ----------------------------------------------------------------------------- matching


@dataclasses.dataclass(frozen=True)
class _Match:
    group: str
    locale: str
    path: str
    pattern: int
    declared: bool


class _Matcher:
    """Classifies files against the patterns, with exclusion and locale rules."""

    def __init__(self, patterns: Sequence[BundlePattern], root: str, *, include: Sequence[str],
                 exclude: Sequence[str], locales: Mapping[str, str] | Collection[str] | None) -> None:
        self.patterns = list(patterns)
        self.root = root
        self.include = tuple(include)
        self.exclude_names = tuple(p for p in (*_ALWAYS_EXCLUDED, *exclude) if "/" not in p)
        self.exclude_paths = tuple(
            _posix(os.path.normpath(p if os.path.isabs(p) else os.path.join(root, p)))
            for p in exclude if "/" in p
        )
        self.aliases: dict[str, str] = {}
        self.allowed: set[str] | None = None
        if isinstance(locales, Mapping):
            self.aliases = {str(k): str(v) for k, v in locales.items()}
        elif locales is not None:
            from consistency.documents.locales import known_locale

            self.allowed = {known_locale(t) or t for t in locales}

    def relative(self, path: str) -> str:
        try:
            return _posix(os.path.relpath(path, self.root))
        except ValueError:  # another drive on Windows
            return path

    def dir_excluded(self, path: str) -> bool:
        name = os.path.basename(path)
        if any(fnmatch.fnmatchcase(name, p) for p in self.exclude_names):
            return True
        return any(fnmatch.fnmatchcase(path, p) for p in self.exclude_paths)

    def excluded(self, path: str) -> bool:
        rel = self.relative(path)
        parts = PurePosixPath(rel).parts if not rel.startswith("..") else PurePosixPath(path).parts
        if any(fnmatch.fnmatchcase(part, p) for part in parts for p in self.exclude_names):
            return True
        for p in self.exclude_paths:
            if fnmatch.fnmatchcase(path, p) or fnmatch.fnmatchcase(path, p.rstrip("/") + "/*"):
                return True
        return False

    def included(self, path: str, group: str) -> bool:
        if not self.include:
            return True
        rel = self.relative(path)
        return any(fnmatch.fnmatchcase(rel, p) or fnmatch.fnmatchcase(group, p)
                   or fnmatch.fnmatchcase(path, p) for p in self.include)

    def locale(self, token: str) -> str | None:
        from consistency.documents.locales import known_locale

        tag = self.aliases.get(token)
        tag = known_locale(tag) if tag is not None else known_locale(token)
        if tag is None:
            return None
        if self.allowed is not None and tag not in self.allowed and language(tag) not in self.allowed:
            return None
        return tag

    def classify(self, path: str) -> _Match | None:
        """The best match of the absolute posix ``path``, or ``None``."""
        best: _Match | None = None
        for pattern in self.patterns:
            m = _fullmatch(pattern, path)
            if m is None:
                continue
            groups = m.groupdict()
            path_value = groups.get("path")
            if path_value is not None and "" in path_value.split("/"):
                continue
            if pattern.has_locale:
                tag = self.locale(groups["locale"])
                if tag is None:
                    continue
                found = _Match(pattern.group_of(path_value), tag, path, pattern.index, False)
                return found if self.included(path, found.group) else None
            if best is None:
                assert pattern.locale is not None
                if self.allowed is not None and pattern.locale not in self.allowed \
                        and language(pattern.locale) not in self.allowed:
                    continue
                best = _Match(pattern.group_of(path_value), pattern.locale, path, pattern.index, True)
        if best is not None and not self.included(path, best.group):
            return None
        return best


def _assemble(matches: Iterable[_Match], *, source: str | None, min_versions: int = 2) -> list[Bundle]:
    by_group: dict[str, list[_Match]] = {}
    for match in matches:
        by_group.setdefault(match.group, []).append(match)
    def is_source(m: _Match) -> bool:
        return source is not None and is_version_of(m.locale, source)

    bundles: list[Bundle] = []
    for group in sorted(by_group):
        seen: set[str] = set()
        kept: list[_Match] = []
        for m in sorted(by_group[group], key=lambda m: (m.pattern, m.locale, m.path)):
            if m.locale in seen:
                continue  # the same locale twice: the earlier pattern wins
            seen.add(m.locale)
            kept.append(m)
        kept.sort(key=lambda m: (not is_source(m), m.pattern, m.locale))
        enough = len(kept) >= min_versions or (kept and all(is_per_unit(m.path) for m in kept))
        if not enough:
            continue
        has_source = bool(kept) and is_source(kept[0])
        bundles.append(Bundle(id=group, paths=[m.path for m in kept], locales=[m.locale for m in kept],
                              source=kept[0].locale if has_source else None))
    return bundles


def _root(root: str | os.PathLike[str]) -> str:
    return _posix(os.path.normpath(os.path.abspath(os.fspath(root))))


def discover(
    root: str | os.PathLike[str],
    patterns: Iterable[PatternSpec | BundlePattern],
    *,
    source: str | None = None,
    include: Sequence[str] = (),
    exclude: Sequence[str] = (),
    locales: Mapping[str, str] | Collection[str] | None = None,
    min_versions: int = 2,
) -> list[Bundle]:
    """Every bundle under ``root`` that the ``patterns`` describe, sorted by id.

    ``source`` puts the version in that locale first (and sets
    :attr:`Bundle.source`).  ``include`` keeps only files whose path relative
    to ``root`` (or whose bundle id) matches one of its globs.  ``exclude``
    follows the configuration's rule: a glob without ``/`` drops any path part
    of that name, one with ``/`` is taken from ``root`` and drops that path
    and everything under it (``.git``, ``node_modules`` … always are).
    ``locales`` is either a table of locale tokens (``{"jp": "ja"}``) or the
    collection of locales to keep.  A bundle needs ``min_versions`` versions,
    except one made only of PO/XLIFF files, which carry their source text.
    """
    top = _root(root)
    parsed = _as_patterns(patterns, top)
    matcher = _Matcher(parsed, top, include=include, exclude=exclude, locales=locales)
    bases = sorted({p.base for p in parsed})
    walk_roots = [b for b in bases if not any(b != o and (b.startswith(o.rstrip("/") + "/")) for o in bases)]
    matches: list[_Match] = []
    for base in walk_roots:
        if not os.path.isdir(base):
            continue
        for folder, dirnames, filenames in os.walk(base, onerror=_unreadable_folder):
            folder = _posix(folder)
            dirnames[:] = sorted(d for d in dirnames if not matcher.dir_excluded(f"{folder.rstrip('/')}/{d}"))
            for name in sorted(filenames):
                path = f"{folder.rstrip('/')}/{name}"
                if matcher.excluded(path) or _links_outside(path, top):
                    continue
                match = matcher.classify(path)
                if match is not None:
                    matches.append(match)
    return _assemble(matches, source=source, min_versions=min_versions)


_WARNED: set[str] = set()


def _unreadable_folder(error: OSError) -> None:
    """A folder bundle discovery cannot list: its files are not checked, so say so on stderr (once
    per folder and process) instead of passing over it in silence."""
    where = error.filename if error.filename is not None else "?"
    message = (f"claim-consistency: warning: cannot read folder {where} ({error.strerror or error}): "
               "its files are not checked")
    if message not in _WARNED:
        _WARNED.add(message)
        print(message, file=sys.stderr)


def _links_outside(path: str, top: str) -> bool:
    """A symlink whose target lies outside the searched root: never read as a version (a link
    to ``/etc/passwd`` in a repository would otherwise have its text echoed in findings)."""
    if not os.path.islink(path):
        return False
    target = _posix(os.path.realpath(path))
    return not (target == top or target.startswith(top.rstrip("/") + "/"))


def match_file(
    path: str | os.PathLike[str],
    root: str | os.PathLike[str],
    patterns: Iterable[PatternSpec | BundlePattern],
    *,
    locales: Mapping[str, str] | Collection[str] | None = None,
) -> tuple[str, str] | None:
    """``(bundle id, locale)`` of one file, or ``None`` when no pattern describes it."""
    top = _root(root)
    matcher = _Matcher(_as_patterns(patterns, top), top, include=(), exclude=(), locales=locales)
    match = matcher.classify(_root(path))
    return (match.group, match.locale) if match else None


def expand(
    changed_files: Iterable[str | os.PathLike[str]],
    root: str | os.PathLike[str],
    patterns: Iterable[PatternSpec | BundlePattern],
    *,
    source: str | None = None,
    include: Sequence[str] = (),
    exclude: Sequence[str] = (),
    locales: Mapping[str, str] | Collection[str] | None = None,
    min_versions: int = 2,
) -> list[Bundle]:
    """The whole bundles that hold any of ``changed_files``, each once, sorted by id.

    This is what a pre-commit hook needs: it receives only the changed files,
    possibly split across processes, and each must be checked against its
    other versions.  Relative file names are taken from the current folder;
    files no pattern describes (or excluded ones) are ignored.  Only the
    folders the patterns name are listed, not the whole tree.
    """
    top = _root(root)
    parsed = _as_patterns(patterns, top)
    matcher = _Matcher(parsed, top, include=include, exclude=exclude, locales=locales)
    groups: dict[str, None] = {}
    for changed in changed_files:
        path = _root(changed)
        if matcher.excluded(path):
            continue
        match = matcher.classify(path)
        if match is not None:
            groups.setdefault(match.group, None)
    matches: dict[str, _Match] = {}
    for group in groups:
        for pattern in parsed:
            if pattern.has_path:
                if group == pattern.text:
                    continue
                value: str | None = group
            else:
                if group != pattern.text:
                    continue
                value = None
            for candidate in sorted(glob.glob(pattern.glob_for(value))):
                candidate = _root(candidate)
                if candidate in matches or not os.path.isfile(candidate) or matcher.excluded(candidate):
                    continue
                match = matcher.classify(candidate)
                if match is not None and match.group == group:
                    matches[candidate] = match
    return _assemble(matches.values(), source=source, min_versions=min_versions)


def _as_patterns(patterns: Iterable[PatternSpec | BundlePattern], root: str) -> list[BundlePattern]:
    out: list[BundlePattern] = []
    for i, spec in enumerate(patterns):
        if isinstance(spec, BundlePattern):
            out.append(dataclasses.replace(spec, index=i))
        else:
            out.append(parse_pattern(spec, root, index=i))
    if not out:
        raise ConfigError("no bundle pattern given")
    return out

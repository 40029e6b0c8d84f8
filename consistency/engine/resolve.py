"""Which bundles a ``check`` names: files given on the command line, bundle patterns, the
configuration's bundles, and the source locale each bundle uses.

Used by the command line and the benchmarks; the pytest plugin discovers its bundles itself
(one test item per bundle) with :mod:`consistency.bundles`.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import Sequence

from ..bundles import Bundle, is_per_unit
from ..errors import ConfigError, InputError
from ..locale.tags import language
from ..model import Finding

__all__ = ["bundle_from_paths", "bundle_source", "only_named", "parse_locale_options", "relative_ids",
           "resolve_bundles"]


def parse_locale_options(values: Sequence[str]) -> dict[str, str]:
    out = {}
    for item in values:
        if "=" not in item:
            raise ConfigError(f"--locale takes PATH=TAG, got {item!r}")
        path, tag = item.rsplit("=", 1)
        out[os.path.normpath(path)] = tag
    return out


def bundle_from_paths(paths: Sequence[str], locale_opts: dict[str, str], config) -> Bundle:
    files: list[str] = []
    for p in paths:
        if os.path.isdir(p):
            entries = sorted(
                os.path.join(p, name) for name in os.listdir(p)
                if os.path.isfile(os.path.join(p, name)) and not name.startswith(".")
            )
            from ..documents import locale_from_path

            found = [e for e in entries if locale_from_path(os.path.basename(e)) is not None]
            if len(found) < 2:
                hint = ""
                if any(locale_from_path(os.path.join(p, name, "x")) for name in os.listdir(p)
                       if os.path.isdir(os.path.join(p, name))):
                    hint = (f"; it holds one folder per locale: check them all with "
                            f"--bundles '{p.rstrip('/')}/{{locale}}/{{path}}'")
                raise InputError(f"{p}: a folder must hold one file per locale (ja.md, de.md, …); "
                                 f"found {len(found)}{hint}")
            files.extend(found)
        elif not os.path.lexists(p):
            raise InputError(f"{p}: no such file")
        else:
            files.append(p)
    from ..documents import is_multilingual

    if len(files) < 2 and not (files and all(is_per_unit(f) or is_multilingual(f) for f in files)):
        raise ConfigError("check needs at least two versions of the article")
    locales = [locale_opts.get(os.path.normpath(f)) or _config_locale(f, config) for f in files]
    return Bundle(id=_bundle_id(files), paths=files, locales=locales)


def _config_locale(path: str, config) -> str | None:
    parts = Path(path).parts
    for token, tag in config.locales.items():
        if token in parts or Path(path).stem.split(".")[-1] == token:
            return tag
    return None  # the loader reads the locale from the file name


def _bundle_id(files: Sequence[str]) -> str:
    from ..documents import locale_from_path

    stems = []
    for f in files:
        path = Path(f)
        name = path.name.split(".")[0]
        if locale_from_path(path.name) and "." not in path.stem:
            # ja.md: the article is the folder
            name = path.parent.name or name
        stems.append(name)
    if len(set(stems)) == 1:
        return stems[0]
    prefix = os.path.commonprefix(stems).rstrip("._-")
    return prefix or stems[0]


def resolve_bundles(args: argparse.Namespace, config, locale_opts: dict[str, str] | None = None, *,
                    source: str | None = None) -> tuple[list[Bundle], bool]:
    """The bundles a ``check`` command names, and whether it named exactly one by its files.

    - ``--bundles PATTERN… [ROOT]``: every bundle under ROOT (default: the
      current folder); with ``--expand`` or with files, the bundles of those files.
    - configured ``bundles`` and no PATH: every configured bundle.
    - configured ``bundles`` and files that all belong to them (or
      ``--expand``): the whole bundle of each file, each once.
    - no configured bundles and no PATH, or one folder that holds no versions itself: the
      common layouts found under it (:mod:`consistency.layouts`).
    - otherwise the PATHs are the versions of one article (as before).
    """
    from .. import bundles as bundles_mod

    paths = list(args.paths)
    patterns: list[str] = list(getattr(args, "bundles", []) or [])
    expand_flag = bool(getattr(args, "expand", False))
    options = {"exclude": config.exclude, "locales": dict(config.locales) or None, "source": source}
    if patterns:
        if paths and (expand_flag or not (len(paths) == 1 and os.path.isdir(paths[0]))):
            found = bundles_mod.expand(paths, ".", patterns, **options)
            if not expand_flag:
                args._named_files = paths
            return _relative(found), False
        root = paths[0] if paths else "."
        found = bundles_mod.discover(root, patterns, **options)
        _remember_groups(args, root, patterns, options)
        if not found and not args._file_groups:
            raise ConfigError(f"no bundle under {root} matches {', '.join(patterns)}")
        return _relative(found), False
    if config.bundles:
        if not paths:
            found = bundles_mod.discover(config.root, config.bundles, **options)
            _remember_groups(args, config.root, config.bundles, options)
            if not found and not args._file_groups:
                raise ConfigError(f"no bundle matches the configured bundles ({', '.join(config.bundles)})")
            return _relative(relative_ids(found, config.root)), False
        if expand_flag:
            return _relative(relative_ids(bundles_mod.expand(paths, config.root, config.bundles, **options),
                                       config.root)), False
        if all(os.path.isfile(p) for p in paths) and all(
            bundles_mod.match_file(p, config.root, config.bundles, locales=options["locales"]) is not None
            for p in paths
        ):
            args._named_files = paths
            return _relative(relative_ids(bundles_mod.expand(paths, config.root, config.bundles, **options),
                                       config.root)), False
    elif expand_flag:
        raise ConfigError("--expand needs bundle patterns: --bundles PATTERN or bundles in the configuration")
    if not config.bundles and (not paths or (len(paths) == 1 and os.path.isdir(paths[0])
                                             and not _holds_versions(paths[0]))):
        # no configuration: the common layouts (Android res/, Apple .lproj, locales/, po/, …)
        from ..layouts import find_layouts

        layouts = find_layouts(paths[0] if paths else ".", exclude=config.exclude, source=source,
                               locales=dict(config.locales) or None)
        if layouts:
            args._layouts = layouts
            return _relative([b for f in layouts for b in f.bundles]), False
    if not paths:
        raise ConfigError("check needs at least two versions of the article (or --bundles PATTERN)")
    return [bundle_from_paths(paths, locale_opts or {}, config)], True


def _holds_versions(folder: str) -> bool:
    """Whether ``folder`` itself holds two files named for a locale (``ja.md``, ``de.md``)."""
    from ..documents import locale_from_path

    try:
        names = [n for n in os.listdir(folder) if not n.startswith(".") and os.path.isfile(os.path.join(folder, n))]
    except OSError:
        return False
    return sum(locale_from_path(n) is not None for n in names) >= 2


def only_named(findings: Sequence[Finding], named: Sequence[str]) -> tuple[list[Finding], list[Finding]]:
    """The findings located in the ``named`` files, and the others of their bundles.

    ``check FILE`` on a file of a configured bundle checks the whole bundle (a version is
    compared with the others) but reports, like a linter given one file, the findings whose
    deviant text is in that file; ``--expand`` reports every finding of the bundle.  A finding
    without a location stays.
    """
    wanted = {_file_key(p) for p in named}
    shown: list[Finding] = []
    hidden: list[Finding] = []
    for finding in findings:
        keep = not finding.locations or _file_key(finding.locations[0].path) in wanted
        (shown if keep else hidden).append(finding)
    return shown, hidden


def _file_key(path: str | os.PathLike[str]) -> str:
    return os.path.normcase(os.path.abspath(path))


def relative_ids(bundles: list[Bundle], root) -> list[Bundle]:
    """Bundle ids relative to the configuration's folder: a configured pattern without ``{path}``
    names its one bundle by the pattern, which the configuration made absolute; an id is in
    every fingerprint and baseline entry, so it must not depend on where the clone is."""
    base = os.path.abspath(root)
    for bundle in bundles:
        if os.path.isabs(bundle.id):
            rel = os.path.relpath(bundle.id, base)
            if not rel.startswith(".."):
                bundle.id = Path(rel).as_posix()
    return bundles


def _remember_groups(args: argparse.Namespace, root, patterns, options) -> None:
    """Every group the patterns find, one version or more: for COV003/COV004 (whole files)."""
    from .. import bundles as bundles_mod

    args._file_groups = _relative(relative_ids(bundles_mod.discover(root, patterns, min_versions=1, **options), root))
    args._file_patterns = bundles_mod.parse_patterns(patterns, root)


def _relative(bundles: list[Bundle]) -> list[Bundle]:
    """Paths relative to the current folder when they are under it (as a user would type them)."""
    here = os.getcwd()
    for bundle in bundles:
        out = []
        for path in bundle.paths:
            rel = os.path.relpath(path, here)
            out.append(path if rel.startswith("..") else rel)
        bundle.paths = out
    return bundles


def bundle_source(bundle: Bundle, source: str | None, strict: bool) -> str | None:
    """The source locale to use for ``bundle``: in a run of many bundles, only where it has one."""
    if source is None or strict:
        return source
    if all(is_per_unit(p) for p in bundle.paths):
        return source  # the source version is built from the files
    want = language(source)
    if any(loc is not None and (loc.casefold() == source.casefold() or language(loc) == want)
           for loc in bundle.locales):
        return source
    return None

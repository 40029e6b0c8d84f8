"""The ``check``, ``rules`` and ``rule`` commands: bundles in, findings out."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Sequence

from ..bundles import Bundle, is_per_unit
from ..errors import ConfigError, InputError
from ..model import Finding, Level, Location

__all__ = ["add_check_arguments", "check_bundle", "check_bundles", "resolve_bundles", "run_command", "Bundle"]

_LEVELS = ("error", "warning", "info")


def add_check_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", metavar="PATH",
                        help="the versions of one article (or a folder holding one file per locale); "
                             "with --bundles, the ROOT folder; with --expand, changed files")
    parser.add_argument("--bundles", action="append", default=[], metavar="PATTERN",
                        help="check every bundle matching PATTERN under ROOT, e.g. 'content/{locale}/{path}.md' "
                             "or 'pages/{path}.md=en' (repeatable)")
    parser.add_argument("--expand", action="store_true",
                        help="PATHs are changed files (pre-commit): check the whole bundle of each, "
                             "using --bundles or the configured bundles")
    parser.add_argument("--jobs", "-j", type=_jobs, default=1, metavar="N",
                        help="check bundles in N processes (0: one per CPU; default 1)")
    parser.add_argument("--dask", metavar="ADDRESS",
                        help="check the bundles on a Dask cluster: a scheduler address (tcp://host:8786) or "
                             "'local' for a local cluster of --jobs workers (needs claim-consistency[dask])")
    parser.add_argument("--locale", action="append", default=[], metavar="PATH=TAG",
                        help="the locale of a file whose name does not tell it (repeatable)")
    parser.add_argument("--format", choices=("text", "json", "sarif", "github", "html", "csv"), default=None,
                        help="output format (html: one self-contained page, the versions side by side; "
                             "csv: the claim matrix)")
    parser.add_argument("--output", "-o", metavar="FILE", help="write the report to FILE instead of stdout")
    parser.add_argument("--source", metavar="LOCALE", help="the source version: the reference for every finding")
    parser.add_argument("--select", action="append", default=None, metavar="RULES",
                        help="rule ids, prefixes or names to run (comma-separated, repeatable)")
    parser.add_argument("--ignore", action="append", default=[], metavar="RULES",
                        help="rule ids, prefixes or names to skip")
    parser.add_argument("--fail-level", choices=_LEVELS, default=None,
                        help="the lowest level that makes the exit code 1 (default: error)")
    parser.add_argument("--exit-zero", action="store_true", help="exit 0 even when there are findings")
    parser.add_argument("--statistics", action="store_true",
                        help="print how many findings each rule has, per deviant locale, instead of the findings")
    parser.add_argument("--baseline", metavar="FILE", help="accepted findings to leave out")
    parser.add_argument("--write-baseline", metavar="FILE",
                        help="write the current findings to FILE as accepted (needs --reason) and exit 0")
    parser.add_argument("--reason", metavar="TEXT", help="why the findings written by --write-baseline are accepted")
    parser.add_argument("--config", metavar="FILE", help="claim-consistency.toml or pyproject.toml to use")
    parser.add_argument("--color", choices=("auto", "always", "never"), default="auto")
    parser.add_argument("--since", metavar="REV",
                        help="report only findings whose claims changed after the git revision REV "
                             "(uncommitted changes count as after); 'auto' takes pre-commit's "
                             "PRE_COMMIT_FROM_REF, HEAD inside a pre-commit hook, or GitHub's base branch")
    parser.add_argument("--no-history", action="store_true",
                        help="do not read the versions' git history (no STL001, no revision data)")
    parser.add_argument("--no-cache", action="store_true",
                        help="check every bundle again instead of reusing the result of an unchanged one "
                             "(the cache folder: CLAIM_CONSISTENCY_CACHE_DIR, else the user's cache folder)")


def _jobs(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"invalid number of jobs {value!r}") from None
    if n < 0:
        raise argparse.ArgumentTypeError(f"--jobs must be 0 or more, not {n}")
    return n


def run_command(args: argparse.Namespace) -> int:
    from .config import load_config

    config = load_config(getattr(args, "config", None))
    if args.command == "rules":
        return _cmd_rules(config, args)
    if args.command == "rule":
        return _cmd_rule(config, args)
    return _cmd_check(config, args)


def _cmd_rules(config, args) -> int:
    rules = config.load_rules()
    if getattr(args, "format", "text") == "json":
        import json

        payload = [{"id": r.id, "name": r.name, "level": r.level.value, "category": r.category,
                    "kind": r.kind, "summary": r.docs.summary} for r in rules]
        print(json.dumps(payload, ensure_ascii=False, indent=2))
        return 0
    width = max(len(r.name) for r in rules)
    for r in rules:
        print(f"{r.id}  {r.name:<{width}}  {r.level.value:<7}  {r.docs.summary}")
    return 0


def _cmd_rule(config, args) -> int:
    rules = config.load_rules()
    rule = rules.get(args.rule_id)
    if rule is None:
        import difflib

        close = difflib.get_close_matches(args.rule_id.upper(), rules.ids, n=3)
        hint = f" (did you mean {', '.join(close)}?)" if close else f" (known: {', '.join(rules.ids)})"
        raise ConfigError(f"unknown rule {args.rule_id!r}{hint}")
    sys.stdout.write(rule.docs_markdown())
    return 0


def _parse_locale_options(values: Sequence[str]) -> dict[str, str]:
    out = {}
    for item in values:
        if "=" not in item:
            raise ConfigError(f"--locale takes PATH=TAG, got {item!r}")
        path, tag = item.rsplit("=", 1)
        out[os.path.normpath(path)] = tag
    return out


def _bundle_from_paths(paths: Sequence[str], locale_opts: dict[str, str], config) -> Bundle:
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


def check_bundle(bundle: Bundle, rules, *, source: str | None = None, history: bool = True,
                 since: str | None = None) -> tuple[list[Finding], object]:
    """Load and check one bundle with ``rules``; returns findings (suppressions applied) and the analysis.

    A bundle of PO/XLIFF files carries its source text: each file is checked
    against the source version built from its own units (``msgid``,
    ``<source>``), in the ``source`` locale if given, else the one the file
    declares, else English.  Pairing each translation with its own source
    keeps plural forms (``nplurals`` differs between languages) and
    untranslated units from looking like missing passages.  The analysis
    returned then has ``documents`` = the source version of the first file
    followed by the translations, and ``parts`` = the analyses of the pairs.

    With ``history`` (the default) and the versions in a git work tree, disagreeing figures
    carry revision data and stale translations are STL001's (see
    :mod:`consistency.engine.revisions`); ``since`` (a git revision) keeps only the findings
    whose claims changed after it (raises ConfigError where there is no history).
    """
    from ..documents import load_document

    from ..documents import is_multilingual, load_versions

    docs = []
    for p, loc in zip(bundle.paths, bundle.locales):
        docs.extend(load_versions(p) if is_multilingual(p) else [load_document(p, locale=loc)])
    if source is None and len(bundle.paths) == 1 and is_multilingual(bundle.paths[0]) and docs:
        source = docs[0].locale  # the TMX header's srclang, the String Catalog's sourceLanguage
    load_source = _per_unit_source_loader(bundle)
    if load_source is not None:
        parts = []
        for doc in docs:
            src = load_source(doc.path, locale=source)  # None: as the file declares, else English
            parts.append(_check_documents(bundle.id, [src, doc], rules, source=src.locale, history=False,
                                          since=since))
        findings = [f for part_findings, _an in parts for f in part_findings]
        return findings, _Combined(documents=[parts[0][1].documents[0], *docs], parts=[an for _f, an in parts])
    if len(docs) < 2:
        raise ConfigError(f"{bundle.id}: check needs at least two versions of the article")
    if source is not None and not any(d.locale.split("-")[0].casefold() == source.split("-")[0].casefold()
                                      for d in docs):
        raise ConfigError(f"--source {source}: no version has that locale ({', '.join(d.locale for d in docs)})")
    return _check_documents(bundle.id, docs, rules, source=source, history=history, since=since)


class _Combined:
    """The analyses of a per-unit bundle's (source, translation) pairs."""

    def __init__(self, documents, parts) -> None:
        self.documents, self.parts = documents, parts


def _check_documents(bundle_id: str, docs, rules, *, source: str | None, history: bool = False,
                     since: str | None = None) -> tuple[list[Finding], object]:
    from .analysis import analyse

    tolerance = 0.02
    for rule in rules:
        if rule.kind == "quantity-mismatch":
            tolerance = float(rule.options.get("relative_tolerance", tolerance))
    repo = None
    if history or since:
        from ..history import history_for

        repo = history_for(d.path for d in docs)
    if since is not None and not repo:
        raise ConfigError(f"--since {since}: no revision history for {bundle_id}: {repo.reason}")
    # revision roles need one file per version (a PO file's source and translation share one)
    judged = bool(repo) and history and len({d.path for d in docs}) == len(docs)
    an = analyse(bundle_id, docs, source=source, relative_tolerance=tolerance, history=repo if judged else None,
                 report_stale=judged and any(r.kind == "translation-stale" for r in rules))
    findings: list[Finding] = []
    for rule in rules:
        if rule.kind == "unused-suppression":
            continue
        findings.extend(rule.load_check()(an, rule))
    findings, used = _apply_inline_suppressions(an, findings)
    sup = [r for r in rules if r.kind == "unused-suppression"]
    if sup:
        findings.extend(_unused_suppressions(an, sup[0], used, {r.id for r in rules}))
    if since is not None:
        findings = _changed_since(repo, since, findings)
    return findings, an


def _changed_since(repo, rev: str, findings: list[Finding]) -> list[Finding]:
    """The findings a location of which (any line of its span) changed after ``rev``, or whose
    reference changed after it (a stale translation)."""
    try:
        commits = repo.changed_since(rev)
    except ValueError as exc:
        raise ConfigError(f"--since: {exc}") from None

    def recent(change) -> bool:
        return change is not None and (not change.commit or change.commit in commits)

    kept = []
    for f in findings:
        if f.revision is not None and recent(f.revision.source_change):
            kept.append(f)
            continue
        for loc in f.locations:
            if not os.path.isfile(loc.path):
                continue
            lines = range(loc.line, max(loc.line, loc.end_line) + 1)
            changes = repo.blame(loc.path, lines)
            # a file git does not track yet is new: every line of it changed after rev
            if not changes or any(recent(c) for c in changes.values()):
                kept.append(f)
                break
    return kept


def resolve_since(value: str | None) -> str | None:
    """``--since auto``: pre-commit's PRE_COMMIT_FROM_REF, else HEAD inside a pre-commit hook (what
    the commit being made changes), else GitHub's pull-request base; None (no filter) otherwise."""
    if value != "auto":
        return value
    env = os.environ
    if env.get("PRE_COMMIT_FROM_REF"):
        return env["PRE_COMMIT_FROM_REF"]
    if env.get("PRE_COMMIT") == "1":
        return "HEAD"
    if env.get("GITHUB_BASE_REF"):
        return "origin/" + env["GITHUB_BASE_REF"]
    return None


def _per_unit_source_loader(bundle: Bundle):
    """``load_source_document`` when every file of ``bundle`` is PO/XLIFF, else ``None``.

    Also ``None`` when the per-unit loaders are not available: the files are
    then checked as they load.
    """
    if not bundle.paths or not all(is_per_unit(p) for p in bundle.paths):
        return None
    from .. import documents

    return getattr(documents, "load_source_document", None)


def _block_index(an, v: int, offset: int) -> int | None:
    for i, block in enumerate(an.documents[v].blocks):
        if block.start <= offset <= block.end:
            return i
    return None


def _apply_inline_suppressions(an, findings: list[Finding]):
    # (path, locale): a PO file's source and translation are two versions in one file
    by_path = {(d.path, d.locale): v for v, d in enumerate(an.documents)}
    kept, used = [], set()
    for f in findings:
        suppressed = False
        for loc in f.locations:
            if loc.role != "deviant":
                continue
            v = by_path.get((loc.path, loc.locale))
            if v is None:
                continue
            b = _block_index(an, v, loc.start)
            if b is None:
                continue
            marks = an.documents[v].blocks[b].suppressed
            for mark in (f.rule, "*"):
                if mark in marks:
                    used.add((v, b, mark))
                    suppressed = True
        if not suppressed:
            kept.append(f)
    return kept, used


def _unused_suppressions(an, rule, used, active: set[str]):
    from .baseline import fingerprint
    from .checks import _location

    for v, doc in enumerate(an.documents):
        for b, block in enumerate(doc.blocks):
            for mark in sorted(block.suppressed):
                if mark != "*" and mark not in active:
                    continue  # a rule that did not run cannot have matched
                if (v, b, mark) in used:
                    continue
                loc = _location(an, v, block.start, block.end, "deviant", None)
                message = rule.format_message(rule=mark if mark != "*" else "all rules", locale=doc.locale)
                yield Finding(rule=rule.id, name=rule.name, level=rule.level, category=rule.category,
                              message=message, bundle=an.bundle,
                              fingerprint=fingerprint(rule.id, an.bundle, [doc.locale], f"{mark}@{block.text.strip()[:80]}"),
                              locations=(loc,))


def _cmd_check(config, args) -> int:
    from ..report import BundleInfo, render
    from .baseline import load_baseline, write_baseline

    levels = dict(config.levels)
    select = tuple(args.select) if args.select else config.select
    ignore = tuple(config.ignore) + tuple(args.ignore)
    ruleset = config.load_rules()
    rules = ruleset.select(select, ignore, levels)
    _use_vocabulary(config)
    fail_level = Level(args.fail_level) if args.fail_level else config.fail_level
    source = args.source or config.source_locale
    fmt = args.format or config.format or "text"
    locale_opts = _parse_locale_options(args.locale)
    bundles, single = resolve_bundles(args, config, locale_opts, source=source)
    history = not getattr(args, "no_history", False) and not os.environ.get("CLAIM_CONSISTENCY_NO_HISTORY")
    since = resolve_since(getattr(args, "since", None))
    if since is not None and not history:
        raise ConfigError("--since needs the history: leave out --no-history")
    output = getattr(args, "output", None)
    if output:
        _check_output_path(output, bundles)
    from ..cache import open_cache

    cache = open_cache(enabled=not getattr(args, "no_cache", False), rules=rules, rule_dirs=config.rule_dirs)
    results = check_bundles(bundles, rules, source=source, strict_source=single, jobs=args.jobs,
                            spec=(config, select, ignore, levels), progress=_progress_enabled(len(bundles)),
                            history=history, since=since, dask=getattr(args, "dask", None),
                            views=fmt in ("html", "csv"), cache=cache)
    findings = [f for result in results for f in result[0]]
    if getattr(args, "_file_groups", None):
        from .files import file_findings

        findings += file_findings(args._file_groups, args._file_patterns, rules,
                                  expected=None, source=source)
    infos = [BundleInfo(b.id, result[1], *result[2:]) for b, result in zip(bundles, results)]
    print_notes(loc for result in results for _path, loc in result[1])
    if history:
        print_history_note(bundles, results, rules)
    if args.write_baseline:
        if not args.reason:
            raise ConfigError("--write-baseline needs --reason TEXT (why these findings are accepted)")
        write_baseline(args.write_baseline, findings, args.reason, covered_bundles={b.id for b in bundles},
                       covered_rules={r.id for r in rules})
        print(f"wrote {len(findings)} accepted findings to {args.write_baseline}", file=sys.stderr)
        return 0
    baseline_path = args.baseline or config.baseline
    if baseline_path:
        baseline = load_baseline(baseline_path)
        findings, _suppressed, unused = baseline.filter(findings, bundles={b.id for b in bundles},
                                                        rules={r.id for r in rules})
        sup = [r for r in rules if r.kind == "unused-suppression"]
        if sup and unused:
            findings.extend(_unused_baseline(sup[0], unused, str(baseline_path)))
    color = args.color == "always" or (args.color == "auto" and fmt == "text" and sys.stdout.isatty()
                                       and not os.environ.get("NO_COLOR"))
    from .. import __version__

    if output:
        color = False
    if getattr(args, "statistics", False):
        out = statistics(findings)
    else:
        out = render(findings, fmt=fmt, bundles=infos, tool_version=__version__, rules=rules, color=color)
    if output:
        _write_output(output, out)
    else:
        sys.stdout.write(out)
    if args.exit_zero:
        return 0
    failing = [f for f in findings if Level(f.level).rank >= fail_level.rank]
    return 1 if failing else 0


def statistics(findings: Sequence[Finding]) -> str:
    """``--statistics``: one line per rule, most findings first, with the deviant locales' counts
    (like ruff's), then the total.

    >>> print(statistics([]), end="")
    0 findings
    """
    from collections import Counter

    per_rule: Counter[tuple[str, str]] = Counter()
    per_locale: dict[str, Counter[str]] = {}
    for f in findings:
        per_rule[(f.rule, f.name)] += 1
        deviant = next((loc.locale for loc in f.locations if loc.role == "deviant"), "")
        per_locale.setdefault(f.rule, Counter())[deviant] += 1
    lines = []
    width = max((len(str(n)) for n in per_rule.values()), default=1)
    for (rule, name), count in sorted(per_rule.items(), key=lambda item: (-item[1], item[0])):
        locales = ", ".join(f"{loc or '?'} {n}" for loc, n in sorted(per_locale[rule].items(),
                                                                         key=lambda item: (-item[1], item[0])))
        lines.append(f"{count:>{width}}  {rule}  {name}  ({locales})")
    lines.append(f"{len(findings)} finding{'s' if len(findings) != 1 else ''}")
    return "\n".join(lines) + "\n"


def _check_output_path(output: str, bundles: Sequence[Bundle]) -> None:
    """``--output`` never overwrites an input file, and its folder must exist (checked before the work)."""
    target = os.path.realpath(output)
    for bundle in bundles:
        for path in bundle.paths:
            if os.path.realpath(path) == target:
                raise ConfigError(f"--output {output}: that is an input file; input files are never modified")
    if os.path.isdir(output):
        raise ConfigError(f"--output {output}: is a folder, not a file")
    folder = os.path.dirname(target)
    if not os.path.isdir(folder):
        raise ConfigError(f"--output {output}: no such folder {os.path.dirname(output) or '.'}")


def _write_output(output: str, text: str) -> None:
    """Write the report to ``output`` (UTF-8, ``\\n`` line ends) through a temporary file beside it,
    so that a failed write never leaves half a report."""
    import tempfile

    folder = os.path.dirname(os.path.abspath(output))
    try:
        fd, tmp = tempfile.mkstemp(prefix=".claim-consistency-", dir=folder)
        try:
            with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
                handle.write(text)
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)  # as an ordinary new file, not mkstemp's 0600
            os.replace(tmp, output)
        except BaseException:
            if os.path.exists(tmp):
                os.unlink(tmp)
            raise
    except OSError as exc:
        raise ConfigError(f"--output {output}: {exc.strerror or exc}") from None


_NOTED: set[str] = set()


def print_notes(locales) -> None:
    """Tell, on stderr and once per process, which optional extra would improve checking
    ``locales`` (``claim-consistency[ja]`` for Japanese names).  Silenced by the
    environment variable ``CLAIM_CONSISTENCY_NO_NOTES=1``; never part of the report
    on stdout, never a change of the exit code.  With ``--jobs`` it is the parent that
    prints, after the workers are done."""
    from ..extract.foreign import missing_extra_notes

    for note in missing_extra_notes(set(locales)):
        if note not in _NOTED:
            _NOTED.add(note)
            print(note, file=sys.stderr)


def print_history_note(bundles: Sequence[Bundle], results, rules) -> None:
    """One note on stderr when a bundle with disagreeing figures has no revision history (STL001
    would need it), saying why; silenced like the other notes."""
    if os.environ.get("CLAIM_CONSISTENCY_NO_NOTES") or not any(r.kind == "translation-stale" for r in rules):
        return
    from ..history import history_for

    for _bundle, (findings, versions, *_view) in zip(bundles, results):
        if not any(f.category in ("quantity", "date") for f in findings):
            continue
        paths = [p for p, _loc in versions]
        if len(set(paths)) != len(paths):
            continue  # per-unit catalogues: the source is in the translation's file
        repo = history_for(paths)
        if not repo:
            note = f"claim-consistency: note: no revision history, so no stale-translation check (STL001): {repo.reason}"
            if note not in _NOTED:
                _NOTED.add(note)
                print(note, file=sys.stderr)
            return


# ----------------------------------------------------------------------------- many bundles


def resolve_bundles(args: argparse.Namespace, config, locale_opts: dict[str, str] | None = None, *,
                    source: str | None = None) -> tuple[list[Bundle], bool]:
    """The bundles a ``check`` command names, and whether it named exactly one by its files.

    - ``--bundles PATTERN… [ROOT]``: every bundle under ROOT (default: the
      current folder); with ``--expand`` or with files, the bundles of those files.
    - configured ``bundles`` and no PATH: every configured bundle.
    - configured ``bundles`` and files that all belong to them (or
      ``--expand``): the whole bundle of each file, each once.
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
            return _relative(found), False
        if expand_flag:
            return _relative(bundles_mod.expand(paths, config.root, config.bundles, **options)), False
        if all(os.path.isfile(p) for p in paths) and all(
            bundles_mod.match_file(p, config.root, config.bundles, locales=options["locales"]) is not None
            for p in paths
        ):
            return _relative(bundles_mod.expand(paths, config.root, config.bundles, **options)), False
    elif expand_flag:
        raise ConfigError("--expand needs bundle patterns: --bundles PATTERN or bundles in the configuration")
    if not paths:
        raise ConfigError("check needs at least two versions of the article (or --bundles PATTERN)")
    return [_bundle_from_paths(paths, locale_opts or {}, config)], True


def _remember_groups(args: argparse.Namespace, root, patterns, options) -> None:
    """Every group the patterns find, one version or more: for COV003/COV004 (whole files)."""
    from .. import bundles as bundles_mod

    args._file_groups = _relative(bundles_mod.discover(root, patterns, min_versions=1, **options))
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


def _bundle_source(bundle: Bundle, source: str | None, strict: bool) -> str | None:
    """The source locale to use for ``bundle``: in a run of many bundles, only where it has one."""
    if source is None or strict:
        return source
    if all(is_per_unit(p) for p in bundle.paths):
        return source  # the source version is built from the files
    want = source.split("-")[0].casefold()
    if any(loc is not None and (loc.casefold() == source.casefold() or loc.split("-")[0].casefold() == want)
           for loc in bundle.locales):
        return source
    return None


Result = tuple[list[Finding], list[tuple[str, str]]]


def _check_one(bundle: Bundle, rules, source: str | None, history: bool = True, since: str | None = None,
               views: bool = False) -> Result:
    findings, an = check_bundle(bundle, rules, source=source, history=history, since=since)
    versions = [(d.path, d.locale) for d in an.documents]
    if views:  # the html and csv reports: (findings, versions, view)
        from .view import bundle_view

        return findings, versions, bundle_view(an)  # type: ignore[return-value]
    return findings, versions


_WORKER_RULES: list | None = None


def _init_worker(spec, locales: Sequence[str]) -> None:
    global _WORKER_RULES
    _die_with_parent()
    config, select, ignore, levels = spec
    _WORKER_RULES = config.load_rules().select(select, ignore, levels)
    _use_vocabulary(config)  # a no-op when forked from the parent, which has it
    _warm_up(locales)  # a no-op when forked from a warm parent


def _die_with_parent() -> None:
    """A worker whose parent is gone (killed with SIGTERM or SIGKILL, no chance to shut its pool
    down) exits within a second instead of living on as an orphan."""
    import threading
    import time

    parent = os.getppid()

    def watch() -> None:
        while True:
            time.sleep(0.5)
            if os.getppid() != parent:
                os._exit(1)

    threading.Thread(target=watch, name="claim-consistency-parent-watch", daemon=True).start()


def _terminate_as_interrupt(signum, frame) -> None:
    raise KeyboardInterrupt  # the pool is shut down as on Ctrl-C


def _warm_up(locales: Sequence[str]) -> None:
    """Build each locale's extractor (compiled patterns, CLDR tables) once, before forking workers."""
    from ..extract import extract_claims

    for tag in locales:
        try:
            extract_claims("1", tag)
        except Exception:  # noqa: BLE001 - an unknown locale is reported by the check itself
            pass


def locales_of(bundles: Sequence[Bundle], sources: Sequence[str | None]) -> list[str]:
    """The locales of ``bundles`` and of their ``sources`` (one per bundle), sorted, each once."""
    return sorted({loc for b, src in zip(bundles, sources) for loc in (*b.locales, src) if loc})


def settle_heap(locales: Sequence[str]) -> None:
    """Warm ``locales`` up, then move every live object out of the collector's reach.

    The extractors' compiled patterns and CLDR tables live as long as the
    process; without this, each full collection (and pytest's five at exit)
    walks them again.  ``gc.collect`` first, so no garbage is frozen.  For
    processes that check many bundles (the CLI, the pytest plugin); the
    library functions never call it.  Before a fork it also keeps the
    workers' copies of those pages shared.
    """
    import gc

    _warm_up(locales)
    gc.collect()
    gc.freeze()


def _use_vocabulary(config) -> None:
    """Names are matched with the built-in vocabulary plus the ``vocab/`` folders of the rule dirs."""
    from ..extract.names import use_vocabulary

    use_vocabulary(config.rule_dirs)


def _pool_context():
    """``fork`` where it is safe (Linux): workers inherit the warm caches; the platform default elsewhere."""
    import multiprocessing

    if sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context()


def _check_in_worker(bundle: Bundle, source: str | None, history: bool, since: str | None,
                     views: bool = False) -> Result:
    assert _WORKER_RULES is not None
    return _check_one(bundle, _WORKER_RULES, source, history, since, views)


def check_bundles(bundles: Sequence[Bundle], rules, *, source: str | None = None, strict_source: bool = False,
                  jobs: int = 1, spec=None, progress: bool = False, history: bool = True,
                  since: str | None = None, dask: str | None = None, views: bool = False,
                  cache=None, _sources: Sequence[str | None] | None = None) -> list[Result]:
    """Check ``bundles``; results (findings, versions) in the order of ``bundles``.

    With a ``cache`` (:class:`consistency.cache.ResultCache`), a bundle whose key is stored is not
    checked again; the others are checked as below and stored.

    With ``views``, each result is (findings, versions, :class:`~.view.BundleView`):
    what the html and csv reports show of the bundle.

    With ``jobs`` > 1 (0: one per CPU) the bundles are checked in a process
    pool; ``spec`` = ``(config, select, ignore, levels)`` lets each worker
    build the rules itself (rules hold read-only mappings that do not pickle).
    Without ``strict_source``, a bundle that lacks the ``source`` locale is
    checked without a declared source instead of failing the run.  With ``dask`` (a scheduler
    address, or ``local``) the bundles are checked on a Dask cluster instead
    (:mod:`consistency.distributed`; ``jobs`` is then the size of a local cluster).
    """
    sources = list(_sources) if _sources is not None else [_bundle_source(b, source, strict_source) for b in bundles]
    if _sources is None and source is not None and bundles and not any(sources):
        found = sorted({loc for b in bundles for loc in b.locales if loc})
        raise ConfigError(f"--source {source}: no bundle has a version in that locale ({', '.join(found)})")
    if cache is not None:
        return _check_cached(cache, bundles, sources, rules, source=source, strict_source=strict_source, jobs=jobs,
                             spec=spec, progress=progress, history=history, since=since, dask=dask, views=views)
    workers = (os.cpu_count() or 1) if jobs == 0 else jobs
    workers = min(workers, len(bundles))
    bar = _Progress(len(bundles), enabled=progress)
    if dask is not None:
        if spec is None:
            raise ConfigError("--dask needs the rule spec (config, select, ignore, levels)")
        from ..distributed import check_bundles_dask

        try:
            return check_bundles_dask(bundles, sources, spec, address=dask, workers=max(workers, 1) if jobs else 0,
                                      options={"history": history, "since": since, "views": views}, progress=bar.update)
        finally:
            bar.close()
    try:
        locales = locales_of(bundles, sources)
        serial = workers <= 1 or spec is None
        context = None if serial else _pool_context()
        if len(bundles) > 1 and (serial or context.get_start_method() == "fork"):
            settle_heap(locales)  # spawned workers warm themselves up
        if serial:
            results = []
            for bundle, src in zip(bundles, sources):
                bar.update(bundle.id)
                results.append(_check_one(bundle, rules, src, history, since, views))
            return results
        from concurrent.futures import ProcessPoolExecutor, as_completed

        import signal
        import threading

        out: list[Result | None] = [None] * len(bundles)
        pool = ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_init_worker,
                                   initargs=(spec, locales))
        previous = None
        if threading.current_thread() is threading.main_thread():
            previous = signal.signal(signal.SIGTERM, _terminate_as_interrupt)
        try:
            futures = {pool.submit(_check_in_worker, b, src, history, since, views): i
                       for i, (b, src) in enumerate(zip(bundles, sources))}
            for future in as_completed(futures):
                i = futures[future]
                out[i] = future.result()  # a worker's error (InputError, …) is raised here
                bar.update(bundles[i].id)
        finally:
            if previous is not None:
                signal.signal(signal.SIGTERM, previous)
            pool.shutdown(wait=True, cancel_futures=True)
        return [r for r in out if r is not None]
    finally:
        bar.close()


def _check_cached(cache, bundles: Sequence[Bundle], sources: Sequence[str | None], rules, *, since: str | None,
                  history: bool, views: bool, **options) -> list[Result]:
    """:func:`check_bundles` through ``cache``: stored results for unchanged bundles, the rest checked."""
    from ..history import state_of

    keys = [cache.key(b.paths, b.locales, source=src, views=views,
                      history=f"{state_of(b.paths)} since={since}" if history else None)
            for b, src in zip(bundles, sources)]
    results: list[Result | None] = [cache.get(k) for k in keys]
    todo = [i for i, r in enumerate(results) if r is None]
    if todo:
        fresh = check_bundles([bundles[i] for i in todo], rules, since=since, history=history, views=views,
                              _sources=[sources[i] for i in todo], **options)
        for i, result in zip(todo, fresh):
            results[i] = result
            cache.put(keys[i], result)
    return [r for r in results if r is not None]


def _progress_enabled(count: int) -> bool:
    try:
        return count > 1 and sys.stderr.isatty()
    except (AttributeError, ValueError):
        return False


class _Progress:
    """``checking 12/418 bundles`` on one line of stderr, rewritten with ``\\r``; nothing when disabled."""

    def __init__(self, total: int, *, enabled: bool) -> None:
        self.total, self.enabled, self.done, self.width = total, enabled, 0, 0

    def update(self, label: str) -> None:
        if not self.enabled:
            return
        self.done += 1
        line = f"checking {self.done}/{self.total} bundles  {label}"[:100]
        sys.stderr.write("\r" + line + " " * max(0, self.width - len(line)))
        sys.stderr.flush()
        self.width = len(line)

    def close(self) -> None:
        if self.enabled and self.width:
            sys.stderr.write("\r" + " " * self.width + "\r")
            sys.stderr.flush()
            self.width = 0


def _unused_baseline(rule, entries, path: str):
    from .baseline import fingerprint

    for entry in entries:
        loc = Location(path=path, locale="", role="deviant", start=0, end=0, line=1, column=1,
                       end_line=1, end_column=1, text="", value=entry.fingerprint)
        yield Finding(rule=rule.id, name=rule.name, level=rule.level, category=rule.category,
                      message=rule.format_message(rule=f"{entry.rule} (baseline entry {entry.fingerprint})", locale=""),
                      bundle=entry.bundle, fingerprint=fingerprint(rule.id, entry.bundle, [], entry.fingerprint),
                      locations=(loc,))

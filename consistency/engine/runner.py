"""The ``check``, ``rules`` and ``rule`` commands: bundles in, findings out."""

from __future__ import annotations

import argparse
import dataclasses
import os
import sys
from pathlib import Path
from typing import Sequence

from ..errors import ConfigError, InputError
from ..model import Finding, Level, Location

__all__ = ["add_check_arguments", "check_bundle", "run_command", "Bundle"]

_LEVELS = ("error", "warning", "info")


def add_check_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH",
                        help="the versions of one article (or a folder holding one file per locale)")
    parser.add_argument("--locale", action="append", default=[], metavar="PATH=TAG",
                        help="the locale of a file whose name does not tell it (repeatable)")
    parser.add_argument("--format", choices=("text", "json", "sarif", "github"), default=None)
    parser.add_argument("--source", metavar="LOCALE", help="the source version: the reference for every finding")
    parser.add_argument("--select", action="append", default=None, metavar="RULES",
                        help="rule ids, prefixes or names to run (comma-separated, repeatable)")
    parser.add_argument("--ignore", action="append", default=[], metavar="RULES",
                        help="rule ids, prefixes or names to skip")
    parser.add_argument("--fail-level", choices=_LEVELS, default=None,
                        help="the lowest level that makes the exit code 1 (default: error)")
    parser.add_argument("--exit-zero", action="store_true", help="exit 0 even when there are findings")
    parser.add_argument("--baseline", metavar="FILE", help="accepted findings to leave out")
    parser.add_argument("--write-baseline", metavar="FILE",
                        help="write the current findings to FILE as accepted (needs --reason) and exit 0")
    parser.add_argument("--reason", metavar="TEXT", help="why the findings written by --write-baseline are accepted")
    parser.add_argument("--config", metavar="FILE", help="claim-consistency.toml or pyproject.toml to use")
    parser.add_argument("--color", choices=("auto", "always", "never"), default="auto")


@dataclasses.dataclass
class Bundle:
    id: str
    paths: list[str]
    locales: list[str | None]


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
                raise InputError(f"{p}: a folder must hold one file per locale (ja.md, de.md, …); found {len(found)}")
            files.extend(found)
        else:
            files.append(p)
    if len(files) < 2:
        raise ConfigError("check needs at least two versions of the article")
    locales = [locale_opts.get(os.path.normpath(f)) or _config_locale(f, config) for f in files]
    return Bundle(id=_bundle_id(files), paths=files, locales=locales)


def _config_locale(path: str, config) -> str | None:
    if not config.locales:
        return None
    from ..documents import locale_from_path

    parts = Path(path).parts
    for token, tag in config.locales.items():
        if token in parts or Path(path).stem.split(".")[-1] == token:
            return tag
    return locale_from_path(path) and None


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


def check_bundle(bundle: Bundle, rules, *, source: str | None = None) -> tuple[list[Finding], object]:
    """Load and check one bundle with ``rules``; returns findings (suppressions applied) and the analysis."""
    from ..documents import load_document
    from .analysis import analyse

    docs = [load_document(p, locale=loc) for p, loc in zip(bundle.paths, bundle.locales)]
    if source is not None and not any(d.locale.split("-")[0].casefold() == source.split("-")[0].casefold()
                                      for d in docs):
        raise ConfigError(f"--source {source}: no version has that locale ({', '.join(d.locale for d in docs)})")
    tolerance = 0.02
    for rule in rules:
        if rule.kind == "quantity-mismatch":
            tolerance = float(rule.options.get("relative_tolerance", tolerance))
    an = analyse(bundle.id, docs, source=source, relative_tolerance=tolerance)
    findings: list[Finding] = []
    for rule in rules:
        if rule.kind == "unused-suppression":
            continue
        findings.extend(rule.load_check()(an, rule))
    findings, used = _apply_inline_suppressions(an, findings)
    sup = [r for r in rules if r.kind == "unused-suppression"]
    if sup:
        findings.extend(_unused_suppressions(an, sup[0], used, {r.id for r in rules}))
    return findings, an


def _block_index(an, v: int, offset: int) -> int | None:
    for i, block in enumerate(an.documents[v].blocks):
        if block.start <= offset <= block.end:
            return i
    return None


def _apply_inline_suppressions(an, findings: list[Finding]):
    by_path = {d.path: v for v, d in enumerate(an.documents)}
    kept, used = [], set()
    for f in findings:
        suppressed = False
        for loc in f.locations:
            if loc.role != "deviant":
                continue
            v = by_path.get(loc.path)
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
    fail_level = Level(args.fail_level) if args.fail_level else config.fail_level
    source = args.source or config.source_locale
    fmt = args.format or config.format or "text"
    locale_opts = _parse_locale_options(args.locale)
    bundle = _bundle_from_paths(args.paths, locale_opts, config)
    findings, an = check_bundle(bundle, rules, source=source)
    infos = [BundleInfo(bundle.id, [(d.path, d.locale) for d in an.documents])]
    if args.write_baseline:
        if not args.reason:
            raise ConfigError("--write-baseline needs --reason TEXT (why these findings are accepted)")
        write_baseline(args.write_baseline, findings, args.reason)
        print(f"wrote {len(findings)} accepted findings to {args.write_baseline}", file=sys.stderr)
        return 0
    baseline_path = args.baseline or config.baseline
    if baseline_path:
        baseline = load_baseline(baseline_path)
        findings, _suppressed, unused = baseline.filter(findings, bundles={bundle.id}, rules={r.id for r in rules})
        sup = [r for r in rules if r.kind == "unused-suppression"]
        if sup and unused:
            findings.extend(_unused_baseline(sup[0], unused, str(baseline_path)))
    color = args.color == "always" or (args.color == "auto" and fmt == "text" and sys.stdout.isatty()
                                       and not os.environ.get("NO_COLOR"))
    from .. import __version__

    out = render(findings, fmt=fmt, bundles=infos, tool_version=__version__, rules=rules, color=color)
    sys.stdout.write(out)
    if args.exit_zero:
        return 0
    failing = [f for f in findings if Level(f.level).rank >= fail_level.rank]
    return 1 if failing else 0


def _unused_baseline(rule, entries, path: str):
    from .baseline import fingerprint

    for entry in entries:
        loc = Location(path=path, locale="", role="deviant", start=0, end=0, line=1, column=1,
                       end_line=1, end_column=1, text="", value=entry.fingerprint)
        yield Finding(rule=rule.id, name=rule.name, level=rule.level, category=rule.category,
                      message=rule.format_message(rule=f"{entry.rule} (baseline entry {entry.fingerprint})", locale=""),
                      bundle=entry.bundle, fingerprint=fingerprint(rule.id, entry.bundle, [], entry.fingerprint),
                      locations=(loc,))

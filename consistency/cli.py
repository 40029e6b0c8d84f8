"""The ``claim-consistency`` command.

Exit codes: 0 no finding at or above the fail level; 1 findings; 2 usage,
configuration or input error (one line on stderr, never a traceback).
"""

from __future__ import annotations

import os
import sys
from . import __version__
from .errors import ConfigError, ConsistencyError

TYPE_CHECKING = False  # not `typing`'s: a replayed run imports nothing it does not need (typing costs 5-9 ms)

if TYPE_CHECKING:
    import argparse
    from typing import Sequence

    from .bundles import Bundle
    from .model import Finding

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2

CHECK_EPILOG = """\
optional extras:
  pip install 'claim-consistency[ja]'  UniDic's foreign spellings of katakana names
                                       (about 250 MB); without it, a Japanese check says
                                       so once on stderr and uses the built-in transliteration

environment:
  CLAIM_CONSISTENCY_NO_NOTES=1  no note on stderr about optional extras
  CLAIM_CONSISTENCY_DEBUG=1     show the traceback of an internal error
  NO_COLOR=1                    no colour in text output (--color auto)
"""


def _parser_class() -> type[argparse.ArgumentParser]:
    """argparse with the project's exit code 2 and a one-line message (argparse is imported here,
    not at the top: a replayed run never needs it)."""
    import argparse

    class _Parser(argparse.ArgumentParser):
        def error(self, message: str) -> None:  # type: ignore[override]
            self.exit(EXIT_ERROR, f"claim-consistency: error: {message}\n")

    return _Parser


def build_parser() -> argparse.ArgumentParser:
    import argparse

    _Parser = _parser_class()
    parser = _Parser(
        prog="claim-consistency",
        description="Check that every language version of an article states the same figures.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    ext = sub.add_parser("extract", help="list the claims (figures, dates), names and quotations of one file")
    ext.add_argument("path", metavar="PATH")
    ext.add_argument("--locale", metavar="TAG", help="the file's locale (default: from its name)")
    ext.add_argument("--format", choices=("text", "json"), default="text")

    if True:
        chk = sub.add_parser("check", help="check that the versions of an article agree", epilog=CHECK_EPILOG,
                             formatter_class=argparse.RawDescriptionHelpFormatter)
        add_check_arguments(chk)
        rules = sub.add_parser("rules", help="list the rules")
        rules.add_argument("--config", metavar="FILE")
        rules.add_argument("--format", choices=("text", "json"), default="text")
        rule = sub.add_parser("rule", help="print one rule's documentation")
        rule.add_argument("rule_id", metavar="ID")
        rule.add_argument("--config", metavar="FILE")
    return parser


def _collect_less() -> None:
    """The cyclic collector of the process's own command, run less often: a check allocates
    millions of objects that live until it ends and almost never form cycles, and with the
    default thresholds its 13 full collections walked all of them again (1.5 s of a 25 s check of
    20,000 paragraphs a side, 2.0 s with the young collections; 0.7 s now, the same peak memory).
    Not for ``main(argv)``: a program that calls the command keeps its own settings."""
    import gc

    gc.set_threshold(20_000, 20, 20)


def main(argv: Sequence[str] | None = None) -> int:
    """The command line; ``argv`` defaults to ``sys.argv[1:]``.  A process's own command (no
    ``argv``) may replay a stored run of the same ``check`` whose inputs have not changed
    (:mod:`consistency.replay`); a call with ``argv`` (tests, other programs) always runs."""
    if argv is None:
        from .replay import replay

        try:
            code = replay(sys.argv[1:])
        except BrokenPipeError:  # pragma: no cover - `| head`
            return EXIT_OK
        if code is not None:
            return code
        _collect_less()
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        return _fail("a command is required: check, extract, rules or rule (see claim-consistency --help)")
    try:
        if args.command == "extract":
            return _cmd_extract(args)
        if argv is None and _replayable(args):
            from .replay import recording

            with recording(sys.argv[1:]) as run:
                code = run_command(args)
            run.store(code)
            return code
        return run_command(args)
    except ConsistencyError as exc:
        return _fail(str(exc))
    except KeyboardInterrupt:  # pragma: no cover - interactive
        return _fail("interrupted")
    except BrokenPipeError:  # pragma: no cover - `| head`
        return EXIT_OK
    except Exception as exc:  # never a traceback for a user; CLAIM_CONSISTENCY_DEBUG=1 shows it
        if os.environ.get("CLAIM_CONSISTENCY_DEBUG"):
            raise
        return _fail(f"internal error: {type(exc).__name__}: {exc} (set CLAIM_CONSISTENCY_DEBUG=1 for details)")


def _replayable(args: argparse.Namespace) -> bool:
    """Whether this run's output may be stored for :func:`consistency.replay.replay`: a check that
    reads its inputs and writes only its report to stdout."""
    return (args.command == "check" and not args.no_cache and not os.environ.get("CLAIM_CONSISTENCY_NO_CACHE")
            and not args.output and not args.write_baseline and not args.dask and args.since is None)


def _fail(message: str) -> int:
    first = message.strip().splitlines()[0] if message.strip() else "error"
    print(f"claim-consistency: error: {first}", file=sys.stderr)
    return EXIT_ERROR


def _cmd_extract(args: argparse.Namespace) -> int:
    import json

    from .documents import load_document
    from .extract import extract_claims
    from .locale.zawgyi import read_through, reader
    from .positions import LineIndex

    doc = load_document(args.path, locale=args.locale)
    index = LineIndex(doc.text)
    read = reader(doc.text, doc.locale)  # Burmese in Zawgyi read as Unicode, at the file's positions
    claims = []
    for block in doc.blocks:
        for claim in read_through(read, extract_claims, block.text, doc.locale):
            claims.append(claim.shifted(block.start))
    names, quotes = _names_and_quotes(doc)
    if args.format == "json":
        payload = {
            "path": args.path,
            "locale": doc.locale,
            "claims": [claim_json(c, index) for c in claims],
            "names": [name_json(m, index) for m in names],
            "quotes": [quote_json(q, index) for q in quotes],
        }
        sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
        return EXIT_OK
    for c in claims:
        line, col = index.position(c.start)
        print(f"{args.path}:{line}:{col}: {c.kind.value:<8} {c.text}  → {describe(c)}")
    for m in names:
        line, col = index.position(m.start)
        what = ", ".join(x for x in (m.type, m.entity) if x)
        print(f"{args.path}:{line}:{col}: name     {m.text}" + (f"  → {what}" if what else ""))
    for q in quotes:
        line, col = index.position(q.start)
        said = f"  ← {q.speaker_text}" + (" (pronoun)" if q.pronoun else "") if q.speaker_text else ""
        kind = "quote" if q.kind == "speech" else "quoted"  # quoted: a term, title or scare quote
        content = " ".join(q.content.split())
        content = content if len(content) <= 70 else content[:69] + "…"
        print(f"{args.path}:{line}:{col}: {kind:<8} {'  ' * q.depth}{content}{said}")
    print(f"{len(claims)} claims, {len(names)} names, {len(quotes)} quotations in {args.path} ({doc.locale})")
    return EXIT_OK


def _names_and_quotes(doc) -> tuple[list, list]:
    """The names a single file shows on its own (vocabulary, gazetteer, capitals inside a
    sentence; a capitalised German noun needs another version to count) and its quotations."""
    from .extract.names import extract_names
    from .extract.quotes import extract_quotes
    from .locale.zawgyi import read_through, reader

    names: list = []
    quotes: list = []
    read = reader(doc.text, doc.locale)
    for block in doc.blocks:
        found = read_through(read, extract_names, block.text, doc.locale)
        names.extend(m.shifted(block.start) for m in found if m.strong)
        quotes.extend(q.shifted(block.start) for q in extract_quotes(block.text, doc.locale, names=found))
    return names, quotes


def name_json(m, index) -> dict:
    line, col = index.position(m.start)
    return {"start": m.start, "end": m.end, "text": m.text, "type": m.type, "entity": m.entity,
            "evidence": m.evidence, "line": line, "column": col}


def quote_json(q, index) -> dict:
    line, col = index.position(q.start)
    return {"start": q.start, "end": q.end, "content": q.content, "kind": q.kind, "depth": q.depth,
            "verb": q.verb, "speaker": q.speaker_text, "pronoun": q.pronoun,
            "open_before": q.open_before, "open_after": q.open_after, "line": line, "column": col}


def _str(value) -> str | None:
    if value is None:
        return None
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def claim_json(c, index) -> dict:
    """A claim in the ``extract`` JSON contract (docs/json-output.md)."""
    line, col = index.position(c.start)
    end_line, end_col = index.position(c.end)
    return {
        "kind": c.kind.value,
        "start": c.start,
        "end": c.end,
        "text": c.text,
        "value": _str(c.value) if c.value is not None else c.label,
        "low": _str(c.low),
        "high": _str(c.high),
        "unit": c.unit,
        "qualifier": c.qualifier.value if c.qualifier else None,
        "precision": _str(c.precision),
        "low_open": c.low_open,
        "high_open": c.high_open,
        "label": c.label,
        "line": line,
        "column": col,
        "end_line": end_line,
        "end_column": end_col,
    }


def describe(c) -> str:
    """A claim's normalized value for people: ``8E+10 USD``, ``(2, ∞) gigawatt``,
    ``2022-H2 (2022-07-01..2022-12-31)``."""
    from .display import describe_value

    if c.kind.value == "date" and c.low is not None and c.high is not None and c.low != c.high:
        return f"{c.label} ({c.low.isoformat()}..{c.high.isoformat()})"
    return describe_value(c)


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
    parser.add_argument("--show-alignment", action="store_true",
                        help="print which blocks of the versions were paired (text), or add each bundle's "
                             "alignment to the JSON and SARIF output")
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
                        help="check every bundle again instead of reusing the result of an unchanged one, and "
                             "build the extractors afresh; nothing is read from or written to the cache folder "
                             "(CLAIM_CONSISTENCY_CACHE_DIR, else the user's cache folder)")


def _jobs(value: str) -> int:
    import argparse

    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"invalid number of jobs {value!r}") from None
    if n < 0:
        raise argparse.ArgumentTypeError(f"--jobs must be 0 or more, not {n}")
    return n


def run_command(args: argparse.Namespace) -> int:
    from .engine.config import load_config

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


def _cmd_check(config, args) -> int:
    from .engine.api import check
    from .engine.checker import resolve_since
    from .engine.resolve import only_named, parse_locale_options, resolve_bundles
    from .model import Level
    from .report import render

    if getattr(args, "no_cache", False):  # before anything is built: nothing read from the cache folder
        from .builds import keep_builds

        keep_builds(False)
    fail_level = Level(args.fail_level) if args.fail_level else config.fail_level
    source = args.source or config.source_locale
    fmt = args.format or config.format or "text"
    bundles, single = resolve_bundles(args, config, parse_locale_options(args.locale), source=source)
    for found in getattr(args, "_layouts", None) or ():
        count = len(found.bundles)
        rel = os.path.relpath(found.folder)
        where = found.folder if rel.startswith("..") else rel
        print(f"claim-consistency: found {found.layout.name} in {where} ({count} bundle{'s' if count != 1 else ''}); "
              "set bundles in the configuration to choose", file=sys.stderr)
        if found.left_out:
            shown = ", ".join(os.path.relpath(p) for p in found.left_out[:3]) + (", …" if len(found.left_out) > 3 else "")
            one = len(found.left_out) == 1
            print(f"claim-consistency: left out {len(found.left_out)} file{'' if one else 's'} whose folder or "
                  f"name is no locale babel knows ({shown}); map {'it' if one else 'them'} to a locale in the "
                  "configuration's locales table", file=sys.stderr)
    history = not getattr(args, "no_history", False) and not os.environ.get("CLAIM_CONSISTENCY_NO_HISTORY")
    since = resolve_since(getattr(args, "since", None))
    if since is not None and not history:
        raise ConfigError("--since needs the history: leave out --no-history")
    output = getattr(args, "output", None)
    if output:
        _check_output_path(output, bundles)
    file_groups = (args._file_groups, args._file_patterns) if getattr(args, "_file_groups", None) else None
    if args.write_baseline and not args.reason:
        raise ConfigError("--write-baseline needs --reason TEXT (why these findings are accepted)")
    report = check(bundles, config=config, select=args.select, ignore=args.ignore, source=source,
                   strict_source=single, baseline=False if args.write_baseline else args.baseline,
                   history=history, since=since, jobs=args.jobs, dask=getattr(args, "dask", None),
                   views=fmt in ("html", "csv") or getattr(args, "show_alignment", False),
                   cache=not getattr(args, "no_cache", False),
                   file_groups=file_groups, progress=_progress_enabled(len(bundles)))
    print_notes((loc for info in report.bundles for _path, loc in info.versions),
                versions=[version for info in report.bundles for version in info.versions])
    if history:
        print_history_note(report)
    if args.write_baseline:
        from .engine.baseline import write_baseline

        write_baseline(args.write_baseline, report.findings, args.reason, covered_bundles={b.id for b in bundles},
                       covered_rules={r.id for r in report.rules})
        print(f"wrote {len(report.findings)} accepted findings to {args.write_baseline}", file=sys.stderr)
        return 0
    named = getattr(args, "_named_files", None)
    if named:
        report.findings, hidden = only_named(report.findings, named)
        if hidden:
            where = sorted({f.locations[0].path for f in hidden})
            print(f"{len(hidden)} finding{'s' if len(hidden) != 1 else ''} in other versions of the bundle "
                  f"not shown ({', '.join(where[:3])}{', …' if len(where) > 3 else ''}): "
                  "--expand reports them", file=sys.stderr)
    color = args.color == "always" or (args.color == "auto" and fmt == "text" and sys.stdout.isatty()
                                       and not os.environ.get("NO_COLOR"))
    if output:
        color = False
    if getattr(args, "statistics", False):
        out = statistics(report.findings)
    else:
        # on a terminal, rows fit its width (COLUMNS overrides); piped output stays one line per row
        import shutil

        width = shutil.get_terminal_size().columns if fmt == "text" and not output and sys.stdout.isatty() else None
        out = render(report.findings, fmt=fmt, bundles=report.bundles, tool_version=__version__, rules=report.rules,
                     color=color, width=max(40, width) if width else None)
    if output:
        _write_output(output, out)
    else:
        sys.stdout.write(out)
    return 0 if args.exit_zero else report.exit_code(fail_level)


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
        deviant = next((loc.locale for loc in f.locations if loc.role == "deviant"),
                       "tie" if any(loc.role == "tied" for loc in f.locations) else "")
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
    import stat
    import tempfile

    try:
        mode = os.stat(output).st_mode
    except OSError:
        mode = 0
    if mode and not stat.S_ISREG(mode):
        # a device or a pipe (/dev/null, /dev/stdout, a named pipe): written into, never replaced
        # (renaming a file over /dev/null would make it an ordinary file for every program)
        try:
            with open(output, "w", encoding="utf-8", newline="\n") as handle:
                handle.write(text)
        except OSError as exc:
            raise ConfigError(f"--output {output}: {exc.strerror or exc}") from None
        return
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


def print_notes(locales, versions=()) -> None:
    """Tell, on stderr and once per process, which optional extra would improve checking
    ``locales`` (``claim-consistency[ja]`` for Japanese names), and whether a Burmese version
    among ``versions`` (``(path, locale)`` pairs) is written in Zawgyi that only the ``icu``
    extra reads as Unicode.  Silenced by the
    environment variable ``CLAIM_CONSISTENCY_NO_NOTES=1``; never part of the report
    on stdout, never a change of the exit code.  With ``--jobs`` it is the parent that
    prints, after the workers are done."""
    from .extract.foreign import NO_NOTES_ENV, missing_extra_notes
    from .locale.zawgyi import zawgyi_note

    notes = missing_extra_notes(set(locales))
    if os.environ.get(NO_NOTES_ENV, "") in ("", "0") and (zawgyi := zawgyi_note(versions)):
        notes.append(zawgyi)
    for note in notes:
        if note not in _NOTED:
            _NOTED.add(note)
            print(note, file=sys.stderr)


def print_history_note(report) -> None:
    """One note on stderr when a bundle with disagreeing figures has no revision history (STL001
    would need it), saying why; silenced like the other notes."""
    if os.environ.get("CLAIM_CONSISTENCY_NO_NOTES") or not any(r.kind == "translation-stale" for r in report.rules):
        return
    from .history import Unavailable, history_for

    disagreeing = {f.bundle for f in report.findings if f.category in ("quantity", "date")}
    for info in report.bundles:
        if info.id not in disagreeing:
            continue
        paths = [p for p, _loc in info.versions]
        if len(set(paths)) != len(paths):
            continue  # per-unit catalogues: the source is in the translation's file
        repo = history_for(paths)
        if isinstance(repo, Unavailable):
            note = f"claim-consistency: note: no revision history, so no stale-translation check (STL001): {repo.reason}"
            if note not in _NOTED:
                _NOTED.add(note)
                print(note, file=sys.stderr)
            return


def _progress_enabled(count: int) -> bool:
    try:
        return count > 1 and sys.stderr.isatty()
    except (AttributeError, ValueError):
        return False

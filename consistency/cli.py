"""The ``claim-consistency`` command.

Exit codes: 0 no finding at or above the fail level; 1 findings; 2 usage,
configuration or input error (one line on stderr, never a traceback).
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import Sequence

from . import __version__
from .errors import ConsistencyError

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


class _Parser(argparse.ArgumentParser):
    """argparse with the project's exit code 2 and a one-line message."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(EXIT_ERROR, f"claim-consistency: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
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

    try:
        from .engine.runner import add_check_arguments
    except ImportError:  # pragma: no cover - engine not built
        add_check_arguments = None
    if add_check_arguments is not None:
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


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        return _fail("a command is required: check, extract, rules or rule (see claim-consistency --help)")
    try:
        if args.command == "extract":
            return _cmd_extract(args)
        from .engine import runner

        return runner.run_command(args)
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


def _fail(message: str) -> int:
    first = message.strip().splitlines()[0] if message.strip() else "error"
    print(f"claim-consistency: error: {first}", file=sys.stderr)
    return EXIT_ERROR


def _cmd_extract(args: argparse.Namespace) -> int:
    import json

    from .documents import load_document
    from .extract import extract_claims
    from .positions import LineIndex

    doc = load_document(args.path, locale=args.locale)
    index = LineIndex(doc.text)
    claims = []
    for block in doc.blocks:
        for claim in extract_claims(block.text, doc.locale):
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

    names, quotes = [], []
    for block in doc.blocks:
        found = extract_names(block.text, doc.locale)
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
    from .compare import describe_value

    if c.kind.value == "date" and c.low is not None and c.high is not None and c.low != c.high:
        return f"{c.label} ({c.low.isoformat()}..{c.high.isoformat()})"
    return describe_value(c)

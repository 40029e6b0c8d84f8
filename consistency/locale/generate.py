"""The command line every table generator of ``consistency/locale`` shares:
``python -m consistency.locale.<generator> [--write]`` builds the table, prints what it holds, and
with ``--write`` rewrites ``consistency/locale/<file>``."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Callable

__all__ = ["main"]


def main(argv: list[str] | None, *, module: str, doc: str, file: str, build: Callable[[], dict],
         describe: Callable[[dict], str], sort_keys: bool = False) -> int:
    """Build with ``build``; print ``describe(data)`` (``"24144 sequences of 14 scripts"``); write
    ``file`` under ``--write``.  A generator that needs PyICU and lacks it exits with 2 and a line."""
    parser = argparse.ArgumentParser(prog=f"python -m {module}", description=doc.splitlines()[0])
    parser.add_argument("--write", action="store_true", help=f"rewrite consistency/locale/{file}")
    args = parser.parse_args(argv)
    try:
        data = build()
    except ImportError:
        print("PyICU is needed: pip install 'claim-consistency[icu]'", file=sys.stderr)
        return 2
    text = json.dumps(data, ensure_ascii=False, indent=0, sort_keys=sort_keys) + "\n"
    if args.write:
        path = Path(__file__).parent / file
        path.write_text(text, encoding="utf-8")
        print(f"wrote {describe(data)} to {path}")
    else:
        print(f"{describe(data)} (use --write to save)")
    return 0

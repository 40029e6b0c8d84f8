"""Every finding on the project's reference texts, as JSON lines, to compare two versions of the code.

Writes one line per finding (sorted, tool version left out) for: the examples
(``examples/*``), the seed pair (../shared/corpus/microsoft-ai-strategy ja/de),
NTREX-128 as en/de/ja bundles (one block per sentence), tldr-pages (en/ja/de,
418 pages) and the GNOME Weather PO set. A change that must not alter behaviour
(a refactoring, a faster path) is checked by running this before and after and
diffing the two files:

    python benchmarks/findings.py > /tmp/before.jsonl      # on the old commit
    python benchmarks/findings.py > /tmp/after.jsonl       # on the new one
    diff /tmp/before.jsonl /tmp/after.jsonl && echo same

The last line on stderr counts the findings per corpus. Corpora that are absent
are skipped with a note on stderr.
"""

from __future__ import annotations

import json
import os
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
sys.path[:0] = [str(ROOT), str(ROOT / "benchmarks")]


def _line(corpus: str, finding) -> str:
    from consistency.report.json import finding_to_dict

    data = finding_to_dict(finding)
    return json.dumps({"corpus": corpus, **data}, ensure_ascii=False, sort_keys=True)


def _check_paths(corpus: str, bundles, rules) -> list[str]:
    """The findings of ``bundles`` through the public API (``consistency.check``), without any
    configuration, baseline or git history of this checkout."""
    import consistency
    from consistency.engine.config import Config

    report = consistency.check(bundles, config=Config(), rules=rules, history=False, baseline=False)
    return [_line(corpus, f) for f in report.findings]


def main() -> int:
    os.environ.setdefault("CLAIM_CONSISTENCY_NO_NOTES", "1")
    from consistency.bundles import Bundle, discover
    from consistency.match.analysis import analyse
    from consistency.engine.registry import load_rules

    rules = list(load_rules())
    checked = [r for r in rules if r.kind != "unused-suppression"]  # an analysis without files: no comments
    lines: list[str] = []
    counts: Counter[str] = Counter()

    for folder in sorted(p for p in (ROOT / "examples").iterdir() if p.is_dir()):
        files = sorted(str(p) for p in folder.glob("*.md") if p.stem in ("ja", "de", "en"))
        got = _check_paths(f"examples/{folder.name}", [Bundle(id=folder.name, paths=files, locales=[None] * len(files))],
                           rules)
        lines += got
        counts["examples"] += len(got)

    seed = CORPUS / "microsoft-ai-strategy"
    if seed.is_dir():
        files = [str(seed / "ja.txt"), str(seed / "de.txt")]
        got = _check_paths("seed", [Bundle(id="seed", paths=files, locales=["ja", "de"])], rules)
        lines += got
        counts["seed"] += len(got)
    else:
        print(f"note: {seed} is absent", file=sys.stderr)

    import ntrex

    if ntrex.NTREX.is_dir():
        for doc_id, versions in ntrex.documents().items():
            an = analyse(doc_id, ntrex.as_documents(doc_id, {k: versions[k] for k in ("en", "de", "ja")}))
            for rule in checked:
                for f in rule.load_check()(an, rule):
                    lines.append(_line("ntrex", f))
                    counts["ntrex"] += 1
    else:
        print(f"note: {ntrex.NTREX} is absent", file=sys.stderr)

    tldr = CORPUS / "tldr-pages"
    if tldr.is_dir():
        patterns = [str(tldr / "pages/{path}.md=en"), str(tldr / "pages.ja/{path}.md"), str(tldr / "pages.de/{path}.md")]
        got = _check_paths("tldr", discover(str(tldr), patterns, source="en"), rules)
        lines += got
        counts["tldr"] += len(got)
    else:
        print(f"note: {tldr} is absent", file=sys.stderr)

    gnome = CORPUS / "gnome-weather-po"
    if gnome.is_dir():
        files = sorted(str(p) for p in gnome.glob("*.po"))
        got = _check_paths("gnome", [Bundle(id="gnome-weather", paths=files,
                                            locales=[Path(f).stem for f in files])], rules)
        lines += got
        counts["gnome"] += len(got)
    else:
        print(f"note: {gnome} is absent", file=sys.stderr)

    here, corpus = str(ROOT) + os.sep, str(ROOT.parent) + os.sep
    for line in sorted(lines):
        print(line.replace(here, "").replace(corpus, ""))
    print("findings: " + ", ".join(f"{k} {v}" for k, v in counts.items()), file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Throughput per worker, and checking on a Dask cluster against ``--jobs``.

Prints two tables:

1. NTREX-128 as 10-language bundles (English and 9 translations, one block per sentence; 123
   articles): bundles per second in one warm worker process, every rule. This is the figure the
   README's plan for a million-article archive multiplies.
2. tldr-pages (418 pages, en/ja/de): wall time of ``check --bundles`` with ``--jobs 1``, ``--jobs 2``
   and ``--dask local --jobs 2`` (a LocalCluster of 2 worker processes, started inside the run),
   each in a fresh process, alternated, median of ``--runs``, and whether the findings are the same
   as with ``--jobs 1``.

    python benchmarks/dask_scale.py [--runs 3]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from tables import table

os.environ.setdefault("CLAIM_CONSISTENCY_NO_CACHE", "1")  # time the check itself, not the result cache

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
sys.path[:0] = [str(ROOT), str(ROOT / "benchmarks")]

LANGS = {"en": "newstest2019-src.eng.txt", "de": "newstest2019-ref.deu.txt", "ja": "newstest2019-ref.jpn.txt",
         "es": "newstest2019-ref.spa.txt", "it": "newstest2019-ref.ita.txt", "pt": "newstest2019-ref.por.txt",
         "nl": "newstest2019-ref.nld.txt", "ru": "newstest2019-ref.rus.txt", "hi": "newstest2019-ref.hin.txt",
         "pl": "newstest2019-ref.pol.txt"}


def per_worker() -> None:
    import ntrex

    from consistency.documents.text import parse_text
    from consistency.match.analysis import analyse
    from consistency.engine.registry import load_rules
    from consistency.model import Document

    if not ntrex.NTREX.is_dir():
        print(f"(skipped: {ntrex.NTREX} is absent)\n")
        return
    ids = ntrex.read_lines("DOCUMENT_IDS.tsv")
    lines = {loc: ntrex.read_lines(name) for loc, name in LANGS.items()}
    docs: dict[str, dict[str, list[str]]] = {}
    for i, doc_id in enumerate(ids):
        entry = docs.setdefault(doc_id, {loc: [] for loc in LANGS})
        for loc in LANGS:
            entry[loc].append(lines[loc][i])
    rules = [r for r in load_rules() if r.kind != "unused-suppression"]

    def bundle(doc_id: str, versions: dict[str, list[str]]):
        out = []
        for loc, sentences in versions.items():
            text = "\n\n".join(s.strip() for s in sentences) + "\n"
            out.append(Document(path=f"{doc_id}.{loc}.txt", locale=loc, text=text, blocks=tuple(parse_text(text))))
        return analyse(doc_id, out, source="en")

    first = next(iter(docs.items()))
    for rule in rules:  # warm-up: extractors of the 10 locales
        list(rule.load_check()(bundle(*first), rule))
    start = time.perf_counter()
    findings = blocks = 0
    for doc_id, versions in docs.items():
        an = bundle(doc_id, versions)
        blocks += sum(len(d.blocks) for d in an.documents)
        for rule in rules:
            findings += len(list(rule.load_check()(an, rule)))
    seconds = time.perf_counter() - start
    table(["NTREX-128, 10 languages, one warm worker", "value"], [
        ["bundles (articles × 10 versions)", len(docs)],
        ["blocks", blocks],
        ["seconds", f"{seconds:.1f}"],
        ["bundles per second per worker", f"{len(docs) / seconds:.2f}"],
        ["blocks per second per worker", f"{blocks / seconds:.0f}"],
        ["findings", findings],
    ])


def tldr(runs: int) -> None:
    corpus = CORPUS / "tldr-pages"
    if not corpus.is_dir():
        print(f"(skipped: {corpus} is absent)\n")
        return
    base = [sys.executable, "-m", "consistency", "check", "--bundles", "pages/{path}.md=en",
            "--bundles", "pages.ja/{path}.md", "--bundles", "pages.de/{path}.md", "--source", "en",
            "--format", "json", str(corpus)]
    variants = {"--jobs 1": ["--jobs", "1"], "--jobs 2": ["--jobs", "2"], "--dask local --jobs 2": ["--dask", "local",
                                                                                                  "--jobs", "2"]}
    env = {**os.environ, "CLAIM_CONSISTENCY_NO_NOTES": "1", "PYTHONPATH": str(ROOT)}
    times: dict[str, list[float]] = {k: [] for k in variants}
    outputs: dict[str, str] = {}
    for _ in range(runs):
        for name, extra in variants.items():
            start = time.perf_counter()
            proc = subprocess.run([*base, *extra], capture_output=True, text=True, env=env, check=False)
            times[name].append(time.perf_counter() - start)
            if proc.returncode == 2:
                raise SystemExit(proc.stderr)
            outputs[name] = json.dumps(json.loads(proc.stdout)["findings"], sort_keys=True)
    reference = outputs["--jobs 1"]
    table(["tldr-pages, 418 pages", f"wall s, median of {runs}", "same findings as --jobs 1"],
          [[name, f"{statistics.median(t):.2f}", "yes" if outputs[name] == reference else "NO"]
           for name, t in times.items()])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    per_worker()
    tldr(args.runs)


if __name__ == "__main__":
    main()

"""Speed of ``check`` end to end, and what it finds on NTREX-128.

Prints Markdown tables:

1. the seed pair ../shared/corpus/microsoft-ai-strategy/{ja,de}.txt: a cold
   ``python -m consistency check ja.txt de.txt --format json`` (median of
   ``--runs`` fresh processes) and warm in process (load + analyse + all rules,
   median of ``--iterations`` after one warm-up; fresh Documents every time);
2. all NTREX-128 documents as 3-way bundles (en, de, ja; one block per
   sentence), one core: wall time, findings by rule, sentence triples and
   findings per 100 triples;
3. ``--sample N`` random NTREX findings (``--seed S``), each with the
   sentences of every version at the lines it points to (the corpus is
   line-aligned, so these are the true translations), for a human to judge.

    python benchmarks/check_speed.py [--sample 30] [--seed 0] [--runs 5] [--iterations 20]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
SEED = CORPUS / "microsoft-ai-strategy"
sys.path[:0] = [str(ROOT), str(ROOT / "benchmarks")]  # consistency from this checkout; ntrex


from tables import table  # noqa: E402  (benchmarks/tables.py)

os.environ.setdefault("CLAIM_CONSISTENCY_NO_CACHE", "1")  # time the check itself, not the result cache


def run_rules(analysis, rules) -> list:
    """Every rule but unused-suppression on one analysed bundle (as check_bundle does)."""
    findings = []
    for rule in rules:
        if rule.kind != "unused-suppression":
            findings.extend(rule.load_check()(analysis, rule))
    return findings


def seed_pair(runs: int, iterations: int) -> list[list[object]]:
    from consistency.engine.registry import load_rules
    from consistency.engine.runner import Bundle, check_bundle

    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])))
    cmd = [sys.executable, "-m", "consistency", "check", "ja.txt", "de.txt", "--format", "json"]
    subprocess.run(cmd, cwd=SEED, env=env, capture_output=True)  # untimed: writes __pycache__
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        proc = subprocess.run(cmd, cwd=SEED, env=env, capture_output=True, text=True)
        times.append(time.perf_counter() - t0)
        if proc.returncode not in (0, 1):
            raise SystemExit(f"{' '.join(cmd)} exited with {proc.returncode}: {proc.stderr.strip()}")
    cold_findings = len(json.loads(proc.stdout)["findings"])

    rules = load_rules().select((), (), {})
    bundle = Bundle(id="microsoft-ai-strategy", paths=[str(SEED / "ja.txt"), str(SEED / "de.txt")], locales=["ja", "de"])
    check_bundle(bundle, rules)  # warm-up
    warm = []
    for _ in range(iterations):
        t0 = time.perf_counter()
        findings, _ = check_bundle(bundle, rules)  # loads fresh Documents each time
        warm.append(time.perf_counter() - t0)
    return [
        [f"cold process (`python -m consistency check ja.txt de.txt --format json`), median of {runs}",
         f"{statistics.median(times) * 1000:.0f} ms", cold_findings, proc.returncode],
        [f"warm in process (`check_bundle`: load + analyse + {len(rules)} rules), median of {iterations}",
         f"{statistics.median(warm) * 1000:.1f} ms", len(findings), ""],
    ]


def block_indexes(analysis, v: int, start: int, end: int) -> list[int]:
    """Indexes of the blocks (sentences) of version ``v`` that the span touches."""
    blocks = analysis.documents[v].blocks
    hit = [b.index for b in blocks if b.start < end and start < b.end]
    if not hit:  # an empty span (insertion point): the block it sits in or follows
        hit = [max((b.index for b in blocks if b.start <= start), default=0)]
    return hit


def show(finding, analysis, number: int) -> None:
    versions = {d.path: v for v, d in enumerate(analysis.documents)}
    print(f"### {number}. {finding.rule} {finding.name} ({finding.level.value}) in {finding.bundle}\n")
    print(f"    {finding.message}")
    lines: set[int] = set()
    for loc in finding.locations:
        v = versions[loc.path]
        idx = block_indexes(analysis, v, loc.start, loc.end)
        lines.update(idx)
        text = loc.text if len(loc.text) <= 80 else loc.text[:77] + "..."
        print(f"    {loc.role:>9} {loc.locale}: {text!r} (sentence {', '.join(str(i + 1) for i in idx)})")
    shown = sorted(lines)
    if len(shown) > 4:
        shown = shown[:2] + shown[-2:]
    for i in shown:
        print()
        for doc in analysis.documents:
            block = doc.blocks[i]
            print(f"    [{doc.locale} {i + 1}] {doc.text[block.start:block.end].strip()}")
    print()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sample", type=int, default=30, metavar="N", help="random NTREX findings to print (default 30)")
    parser.add_argument("--seed", type=int, default=0, metavar="S", help="random seed of the sample (default 0)")
    parser.add_argument("--runs", type=int, default=5, help="fresh processes for the cold check (default 5)")
    parser.add_argument("--iterations", type=int, default=20, help="warm in-process checks (default 20)")
    args = parser.parse_args(argv)
    if not CORPUS.is_dir():
        print(f"skipped: corpus not found at {CORPUS}; the benchmarks read ../shared/corpus beside the checkout")
        return 0

    from consistency.match.analysis import analyse
    from consistency.engine.registry import load_rules
    from ntrex import as_documents, documents

    print(f"## Seed pair microsoft-ai-strategy (ja, de), Python {sys.version.split()[0]}\n")
    table(["run", "time", "findings", "exit code"], seed_pair(args.runs, args.iterations))

    rules = load_rules().select((), (), {})
    tolerance = next((float(r.options.get("relative_tolerance", 0.02)) for r in rules if r.kind == "quantity-mismatch"), 0.02)
    docs = documents()
    results = []  # (finding, analysis)
    triples = 0
    t0 = time.perf_counter()
    for doc_id, versions in docs.items():
        analysis = analyse(doc_id, as_documents(doc_id, versions), relative_tolerance=tolerance)
        assert all(len(d.blocks) == len(versions["en"]) for d in analysis.documents), doc_id
        triples += len(versions["en"])
        results.extend((f, analysis) for f in run_rules(analysis, rules))
    wall = time.perf_counter() - t0

    by_rule = Counter({f"{r.id} {r.name}": 0 for r in rules if r.kind != "unused-suppression"})
    by_rule.update(f"{f.rule} {f.name}" for f, _ in results)
    print(f"## NTREX-128: {len(docs)} documents as 3-way bundles (en, de, ja), one core\n")
    table(["measure", "value"], [
        ["documents", len(docs)],
        ["sentence triples", f"{triples:,}"],
        ["wall time (build Documents + analyse + all rules)", f"{wall:.2f} s"],
        ["sentence triples per second", f"{triples / wall:,.0f}"],
        ["findings", len(results)],
        ["findings per 100 triples", f"{100 * len(results) / triples:.1f}"],
    ])
    table(["rule", "findings", "per 100 triples"],
          [[rule, n, f"{100 * n / triples:.2f}"] for rule, n in sorted(by_rule.items())])

    if args.sample > 0 and results:
        sample = random.Random(args.seed).sample(results, min(args.sample, len(results)))
        print(f"## {len(sample)} random findings (seed {args.seed})\n")
        for n, (finding, analysis) in enumerate(sample, 1):
            show(finding, analysis, n)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

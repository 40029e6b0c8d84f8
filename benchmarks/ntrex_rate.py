"""Blocks per second per core of a warm check of NTREX-128's en/de/ja bundles, against another checkout.

Each run is a fresh process that loads the 123 NTREX-128 documents as 3-way bundles (en, de, ja; one
block per sentence, ``benchmarks/ntrex.py``), checks them all once untimed (the extractors built, the
patterns compiled), then ``--passes`` more times, and reports the CPU time of its fastest pass: the
Documents, ``analyse`` and every rule but unused-suppression, as ``check_speed.py`` runs them, with
the result cache off.  With ``--against DIR`` (another checkout, e.g. made with ``git worktree
add``) the two are alternated, so that both are measured side by side on this shared, noisy machine;
the table gives each checkout's median over ``--runs`` processes.

    python benchmarks/ntrex_rate.py [--runs 5] [--passes 2] [--against ../old-checkout]

Needs ../shared/corpus/ntrex128; prints ``skipped: …`` without it.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from tables import table  # noqa: E402  (benchmarks/tables.py)

ROOT = Path(__file__).resolve().parents[1]
NTREX = ROOT.parent / "shared" / "corpus" / "ntrex128"

#: one run, in a child process whose working directory is the checkout: prints blocks, findings and
#: the fastest pass's CPU seconds
CHILD = """
import os, sys, time
sys.path[:0] = [{code!r}, {ntrex!r}]
os.environ["CLAIM_CONSISTENCY_NO_CACHE"] = "1"
from consistency.engine.registry import load_rules
from consistency.match.analysis import analyse
from ntrex import as_documents, documents
rules = [r for r in load_rules().select((), (), {{}}) if r.kind != "unused-suppression"]
tolerance = next((float(r.options.get("relative_tolerance", 0.02)) for r in rules
                  if r.kind == "quantity-mismatch"), 0.02)
docs = documents()

def one_pass():
    blocks = found = 0
    for doc_id, versions in docs.items():
        bundle = as_documents(doc_id, versions)
        blocks += sum(len(d.blocks) for d in bundle)
        analysis = analyse(doc_id, bundle, relative_tolerance=tolerance)
        for rule in rules:
            found += len(list(rule.load_check()(analysis, rule)))
    return blocks, found

one_pass()
times = []
for _ in range({passes}):
    t0 = time.process_time()
    blocks, found = one_pass()
    times.append(time.process_time() - t0)
print(blocks, found, min(times))
"""


def run(code: Path, passes: int) -> tuple[int, int, float]:
    child = CHILD.format(code=str(code), ntrex=str(ROOT / "benchmarks"), passes=passes)
    out = subprocess.run([sys.executable, "-c", child], cwd=code, capture_output=True, text=True,
                         env={k: v for k, v in os.environ.items() if k != "PYTHONPATH"})
    if out.returncode != 0:
        raise SystemExit(f"ntrex_rate: the run failed in {code}: {out.stderr.strip()[-500:]}")
    blocks, found, seconds = out.stdout.split()
    return int(blocks), int(found), float(seconds)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="fresh processes per checkout (default 5)")
    parser.add_argument("--passes", type=int, default=2, help="timed passes per process, the fastest kept (default 2)")
    parser.add_argument("--against", type=Path, help="another checkout of the project to compare with")
    args = parser.parse_args()
    if not NTREX.is_dir():
        print(f"skipped: {NTREX} is absent")
        return
    trees = {"this checkout": ROOT, **({str(args.against): args.against.resolve()} if args.against else {})}
    rates: dict[str, list[float]] = {name: [] for name in trees}
    found: dict[str, int] = {}
    for k in range(args.runs):
        for name, code in (trees.items() if k % 2 == 0 else reversed(trees.items())):
            blocks, found[name], seconds = run(code, args.passes)
            rates[name].append(blocks / seconds)
            print(f"# {name}: {blocks / seconds:,.0f} blocks/s", file=sys.stderr, flush=True)
    print(f"## NTREX-128 en/de/ja, warm, one core: blocks per second of CPU (median of {args.runs} processes)\n")
    table(["checkout", "blocks/s (median)", "each run", "findings"],
          [[name, f"{statistics.median(r):,.0f}", ", ".join(f"{x:,.0f}" for x in r), found[name]]
           for name, r in rates.items()])


if __name__ == "__main__":
    main()

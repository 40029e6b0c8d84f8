"""Cold start of a check, as a pre-commit hook or a CI job pays it: CPU time of fresh processes.

Runs ``python -m consistency check examples/solar-farm`` (three versions, every rule) in new
processes, alternated with ``python -c pass`` and, with ``--against DIR``, with the same command run
from another checkout (an older commit, say, made with ``git worktree add``), so that every ratio is
measured side by side in one run on this shared, noisy machine.  CPU time (user + system) of the child
processes, median of ``--runs``.

    python benchmarks/cold_start.py [--runs 7] [--against ../old-checkout]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
from pathlib import Path

from tables import table

os.environ.setdefault("CLAIM_CONSISTENCY_NO_CACHE", "1")  # time the check itself, not the result cache

ROOT = Path(__file__).resolve().parents[1]


def cpu(cmd: list[str], cwd: Path, env: dict[str, str]) -> float:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--against", type=Path, help="another checkout of the project to compare with")
    args = parser.parse_args()
    check = [sys.executable, "-m", "consistency", "check", "examples/solar-farm"]
    trees = {"this checkout": ROOT}
    if args.against:
        trees[f"{args.against}"] = args.against.resolve()
    times: dict[str, list[float]] = {"python -c pass": [], **{name: [] for name in trees}}
    for _ in range(args.runs):
        times["python -c pass"].append(cpu([sys.executable, "-c", "pass"], ROOT, dict(os.environ)))
        for name, tree in trees.items():
            env = {**os.environ, "PYTHONPATH": str(tree), "CLAIM_CONSISTENCY_NO_NOTES": "1"}
            times[name].append(cpu(check, tree, env))
    base = statistics.median(times["python -c pass"])
    first = statistics.median(times["this checkout"])
    rows = [[name, f"{statistics.median(t) * 1000:.0f}", f"{statistics.median(t) / base:.0f}×",
             f"{statistics.median(t) / first:.2f}"] for name, t in times.items()]
    table(["process", f"CPU ms, median of {args.runs}", "× python -c pass", "× this checkout"], rows)


if __name__ == "__main__":
    main()

"""`check --jobs N` on tldr-pages (418 en/ja/de page triplets): wall time of fresh processes.

Each run is a new process, as a CI job is; the compiled extractors come from the cache folder (a
temporary one, filled before timing) and no stored result is reused (the results are deleted
before each run), so what is timed is reading and checking the pages.  ``--jobs 1`` and ``--jobs
N`` are alternated, and with ``--against DIR`` so is another checkout, so that every ratio is
measured side by side in one run on this shared, noisy machine.

    python benchmarks/jobs_scale.py [--runs 5] [--jobs 2] [--against ../old-checkout]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tables import table

ROOT = Path(__file__).resolve().parents[1]
TLDR = ROOT.parent / "shared" / "corpus" / "tldr-pages"
PATTERNS = ["pages/{path}.md=en", "pages.ja/{path}.md", "pages.de/{path}.md"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--against", type=Path, help="another checkout of the project to compare with")
    args = parser.parse_args()
    if not TLDR.is_dir():
        raise SystemExit(f"skipped: {TLDR} is absent (the shared corpus)")
    command = [sys.executable, "-m", "consistency", "check", "--no-history", "--source", "en", "--format", "json"]
    for pattern in PATTERNS:
        command += ["--bundles", pattern]
    trees = {"this checkout": ROOT, **({str(args.against): args.against.resolve()} if args.against else {})}
    times: dict[tuple[str, int], list[float]] = {(name, j): [] for name in trees for j in (1, args.jobs)}
    with tempfile.TemporaryDirectory() as tmp:
        envs = {}
        for name, tree in trees.items():
            envs[name] = {**{k: v for k, v in os.environ.items() if k != "CLAIM_CONSISTENCY_NO_CACHE"},
                          "PYTHONPATH": str(tree), "CLAIM_CONSISTENCY_NO_NOTES": "1",
                          "CLAIM_CONSISTENCY_CACHE_DIR": str(Path(tmp) / name.replace("/", "_"))}
            subprocess.run(command, cwd=TLDR, env=envs[name], capture_output=True, check=False)  # fill builds
        for _ in range(args.runs):
            for name in trees:
                for jobs in (1, args.jobs):
                    shutil.rmtree(Path(envs[name]["CLAIM_CONSISTENCY_CACHE_DIR"]) / "results", ignore_errors=True)
                    start = time.perf_counter()
                    subprocess.run([*command, "--jobs", str(jobs)], cwd=TLDR, env=envs[name], capture_output=True,
                                   check=False)
                    times[(name, jobs)].append(time.perf_counter() - start)
    rows = []
    for name in trees:
        one, many = statistics.median(times[(name, 1)]), statistics.median(times[(name, args.jobs)])
        rows.append([name, f"{one:.2f}", f"{many:.2f}", f"{one / many:.2f}×"])
    table(["checkout", "--jobs 1 (s)", f"--jobs {args.jobs} (s)", "speed-up"], rows)


if __name__ == "__main__":
    main()

"""Cold start of a check, as a pre-commit hook or a CI job pays it: CPU time of fresh processes.

Runs ``python -m consistency check --no-history examples/solar-farm`` (three versions, every rule)
in new processes, alternated with ``python -c pass`` and, with ``--against DIR``, with the same
command run from another checkout (an older commit, say, made with ``git worktree add``), so that
every ratio is measured side by side in one run on this shared, noisy machine.  CPU time (user +
system) of the child processes, median of ``--runs``.  Each checkout is timed three ways:

- ``--no-cache``: nothing read from or written to the cache folder (every process builds its
  extractors and checks the bundle);
- ``built objects cached``: the compiled extractors and CLDR tables an earlier process kept in the
  cache folder are read, the bundle is checked (its stored result and stored run are deleted
  before each run): a pre-commit hook after an edit;
- ``result cached``: the bundle's stored result is read, the command runs (its stored run is
  deleted before each run: what a re-run cost before runs were replayed);
- ``replayed``: nothing changed since the last identical command, whose output is replayed
  (``consistency/replay.py``): a hook re-run on the same files;
- ``replayed, with history``: the same without ``--no-history`` (the default, as the pre-commit
  hook runs), which asks git for the repository's ``HEAD``.

A temporary cache folder is used, and byte-code is written before timing (the project's modules
are compiled once, as in any installed package), whatever ``PYTHONDONTWRITEBYTECODE`` says.

    python benchmarks/cold_start.py [--runs 9] [--against ../old-checkout]
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from tables import table

ROOT = Path(__file__).resolve().parents[1]
CHECK = ["-m", "consistency", "check", "--no-history", "examples/solar-farm"]
HISTORY = ["-m", "consistency", "check", "examples/solar-farm"]


def cpu(cmd: list[str], cwd: Path, env: dict[str, str]) -> float:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--against", type=Path, help="another checkout of the project to compare with")
    args = parser.parse_args()
    trees = {"this checkout": ROOT}
    if args.against:
        trees[f"{args.against}"] = args.against.resolve()
    base_env = {k: v for k, v in os.environ.items()
                if k not in ("PYTHONDONTWRITEBYTECODE", "CLAIM_CONSISTENCY_NO_CACHE")}
    base_env["CLAIM_CONSISTENCY_NO_NOTES"] = "1"
    modes = {"--no-cache": ["--no-cache"], "built objects cached": [], "result cached": [], "replayed": [],
             "replayed, with history": None}
    times: dict[str, list[float]] = {"python -c pass": []}
    with tempfile.TemporaryDirectory() as tmp:
        envs = {}
        for name, tree in trees.items():
            cache_dir = Path(tmp) / name.replace("/", "_")
            envs[name] = {**base_env, "PYTHONPATH": str(tree), "CLAIM_CONSISTENCY_CACHE_DIR": str(cache_dir)}
            # write byte-code and fill the cache folder once
            subprocess.run([sys.executable, *CHECK], cwd=tree, env=envs[name], capture_output=True, check=False)
            subprocess.run([sys.executable, *HISTORY], cwd=tree, env=envs[name], capture_output=True, check=False)
            for mode in modes:
                times[f"{name}, {mode}"] = []
        for _ in range(args.runs):
            times["python -c pass"].append(cpu([sys.executable, "-c", "pass"], ROOT, base_env))
            for name, tree in trees.items():
                env = envs[name]
                for mode, extra in modes.items():
                    folder = Path(env["CLAIM_CONSISTENCY_CACHE_DIR"])
                    if mode == "built objects cached":
                        shutil.rmtree(folder / "results", ignore_errors=True)
                    if mode in ("built objects cached", "result cached"):
                        shutil.rmtree(folder / "runs", ignore_errors=True)
                    cmd = HISTORY if extra is None else [*CHECK, *extra]
                    if extra is None:  # the runs deleted above took its stored run too: store it again
                        subprocess.run([sys.executable, *cmd], cwd=tree, env=env, capture_output=True, check=False)
                    times[f"{name}, {mode}"].append(cpu([sys.executable, *cmd], tree, env))
    base = statistics.median(times["python -c pass"])
    first = {mode: statistics.median(times[f"this checkout, {mode}"]) for mode in modes}
    rows = []
    for name, t in times.items():
        mode = next((m for m in modes if name.endswith(m)), None)
        ratio = f"{statistics.median(t) / first[mode]:.2f}" if mode else ""
        rows.append([name, f"{statistics.median(t) * 1000:.0f}", f"{statistics.median(t) / base:.1f}×", ratio])
    table(["process", f"CPU ms, median of {args.runs}", "× python -c pass", "× this checkout, same mode"], rows)


if __name__ == "__main__":
    main()

"""The result cache on tldr-pages (418 en/ja/de page triplets from ../shared/corpus/tldr-pages).

Side by side in one run, each a fresh process (median of --runs): the check with --no-cache; the
first run into an empty cache (checks everything and writes every entry); the second run on the
unchanged pages (every bundle answered from the cache); and a run after one page was edited (one
bundle checked again).  Target (issue 15): the second run at most 20 % of the first.

    python benchmarks/cache.py [--runs 3] [--jobs 1]
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

sys.path.insert(0, str(Path(__file__).resolve().parent))
from tables import table  # noqa: E402  (benchmarks/tables.py)

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "tldr-pages"
PATTERNS = ["pages/{path}.md=en", "pages.ja/{path}.md", "pages.de/{path}.md"]


def command(jobs: int, *extra: str) -> list[str]:
    args = [sys.executable, "-m", "consistency", "check", "--format", "json", "--source", "en", "--jobs", str(jobs)]
    for pattern in PATTERNS:
        args += ["--bundles", pattern]
    return args + list(extra)


def run(cmd: list[str], cwd: Path, env: dict[str, str]) -> tuple[float, subprocess.CompletedProcess]:
    start = time.perf_counter()
    proc = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=900)
    seconds = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        raise SystemExit(f"check failed ({proc.returncode}): {proc.stderr}")
    return seconds, proc


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=1)
    args = parser.parse_args()
    if not CORPUS.is_dir():
        raise SystemExit(f"skipped: {CORPUS} is absent")
    with tempfile.TemporaryDirectory() as tmp:
        pages = Path(tmp) / "tldr"
        shutil.copytree(CORPUS, pages)
        cache = Path(tmp) / "cache"
        env = {**os.environ, "PYTHONPATH": str(ROOT), "CLAIM_CONSISTENCY_CACHE_DIR": str(cache)}
        env.pop("CLAIM_CONSISTENCY_NO_CACHE", None)
        run(command(args.jobs, "--no-cache"), pages, env)  # bytecode caches, page cache
        times: dict[str, list[float]] = {"no": [], "first": [], "second": [], "edited": []}
        outputs: dict[str, str] = {}
        victim = sorted((pages / "pages.de").rglob("*.md"))[0]
        original = victim.read_text(encoding="utf-8")
        for i in range(args.runs):
            shutil.rmtree(cache, ignore_errors=True)
            t, p = run(command(args.jobs, "--no-cache"), pages, env)
            times["no"].append(t)
            outputs["no"] = p.stdout
            t, p = run(command(args.jobs), pages, env)
            times["first"].append(t)
            outputs["first"] = p.stdout
            t, p = run(command(args.jobs), pages, env)
            times["second"].append(t)
            outputs["second"] = p.stdout
            victim.write_text(original + f"\n- Edit {i}:\n\n`true`\n", encoding="utf-8")
            t, _p = run(command(args.jobs), pages, env)
            times["edited"].append(t)
            victim.write_text(original, encoding="utf-8")
        entries = len(list(cache.rglob("*.pickle")))
        size = sum(p.stat().st_size for p in cache.rglob("*.pickle"))
    med = {k: statistics.median(v) for k, v in times.items()}
    print(f"## Result cache on tldr-pages (418 triplets, --jobs {args.jobs}, median of {args.runs} fresh processes)\n")
    table(["run", "wall s", "vs first run"], [
        ["--no-cache", f"{med['no']:.2f}", f"{med['no'] / med['first']:.2f}×"],
        ["first run, empty cache (checks all, writes every entry)", f"{med['first']:.2f}", "1.00×"],
        ["second run, nothing changed", f"{med['second']:.2f}", f"{med['second'] / med['first']:.2f}×"],
        ["after editing one page", f"{med['edited']:.2f}", f"{med['edited'] / med['first']:.2f}×"],
    ])
    same = outputs["no"] == outputs["first"] == outputs["second"]
    print(f"Reports of the three runs byte for byte {'identical' if same else 'DIFFERENT'}; "
          f"{entries} entries, {size / 1e6:.1f} MB.")
    ratio = med["second"] / med["first"]
    print(f"Target: second run ≤ 20 % of the first: {'met' if ratio <= 0.2 else 'NOT met'} ({100 * ratio:.0f} %).")


if __name__ == "__main__":
    main()

"""Peak memory and time of aligning two long versions, this checkout against an earlier revision.

Each (revision, size) runs in a fresh process: it builds the synthetic pair of
benchmarks/align_speed.py (German-like blocks with anchors and their Japanese "translation", 1 % of
the blocks deleted) and aligns it with ``align_pair``; the table gives the wall time and the growth
of the process's peak resident memory during the alignment.  The earlier revision is checked out
into a temporary git worktree, so both are measured side by side in one run.

    python benchmarks/align_memory.py [--base HEAD~1] [--sizes 2000,8000,20000,40000]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from tables import table  # noqa: E402  (benchmarks/tables.py)

ROOT = Path(__file__).resolve().parents[1]

PROBE = """
import json, resource, sys, time
sys.path.insert(0, {bench!r})
sys.path.insert(0, {code!r})
from align_speed import make_pair
from consistency.match.align import align_pair
a, b, truth = make_pair({n}, anchors=True)
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
t0 = time.perf_counter()
groups = align_pair(a, b)
seconds = time.perf_counter() - t0
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({{"seconds": seconds, "mb": (after - before) / 1024, "exact": groups == truth}}))
"""


def measure(code: Path, n: int) -> dict:
    probe = PROBE.format(bench=str(ROOT / "benchmarks"), code=str(code), n=n)
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=3600, check=True)
    return json.loads(out.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", default="HEAD~1", help="the revision to compare with")
    parser.add_argument("--sizes", default="2000,8000,20000,40000")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp) / "base"
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", "-q", str(base), args.base], check=True)
        try:
            rows = []
            for n in sizes:
                old, new = measure(base, n), measure(ROOT, n)
                rows.append([f"{n:,} × {n:,}", f"{old['seconds']:.1f}", f"{new['seconds']:.1f}",
                             f"{old['mb']:.0f}", f"{new['mb']:.0f}",
                             "yes" if old["exact"] and new["exact"] else f"{old['exact']}/{new['exact']}"])
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(base)], check=False)
    print(f"## align_pair on long versions: {args.base} against this checkout\n")
    table(["blocks", f"s ({args.base})", "s (now)", f"peak MB ({args.base})", "peak MB (now)", "= truth"], rows)


if __name__ == "__main__":
    main()

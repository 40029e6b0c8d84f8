"""How a whole ``check`` grows with the length of an article, this checkout against an earlier revision.

Two versions of one long article: N paragraphs of NTREX-128's English sentences and the same N of
their German translations (in corpus order, repeated after the 1,997th), written as plain-text files.
Each (revision, N) runs ``python -m consistency check EN DE --no-cache --format json`` in a fresh
process (every rule; the extractors built in the process, nothing read from the cache folder); the
table gives the wall time, the process's CPU time (user and system: on a shared machine the steadier
figure), its peak resident memory, and whether both revisions report the
same findings. The earlier revision is checked out into a temporary git worktree, so both are
measured side by side in one run (this machine is shared: compare within a run, not across runs).

    python benchmarks/growth.py [--base HEAD~1] [--sizes 2000,8000,20000]

Needs ../shared/corpus/ntrex128; prints ``skipped: …`` without it.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from tables import table  # noqa: E402  (benchmarks/tables.py)

ROOT = Path(__file__).resolve().parents[1]
NTREX = ROOT.parent / "shared" / "corpus" / "ntrex128"
FILES = {"en": "newstest2019-src.eng.txt", "de": "newstest2019-ref.deu.txt"}

#: runs the command line in the child and reports its peak memory on the last line of stderr
PROBE = """
import resource, runpy, sys
sys.path.insert(0, {code!r})
sys.argv = ["claim-consistency", *{argv!r}]
try:
    runpy.run_module("consistency", run_name="__main__")
except SystemExit as stop:
    if stop.code not in (None, 0):
        raise
finally:
    use = resource.getrusage(resource.RUSAGE_SELF)
    sys.stderr.write("\\nmaxrss_kb=%d cpu_s=%.3f\\n" % (use.ru_maxrss, use.ru_utime + use.ru_stime))
"""


def write_article(folder: Path, n: int) -> list[Path]:
    paths = []
    for loc, name in FILES.items():
        lines = [line.strip() for line in (NTREX / name).read_text(encoding="utf-8").splitlines()]
        path = folder / f"article.{loc}.txt"
        path.write_text("\n\n".join(lines[i % len(lines)] for i in range(n)) + "\n", encoding="utf-8")
        paths.append(path)
    return paths


def measure(code: Path, paths: list[Path]) -> dict:
    argv = ["check", *map(str, paths), "--no-cache", "--format", "json", "--exit-zero"]
    t0 = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", PROBE.format(code=str(code), argv=argv)], capture_output=True,
                         text=True, timeout=7200, cwd=code)
    seconds = time.perf_counter() - t0
    rss = [line for line in out.stderr.splitlines() if line.startswith("maxrss_kb=")]
    if out.returncode != 0 or not rss:
        raise SystemExit(f"growth: the check failed in {code}: {out.stderr.strip()[-500:]}")
    findings = json.loads(out.stdout)
    fields = dict(field.split("=") for field in rss[-1].split())
    return {"seconds": seconds, "cpu": float(fields["cpu_s"]), "mb": int(fields["maxrss_kb"]) / 1024,
            "findings": findings}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", default="HEAD~1", help="the revision to compare with")
    parser.add_argument("--sizes", default="2000,8000,20000", help="paragraphs per version")
    args = parser.parse_args()
    if not NTREX.is_dir():
        print(f"skipped: {NTREX} is absent")
        return
    sizes = [int(s) for s in args.sizes.split(",")]
    results: dict[tuple[str, int], dict] = {}
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp) / "base"
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", "-q", str(base), args.base], check=True)
        try:
            for n in sizes:
                folder = Path(tmp) / f"n{n}"
                folder.mkdir()
                paths = write_article(folder, n)
                for label, code in (("base", base), ("now", ROOT)):
                    results[(label, n)] = measure(code, paths)
                    print(f"# {label} N={n}: {results[(label, n)]['seconds']:.1f} s, {results[(label, n)]['cpu']:.1f} s CPU",
                          file=sys.stderr, flush=True)
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(base)], check=False)
    rows = []
    for n in sizes:
        old, new = results[("base", n)], results[("now", n)]
        count = len(new["findings"]["findings"]) if isinstance(new["findings"], dict) else len(new["findings"])
        rows.append([f"{n:,}", f"{old['seconds']:.1f}", f"{new['seconds']:.1f}", f"{old['cpu']:.1f}", f"{new['cpu']:.1f}",
                     f"{old['mb']:.0f}",
                     f"{new['mb']:.0f}", str(count), "yes" if old["findings"] == new["findings"] else "NO"])
    print(f"## check of two versions of N paragraphs: {args.base} against this checkout\n")
    table(["paragraphs per version", f"s ({args.base})", "s (now)", f"CPU s ({args.base})", "CPU s (now)",
           f"peak MB ({args.base})", "peak MB (now)",
           "findings", "same findings"], rows)
    for label in ("base", "now"):
        pairs = [(a, b) for a in sizes for b in sizes if b == 4 * a]
        for a, b in pairs:
            ratio = results[(label, b)]["seconds"] / results[(label, a)]["seconds"]
            print(f"\ntime({b:,}) / time({a:,}), {args.base if label == 'base' else 'now'}: {ratio:.2f}")


if __name__ == "__main__":
    main()

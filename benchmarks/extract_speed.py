"""Speed and memory of claim extraction, with quantulum3 as an English reference.

Prints Markdown tables:

1. paragraphs per second and claims found per (corpus, language, tool), warm
   (best of ``--repeat`` passes after one untimed pass), on one core: the seed pair
   ../shared/corpus/microsoft-ai-strategy/{ja,de}.txt (paragraphs split on
   blank lines) and the first ``--lines`` lines of NTREX-128 (eng, deu, jpn;
   one line = one paragraph); quantulum3 runs on the same English lines;
2. the cold start of ``python -m consistency extract FILE --locale ja --format json``
   (time to the first byte of output, median of ``--runs`` fresh processes,
   after one untimed run that writes the bytecode caches) and the top 5
   modules by cumulative import time (``python -X importtime``);
3. peak memory: tracemalloc peak while extracting all NTREX lines of the
   three languages, and the max RSS of the cold CLI processes.

    python benchmarks/extract_speed.py [--lines 500] [--repeat 3] [--runs 5]
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
import warnings
from importlib.metadata import version
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
SEED = CORPUS / "microsoft-ai-strategy"
sys.path[:0] = [str(ROOT), str(ROOT / "benchmarks")]  # consistency from this checkout; ntrex

SAMPLE = "マイクロソフトは2025年度に約800億ドルを投資する。\n\nMicrosoft investiert 2025 rund 80 Mrd. Dollar.\n"


from tables import table  # noqa: E402  (benchmarks/tables.py)


def timed(fn, paragraphs: list[str], repeat: int) -> tuple[float, int]:
    """Seconds for the best of ``repeat`` warm passes of ``fn`` over ``paragraphs``, and the items found."""
    for p in paragraphs:  # warm-up: locale tables, compiled patterns, models
        fn(p)
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        found = sum(len(fn(p)) for p in paragraphs)
        best = min(best, time.perf_counter() - t0)
    return best, found


def cli_cold(path: str, runs: int) -> tuple[float, float, list[tuple[str, float]]]:
    """Median seconds to first output, max RSS (MiB) and top imports of the extract command."""
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])))
    cmd = [sys.executable, "-m", "consistency", "extract", path, "--locale", "ja", "--format", "json"]
    subprocess.run(cmd, env=env, capture_output=True, check=True)  # untimed: writes __pycache__
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        proc.stdout.read(1)
        times.append(time.perf_counter() - t0)
        proc.communicate()
        if proc.returncode != 0:
            raise SystemExit(f"{' '.join(cmd)} exited with {proc.returncode}")
    max_rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # KiB on Linux
    err = subprocess.run([sys.executable, "-X", "importtime", *cmd[1:]], env=env, capture_output=True, text=True).stderr
    imports = []  # top-level imports only: their cumulative times do not overlap
    for line in err.splitlines():
        m = re.match(r"import time:\s+(\d+) \|\s+(\d+) \| (\S.*)$", line)
        if m:
            imports.append((m.group(3), int(m.group(2)) / 1e6))
    return statistics.median(times), max_rss, sorted(imports, key=lambda i: -i[1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=500, help="NTREX lines per language (default 500)")
    parser.add_argument("--repeat", type=int, default=3, help="timed warm passes, best taken (default 3)")
    parser.add_argument("--runs", type=int, default=5, help="fresh CLI processes for the cold start (default 5)")
    args = parser.parse_args(argv)
    if not CORPUS.is_dir():
        print(f"skipped: corpus not found at {CORPUS}; the benchmarks read ../shared/corpus beside the checkout")
        return 0

    # The CLI runs first: a child's max RSS includes the parent's at the time of
    # exec (vfork), so the parent must still be small.
    with tempfile.TemporaryDirectory() as tmp:
        sample = Path(tmp) / "sample.txt"
        sample.write_text(SAMPLE, encoding="utf-8")
        cold, max_rss, imports = cli_cold(str(sample), args.runs)

    from consistency.extract import extract_claims
    from ntrex import FILES, read_lines

    rows: list[list[object]] = []

    def row(corpus: str, lang: str, tool: str, paragraphs: list[str], fn) -> None:
        seconds, found = timed(fn, paragraphs, args.repeat)
        rows.append([corpus, lang, tool, len(paragraphs), sum(map(len, paragraphs)),
                     f"{seconds:.3f}", f"{len(paragraphs) / seconds:,.0f}", found])

    ntrex = {loc: read_lines(name)[: args.lines] for loc, name in FILES.items()}
    peaks = []  # first cold (locale tables and patterns are built on first use), then warm
    for _ in range(2):
        tracemalloc.start()
        for loc, lines in ntrex.items():
            for line in lines:
                extract_claims(line, loc)
        peaks.append(tracemalloc.get_traced_memory()[1] / 2**20)
        tracemalloc.stop()
    for loc in ("ja", "de"):
        text = (SEED / f"{loc}.txt").read_text(encoding="utf-8")
        paragraphs = [p.strip() for p in re.split(r"\n[ \t\r]*\n", text) if p.strip()]
        row("microsoft-ai-strategy", loc, "consistency", paragraphs, lambda p, loc=loc: extract_claims(p, loc))
    for loc, lines in ntrex.items():
        row(f"ntrex128 ({args.lines} lines)", loc, "consistency", lines, lambda p, loc=loc: extract_claims(p, loc))
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # "classifier dependencies not installed"
            from quantulum3 import parser as q3
        quantulum = True
    except ImportError:
        quantulum = False
    if quantulum:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            row(f"ntrex128 ({args.lines} lines)", "en", f"quantulum3 {version('quantulum3')}", ntrex["en"], q3.parse)

    print(f"## Extraction, warm (best of {args.repeat} passes), one core, Python {sys.version.split()[0]}\n")
    table(["corpus", "lang", "tool", "paragraphs", "chars", "seconds", "paragraphs/s", "claims"], rows, 3)
    if quantulum:
        print("quantulum3 runs without its optional classifier (quantulum3[classifier]).\n")
    else:
        print("quantulum3 reference skipped: not installed (pip install quantulum3, or the `bench` extra)\n")

    print("## Cold start (`python -m consistency extract FILE --locale ja --format json`) and memory\n")
    table(["measure", "value"], [
        [f"time to first output, median of {args.runs} processes", f"{cold * 1000:.0f} ms"],
        [f"peak tracemalloc, extracting {args.lines} × {len(ntrex)} NTREX lines, cold", f"{peaks[0]:.1f} MiB"],
        [f"peak tracemalloc, extracting {args.lines} × {len(ntrex)} NTREX lines, warm", f"{peaks[1] * 1024:.0f} KiB"],
        ["max RSS of a cold CLI process", f"{max_rss:.1f} MiB"],
    ])
    print("## Top 5 top-level imports by cumulative time (`python -X importtime`, one run)\n")
    top = [[f"`{name}`", f"{sec * 1000:.1f}"] for name, sec in imports[:5]]
    table(["module", "cumulative ms"], top + [[f"all {len(imports)} top-level imports", f"{sum(s for _, s in imports) * 1000:.1f}"]])
    print("`site` is interpreter start-up, including the .pth files of the environment.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

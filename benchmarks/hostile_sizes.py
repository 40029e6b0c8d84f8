"""Inputs whose cost used to grow with the square of their size (issue 16 item 12), timed.

Each case is checked in a fresh process (``python -m consistency check … --no-history
--no-cache``) at two sizes; the table gives seconds (or "> TIMEOUT") and the ratio of the larger
to the smaller: about 4 for linear growth at 4× the size, 16 for quadratic.

    python benchmarks/hostile_sizes.py [--timeout 120]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
from tables import table  # noqa: E402

CASES = {
    "one paragraph: a two-figure sentence × N": (
        "txt", lambda n: "The plant delivers 2 GW for 380,000 homes. " * n,
        lambda n: "Die Anlage liefert 2 GW für 380.000 Haushalte. " * n),
    "one line of N numbers": (
        "txt", lambda n: " ".join(str(i) for i in range(n)), lambda n: " ".join(str(i) for i in range(n))),
    "Markdown: N unclosed `<!--`": ("md", lambda n: "<!-- " * n + "\n\nIt is 5 km.\n", lambda n: "Es sind 5 km.\n"),
    "HTML: N nested `<span>`": ("html", lambda n: "<p>" + "<span>" * n + "It is 5 km.</p>",
                                lambda n: "<p>Es sind 5 km.</p>"),
    "HTML: N unclosed `<![cdata[`": ("html", lambda n: "<p>It is 5 km.</p>" + "<![cdata[ ] > " * n,
                                     lambda n: "<p>Es sind 5 km.</p>"),
    "Markdown: a list N/100 levels deep": ("md", lambda n: "".join("  " * i + "- step\n" for i in range(n // 100))
                                       + "It is 5 km.\n", lambda n: "Es sind 5 km.\n"),
}


def _time(folder: Path, suffix: str, en: str, de: str, timeout: float) -> float | None:
    (folder / f"en.{suffix}").write_text(en + "\n", encoding="utf-8")
    (folder / f"de.{suffix}").write_text(de + "\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "CLAIM_CONSISTENCY_NO_NOTES": "1"}
    start = time.perf_counter()
    try:
        subprocess.run([sys.executable, "-m", "consistency", "check", str(folder / f"en.{suffix}"),
                        str(folder / f"de.{suffix}"), "--no-history", "--no-cache"], env=env,
                       capture_output=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        return None
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--timeout", type=float, default=120)
    parser.add_argument("--sizes", type=int, nargs=2, default=(5000, 20000))
    args = parser.parse_args()
    small, large = args.sizes
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for name, (suffix, en, de) in CASES.items():
            times = [_time(Path(tmp), suffix, en(n), de(n), args.timeout) for n in (small, large)]
            shown = [f"{t:.1f}" if t is not None else f"> {args.timeout:.0f}" for t in times]
            ratio = f"{times[1] / times[0]:.1f}" if None not in times else "—"
            rows.append([name, *shown, ratio])
    table(["case", f"N = {small:,} (s)", f"N = {large:,} (s)", "ratio"], rows)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

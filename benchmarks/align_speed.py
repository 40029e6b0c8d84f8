"""Speed of consistency.match.align.align_pair on synthetic documents.

Prints a table: sizes (blocks of a × blocks of b), whether the blocks carry
anchors, how the table was filled (full or band), seconds (best of
``--repeat`` runs), microseconds per filled cell and whether the known
alignment was recovered.

    python benchmarks/align_speed.py [--repeat 3] [--sizes 100,500,1000,2000]

The documents are German-like blocks (headings and paragraphs, lengths 15-600)
and their Japanese "translation" (lengths × 0.40 ± 15 %, so that align_pair
recalibrates the 0.44 of LENGTH_RATIO and aligns twice), with 1 % of the
blocks deleted in runs and, in the anchored case, a unique number per block
plus names shared by a few blocks.  The last two rows use a translation that
stops half way.  ``cells`` counts the first pass only.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from consistency.match.align import (  # noqa: E402
    DEFAULT_COSTS,
    BlockFeatures,
    PairGroup,
    _band,
    align_pair,
)


def make_pair(
    n: int, *, anchors: bool, seed: int = 1
) -> tuple[list[BlockFeatures], list[BlockFeatures], list[PairGroup]]:
    """A document of ``n`` blocks, its translation with about 1 % of the
    blocks deleted in runs of 1-3, and the true alignment."""
    rng = random.Random(seed)
    source: list[BlockFeatures] = []
    for i in range(n):
        heading = rng.random() < 0.15
        marks: set[str] = set()
        if anchors:
            marks.add(f"num:{i}")
            if rng.random() < 0.4:
                marks.add(f"tok:name{rng.randrange(max(1, n // 4))}")
        source.append(
            BlockFeatures(
                rng.randint(15, 60) if heading else rng.randint(60, 600),
                "Latn",
                frozenset(marks),
                "heading" if heading else "paragraph",
            )
        )
    deleted: set[int] = set()
    while len(deleted) < n // 100:
        start = rng.randrange(1, n - 3)
        deleted.update(range(start, start + rng.randint(1, 3)))
    target = [
        BlockFeatures(round(f.length * 0.40 * rng.uniform(0.85, 1.15)), "Jpan", f.anchors, f.kind)
        for i, f in enumerate(source)
        if i not in deleted
    ]
    truth = []
    j = 0
    for i in range(n):
        if i in deleted:
            truth.append(((i,), ()))
        else:
            truth.append(((i,), (j,)))
            j += 1
    return source, target, truth


def filled_cells(a: list[BlockFeatures], b: list[BlockFeatures], band: int | None) -> tuple[str, int]:
    """How align_pair fills the table for this input: mode and cell count."""
    n, m = len(a), len(b)
    if band is None and (n + 1) * (m + 1) <= DEFAULT_COSTS.full_cells:
        return "full", (n + 1) * (m + 1)
    margin = DEFAULT_COSTS.band if band is None else band
    lo, hi = _band(a, b, margin)
    filled = sum(h - low + 1 for low, h in zip(lo, hi))
    return ("full" if filled == (n + 1) * (m + 1) else f"band ±{margin}"), filled


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--sizes", default="100,250,500,1000,2000")
    parser.add_argument(
        "--exact", action="store_true", help="also time the exact (full-table) alignment of large inputs"
    )
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    header = ("sizes", "anchors", "call", "table", "cells", "seconds", "µs/cell", "= truth")
    widths = (13, 7, 12, 9, 9, 8, 7, 7)
    print("  ".join(f"{h:>{w}}" for h, w in zip(header, widths)))
    cases = [(n, anchors, False) for n in sizes for anchors in (True, False)]
    cases += [(max(sizes), anchors, True) for anchors in (True, False)]
    for n, anchors, truncated in cases:
        a, b, truth = make_pair(n, anchors=anchors)
        if truncated:  # the translation stops half way
            b = b[: len(b) // 2]
            truth = [(ga, gb if gb and gb[0] < len(b) else ()) for ga, gb in truth]
        calls: list[tuple[str, int | None]] = [("auto", None)]
        if args.exact or n * len(b) <= DEFAULT_COSTS.full_cells * 4:
            calls.append(("band=n", max(n, len(b))))
        for label, band in calls:
            mode, filled = filled_cells(a, b, band)
            if label != "auto" and mode == "full" and filled_cells(a, b, None)[0] == "full":
                continue  # same as auto
            best = float("inf")
            for _ in range(args.repeat):
                t0 = time.perf_counter()
                groups = align_pair(a, b, band=band)
                best = min(best, time.perf_counter() - t0)
            print(
                f"{f'{len(a)} x {len(b)}':>13}  {'yes' if anchors else 'no':>7}  {label:>12}  {mode:>9}  "
                f"{filled:>9}  {best:8.3f}  {best / filled * 1e6:7.2f}  {str(groups == truth):>7}",
                flush=True,
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

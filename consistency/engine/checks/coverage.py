"""COV001: passages that some versions hold and others lack.

The aligned groups (:mod:`consistency.match.groups`) hold every version's blocks; a run of
groups some versions have no block in is a missing (or extra) passage.  With three or more
versions aligned to a pivot, two translations that agree with each other and not with the pivot
are compared directly (``BundleAnalysis.direct_counterparts``) before a passage is called missing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from ...model import Finding
from ..baseline import text_key
from .common import finding, location

if TYPE_CHECKING:
    from ...match.analysis import BundleAnalysis

__all__ = ["check_coverage"]


def check_coverage(an: BundleAnalysis, rule) -> Iterator[Finding]:
    """COV001: runs of blocks in some versions with no counterpart in others."""
    n = len(an.documents)
    min_chars = int(rule.options.get("min_chars", 1))
    runs: list[tuple[tuple[int, ...], list[int]]] = []  # (present versions, groups)
    for g, group in enumerate(an.groups):
        present = tuple(v for v in range(n) if group[v])
        if len(present) == n:
            continue
        if runs and runs[-1][0] == present and runs[-1][1][-1] == g - 1:
            runs[-1][1].append(g)
        else:
            runs.append((present, [g]))
    pivot = an.pivot
    for present, groups in runs:
        absent = [v for v in range(n) if v not in present]
        held = {v: [b for g in groups for b in an.groups[g][v]] for v in present}
        if n >= 3 and not an.keyed:
            # The groups align every version to the pivot.  Two translations that agree with
            # each other and not with the pivot (tldr: en has eight examples, ja and de the same
            # four others) are compared directly: a translation's block that a direct alignment
            # pairs with every version said to lack it is no missing passage, and a version
            # that directly holds every such block lacks nothing.
            for v in present:
                if v != pivot:
                    held[v] = [b for b in held[v] if any(b not in an.direct_counterparts(v, w) for w in absent)]
            present = tuple(v for v in present if held[v])
            if pivot not in present:
                absent = [w for w in absent if w == pivot or not all(
                    b in an.direct_counterparts(v, w) for v in present for b in held[v])]
            if not present or not absent:
                continue
        majority = an.holds_reference(present, absent)
        locations = []
        chars = 0
        described = []
        key_text = []
        for v in present:
            blocks = held[v]
            doc = an.documents[v]
            start, end = doc.blocks[blocks[0]].start, doc.blocks[blocks[-1]].end
            chars = max(chars, sum(len(doc.blocks[b].text.strip()) for b in blocks))
            first, last = blocks[0] + 1, blocks[-1] + 1
            described.append(f"{first}-{last}" if last > first else f"{first}")
            key_text.append(doc.text[start:end])
            locations.append(location(an, v, start, end, "reference" if majority else "deviant", None))
        if chars < min_chars:
            continue
        for v in absent:
            point = an.insertion_point(v, groups[0])
            locations.append(location(an, v, point, point, "deviant" if majority else "reference", None))
        if len(set(described)) == 1:
            where = described[0]
        else:
            where = ", ".join(f"{d} ({an.documents[v].locale})" for d, v in zip(described, present))
        message = rule.format_message(
            locale=", ".join(an.documents[v].locale for v in present),
            blocks=where, chars=f"{chars:,}",
            other_locale=", ".join(an.documents[v].locale for v in absent),
        )
        yield finding(an, rule, message, locations, text_key("\n".join(key_text)))

"""SUP001: suppressions that matched no finding.

Inline suppression comments are applied by :mod:`consistency.engine.suppression` after every
other rule of the bundle has run; it records on the analysis which comments matched
(``an.derived["suppression:used"]``) and which rules ran.  This check reads that record, so it
runs in the kind's declared phase ``after-suppression`` (:mod:`consistency.engine.kinds`).
Unused baseline entries are reported by the same rule at the end of a run
(:func:`consistency.engine.suppression.unused_baseline`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from ...model import Finding
from .common import finding, location

if TYPE_CHECKING:
    from ...match.analysis import BundleAnalysis

__all__ = ["check_unused_suppression"]


def check_unused_suppression(an: BundleAnalysis, rule) -> Iterator[Finding]:
    """SUP001: an inline suppression comment (``claim-consistency: ignore QTY001``) whose rule
    ran on its block and reported nothing there."""
    record = an.derived.get("suppression:used")
    if record is None:
        return
    used, active = record
    for v, doc in enumerate(an.documents):
        for b, block in enumerate(doc.blocks):
            for mark in sorted(block.suppressed):
                if mark != "*" and mark not in active:
                    continue  # a rule that did not run cannot have matched
                if (v, b, mark) in used:
                    continue
                loc = location(an, v, block.start, block.end, "deviant", None)
                message = rule.format_message(rule=mark if mark != "*" else "all rules", locale=doc.locale)
                yield finding(an, rule, message, [loc], f"{mark}@{block.text.strip()[:80]}")

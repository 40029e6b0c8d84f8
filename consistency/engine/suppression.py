"""Suppression, in one room: inline comments, the baseline, and what SUP001 reports.

Three ways to accept a finding, applied in this order:

1. **Inline comments** (``<!-- claim-consistency: disable=QTY001 -->`` and the forms of each
   format, read by :mod:`consistency.documents.suppression` and the loaders into
   ``Block.suppressed``).  A finding is suppressed when the block of its deviant location
   carries a comment for its rule (or for all rules), or when the block of a location in the
   bundle's source version does: a comment written once in the source suppresses the finding on
   every translation (the source is the declared one, else the first version, English where
   there is one).  :func:`apply_inline` records which comments matched on the analysis, for
   SUP001 (:mod:`consistency.engine.checks.suppression`).
2. **The baseline** (:mod:`consistency.engine.baseline`): accepted findings by fingerprint;
   :func:`apply_baseline` filters them out and reports entries that matched nothing as SUP001
   when that rule runs.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from ..model import Finding

__all__ = ["apply_baseline", "apply_inline", "unused_baseline"]


def apply_inline(an: Any, findings: Iterable[Finding], active: set[str]) -> list[Finding]:
    """``findings`` without those an inline comment suppresses; records on ``an`` (its ``derived``
    dict, key ``suppression:used``) the comments that matched and the rule ids that ran."""
    # (path, locale): a PO file's source and translation are two versions in one file
    by_path = {(d.path, d.locale): v for v, d in enumerate(an.documents)}
    source = an.pivot  # the declared source, else the first version
    kept, used = [], set()
    for f in findings:
        suppressed = False
        for loc in f.locations:
            v = by_path.get((loc.path, loc.locale))
            if v is None or (loc.role not in ("deviant", "tied") and v != source):
                continue
            b = an.block_index_through(v, loc.start)
            if b is None:
                continue
            marks = an.documents[v].blocks[b].suppressed
            for mark in (f.rule, "*"):
                if mark in marks:
                    used.add((v, b, mark))
                    suppressed = True
        if not suppressed:
            kept.append(f)
    an.derived["suppression:used"] = (used, frozenset(active))
    return kept


def apply_baseline(findings: Sequence[Finding], baseline: Any, *, bundles: set[str], rules: Sequence[Any],
                   path: str) -> list[Finding]:
    """``findings`` without those the baseline accepts, plus a SUP001 finding for each entry
    (of the checked bundles and rules) that matched none, when a rule of that kind runs."""
    kept, _suppressed, unused = baseline.filter(list(findings), bundles=bundles, rules={r.id for r in rules})
    sup = [r for r in rules if r.kind == "unused-suppression"]
    if sup and unused:
        kept.extend(unused_baseline(sup[0], unused, path))
    return kept


def unused_baseline(rule: Any, entries: Iterable[Any], path: str) -> Iterator[Finding]:
    """SUP001 findings for baseline ``entries`` that matched no finding (located at the baseline)."""
    from .checks.common import bundle_finding, file_location

    for entry in entries:
        message = rule.format_message(rule=f"{entry.rule} (baseline entry {entry.fingerprint})", locale="")
        yield bundle_finding(rule, entry.bundle, message, [file_location(path, "", "deviant", entry.fingerprint)],
                             entry.fingerprint)

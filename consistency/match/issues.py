"""A disagreement found by matching, before a rule turns it into a finding.

Name and quotation matching (:mod:`consistency.match.names`, :mod:`consistency.match.quotes`)
and the name rules describe what they found as :class:`Issue` values: which versions deviate,
where (file offsets), and the fields the rule's message may use.  Versions are indexes into
the analysis' documents; ``locale`` and ``other_locale`` fields hold comma-joined indexes that
:func:`consistency.engine.checks.common.issue_findings` turns into locale tags.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Issue", "Side"]

#: ``(version, start, end, value)``: one side of an issue, in file offsets
Side = tuple[int, int, int, "str | None"]


@dataclass
class Issue:
    """One finding before formatting: which versions deviate, where, what."""

    kind: str  # name-missing | name-variant | name-conflict | quote-count | quote-speaker | quote-paraphrased
    group: int
    deviant: list[Side]
    reference: list[Side]
    fields: dict
    key: str

"""The quotation rules: QUO001 (quotations merged), QUO002 (another speaker), QUO003
(direct speech paraphrased or missing).

They read the quotation pairing of the bundle (:mod:`consistency.match.quotes`): QUO002 its
speaker conflicts, QUO001 and QUO003 its unmatched direct speech (decided together: speech
merged into a neighbour said by another person is QUO001, else QUO003).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from ...match.quotes import MIN_QUOTE_WORDS
from ...model import Finding
from .common import issue_findings

if TYPE_CHECKING:
    from ...match.analysis import BundleAnalysis

__all__ = ["check_quote_count", "check_quote_paraphrased", "check_quote_speaker"]


def check_quote_count(an: BundleAnalysis, rule) -> Iterator[Finding]:
    """QUO001: a different number of direct quotations in corresponding passages."""
    return issue_findings(an, rule, an.quote_pairs.unmatched_speech(_min_words(rule))["quote-count"])


def check_quote_speaker(an: BundleAnalysis, rule) -> Iterator[Finding]:
    """QUO002: a quotation attributed to different speakers."""
    return issue_findings(an, rule, an.quote_pairs.speaker_conflicts)


def check_quote_paraphrased(an: BundleAnalysis, rule) -> Iterator[Finding]:
    """QUO003: direct speech in one version, paraphrased or missing in another."""
    return issue_findings(an, rule, an.quote_pairs.unmatched_speech(_min_words(rule))["quote-paraphrased"])


def _min_words(rule) -> int:
    return int(rule.options.get("min_words", MIN_QUOTE_WORDS))

"""One bundle, analysed once: it wires the matching modules together, lazily.

Every check reads the same :class:`BundleAnalysis`, so extraction, alignment and matching run
once per bundle whatever rules are selected, and only what a selected rule asks for runs:

- ``claims`` (:mod:`consistency.extract`), ``features`` and ``groups``
  (:mod:`consistency.match.groups`), ``clusters`` (:mod:`consistency.match.clusters`);
- ``names``, ``quotes`` and ``inside_quote`` (:mod:`consistency.extract.names`,
  :mod:`consistency.match.quotes`), ``name_links`` (:mod:`consistency.match.names`),
  ``quote_pairs`` (:mod:`consistency.match.quotes`).

This module imports nothing from the rules (:mod:`consistency.engine`).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any, Sequence

from ..extract import extract_claims
from ..locale.tags import is_version_of, language
from ..locale.zawgyi import Reader, read_through, reader
from ..model import Block, Claim, Document
from ..positions import LineIndex
from .agreement import DEFAULT_RELATIVE_TOLERANCE
from .align import BlockFeatures, align_pair_with_moves
from .clusters import Cluster, cluster_claims
from .groups import aligned_groups, features, is_keyed, is_timed, keyed_groups, timed_groups
from .passages import SharedPassage, foreign_spans, shared_passages

if TYPE_CHECKING:
    from ..extract.names import Mention
    from ..extract.quotes import Quote
    from .names import NameLinks
    from .quotes import QuotePairs

__all__ = ["BundleAnalysis", "Cluster", "analyse"]


@dataclass
class BundleAnalysis:
    bundle: str
    documents: list[Document]
    source: int | None = None  # index of the declared source version
    relative_tolerance: float = DEFAULT_RELATIVE_TOLERANCE
    #: the versions' git history (:class:`~consistency.history.History`), or None / Unavailable
    history: Any = None
    #: a translation-stale rule runs: stale figures are its findings, not QTY001/DAT001's
    report_stale: bool = False
    #: the name vocabulary (:mod:`consistency.extract.vocabulary`); None: the built-in one
    vocabulary: Any = None
    #: what the rules derive from the matching once per bundle and share (a rule family's
    #: joint decisions, the suppressions that matched), by a key the family chooses
    derived: dict = field(default_factory=dict, init=False, repr=False, compare=False)
    _direct: dict = field(default_factory=dict, init=False, repr=False, compare=False)

    @property
    def pivot(self) -> int:
        """The version every other is aligned to: the declared source, else the first."""
        return self.source if self.source is not None else 0

    def holds_reference(self, holders: Sequence[int], others: Sequence[int]) -> bool:
        """Whether ``holders`` (versions that have a passage, name, figure or quotation) are the
        reference against ``others`` (versions that lack it): with a declared source, the side
        of the source; else the majority; in a tie, the side of the pivot (the first version,
        English where there is one), as for disagreeing figures."""
        if self.source is not None:
            return self.source in holders
        if len(holders) != len(others):
            return len(holders) > len(others)
        return self.pivot in holders

    @cached_property
    def indexes(self) -> list[LineIndex]:
        return [LineIndex(d.text) for d in self.documents]

    @cached_property
    def claims(self) -> list[list[list[Claim]]]:
        """``claims[v][b]``: the claims of block ``b`` of version ``v``, in file offsets.  A sentence
        written in another version's language (one the versions share, :attr:`shared`) is read with
        that version's locale."""
        foreign = foreign_spans(self.documents, self.shared, self.pivot)
        return [[[c.shifted(block.start) for c in (
                    read_through(self.readers[v], extract_claims, block.text, doc.locale) if (v, b) not in foreign
                    else _claims_of_mixed(block.text, doc.locale, foreign[(v, b)]))]
                 for b, block in enumerate(doc.blocks)]
                for v, doc in enumerate(self.documents)]

    @cached_property
    def readers(self) -> list[Reader | None]:
        """``readers[v]``: how the blocks of version ``v`` are read when not as written (Burmese in
        the Zawgyi encoding, digits typed for letters: :mod:`consistency.locale.zawgyi`), else None."""
        return [reader(d.text, d.locale) for d in self.documents]

    @cached_property
    def shared(self) -> list[SharedPassage]:
        """The sentences each version of another language shares word for word with the reference
        version (:func:`consistency.match.passages.shared_passages`)."""
        return shared_passages(self.documents, self.pivot)

    @cached_property
    def features(self) -> list[list[BlockFeatures]]:
        return features(self.documents, self.claims)

    @cached_property
    def groups(self) -> list[tuple[tuple[int, ...], ...]]:
        if self.keyed:
            if is_timed(self.documents):
                return timed_groups(self.documents)
            return keyed_groups(self.documents, pivot=self.pivot)
        return aligned_groups(self.features, pivot=self.pivot)

    @property
    def keyed(self) -> bool:
        """Units correspond by key (PO, XLIFF), not by alignment."""
        return is_keyed(self.documents)

    def direct_counterparts(self, v: int, w: int) -> frozenset[int]:
        """The blocks of ``v`` that a direct alignment of ``v`` with ``w`` pairs with a block of
        ``w``.  The N-way groups align every version to the pivot; two translations that agree
        with each other but not with the pivot are better compared directly."""
        if (v, w) not in self._direct:
            self._direct[(v, w)] = frozenset(i for pv, pw in align_pair_with_moves(self.features[v], self.features[w]) if pw
                                             for i in pv)
        return self._direct[(v, w)]

    @cached_property
    def clusters(self) -> list[Cluster]:
        """Claims matched across versions inside each aligned group (:mod:`consistency.match.clusters`)."""
        return cluster_claims(self.groups, self.claims, pivot=self.pivot, relative_tolerance=self.relative_tolerance)

    def group_span(self, v: int, g: int) -> tuple[int, int] | None:
        blocks = self.groups[g][v]
        if not blocks:
            return None
        doc = self.documents[v]
        return doc.blocks[blocks[0]].start, doc.blocks[blocks[-1]].end

    def insertion_point(self, v: int, g: int) -> int:
        """Where version ``v`` would hold group ``g`` (it has no block there)."""
        for earlier in range(g - 1, -1, -1):
            blocks = self.groups[earlier][v]
            if blocks:
                return self.documents[v].blocks[blocks[-1]].end
        return 0

    def block_of(self, v: int, offset: int) -> Block | None:
        """The first block of version ``v`` that holds ``offset`` (or starts there)."""
        blocks = self.documents[v].blocks
        starts = self._block_starts[v]
        if starts is None:  # blocks out of order or overlapping: look at each
            return next((b for b in blocks if b.start <= offset < b.end or b.start == offset), None)
        k = bisect_left(starts, offset)  # the first block starting at or after offset
        if k and offset < blocks[k - 1].end:
            return blocks[k - 1]
        return blocks[k] if k < len(blocks) and starts[k] == offset else None

    def block_index_through(self, v: int, offset: int) -> int | None:
        """The index of the first block of version ``v`` with ``start <= offset <= end`` (its end included)."""
        blocks = self.documents[v].blocks
        starts = self._block_starts[v]
        if starts is None:
            return next((i for i, b in enumerate(blocks) if b.start <= offset <= b.end), None)
        k = bisect_right(starts, offset)  # blocks[:k] start at or before offset; their ends never decrease
        first = None
        while k and blocks[k - 1].end >= offset:
            k -= 1
            first = k
        return first

    @cached_property
    def _block_starts(self) -> list[list[int] | None]:
        """Each version's block starts, where its blocks are in order and do not overlap (else None)."""
        out: list[list[int] | None] = []
        for doc in self.documents:
            bs = doc.blocks
            ordered = all(a.end <= b.start for a, b in zip(bs, bs[1:]))
            out.append([b.start for b in bs] if ordered else None)
        return out

    @cached_property
    def name_words(self) -> list[frozenset[str]]:
        """``name_words[v]``: every token of version ``v``'s name mentions."""
        return [frozenset(t for block in per for m in block for t in m.tokens) for per in self.names]

    # ----------------------------------------------------------- names and quotes

    @cached_property
    def names(self) -> list[list[list["Mention"]]]:
        """``names[v][b]``: candidate name mentions of block ``b`` of version ``v``, in file offsets."""
        from ..extract.names import extract_names

        return [[[m.shifted(block.start) for m in read_through(self.readers[v], extract_names, block.text, doc.locale,
                                                               vocabulary=self.vocabulary)]
                 for block in doc.blocks]
                for v, doc in enumerate(self.documents)]

    @cached_property
    def quotes(self) -> list[list[list["Quote"]]]:
        """``quotes[v][b]``: quotations of block ``b`` of version ``v``, in file offsets."""
        return self._quote_pass[0]

    @cached_property
    def inside_quote(self) -> list[list[bool]]:
        """``inside_quote[v][b]``: block ``b`` of version ``v`` has no quotation mark but lies inside
        a quotation opened in an earlier block and not yet closed (see
        :func:`consistency.match.quotes.quotes_per_block`)."""
        return self._quote_pass[1]

    @cached_property
    def _quote_pass(self) -> tuple[list[list[list["Quote"]]], list[list[bool]]]:
        from .quotes import quotes_per_block

        return quotes_per_block(self.documents, self.names)

    @cached_property
    def name_links(self) -> "NameLinks":
        """Name mentions linked across versions into entities (:mod:`consistency.match.names`)."""
        from .names import link_names

        return link_names(self)

    @cached_property
    def quote_pairs(self) -> "QuotePairs":
        """Quotations paired across versions, with their speakers (:mod:`consistency.match.quotes`)."""
        from .quotes import pair_quotes

        return pair_quotes(self, self.name_links)


def _claims_of_mixed(text: str, locale: str, spans: list[tuple[int, int, str]]) -> list[Claim]:
    """The claims of ``text`` (of ``locale``) whose ``spans`` are written in another locale each."""
    own = [c for c in extract_claims(text, locale) if not any(s < c.end and c.start < e for s, e, _loc in spans)]
    for s, e, other in spans:
        own.extend(c.shifted(s) for c in extract_claims(text[s:e], other))
    return sorted(own, key=lambda c: (c.start, c.end))


def analyse(bundle: str, documents: Sequence[Document], *, source: str | None = None,
            relative_tolerance: float = DEFAULT_RELATIVE_TOLERANCE, history: object = None, report_stale: bool = False,
            vocabulary: Any = None) -> BundleAnalysis:
    """A lazy analysis of one bundle; ``source`` is a locale tag among the documents'.

    The documents are put in one canonical order first, so that findings never depend on the
    order in which the versions were given: English first where there is an English version
    (without a declared source it is the alignment's pivot: the language most localisation
    starts from), then by locale and path.
    """
    documents = sorted(documents, key=lambda d: (language(d.locale) != "en", d.locale, d.path))
    index = None
    if source is not None:
        for i, doc in enumerate(documents):
            if is_version_of(doc.locale, source):
                index = i
                break
    return BundleAnalysis(bundle=bundle, documents=list(documents), source=index,
                          relative_tolerance=relative_tolerance, history=history, report_stale=report_stale,
                          vocabulary=vocabulary)

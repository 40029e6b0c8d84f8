"""One bundle, analysed once: documents, claims per block, alignment, claim clusters.

Every check reads the same :class:`BundleAnalysis`, so extraction and
alignment run once per bundle whatever rules are selected.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Sequence

import regex

from ..align import BlockFeatures, align_pair, align_versions, block_features
from ..compare import agree, claim_key, comparable
from ..extract import extract_claims
from ..model import Block, Claim, ClaimKind, Document
from ..positions import LineIndex

if TYPE_CHECKING:  # annotations only: importing them here would make a cycle with the checks
    from ..extract.names import Mention
    from ..extract.quotes import Quote
    from .checks_text import TextReport

__all__ = ["BundleAnalysis", "Cluster", "analyse"]

_LATIN_TOKEN = regex.compile(r"[\p{Latin}][\p{Latin}\p{N}]{2,}")
_MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdx")
_CODE_SPAN = regex.compile(r"(?<!`)(`+)(?!`)(.+?)(?<!`)\1(?!`)", regex.DOTALL)
_PLACEHOLDER = regex.compile(r"\{\{.*?\}\}|<[^<>\s][^<>]*>")


def _code_anchors(text: str) -> set[str]:
    """``code:`` anchors of a Markdown block: its code spans and those of the code that follows
    it up to the next block (a documentation page's example under its description), with
    placeholders (``{{paket}}``, ``<file>``) blanked, since translations rename them.  Code is
    the same in every version: an anchor as strong as a figure (see :mod:`consistency.align`)."""
    out = set()
    for m in _CODE_SPAN.finditer(text):
        code = " ".join(_PLACEHOLDER.sub("_", m.group(2)).split())
        if len(code.replace("_", "").strip()) >= 3:
            out.add("code:" + code)
    return out


@dataclass
class Cluster:
    """Corresponding claims of one aligned group: at most one per version."""

    group: int
    members: dict[int, Claim] = field(default_factory=dict)


@dataclass
class BundleAnalysis:
    bundle: str
    documents: list[Document]
    source: int | None = None  # index of the declared source version
    relative_tolerance: float = 0.02
    #: the versions' git history (:class:`~consistency.history.History`), or None / Unavailable
    history: object = None
    #: a translation-stale rule runs: stale figures are its findings, not QTY001/DAT001's
    report_stale: bool = False
    _direct: dict = field(default_factory=dict, init=False, repr=False, compare=False)

    @cached_property
    def indexes(self) -> list[LineIndex]:
        return [LineIndex(d.text) for d in self.documents]

    @cached_property
    def claims(self) -> list[list[list[Claim]]]:
        """``claims[v][b]``: the claims of block ``b`` of version ``v``, in file offsets."""
        out = []
        for doc in self.documents:
            per_block = []
            for block in doc.blocks:
                per_block.append([c.shifted(block.start) for c in extract_claims(block.text, doc.locale)])
            out.append(per_block)
        return out

    @cached_property
    def features(self) -> list[list[BlockFeatures]]:
        out = []
        for v, doc in enumerate(self.documents):
            feats = []
            markdown = doc.path.lower().endswith(_MARKDOWN_SUFFIXES)
            for b, block in enumerate(doc.blocks):
                anchors = {"num:" + claim_key(c) for c in self.claims[v][b] if c.kind is not ClaimKind.COUNT}
                anchors.update("tok:" + t.casefold() for t in _LATIN_TOKEN.findall(block.text))
                if markdown:
                    end = doc.blocks[b + 1].start if b + 1 < len(doc.blocks) else len(doc.text)
                    anchors.update(_code_anchors(doc.text[block.start:end]))
                feats.append(block_features(block.text, anchors=anchors, kind=block.kind))
            out.append(feats)
        return out

    @cached_property
    def groups(self) -> list[tuple[tuple[int, ...], ...]]:
        if self.keyed:
            return self._groups_by_key()
        pivot = self.source if self.source is not None else 0
        return align_versions(self.features, pivot=pivot)

    @property
    def keyed(self) -> bool:
        """Units correspond by key (PO, XLIFF), not by alignment."""
        return bool(self.documents) and all(d.blocks and all(b.key is not None for b in d.blocks)
                                            for d in self.documents)

    def direct_counterparts(self, v: int, w: int) -> frozenset[int]:
        """The blocks of ``v`` that a direct alignment of ``v`` with ``w`` pairs with a block of
        ``w``.  The N-way groups align every version to the pivot; two translations that agree
        with each other but not with the pivot are better compared directly."""
        if (v, w) not in self._direct:
            self._direct[(v, w)] = frozenset(i for pv, pw in align_pair(self.features[v], self.features[w]) if pw
                                             for i in pv)
        return self._direct[(v, w)]

    def _groups_by_key(self) -> list[tuple[tuple[int, ...], ...]]:
        """Per-unit formats (PO, XLIFF): units correspond by key, in the pivot's order."""
        pivot = self.source if self.source is not None else 0
        order: list[str] = []
        seen: set[str] = set()
        for v in [pivot] + [i for i in range(len(self.documents)) if i != pivot]:
            for block in self.documents[v].blocks:
                if block.key not in seen:
                    seen.add(block.key)
                    order.append(block.key)
        index = [{} for _ in self.documents]
        for v, doc in enumerate(self.documents):
            for b, block in enumerate(doc.blocks):
                index[v].setdefault(block.key, []).append(b)
        return [tuple(tuple(index[v].get(key, ())) for v in range(len(self.documents))) for key in order]

    @cached_property
    def clusters(self) -> list[Cluster]:
        """Claims matched across versions inside each aligned group.

        Within a group, claims pair first with an agreeing claim of the same
        kind of measure (in text order), then with any remaining comparable
        claim (a disagreement), version by version against the pivot, then
        among the other versions."""
        pivot = self.source if self.source is not None else 0
        n = len(self.documents)
        out: list[Cluster] = []
        order = [pivot] + [v for v in range(n) if v != pivot]
        for g, group in enumerate(self.groups):
            pools = {v: [c for b in group[v] for c in self.claims[v][b]] for v in range(n)}
            clusters: list[Cluster] = []
            for v in order:
                remaining = list(pools[v])
                # agreeing partners first, in text order
                for cluster in clusters:
                    if v in cluster.members or not remaining:
                        continue
                    ref = _representative(cluster, pivot)
                    for c in remaining:
                        if comparable(ref, c) and agree(ref, c, relative_tolerance=self.relative_tolerance):
                            cluster.members[v] = c
                            remaining.remove(c)
                            break
                # then disagreeing partners, only where the pairing is unambiguous:
                # the one open claim of its kind on each side (else each is "missing")
                open_clusters = [c for c in clusters if v not in c.members]
                candidates = {
                    id(cl): [c for c in remaining if _plausible_pair(_representative(cl, pivot), c)]
                    for cl in open_clusters
                }
                for cl in open_clusters:
                    cands = candidates[id(cl)]
                    if len(cands) != 1 or cands[0] not in remaining:
                        continue
                    c = cands[0]
                    rivals = [o for o in open_clusters if c in candidates[id(o)]]
                    if len(rivals) == 1:
                        cl.members[v] = c
                        remaining.remove(c)
                for c in remaining:
                    clusters.append(Cluster(group=g, members={v: c}))
            out.extend(clusters)
        return out

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
        for block in self.documents[v].blocks:
            if block.start <= offset < block.end or block.start == offset:
                return block
        return None

    # ----------------------------------------------------------- names and quotes
    # (appended: see consistency/engine/checks_text.py)

    @cached_property
    def names(self) -> list[list[list["Mention"]]]:
        """``names[v][b]``: candidate name mentions of block ``b`` of version ``v``, in file offsets."""
        from ..extract.names import extract_names

        return [[[m.shifted(block.start) for m in extract_names(block.text, doc.locale)] for block in doc.blocks]
                for doc in self.documents]

    @cached_property
    def quotes(self) -> list[list[list["Quote"]]]:
        """``quotes[v][b]``: quotations of block ``b`` of version ``v``, in file offsets."""
        return self._quote_pass[0]

    @cached_property
    def inside_quote(self) -> list[list[bool]]:
        """``inside_quote[v][b]``: block ``b`` of version ``v`` has no quotation mark but lies inside
        a quotation opened in an earlier block and not yet closed ("…\n\n…”, said X: journalists
        open every paragraph of a long quotation, translators and sentence splitters drop marks)."""
        return self._quote_pass[1]

    @cached_property
    def _quote_pass(self) -> tuple[list[list[list["Quote"]]], list[list[bool]]]:
        from ..extract.quotes import extract_quotes

        quotes, inside = [], []
        for v, doc in enumerate(self.documents):
            per_block, flags = [], []
            running = None  # the kind of a quotation left open at the end of the previous block
            carried = 0
            for b, block in enumerate(doc.blocks):
                local = [m.shifted(-block.start) for m in self.names[v][b]]
                found = [q.shifted(block.start) for q in extract_quotes(block.text, doc.locale, names=local)]
                carriable = block.kind not in _NOT_CARRIED
                inside_now = running is not None and carriable and not found and carried < _MAX_CARRIED
                if inside_now:
                    carried += 1
                else:
                    if running is not None and carriable and found and found[0].open_before \
                            and found[0].kind != running:
                        found[0] = dataclasses.replace(found[0], kind=running)  # its closing part
                    top = [q for q in found if q.depth == 0]
                    if top and top[-1].open_after and carriable:
                        running, carried = top[-1].kind, 0
                    else:
                        running = None
                per_block.append(found)
                flags.append(inside_now)
            quotes.append(per_block)
            inside.append(flags)
        return quotes, inside

    @cached_property
    def text_report(self) -> "TextReport":
        """Names and quotations matched across versions (computed once for the NAM and QUO rules)."""
        from .checks_text import build_report

        return build_report(self)


#: blocks a quotation is never carried into or out of
_NOT_CARRIED = frozenset({"heading", "table_cell"})
#: blocks without a quotation mark that a quotation left open may run through
_MAX_CARRIED = 8


def _informative(c: Claim) -> bool:
    """Figures whose absence or change is worth reporting on their own:
    not vague amounts (数年間, several) and not bare counts below ten, which
    translators routinely rephrase (one of his homes, 2つ, zwei)."""
    if c.weak or (c.qualifier is not None and c.qualifier.value == "several"):
        return False
    if c.kind is ClaimKind.COUNT and c.value is not None and abs(c.value) < 10 and c.unit is None:
        return False
    if c.value == 1 and c.qualifier is None:
        return False  # "a year", "einen Monat", "1ヶ月": one is often an article
    if c.kind is ClaimKind.DATE and c.low is None and c.label and c.label.startswith("--") and len(c.label) == 4:
        return False  # a month named without its year (im Juni, 6月)
    return True


def _plausible_pair(a: Claim, b: Claim) -> bool:
    """Could ``b`` be a mistranslation of ``a``?  Same unit (8 Mrd. vs 80 Mrd.),
    or the same number with another unit (2 GW vs 2 MW, 2 weeks vs 2 months)."""
    if a.weak or b.weak:
        return False  # "a year" is no mistranslation of "2年"
    if a.kind is ClaimKind.MONEY and b.kind is ClaimKind.MONEY and a.unit != b.unit:
        return a.value is not None and a.value == b.value  # $80 billion vs 80 Milliarden Euro
    if not comparable(a, b):
        return False
    if a.kind is ClaimKind.COUNT and _informative(a) != _informative(b):
        return False  # "1つ" is no mistranslation of "37": a small count pairs with a small count
    if a.unit == b.unit:
        return True
    return a.value is not None and a.value == b.value


def _representative(cluster: Cluster, pivot: int) -> Claim:
    return cluster.members.get(pivot) or next(iter(cluster.members.values()))


def analyse(bundle: str, documents: Sequence[Document], *, source: str | None = None,
            relative_tolerance: float = 0.02, history: object = None, report_stale: bool = False) -> BundleAnalysis:
    """A lazy analysis of one bundle; ``source`` is a locale tag among the documents'.

    The documents are put in one canonical order first, so that findings never depend on the
    order in which the versions were given: English first where there is an English version
    (without a declared source it is the alignment's pivot: the language most localisation
    starts from), then by locale and path.
    """
    documents = sorted(documents, key=lambda d: (d.locale.split("-")[0].casefold() != "en", d.locale, d.path))
    index = None
    if source is not None:
        for i, doc in enumerate(documents):
            if doc.locale.casefold() == source.casefold() or doc.locale.split("-")[0].casefold() == source.casefold():
                index = i
                break
    return BundleAnalysis(bundle=bundle, documents=list(documents), source=index,
                          relative_tolerance=relative_tolerance, history=history, report_stale=report_stale)

"""Which blocks of the versions correspond: the aligned groups of a bundle.

Contract: :func:`block_anchors` gives the anchors of one block (its figures' normalized values,
its Latin-script words and, in Markdown, its code), :func:`features` the alignment features of
every block of every version; :func:`aligned_groups` aligns every version to the pivot
(:mod:`consistency.match.align`), :func:`keyed_groups` pairs per-unit formats (PO, XLIFF, JSON,
…) by their keys in the pivot's order, :func:`timed_groups` subtitle cues by their time on screen.  Both return ``groups[g][v]``: the block indexes of
version ``v`` in group ``g`` (empty where the version has nothing there).
"""

from __future__ import annotations

from typing import Sequence, cast

import regex

from ..model import Claim, ClaimKind, Document
from .agreement import claim_key
from .align import BlockFeatures, align_versions, block_features

__all__ = ["aligned_groups", "block_anchors", "code_anchors", "features", "is_keyed", "is_timed", "keyed_groups",
           "timed_groups"]

Groups = list[tuple[tuple[int, ...], ...]]

_LATIN_TOKEN = regex.compile(r"[\p{Latin}][\p{Latin}\p{N}]{2,}")
_MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdx")
_CODE_SPAN = regex.compile(r"(?<!`)(`+)(?!`)(.+?)(?<!`)\1(?!`)", regex.DOTALL)
_PLACEHOLDER = regex.compile(r"\{\{.*?\}\}|<[^<>\s][^<>]*>")


def code_anchors(text: str) -> set[str]:
    """``code:`` anchors of a Markdown block: its code spans and those of the code that follows
    it up to the next block (a documentation page's example under its description), with
    placeholders (``{{paket}}``, ``<file>``) blanked, since translations rename them.  Code is
    the same in every version: an anchor as strong as a figure (see :mod:`consistency.match.align`)."""
    out = set()
    for m in _CODE_SPAN.finditer(text):
        code = " ".join(_PLACEHOLDER.sub("_", m.group(2)).split())
        if len(code.replace("_", "").strip()) >= 3:
            out.add("code:" + code)
    return out


def block_anchors(doc: Document, b: int, claims: Sequence[Claim]) -> set[str]:
    """The anchors of block ``b`` of ``doc`` whose claims are ``claims``: what a translation
    keeps written alike (figures as normalized values, Latin-script words, code)."""
    block = doc.blocks[b]
    anchors = {"num:" + claim_key(c) for c in claims if c.kind is not ClaimKind.COUNT}
    anchors.update("tok:" + t.casefold() for t in _LATIN_TOKEN.findall(block.text))
    if doc.path.lower().endswith(_MARKDOWN_SUFFIXES):
        end = doc.blocks[b + 1].start if b + 1 < len(doc.blocks) else len(doc.text)
        anchors.update(code_anchors(doc.text[block.start:end]))
    return anchors


def features(documents: Sequence[Document], claims: Sequence[Sequence[Sequence[Claim]]]) -> list[list[BlockFeatures]]:
    """``features[v][b]``: the alignment features of block ``b`` of version ``v``."""
    return [[block_features(block.text, anchors=block_anchors(doc, b, claims[v][b]), kind=block.kind)
             for b, block in enumerate(doc.blocks)]
            for v, doc in enumerate(documents)]


def aligned_groups(feats: Sequence[Sequence[BlockFeatures]], *, pivot: int = 0) -> Groups:
    """Every version aligned to the pivot, as groups."""
    return align_versions(feats, pivot=pivot)


def is_keyed(documents: Sequence[Document]) -> bool:
    """Units correspond by key (PO, XLIFF, resource files, subtitle cues), not by alignment."""
    # a version with no unit at all (an Android values-xx/strings.xml nobody translated yet) is
    # keyed too: it lacks every key, it does not turn the bundle into prose
    return any(d.blocks for d in documents) and all(b.key is not None for d in documents for b in d.blocks)


_TIMING = regex.compile(r"(\d+):(\d\d):(\d\d)\.(\d{3}) --> (\d+):(\d\d):(\d\d)\.(\d{3})")


def is_timed(documents: Sequence[Document]) -> bool:
    """Subtitles: every block is a cue keyed by its timing (:mod:`consistency.documents.subtitles`)."""
    return is_keyed(documents) and all(b.kind == "cue" and _TIMING.fullmatch(cast(str, b.key))
                                       for d in documents for b in d.blocks)


def _interval(key: str) -> tuple[int, int]:
    m = cast(regex.Match, _TIMING.fullmatch(key))
    n = [int(x) for x in m.groups()]
    return (((n[0] * 60 + n[1]) * 60 + n[2]) * 1000 + n[3], ((n[4] * 60 + n[5]) * 60 + n[6]) * 1000 + n[7])


def timed_groups(documents: Sequence[Document]) -> Groups:
    """Subtitles: cues of different versions correspond where they are on screen together
    (they overlap by at least half the shorter one), so a version re-timed, or with two cues
    merged into one, still pairs each line with its translation.  A group is a set of cues
    linked by such overlaps, in time order."""
    cues = sorted(((*_interval(cast(str, block.key)), v, b) for v, doc in enumerate(documents)
                   for b, block in enumerate(doc.blocks)), key=lambda c: (c[0], c[1]))
    parent = list(range(len(cues)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    active: list[int] = []  # cues that may still overlap what starts next
    for i, (start, end, v, _b) in enumerate(cues):
        active = [j for j in active if cues[j][1] > start]
        for j in active:
            other_start, other_end, w, _c = cues[j]
            shorter = max(1, min(end - start, other_end - other_start))
            if w != v and 2 * (min(end, other_end) - max(start, other_start)) >= shorter:
                parent[find(i)] = find(j)
        active.append(i)
    members: dict[int, list[int]] = {}
    for i in range(len(cues)):
        members.setdefault(find(i), []).append(i)
    groups = sorted(members.values(), key=lambda items: min(cues[i][:2] for i in items))
    return [tuple(tuple(sorted(cues[i][3] for i in items if cues[i][2] == v)) for v in range(len(documents)))
            for items in groups]


def keyed_groups(documents: Sequence[Document], *, pivot: int = 0) -> Groups:
    """Per-unit formats: units correspond by key, in the pivot's order (then keys only other
    versions hold, in their order)."""
    order: list[str] = []
    seen: set[str] = set()
    for v in [pivot] + [i for i in range(len(documents)) if i != pivot]:
        for block in documents[v].blocks:
            key = cast(str, block.key)  # keyed documents: every block has a key
            if key not in seen:
                seen.add(key)
                order.append(key)
    index: list[dict[str, list[int]]] = [{} for _ in documents]
    for v, doc in enumerate(documents):
        for b, block in enumerate(doc.blocks):
            index[v].setdefault(cast(str, block.key), []).append(b)
    return [tuple(tuple(index[v].get(key, ())) for v in range(len(documents))) for key in order]

"""Which blocks of the versions correspond: the aligned groups of a bundle.

Contract: :func:`block_anchors` gives the anchors of one block (its figures' normalized values,
its Latin-script words and, in Markdown, its code), :func:`features` the alignment features of
every block of every version; :func:`aligned_groups` aligns every version to the pivot
(:mod:`consistency.match.align`), :func:`keyed_groups` pairs per-unit formats (PO, XLIFF, JSON,
…) by their keys in the pivot's order, :func:`timed_groups` subtitle cues by their time on screen.  Both return ``groups[g][v]``: the block indexes of
version ``v`` in group ``g`` (empty where the version has nothing there).
"""

from __future__ import annotations

import math
from decimal import Decimal
from sys import intern
from typing import Sequence, cast

import regex

from ..extract.patterns import compiled
from ..model import Claim, ClaimKind, Document
from .agreement import claim_key
from .align import BlockFeatures, align_versions, block_features, strong_anchors

__all__ = ["GAP_PAIR_MIN_SHARED", "aligned_groups", "block_anchors", "code_anchors", "features", "is_keyed", "is_timed",
           "keyed_groups", "pair_moved", "timed_groups", "value_anchors"]

Groups = list[tuple[tuple[int, ...], ...]]

_LATIN_TOKEN = regex.compile(r"[\p{Latin}][\p{Latin}\p{N}]{2,}")
_MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdx")
# compiled where a block has a code span
_CODE_SPAN = r"(?<!`)(`+)(?!`)(.+?)(?<!`)\1(?!`)"
_PLACEHOLDER = r"\{\{.*?\}\}|<[^<>\s][^<>]*>"


def code_anchors(text: str) -> set[str]:
    """``code:`` anchors of a Markdown block: its code spans and those of the code that follows
    it up to the next block (a documentation page's example under its description), with
    placeholders (``{{paket}}``, ``<file>``) blanked, since translations rename them.  Code is
    the same in every version: an anchor as strong as a figure (see :mod:`consistency.match.align`)."""
    out = set()
    for m in compiled(_CODE_SPAN, regex.DOTALL).finditer(text):
        code = " ".join(compiled(_PLACEHOLDER).sub("_", m.group(2)).split())
        if len(code.replace("_", "").strip()) >= 3:
            out.add("code:" + code)
    return out


def value_anchors(c: Claim) -> set[str]:
    """The ``num:`` anchors of a figure: a measure as its magnitude in SI base units to two
    significant digits (``2 GW``, ``2.000 Megawatt`` and ``200万キロワット`` share one; ``5 miles``
    and ``8 km`` too, as ``6.5 feet`` and ``about 2 m``), so that a passage converted into other units
    anchors its counterpart (a conversion rounded across a boundary, 1.949 / 1.95, does not: an
    anchor helps the alignment, it decides no finding).
    Other figures (money, percentages of no unit, dates) anchor by their exact normalized value.
    A measure of one unit per another that was read as a plain measure too (``2 to 3 inches per
    hour``; ``250 l/m²``) anchors as the plain measure: a translation drops the "per" as often as
    it keeps it, and an anchor no other version writes only weakens its block's others."""
    if c.alt_unit is not None and c.kind is ClaimKind.QUANTITY and "/" in (c.unit or ""):
        return _value_anchors(c, c.alt_unit)
    return _value_anchors(c, c.unit)


def _value_anchors(c: Claim, unit: str | None) -> set[str]:
    from ..units import table

    entry = table()["units"].get(unit) if unit else None
    x = c.value
    if x is None and isinstance(c.low, Decimal) and isinstance(c.high, Decimal):
        x = (c.low + c.high) / 2
    if entry is None or entry[2] is not None or x is None or x <= 0:
        return {"num:" + claim_key(c)}
    base = float(x) * entry[1]
    exponent = math.floor(math.log10(base)) - 1
    digits = math.floor(base / 10 ** exponent + 0.5)
    if digits >= 100:
        digits, exponent = digits // 10, exponent + 1
    # a bound (up to, at least, more than) anchors only the same bound: "up to 10 cm" is no "10 cm"
    bound = c.qualifier.value + ":" if c.qualifier is not None and c.qualifier.value not in ("approx", "only") else ""
    return {f"num:~{entry[0]}:{bound}{digits}e{exponent}"}


def block_anchors(doc: Document, b: int, claims: Sequence[Claim]) -> set[str]:
    """The anchors of block ``b`` of ``doc`` whose claims are ``claims``: what a translation
    keeps written alike (figures as normalized values in any unit, Latin-script words, code)."""
    block = doc.blocks[b]
    anchors = {a for c in claims if c.kind not in (ClaimKind.COUNT, ClaimKind.ORDINAL) for a in value_anchors(c)}
    # one string per distinct word (sys.intern): a long article repeats its words, and a copy per
    # occurrence held 15 MB of 8,000 paragraphs' anchors
    anchors.update(intern("tok:" + t.casefold()) for t in _LATIN_TOKEN.findall(block.text))
    if doc.path.lower().endswith(_MARKDOWN_SUFFIXES):
        end = doc.blocks[b + 1].start if b + 1 < len(doc.blocks) else len(doc.text)
        anchors.update(code_anchors(doc.text[block.start:end]))
    return anchors


def features(documents: Sequence[Document], claims: Sequence[Sequence[Sequence[Claim]]]) -> list[list[BlockFeatures]]:
    """``features[v][b]``: the alignment features of block ``b`` of version ``v``.

    A word anchor no other version writes is left out: the alignment weighs a word only where two
    versions share it (figures and code weigh alone), and the words of every block held 17 of the
    87 MB of a check of 8,000 paragraphs a side."""
    anchors = [[block_anchors(doc, b, claims[v][b]) for b in range(len(doc.blocks))]
               for v, doc in enumerate(documents)]
    words = [{x for block in per for x in block if x.startswith("tok:")} for per in anchors]
    shared = set().union(*(words[v] & words[w] for v in range(len(words)) for w in range(v + 1, len(words))))
    return [[block_features(block.text, anchors=[x for x in anchors[v][b] if x in shared or not x.startswith("tok:")],
                            kind=block.kind)
             for b, block in enumerate(doc.blocks)]
            for v, doc in enumerate(documents)]


def aligned_groups(feats: Sequence[Sequence[BlockFeatures]], *, pivot: int = 0) -> Groups:
    """Every version aligned to the pivot, as groups; then passages moved to another place
    paired (:func:`pair_moved`)."""
    return pair_moved(align_versions(feats, pivot=pivot), feats, pivot=pivot)


def _strong_anchors(feats: Sequence[Sequence[BlockFeatures]], group: tuple[tuple[int, ...], ...]) -> set[str]:
    return {x for v, blocks in enumerate(group) for b in blocks for x in strong_anchors(feats[v][b])}


#: the figures two passages left without a counterpart must share to be paired (or one piece of code)
GAP_PAIR_MIN_SHARED = 2


def pair_moved(groups: Groups, feats: Sequence[Sequence[BlockFeatures]], *, pivot: int = 0) -> Groups:
    """Groups paired out of order where a passage was moved: the monotone alignment reads a
    paragraph that one version has at another place as missing here and extra there, and its
    figures go unchecked.  Two groups that only some versions hold, each version in exactly one of
    them, become one group when they share at least :data:`GAP_PAIR_MIN_SHARED` figures (as values in
    any unit, :func:`value_anchors`) or one piece of code, more than any other such group;
    it takes the place of the one the pivot holds.

    >>> f = lambda *xs: BlockFeatures(80, 'Latn', frozenset(xs))
    >>> en = [f('num:1', 'num:2'), f('num:3'), f('num:4')]
    >>> de = [f('num:3'), f('num:4'), f('num:1', 'num:2')]
    >>> pair_moved([((0,), ()), ((1,), (0,)), ((2,), (1,)), ((), (2,))], [en, de])
    [((0,), (2,)), ((1,), (0,)), ((2,), (1,))]
    """
    n = len(feats)
    partial = [g for g, group in enumerate(groups) if 0 < sum(1 for blocks in group if blocks) < n]
    if len(partial) < 2:
        return groups
    held = {g: frozenset(v for v in range(n) if groups[g][v]) for g in partial}
    anchors = {g: _strong_anchors(feats, groups[g]) for g in partial}
    candidates = []
    for i, g in enumerate(partial):
        for h in partial[i + 1:]:
            if held[g] & held[h] or len(held[g] | held[h]) < n:
                continue
            common = anchors[g] & anchors[h]
            shared = len(common)
            if shared >= GAP_PAIR_MIN_SHARED or any(x.startswith("code:") for x in common):
                candidates.append((shared, g, h))
    if not candidates:
        return groups
    best: dict[int, int] = {}
    for shared, g, h in candidates:
        best[g] = max(best.get(g, 0), shared)
        best[h] = max(best.get(h, 0), shared)
    into: dict[int, int] = {}  # the group that goes -> the group it joins
    for shared, g, h in sorted(candidates, key=lambda c: (-c[0], c[1], c[2])):
        if g in into or h in into or g in into.values() or h in into.values():
            continue
        if shared < best[g] or shared < best[h] or sum(1 for c in candidates if c[0] == shared and {g, h} & {c[1], c[2]}) > 1:
            continue  # another group shares as much: which one moved is not clear
        keep, go = (g, h) if pivot in held[g] else (h, g)
        into[go] = keep
    out: Groups = []
    for g, group in enumerate(groups):
        if g in into:
            continue
        joined = [k for k, target in into.items() if target == g]
        if joined:
            other = groups[joined[0]]
            group = tuple(blocks or other[v] for v, blocks in enumerate(group))
        out.append(group)
    return out


def is_keyed(documents: Sequence[Document]) -> bool:
    """Units correspond by key (PO, XLIFF, resource files, subtitle cues), not by alignment."""
    # a version with no unit at all (an Android values-xx/strings.xml nobody translated yet) is
    # keyed too: it lacks every key, it does not turn the bundle into prose
    return any(d.blocks for d in documents) and all(b.key is not None for d in documents for b in d.blocks)


_TIMING = r"(\d+):(\d\d):(\d\d)\.(\d{3}) --> (\d+):(\d\d):(\d\d)\.(\d{3})"  # compiled for keyed documents


def is_timed(documents: Sequence[Document]) -> bool:
    """Subtitles: every block is a cue keyed by its timing (:mod:`consistency.documents.subtitles`)."""
    return is_keyed(documents) and all(b.kind == "cue" and compiled(_TIMING).fullmatch(cast(str, b.key))
                                       for d in documents for b in d.blocks)


def _interval(key: str) -> tuple[int, int]:
    m = cast(regex.Match, compiled(_TIMING).fullmatch(key))
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

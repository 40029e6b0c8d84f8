"""Block alignment across the language versions of one article.

The aligner never looks at text.  It works on :class:`BlockFeatures`: a block's
length, dominant script, kind and a set of normalized *anchors* (equal figures,
names, rare tokens) computed by the extraction stage.  Two versions are aligned
by a monotone dynamic programme in the style of Gale & Church (1993) that
allows 1-1, 2-1, 1-2, 1-0 and 0-1 groups; N versions are aligned by aligning
every version to a pivot and merging.  Blocks left without a counterpart
become coverage findings (:func:`coverage_gaps`).

Scoring (costs, lower is better; every constant lives in :class:`AlignCosts`):

* **length**: lengths are first normalized to "Latin characters" with
  :data:`LENGTH_RATIO`; the log ratio *d* of the two sides' normalized lengths
  is scored as a Gaussian, ``d² / (2·var)`` with
  ``var = sigma² + spread / (mean length + 1)`` (short blocks vary more), and
  capped so that one badly padded translation cannot outweigh everything else.
  After a first pass the median log ratio of confident 1-1 pairs re-estimates
  the language pair's ratio (German is ~1.2 × English although both are
  Latin) and, when it moved, the pair is aligned again.
* **anchors**: every anchor shared by both sides of a group earns
  ``weight · (1 + ln((n + m) / (k_a + k_b)))`` where *k* counts the blocks that
  hold the anchor (rare anchors weigh more), ``num:`` anchors weigh more than
  tokens; anchors that could have been shared (they occur in both versions, or
  are numbers) but are present on one side only cost a small capped penalty.
* **kind**: heading ↔ heading earns a bonus, heading ↔ anything else costs,
  and a heading is rarely merged with a neighbour.
* **priors**: a 2-1 or 1-2 group costs ``merge``; a run of blocks without
  counterpart costs ``gap_open`` for its first block and ``gap_extend`` for
  each further one (affine gaps, Gotoh 1982): untranslated text comes in
  runs, and without the opening cost a run of 17 unmatched paragraphs could
  start anywhere near its end at the same price.  A run at the very start or
  end of a version opens at ``gap_open_end`` (half price): a version that
  stops early or carries extra closing paragraphs is the common case, and
  otherwise the last matched paragraph could as well pair with any extra
  paragraph of similar length.  ``merge`` exceeds ``gap_extend`` (and equals
  ``gap_open``) so that a merge is never used merely to absorb a block that
  has no counterpart.

The programme is O(n·m) with a few dozen bytecodes per cell (~1 µs).  Above
``full_cells`` cells it runs inside a band: ``band`` blocks either side of a
backbone of anchors that occur exactly once in each version (their longest
increasing chain), or of the diagonals from (0, 0) and to (n, m) when there is
no such anchor; the recalibrated second pass runs in a band around the first
pass's path.  In each cell a group (1-1, 2-1, 1-2) is scored only where a lower bound of its
cost (without its length and missing-anchor terms) does not exceed the runs without
counterpart or a group scored before it: the same path, a third of the cells scoring a 1-1
group and a seventh each of the others on 20,000 news paragraphs a side.
``benchmarks/align_speed.py`` prints the timings.

>>> a = [BlockFeatures(120, 'Latn', frozenset({'num:3:GW'})), BlockFeatures(300, 'Latn')]
>>> b = [BlockFeatures(50, 'Jpan', frozenset({'num:3:GW'})), BlockFeatures(130, 'Jpan')]
>>> align_pair(a, b)
[((0,), (0,)), ((1,), (1,))]

This module is longer than 600 lines: the dynamic programme, its band and its cost function
stay in one module, with their helpers as module-level names, so the inner loop never looks
anything up across modules (``benchmarks/align_speed.py`` measures it).
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import regex

from ..locale.scripts import SCRIPTS, script_counts

__all__ = [
    "DEFAULT_COSTS",
    "LENGTH_RATIO",
    "AlignCosts",
    "BlockFeatures",
    "Gap",
    "Group",
    "MOVED_MIN_SHARED",
    "PairGroup",
    "align_pair",
    "align_pair_with_moves",
    "align_versions",
    "out_of_order",
    "strong_anchors",
    "block_features",
    "coverage_gaps",
    "expected_ratio",
    "script_of",
    "unmatched_runs",
]

PairGroup = tuple[tuple[int, ...], tuple[int, ...]]
"""One group of a pairwise alignment: (indices in a, indices in b)."""

Group = tuple[tuple[int, ...], ...]
"""One group of an N-way alignment: one tuple of block indices per version."""


@dataclass(frozen=True, slots=True)
class BlockFeatures:
    """What the aligner knows about one block.

    ``length`` is the number of non-space characters of the block's prose,
    ``script`` its dominant ISO 15924 script (:func:`script_of`), ``anchors``
    normalized strings whose equality across versions is evidence of
    correspondence (``'num:8E+10:USD'``, ``'tok:openai'``), ``kind`` the block
    kind (``'heading'``, ``'paragraph'``, ``'list_item'``...).  ``latin``
    (optional) counts the characters of ``length`` that are Latin letters or
    digits: inside Japanese or Chinese prose they are counted at the Latin
    rate, not at the rate of ``script`` (a sentence quoting
    "Member of the Welsh Parliament" is not 2.3 times longer than it looks).
    """

    length: int
    script: str
    anchors: frozenset[str] = frozenset()
    kind: str = "paragraph"
    latin: int = 0

    @property
    def latin_length(self) -> float:
        """The length expected of this block's text in a Latin-script
        language (:data:`LENGTH_RATIO`)."""
        ratio = LENGTH_RATIO.get(self.script, 1.0)
        if ratio == 1.0:
            return float(self.length)
        latin = min(self.latin, self.length)
        return (self.length - latin) / ratio + latin


@dataclass(frozen=True, slots=True)
class Gap:
    """Blocks ``first_block..last_block`` (inclusive) of ``version`` have no
    counterpart in ``other``."""

    version: int
    other: int
    first_block: int
    last_block: int

    @property
    def blocks(self) -> range:
        """The block indices of the gap."""
        return range(self.first_block, self.last_block + 1)


# ---------------------------------------------------------------------------
# Scripts and length ratios

LENGTH_RATIO: dict[str, float] = {
    # Expected number of non-space characters of a text in this script per
    # non-space character of the same text in a Latin-script language.
    # "Latin" means the mix of English, German, French... the project targets:
    # measured on NTREX-128 (1,997 sentences), German has 1.23 x the
    # characters of English, so Latin = 1.0 sits between them and the
    # first-pass recalibration in align_pair absorbs the rest.
    "Latn": 1.0,
    "Zyyy": 1.0,  # no letters: digits, symbols
    "Zzzz": 1.0,  # unknown
    # Japanese: NTREX-128 ja/de = 0.44 (ja/en = 0.54) counting every
    # character, 0.43 when Latin letters and digits are counted at the Latin
    # rate (BlockFeatures.latin); the Microsoft article of ../shared/corpus
    # gives 0.45 over its 25 paragraphs either way.
    "Jpan": 0.44,
    # Chinese: about 1.5 Latin characters per hanzi for English.
    "Hani": 0.3,
    "Hans": 0.3,
    "Hant": 0.3,
    # Korean: Hangul syllable blocks, about half the Latin characters.
    "Kore": 0.5,
    "Hang": 0.5,
    # Alphabets and abugidas: close to Latin.
    "Cyrl": 1.05,
    "Grek": 1.1,
    "Armn": 1.05,
    "Geor": 1.1,
    "Arab": 0.85,  # short vowels are not written
    "Hebr": 0.8,  # idem
    "Deva": 1.0,
    "Beng": 0.95,
    "Guru": 1.0,
    "Gujr": 1.0,
    "Taml": 1.15,
    "Telu": 1.0,
    "Knda": 1.05,
    "Mlym": 1.1,
    "Sinh": 1.0,
    "Thai": 0.9,
    "Laoo": 0.9,
    "Khmr": 1.0,
    "Mymr": 1.0,
    "Ethi": 0.6,  # syllabary
    "Tibt": 1.0,
}
"""Expected non-space character-length ratio of each ISO 15924 script relative
to Latin.  Data, not code: add a script by adding a line."""


def expected_ratio(script_a: str, script_b: str) -> float:
    """The expected ratio ``length_b / length_a`` of one text written in
    ``script_a`` and its translation in ``script_b``.

    >>> round(expected_ratio('Latn', 'Jpan'), 2)
    0.44
    >>> expected_ratio('Jpan', 'Jpan')
    1.0
    """
    return LENGTH_RATIO.get(script_b, 1.0) / LENGTH_RATIO.get(script_a, 1.0)


_ORDER = {code: k for k, code in enumerate(SCRIPTS)} | {"Jpan": 1, "Kore": 3}
_LATIN_OR_DIGIT = regex.compile(r"[\p{Latin}\p{Nd}]")


def script_of(text: str) -> str:
    """The dominant ISO 15924 script of ``text``'s letters.

    Han with any kana is ``'Jpan'``, Han alone ``'Hani'``, Hangul (with or
    without Han) ``'Kore'``; ``'Zyyy'`` when there is no letter.  Letters are
    counted per script and weighed by ``1 / LENGTH_RATIO`` (one kanji carries
    as much as ~2.3 Latin letters), so Latin names inside Japanese prose do
    not make it Latin.  Long texts
    are sampled at an even stride: ~30 µs for 1,000 characters or more.

    >>> script_of('マイクロソフトのAI戦略'), script_of('微软的人工智能战略')
    ('Jpan', 'Hani')
    >>> script_of('Strategie')
    'Latn'
    >>> script_of('마이크로소프트'), script_of('Стратегия'), script_of('2024 — 3.5%')
    ('Kore', 'Cyrl', 'Zyyy')
    """
    by_script = script_counts(text)  # consistency.locale.scripts: the one script detector
    if not by_script:
        return "Zyyy"
    han = by_script.pop("Hani", 0)
    kana = by_script.pop("Kana", 0)
    hangul = by_script.pop("Hang", 0)
    if kana:
        by_script["Jpan"] = han + kana
    elif hangul:
        by_script["Kore"] = han + hangul
    elif han:
        by_script["Hani"] = han
    # Weigh each letter by the Latin characters it stands for, so that
    # 'Noelle WalshはMicrosoftのクラウド責任者である' is Japanese.
    return min(by_script, key=lambda s: (-by_script[s] / LENGTH_RATIO.get(s, 1.0), _ORDER[s]))


def block_features(
    text: str,
    *,
    anchors: frozenset[str] | set[str] | Sequence[str] = frozenset(),
    kind: str = "paragraph",
    script: str | None = None,
) -> BlockFeatures:
    """Features of one block of prose: its non-space length, script and, for
    scripts not counted like Latin, how many of its characters are Latin
    letters or digits.

    >>> block_features('80 Milliarden Dollar', anchors={'num:8E+10:USD'})
    BlockFeatures(length=18, script='Latn', anchors=frozenset({'num:8E+10:USD'}), kind='paragraph', latin=0)
    >>> block_features('Noelle Walshは2025年に来日した。')
    BlockFeatures(length=23, script='Jpan', anchors=frozenset(), kind='paragraph', latin=15)
    """
    length = len("".join(text.split()))
    script = script if script is not None else script_of(text)
    latin = len(_LATIN_OR_DIGIT.findall(text)) if LENGTH_RATIO.get(script, 1.0) != 1.0 else 0
    return BlockFeatures(length=length, script=script, anchors=frozenset(anchors), kind=kind, latin=latin)


# ---------------------------------------------------------------------------
# Costs


@dataclass(frozen=True, slots=True)
class AlignCosts:
    """Every constant of the alignment score (costs; bonuses are subtracted).

    The length model was fitted on NTREX-128 (de/ja/en sentences and groups
    of five): after removing the language pair's mean, the log length ratio
    has a standard deviation of ~0.14 for 500-1,000 characters, ~0.20 for
    120-250 and ~0.3 for 30-60, which ``sigma² + spread / (L + 1)`` with
    sigma = 0.12, spread = 4.5 reproduces (L = mean normalized length).
    """

    sigma: float = 0.12
    spread: float = 4.5
    smoothing: float = 5.0  # added to both lengths before the log ratio
    length_cap: float = 6.0  # a wild length mismatch costs at most this
    merge: float = 3.5  # prior cost of a 2-1 or 1-2 group
    gap_open: float = 3.5  # the first block of a run without counterpart (1-0, 0-1)
    gap_extend: float = 1.5  # each further block of the run
    gap_open_end: float = 1.75  # gap_open for a run at the start or end of a version
    anchor: float = 0.8  # bonus per shared token anchor, times its rarity
    number_anchor: float = 2.0  # idem for anchors starting with 'num:'
    miss: float = 0.35  # penalty per unit weight of an anchor on one side only
    miss_cap: float = 2.5
    heading_match: float = 1.0  # bonus for heading <-> heading
    heading_mismatch: float = 2.0  # heading <-> other kind, or a merged heading
    kind_mismatch: float = 0.5  # two different non-heading kinds
    common: float = 0.25  # ignore anchors in more than this share of blocks (and > 4)
    recalibrate_min_pairs: int = 5
    recalibrate_threshold: float = 0.05  # realign when the pair ratio moved this much (log)
    full_cells: int = 250_000  # above this many cells, align inside a band
    band: int = 40  # default band margin, in blocks


DEFAULT_COSTS = AlignCosts()

_INF = math.inf
_H = 1  # kind code of headings
_LI = 2  # kind code of list items
#: kinds that are never merged with a neighbour at no extra cost: a heading, and a
#: list item (a list's items correspond one to one; a missing example is a gap)
_ATOMIC = (_H, _LI)
_ATOMIC_KINDS = ("heading", "list_item")


@dataclass(slots=True)
class _Prepared:
    """Per-pair precomputed arrays fed to the dynamic programme."""

    na: list[float]
    nb: list[float]
    weights: dict[str, float]  # anchors that count (shared or numbers), by weight
    ra: list[float]  # relevant anchor weight per block of a
    rb: list[float]
    ra_ov: list[float]  # relevant weight shared by a[i-1] and a[i] (0 for i=0)
    rb_ov: list[float]
    kinds_a: list[int]
    kinds_b: list[int]


def _prepare(a: Sequence[BlockFeatures], b: Sequence[BlockFeatures], costs: AlignCosts) -> _Prepared:
    n, m = len(a), len(b)
    ka: Counter[str] = Counter()
    kb: Counter[str] = Counter()
    for f in a:
        ka.update(f.anchors)
    for f in b:
        kb.update(f.anchors)
    total = n + m
    limit = max(4.0, costs.common * total)
    weights: dict[str, float] = {}
    for x in ka.keys() | kb.keys():
        k = ka.get(x, 0) + kb.get(x, 0)
        number = x.startswith("num:")
        shared = x in ka and x in kb
        if not (shared or number) or k > limit:
            continue
        # a figure, or code (the same in every language), weighs more than a shared word
        base = costs.number_anchor if number or x.startswith("code:") else costs.anchor
        weights[x] = base * (1.0 + math.log(total / k))

    def rel(f: BlockFeatures) -> float:
        return sum(weights[x] for x in f.anchors if x in weights)

    def overlap(fs: Sequence[BlockFeatures]) -> list[float]:
        out = [0.0]
        for i in range(1, len(fs)):
            common = fs[i - 1].anchors & fs[i].anchors
            out.append(sum(weights[x] for x in common if x in weights))
        return out

    kind_codes: dict[str, int] = {"heading": _H, "list_item": _LI}

    def code(kind: str) -> int:
        return kind_codes.setdefault(kind, len(kind_codes) + 1)

    return _Prepared(
        na=[f.latin_length for f in a],
        nb=[f.latin_length for f in b],
        weights=weights,
        ra=[rel(f) for f in a],
        rb=[rel(f) for f in b],
        ra_ov=overlap(a),
        rb_ov=overlap(b),
        kinds_a=[code(f.kind) for f in a],
        kinds_b=[code(f.kind) for f in b],
    )


def _backbone(a: Sequence[BlockFeatures], b: Sequence[BlockFeatures]) -> list[tuple[int, int]]:
    """Longest chain of (i, j), increasing in both, of blocks sharing an anchor
    that occurs exactly once in each version."""
    where_a: dict[str, int] = {}
    dup: set[str] = set()
    for i, f in enumerate(a):
        for x in f.anchors:
            if x in where_a:
                dup.add(x)
            where_a[x] = i
    where_b: dict[str, int] = {}
    for j, f in enumerate(b):
        for x in f.anchors:
            if x in where_b:
                dup.add(x)
            where_b[x] = j
    points = sorted(
        {(where_a[x], where_b[x]) for x in where_a.keys() & where_b.keys() if x not in dup},
        key=lambda p: (p[0], -p[1]),
    )
    # Patience sorting: longest chain strictly increasing in j (ties in i are
    # excluded by the descending order of j within one i).
    tails: list[int] = []  # smallest tail j of a chain of each length
    tail_idx: list[int] = []
    parent: list[int] = []
    for k, (_, j) in enumerate(points):
        pos = bisect_left(tails, j)
        parent.append(tail_idx[pos - 1] if pos else -1)
        if pos == len(tails):
            tails.append(j)
            tail_idx.append(k)
        else:
            tails[pos] = j
            tail_idx[pos] = k
    chain: list[tuple[int, int]] = []
    k = tail_idx[-1] if tail_idx else -1
    while k >= 0:
        chain.append(points[k])
        k = parent[k]
    chain.reverse()
    return chain


def _band(
    a: Sequence[BlockFeatures], b: Sequence[BlockFeatures], margin: int
) -> tuple[list[int], list[int]]:
    """Per DP row ``i`` (0..n), the inclusive range of DP columns to fill."""
    n, m = len(a), len(b)
    points = [(0, 0)] + [(i, j) for i, j in _backbone(a, b)] + [(n, m)]
    # Drop backbone points that would make a segment go backwards (the ends).
    nodes: list[tuple[int, int]] = []
    for p in points:
        if not nodes or (p[0] >= nodes[-1][0] and p[1] >= nodes[-1][1] and p != nodes[-1]):
            nodes.append(p)
    lo = [m + 1] * (n + 1)
    hi = [-1] * (n + 1)
    for (i1, j1), (i2, j2) in zip(nodes, nodes[1:]):
        delta = (j2 - j1) - (i2 - i1)
        d_lo = min(0, delta) - margin
        d_hi = max(0, delta) + margin
        r_lo = max(0, j1 - margin)
        r_hi = min(m, j2 + margin)
        for i in range(max(0, i1 - margin), min(n, i2 + margin) + 1):
            base = j1 + (i - i1)
            low = max(r_lo, base + d_lo)
            h = min(r_hi, base + d_hi)
            if low <= h:
                if low < lo[i]:
                    lo[i] = low
                if h > hi[i]:
                    hi[i] = h
    lo[0] = 0
    hi[n] = m
    for i in range(n + 1):  # rows never reached by a segment
        if lo[i] > hi[i]:
            lo[i], hi[i] = (lo[i - 1], hi[i - 1]) if i else (0, 0)
    for i in range(1, n + 1):  # hi non-decreasing
        if hi[i] < hi[i - 1]:
            hi[i] = hi[i - 1]
    for i in range(n - 1, -1, -1):  # lo non-decreasing
        if lo[i] > lo[i + 1]:
            lo[i] = lo[i + 1]
    for i in range(1, n + 1):  # consecutive rows overlap: the band is connected
        if lo[i] > hi[i - 1]:
            lo[i] = hi[i - 1]
    return lo, hi


def _path_band(groups: Sequence[PairGroup], n: int, m: int, margin: int) -> tuple[list[int], list[int]]:
    """A band of ``margin`` blocks around the path of an alignment."""
    lo = [-1] * (n + 1)  # the path's first and last column in each row
    hi = [0] * (n + 1)
    i = j = 0
    lo[0] = 0
    for ga, gb in groups:
        if len(ga) == 2:  # a 2-1 group passes through the row between
            lo[i + 1] = hi[i + 1] = j
        i += len(ga)
        j += len(gb)
        if lo[i] < 0:
            lo[i] = j
        hi[i] = j
    out_lo = [0] * (n + 1)
    out_hi = [0] * (n + 1)
    for k in range(n + 1):
        out_lo[k] = max(0, lo[max(0, k - margin)] - margin)
        out_hi[k] = min(m, hi[min(n, k + margin)] + margin)
    out_lo[0] = 0
    out_hi[n] = m
    for k in range(1, n + 1):
        if out_lo[k] > out_hi[k - 1]:
            out_lo[k] = out_hi[k - 1]
    return out_lo, out_hi


def _pair_tables(
    a: Sequence[BlockFeatures],
    b: Sequence[BlockFeatures],
    prep: _Prepared,
    lo: list[int],
    hi: list[int],
) -> tuple[list[dict[int, float]], list[dict[int, float]], list[dict[int, float]]]:
    """Sparse shared-anchor weights inside the band.

    ``pair[i][j]``: weight of anchors shared by a[i] and b[j];
    ``tri_a[i][j]``: weight of anchors shared by a[i-1], a[i] and b[j];
    ``tri_b[i][j]``: weight of anchors shared by a[i], b[j-1] and b[j].
    """
    n, m = len(a), len(b)
    weights = prep.weights
    in_b: dict[str, list[int]] = {}
    for j, f in enumerate(b):
        for x in f.anchors:
            if x in weights:
                in_b.setdefault(x, []).append(j)
    pair: list[dict[int, float]] = [{} for _ in range(n)]
    tri_a: list[dict[int, float]] = [{} for _ in range(n)]
    tri_b: list[dict[int, float]] = [{} for _ in range(n)]

    def add(table: dict[int, float], x: str, first: int, last: int) -> None:
        js = in_b[x]
        w = weights[x]
        for k in range(bisect_left(js, first), bisect_right(js, last)):
            j = js[k]
            table[j] = table.get(j, 0.0) + w

    for i, f in enumerate(a):
        # Block pair (i, j) is used by DP cells in rows i+1 (1-1, 1-2) and
        # i+2 (2-1): columns lo[i+1]-2 .. hi[min(n, i+2)]-1.
        first = lo[i + 1] - 2
        last = hi[min(n, i + 2)] - 1
        for x in f.anchors:
            if x in in_b:
                add(pair[i], x, first, last)
        if i:
            for x in f.anchors & a[i - 1].anchors:
                if x in in_b:
                    add(tri_a[i], x, lo[i + 1] - 1, hi[i + 1] - 1)
    in_a: dict[str, list[int]] = {}
    for i, f in enumerate(a):
        for x in f.anchors:
            if x in in_b:
                in_a.setdefault(x, []).append(i)
    for j in range(1, m):
        for x in b[j].anchors & b[j - 1].anchors:
            for i in in_a.get(x, ()):
                if lo[i + 1] <= j + 1 <= hi[i + 1]:
                    tri_b[i][j] = tri_b[i].get(j, 0.0) + weights[x]
    return pair, tri_a, tri_b


def _dp(
    a: Sequence[BlockFeatures],
    b: Sequence[BlockFeatures],
    prep: _Prepared,
    costs: AlignCosts,
    lo: list[int],
    hi: list[int],
    scale_b: float,
    tables: tuple[list[dict[int, float]], list[dict[int, float]], list[dict[int, float]]] | None = None,
    prune: bool = True,
) -> list[PairGroup]:
    """The dynamic programme proper (Gotoh's three states, so that a run of
    unmatched blocks pays ``gap_open`` once); returns the groups in order.

    State per DP node (i, j) = (blocks a[:i], b[:j] aligned): ``T`` the best
    cost, ``X`` the best ending in a 1-0 group, ``Y`` ending in 0-1.  One
    back-pointer byte per node: bits 0-1 the best match group (1 = 1-1,
    2 = 2-1, 3 = 1-2), bit 2 X extends X, bit 3 Y extends Y, bits 4-5 the state
    of T (0 match, 1 X, 2 Y).  ``tables``: :func:`_pair_tables` of this band, where the caller has
    them (the recalibrated pass in the same band reads the first pass's; the programme never
    changes them). ``prune``: score a group only where it can still win (the default; the same
    path either way, and False scores every group, for tests).
    """
    n, m = len(a), len(b)
    pair, tri_a, tri_b = tables if tables is not None else _pair_tables(a, b, prep, lo, hi)
    k0 = costs.smoothing
    log = math.log
    na = prep.na
    nb = [x * scale_b for x in prep.nb]
    la = [log(x + k0) for x in na]
    lb = [log(x + k0) for x in nb]
    nb2 = [0.0] + [nb[j - 1] + nb[j] for j in range(1, m)]  # b[j-1] + b[j]
    lb2 = [0.0] + [log(x + k0) for x in nb2[1:]]
    v0 = 2.0 * costs.sigma**2
    vk = 4.0 * costs.spread  # 2 * spread / ((La + Lb) / 2 + 1) = vk / (La + Lb + 2)
    cap = costs.length_cap
    g_open = costs.gap_open
    g_ext = costs.gap_extend
    g_end = costs.gap_open_end
    x_open = [g_open] * m + [g_end]  # a 1-0 run in the last column is trailing
    merge = costs.merge
    miss = costs.miss
    miss_cap = costs.miss_cap
    ra, rb, ra_ov, rb_ov = prep.ra, prep.rb, prep.ra_ov, prep.rb_ov
    rb2 = [0.0] + [rb[j - 1] + rb[j] - rb_ov[j] for j in range(1, m)]
    kinds_a, kinds_b = prep.kinds_a, prep.kinds_b
    head_b = [k in _ATOMIC for k in kinds_b]
    head_b2 = [False] + [head_b[j - 1] or head_b[j] for j in range(1, m)]
    n_kinds = max([*kinds_a, *kinds_b, _H]) + 1
    kind_table = [
        [
            0.0
            if p == q and p != _H
            else -costs.heading_match
            if p == q
            else costs.heading_mismatch
            if _H in (p, q)
            else costs.kind_mismatch
            for q in range(n_kinds)
        ]
        for p in range(n_kinds)
    ]
    hmm = costs.heading_mismatch
    # The bound above which a group is not scored, plus this slack: floating-point sums of the
    # same anchor weights in another order can leave the missing-anchor term a few units in the
    # last place below zero; the slack (10⁻¹² of the largest cost a path can reach, thousands of
    # units in the last place of any cost in the table) is far above that. The bound needs the
    # terms it leaves out to be >= 0: costs that make them negative are scored in full.
    terms = (cap, miss, miss_cap, hmm, costs.anchor, costs.number_anchor)
    per_group = sum(abs(x) for x in (*terms, merge, g_open, g_ext, g_end, costs.heading_match, costs.kind_mismatch))
    per_group += 2.0 * max([0.0, *prep.ra]) + 2.0 * max([0.0, *prep.rb])
    slack = 1e-12 * (1.0 + (n + m) * per_group) if prune and min(terms) >= 0.0 else _INF

    inf = _INF
    empty_row = [inf] * (m + 1)
    zeros = [0.0] * (m + 1)
    # Back-pointers are kept for the band only: row i holds columns lo[i]..hi[i] (plus column 0,
    # which a row reaches only when lo[i] == 0), so memory grows with the band, not with n × m.
    back: list[bytearray] = []
    back_lo: list[int] = []
    # Row 0: only 0-1 groups.
    t_row = [inf] * (m + 1)
    x_row = [inf] * (m + 1)
    t_row[0] = 0.0
    bp0 = bytearray(hi[0] + 1)
    y = inf
    for j in range(1, hi[0] + 1):
        if j == 1:
            y = g_end  # leading run
            bp0[j] = 0x20
        else:
            y += g_ext
            bp0[j] = 0x28
        t_row[j] = y
    back.append(bp0)
    back_lo.append(0)
    t_prev2 = empty_row
    t_prev = t_row
    x_prev = x_row
    prev_pair_dense = zeros
    # Rows are full width (the recurrences read the rows above at any column of this row's band, and
    # outside a row's band its cells are infinite), but a row dropped is cleaned in its band and used
    # again: making and freeing full rows of floats for every row cost time with the square of the
    # length (a third of the alignment of 20,000 blocks).
    spare_rows = [[inf] * (m + 1) for _ in range(4)]  # clean (infinite everywhere); five rows are in use
    spare_dense = [[0.0] * (m + 1) for _ in range(2)]  # clean (zero everywhere)
    tri_a_buf = [0.0] * (m + 1)
    tri_b_buf = [0.0] * (m + 1)

    def clean(row: list[float], r: int) -> None:
        """Row ``r``'s list back to infinite in the band it was written in, and spare."""
        row[lo[r]:hi[r] + 1] = empty_row[lo[r]:hi[r] + 1]
        spare_rows.append(row)

    for i in range(1, n + 1):
        ai = i - 1
        t_cur = spare_rows.pop()
        x_cur = spare_rows.pop()
        row_lo = lo[i]
        bp = bytearray(hi[i] - row_lo + 1)
        # Dense copies of this row's sparse tables.
        pair_dense = spare_dense.pop()
        for j, w in pair[ai].items():
            pair_dense[j] = w
        tri_a_dense = zeros
        if tri_a[ai]:
            tri_a_dense = tri_a_buf
            for j, w in tri_a[ai].items():
                tri_a_dense[j] = w
        tri_b_dense = zeros
        if tri_b[ai]:
            tri_b_dense = tri_b_buf
            for j, w in tri_b[ai].items():
                tri_b_dense[j] = w
        na1 = na[ai]
        la1 = la[ai]
        ra1 = ra[ai]
        kind_row = kind_table[kinds_a[ai]]
        head_a1 = kinds_a[ai] in _ATOMIC
        if i >= 2:
            na2 = na[ai - 1] + na1
            la2 = log(na2 + k0)
            ra2 = ra[ai - 1] + ra1 - ra_ov[ai]
            head_a2 = head_a1 or kinds_a[ai - 1] in _ATOMIC
        else:
            na2 = la2 = ra2 = 0.0
            head_a2 = False
        y_open = g_end if i == n else g_open  # a 0-1 run in the last row is trailing
        j_lo = lo[i]
        j_hi = hi[i]
        y = inf  # Y at (i, j - 1)
        t_left = inf  # T at (i, j - 1)
        if j_lo == 0:
            # Column 0: only 1-0 groups.
            o = t_prev[0] + g_end  # leading run
            e = x_prev[0] + g_ext
            if e <= o:
                x_cur[0] = t_cur[0] = e
                bp[0] = 0x14  # row_lo == 0 here
            else:
                x_cur[0] = t_cur[0] = o
                bp[0] = 0x10
            t_left = t_cur[0]
            j_lo = 1
        for j in range(j_lo, j_hi + 1):
            bj = j - 1
            code = 0
            # X: a[ai] alone, opening or extending a run.
            x = t_prev[j] + x_open[j]
            e = x_prev[j] + g_ext
            if e <= x:
                x = e
                code = 0x04
            # Y: b[bj] alone.
            o = t_left + y_open
            e = y + g_ext
            if e <= o:
                y = e
                code |= 0x08
            else:
                y = o
            best = inf
            # A group is scored only where it can still win: its cost without the length and
            # missing-anchor terms (both >= 0) is a lower bound, and T is min(groups, X, Y) with a
            # group kept on ties, so a group whose bound is above X or Y (or above a group scored
            # before it) changes nothing, not even the back-pointer the trace reads (see `slack`).
            bound = (x if x < y else y) + slack
            # 1-1
            p = t_prev[bj]
            if p < inf:
                s = pair_dense[bj]
                k = kind_row[kinds_b[bj]]
                if p - s + k <= bound:
                    d = lb[bj] - la1
                    c = d * d / (v0 + vk / (na1 + nb[bj] + 2.0))
                    if c > cap:
                        c = cap
                    u = miss * (ra1 + rb[bj] - 2.0 * s)
                    if u > miss_cap:
                        u = miss_cap
                    best = p + c + u - s + k
                    mcode = 1
                    if best + slack < bound:
                        bound = best + slack
            # 2-1: a[ai-1] + a[ai] with b[bj]
            p = t_prev2[bj]
            if p < inf:
                s = prev_pair_dense[bj] + pair_dense[bj] - tri_a_dense[bj]
                if p + merge - s <= bound:
                    d = lb[bj] - la2
                    c = d * d / (v0 + vk / (na2 + nb[bj] + 2.0))
                    if c > cap:
                        c = cap
                    u = miss * (ra2 + rb[bj] - 2.0 * s)
                    if u > miss_cap:
                        u = miss_cap
                    v = p + merge + c + u - s
                    if head_a2 or head_b[bj]:
                        v += hmm
                    if v < best:
                        best = v
                        mcode = 2
                        if best + slack < bound:
                            bound = best + slack
            # 1-2: a[ai] with b[bj-1] + b[bj]
            if bj:
                p = t_prev[bj - 1]
                if p < inf:
                    s = pair_dense[bj - 1] + pair_dense[bj] - tri_b_dense[bj]
                    if p + merge - s <= bound:
                        d = lb2[bj] - la1
                        c = d * d / (v0 + vk / (na1 + nb2[bj] + 2.0))
                        if c > cap:
                            c = cap
                        u = miss * (ra1 + rb2[bj] - 2.0 * s)
                        if u > miss_cap:
                            u = miss_cap
                        v = p + merge + c + u - s
                        if head_a1 or head_b2[bj]:
                            v += hmm
                        if v < best:
                            best = v
                            mcode = 3
            if best < inf:
                code |= mcode
            # T
            if x < best:
                best = x
                code |= 0x10
            if y < best:
                best = y
                code = (code & 0x0F) | 0x20
            t_cur[j] = best
            x_cur[j] = x
            bp[j - row_lo] = code
            t_left = best
        back.append(bp)
        back_lo.append(row_lo)
        if t_prev2 is not empty_row:
            clean(t_prev2, i - 2)
        if x_prev is not x_row:
            clean(x_prev, i - 1)
        if prev_pair_dense is not zeros:
            for j in pair[ai - 1]:
                prev_pair_dense[j] = 0.0
            spare_dense.append(prev_pair_dense)
        for j in tri_a[ai]:
            tri_a_buf[j] = 0.0
        for j in tri_b[ai]:
            tri_b_buf[j] = 0.0
        t_prev2 = t_prev
        t_prev = t_cur
        x_prev = x_cur
        prev_pair_dense = pair_dense

    def at(i: int, j: int) -> int:
        k = j - back_lo[i]
        row = back[i]
        return row[k] if 0 <= k < len(row) else 0  # outside the band: no move

    groups: list[PairGroup] = []
    i, j = n, m
    state = at(n, m) >> 4
    while i or j:
        code = at(i, j)
        if state == 0:
            move = code & 0x03
            if move == 1:
                groups.append(((i - 1,), (j - 1,)))
                i -= 1
                j -= 1
            elif move == 2:
                groups.append(((i - 2, i - 1), (j - 1,)))
                i -= 2
                j -= 1
            elif move == 3:
                groups.append(((i - 1,), (j - 2, j - 1)))
                i -= 1
                j -= 2
            else:  # pragma: no cover - the band is connected by construction
                raise AssertionError(f"alignment fell out of the band at ({i}, {j})")
            state = at(i, j) >> 4
        elif state == 1:
            groups.append(((i - 1,), ()))
            i -= 1
            state = 1 if code & 0x04 else at(i, j) >> 4
        else:
            groups.append(((), (j - 1,)))
            j -= 1
            state = 2 if code & 0x08 else at(i, j) >> 4
    groups.reverse()
    return groups


def _alignment_cost(
    a: Sequence[BlockFeatures],
    b: Sequence[BlockFeatures],
    groups: Sequence[PairGroup],
    *,
    costs: AlignCosts = DEFAULT_COSTS,
    scale_b: float = 1.0,
) -> float:
    """The cost :func:`_dp` assigns to ``groups``, computed group by group
    with sets (slow; an oracle for tests and a tool for tuning)."""
    prep = _prepare(a, b, costs)
    n, m = len(a), len(b)
    w = prep.weights
    k0 = costs.smoothing
    total = 0.0
    previous = ""  # "x" / "y" while inside a run of 1-0 / 0-1 groups
    done_a = done_b = 0
    for ga, gb in groups:
        if ga and gb:
            la = sum(prep.na[i] for i in ga)
            lb = sum(prep.nb[j] for j in gb) * scale_b
            d = math.log(lb + k0) - math.log(la + k0)
            var2 = 2.0 * costs.sigma**2 + 4.0 * costs.spread / (la + lb + 2.0)
            cost = min(costs.length_cap, d * d / var2)
            side_a = frozenset().union(*(a[i].anchors for i in ga)) & w.keys()
            side_b = frozenset().union(*(b[j].anchors for j in gb)) & w.keys()
            shared = sum(w[x] for x in side_a & side_b)
            unshared = sum(w[x] for x in side_a ^ side_b)
            cost += min(costs.miss_cap, costs.miss * unshared) - shared
            kinds_a = [a[i].kind for i in ga]
            kinds_b = [b[j].kind for j in gb]
            if len(ga) == 1 == len(gb):
                ka, kb = kinds_a[0], kinds_b[0]
                if ka == kb == "heading":
                    cost -= costs.heading_match
                elif "heading" in (ka, kb):
                    cost += costs.heading_mismatch if ka != kb else 0.0
                elif ka != kb:
                    cost += costs.kind_mismatch
            else:
                cost += costs.merge
                if any(k in _ATOMIC_KINDS for k in kinds_a + kinds_b):
                    cost += costs.heading_mismatch
            total += cost
            previous = ""
        else:
            state = "x" if ga else "y"
            if previous == state:
                total += costs.gap_extend
            else:
                leading = done_b == 0 if state == "x" else done_a == 0
                trailing = done_b == m if state == "x" else done_a == n
                total += costs.gap_open_end if leading or trailing else costs.gap_open
            previous = state
        done_a += len(ga)
        done_b += len(gb)
    return total


def align_pair(
    a: Sequence[BlockFeatures],
    b: Sequence[BlockFeatures],
    *,
    costs: AlignCosts = DEFAULT_COSTS,
    band: int | None = None,
    recalibrate: bool = True,
) -> list[PairGroup]:
    """Align the blocks of two versions.

    Returns the groups in order, each ``(indices in a, indices in b)`` with
    one of the shapes 1-1, 2-1, 1-2, 1-0, 0-1; every index of both sides
    appears in exactly one group and the groups are monotone on both sides.

    ``band``: ``None`` fills the whole n × m table when it has at most
    ``costs.full_cells`` cells and otherwise a band of ``costs.band`` blocks
    around the anchor backbone; an int forces a band of that margin (a band of
    ``max(len(a), len(b))`` or more is exact).  ``recalibrate`` re-estimates
    the pair's length ratio from the 1-1 groups of a first pass and aligns
    again when it moved (in a band around the first path when the first band
    was wide); see the module docstring.

    >>> f = lambda n, *xs: BlockFeatures(n, 'Latn', frozenset(xs))
    >>> align_pair([f(100, 'num:1'), f(80, 'num:2'), f(90, 'num:3')], [f(100, 'num:1'), f(90, 'num:3')])
    [((0,), (0,)), ((1,), ()), ((2,), (1,))]
    """
    n, m = len(a), len(b)
    if not n or not m:
        return [((i,), ()) for i in range(n)] + [((), (j,)) for j in range(m)]
    prep = _prepare(a, b, costs)
    margin = costs.band if band is None else max(1, band)
    banded = band is not None or (n + 1) * (m + 1) > costs.full_cells
    if banded:
        lo, hi = _band(a, b, margin)
    else:
        lo, hi = [0] * (n + 1), [m] * (n + 1)
    tables = _pair_tables(a, b, prep, lo, hi)
    groups = _dp(a, b, prep, costs, lo, hi, 1.0, tables)
    if recalibrate:
        logs = sorted(
            math.log(prep.nb[g[1][0]] / prep.na[g[0][0]])
            for g in groups
            if len(g[0]) == 1 == len(g[1]) and prep.na[g[0][0]] >= 20 and prep.nb[g[1][0]] >= 20
        )
        k = len(logs)
        if k >= costs.recalibrate_min_pairs:
            median = (logs[(k - 1) // 2] + logs[k // 2]) / 2
            shift = median * k / (k + costs.recalibrate_min_pairs)  # shrink towards the table
            shift = max(-0.7, min(0.7, shift))
            if abs(shift) > costs.recalibrate_threshold:
                if banded and sum(h - low + 1 for low, h in zip(lo, hi)) > 4 * margin * (n + 1):
                    lo, hi = _path_band(groups, n, m, margin)
                    tables = _pair_tables(a, b, prep, lo, hi)  # a narrower band: its own tables
                groups = _dp(a, b, prep, costs, lo, hi, math.exp(-shift), tables)
    return groups


# ---------------------------------------------------------------------------
# moved passages

#: the figures or code two blocks must share, each once in its version, to be taken as one passage moved
#: (one, where both blocks state two or more: a moved paragraph with one of its two figures changed is
#: still paired, and the change reported; two otherwise)
MOVED_MIN_SHARED = 1
#: how far from its place (a share of the text) a block pair may be taken as moved without a crossing pair
MOVED_FAR = 0.25
#: how many moved passages one pair of versions may have
MOVED_MAX = 4
#: how many candidate passages are tried for each (each trial aligns the pair again)
MOVED_TRIALS = 3


def strong_anchors(f: BlockFeatures) -> set[str]:
    """A block's anchors that a translation keeps exactly: figures and code."""
    return {x for x in f.anchors if x.startswith(("num:", "code:"))}


def _unmatched(groups: Sequence[PairGroup]) -> int:
    return sum(len(ga) + len(gb) for ga, gb in groups if not ga or not gb)


def align_pair_with_moves(a: Sequence[BlockFeatures], b: Sequence[BlockFeatures], *,
                          costs: AlignCosts = DEFAULT_COSTS, band: int | None = None) -> list[PairGroup]:
    """:func:`align_pair`, then passages moved to another place: a block of ``a`` and one of ``b``
    that share at least :data:`MOVED_MIN_SHARED` figures or code anchors found nowhere else in
    either version, out of order with another such pair (the two cross) or :data:`MOVED_FAR` of the
    text away from its place, are set aside (the farthest from each other's place first) and the rest aligned again; the pair is kept as one group (at the place of the ``a`` block, so ``b`` is out of order there)
    when fewer blocks are then left without a counterpart.  A monotone alignment reads a moved
    paragraph as missing in one place and extra in another, and pulls its neighbours astray.

    >>> f = lambda n, *xs: BlockFeatures(n, 'Latn', frozenset(xs))
    >>> en = [f(50), f(80, 'num:1', 'num:2'), f(60, 'num:3'), f(70), f(90)]
    >>> de = [f(52), f(61, 'num:3'), f(72), f(88), f(82, 'num:1', 'num:2')]
    >>> align_pair_with_moves(en, de)
    [((0,), (0,)), ((1,), (4,)), ((2,), (1,)), ((3,), (2,)), ((4,), (3,))]
    """
    groups = align_pair(a, b, costs=costs, band=band)
    if not _unmatched(groups):
        return groups
    strong_a = [strong_anchors(f) for f in a]
    strong_b = [strong_anchors(f) for f in b]
    count_a: dict[str, int] = {}
    count_b: dict[str, int] = {}
    for strongs, counts in ((strong_a, count_a), (strong_b, count_b)):
        for xs in strongs:
            for x in xs:
                counts[x] = counts.get(x, 0) + 1
    # blocks that share a figure or code found once in each version: the pairs a move would cross
    where_b: dict[str, int] = {}
    for j, xs in enumerate(strong_b):
        for x in xs:
            if count_a.get(x) == 1 and count_b.get(x) == 1:
                where_b[x] = j
    anchored = {(i, where_b[x]) for i, xs in enumerate(strong_a) for x in xs if x in where_b}
    # (k - i) * (m - j) < 0 for an anchored (k, m): one before i placed after j, or one after i before j
    latest_before = [-1] * (len(a) + 1)  # [i]: the greatest m of an anchored pair with k < i
    earliest_from = [len(b)] * (len(a) + 1)  # [i]: the least m of an anchored pair with k >= i
    for k, m in anchored:
        latest_before[k + 1] = max(latest_before[k + 1], m)
        earliest_from[k] = min(earliest_from[k], m)
    for i in range(1, len(a) + 1):
        latest_before[i] = max(latest_before[i], latest_before[i - 1])
    for i in range(len(a) - 1, -1, -1):
        earliest_from[i] = min(earliest_from[i], earliest_from[i + 1])
    moved: list[tuple[int, int]] = []
    for _ in range(MOVED_MAX):
        if not _unmatched(groups):
            break
        both_sides = any(not gb for _ga, gb in groups) and any(not ga for ga, _gb in groups)
        taken_a = {i for i, _j in moved}
        taken_b = {j for _i, j in moved}
        candidates = []
        for i, xs in enumerate(strong_a):
            if i in taken_a:
                continue
            unique = {x for x in xs if x in where_b}
            if len(unique) < MOVED_MIN_SHARED:
                continue
            # a block of b shares one of them only where that anchor is: nowhere else to look
            for j in sorted({where_b[x] for x in unique}):
                shared = len(unique & strong_b[j])
                # out of order with another anchored pair, or far from its place (a quarter of the
                # text) where the alignment leaves blocks of both sides without a counterpart
                crosses = latest_before[i] > j or earliest_from[i + 1] < j or (
                    both_sides and abs(i / len(a) - j / len(b)) >= MOVED_FAR)
                # one figure in common moves a passage only where both blocks state two or more
                # (one of them changed); a sentence with one figure is too little to go by
                enough = shared >= 2 or (shared >= MOVED_MIN_SHARED and len(xs) >= 2 and len(strong_b[j]) >= 2)
                if j not in taken_b and enough and crosses:
                    # the farthest from its place first: a moved passage, or one that pulled the
                    # alignment to it (it may be aligned already, its neighbours astray)
                    candidates.append((-abs(i / len(a) - j / len(b)), -shared, i, j))
        accepted = False
        for _far, _shared, i, j in sorted(candidates)[:MOVED_TRIALS]:
            trial = _with_moves(a, b, moved + [(i, j)], costs, band)
            if trial is not None and _unmatched(trial) < _unmatched(groups):
                moved.append((i, j))
                groups = trial
                accepted = True
                break
        if not accepted:
            break
    return groups


def _with_moves(a: Sequence[BlockFeatures], b: Sequence[BlockFeatures], moved: list[tuple[int, int]],
                costs: AlignCosts, band: int | None) -> list[PairGroup] | None:
    """The alignment of ``a`` and ``b`` without the ``moved`` pairs, each pair then put back as
    a group at the place of its ``a`` block; None where a group of the rest would join blocks
    on both sides of a moved one."""
    skip_a = {i for i, _j in moved}
    skip_b = {j for _i, j in moved}
    keep_a = [i for i in range(len(a)) if i not in skip_a]
    keep_b = [j for j in range(len(b)) if j not in skip_b]
    rest = align_pair([a[i] for i in keep_a], [b[j] for j in keep_b], costs=costs, band=band)
    groups = [(tuple(keep_a[i] for i in ga), tuple(keep_b[j] for j in gb)) for ga, gb in rest]
    if any(side and side[-1] - side[0] >= len(side) for group in groups for side in group):
        return None
    for i, j in sorted(moved):
        at = next((k for k, (ga, _gb) in enumerate(groups) if ga and ga[0] > i), len(groups))
        groups.insert(at, ((i,), (j,)))
    return groups


# ---------------------------------------------------------------------------
# N versions


def _joined(pairwise: dict[int, list[PairGroup]], n: int) -> list[bool]:
    """``joined[i]``: pivot block ``i`` is in the cluster of block ``i - 1`` (a 2-1 group joins them)."""
    joined = [False] * n
    for groups in pairwise.values():
        for pg, _ in groups:
            for i in pg[1:]:
                joined[i] = True
    return joined


def out_of_order(sequence: Sequence[int]) -> set[int]:
    """The positions of ``sequence`` outside one of its longest increasing runs (patience sorting):
    the blocks of a version that an alignment placed out of its order (moved passages).

    >>> sorted(out_of_order([0, 4, 1, 2, 3]))
    [1]
    """
    from bisect import bisect_left

    tails: list[int] = []  # tails[k]: the position ending the best run of length k + 1
    values: list[int] = []  # values[k]: sequence[tails[k]]
    back = [-1] * len(sequence)
    for i, x in enumerate(sequence):
        k = bisect_left(values, x)
        back[i] = tails[k - 1] if k else -1
        if k == len(tails):
            tails.append(i)
            values.append(x)
        else:
            tails[k], values[k] = i, x
    keep, i = set(), tails[-1] if tails else -1
    while i >= 0:
        keep.add(i)
        i = back[i]
    return set(range(len(sequence))) - keep


def align_versions(
    versions: Sequence[Sequence[BlockFeatures]],
    *,
    pivot: int = 0,
    costs: AlignCosts = DEFAULT_COSTS,
    band: int | None = None,
) -> list[Group]:
    """Align N versions: each group holds one tuple of block indices per
    version (``()`` = no counterpart in that version).

    Every other version is aligned to ``pivot`` with :func:`align_pair`; pivot
    blocks grouped together by any pairwise alignment form one group.  Blocks
    of other versions without a pivot counterpart are aligned among
    themselves where several versions have such blocks at the same place, and
    otherwise form groups of their own, in order.  Every block index of every
    version appears in exactly one group and the groups are monotone in every
    version.

    >>> f = lambda n, *xs: BlockFeatures(n, 'Latn', frozenset(xs))
    >>> en = [f(100, 'num:1'), f(90, 'num:2')]
    >>> de = [f(110, 'num:1'), f(95, 'num:2')]
    >>> ja = [f(45, 'num:1')]
    >>> align_versions([en, de, ja])
    [((0,), (0,), (0,)), ((1,), (1,), ())]
    """
    count = len(versions)
    if not count:
        return []
    if not 0 <= pivot < count:
        raise IndexError(f"pivot {pivot} out of range for {count} versions")
    others = [v for v in range(count) if v != pivot]
    pairwise = {v: align_pair_with_moves(versions[pivot], versions[v], costs=costs, band=band) for v in others}
    out = _merged(versions, pairwise, pivot, costs, band)
    if not all(_in_order_but_moves(out, v) for v in others):
        # a moved passage whose pivot block another version joins to its neighbours would mix
        # orders in one group (rare): the versions are aligned without moves
        pairwise = {v: align_pair(versions[pivot], versions[v], costs=costs, band=band) for v in others}
        out = _merged(versions, pairwise, pivot, costs, band)
    return out


def _in_order_but_moves(groups: list[Group], v: int) -> bool:
    """Whether version ``v``'s blocks are consecutive in each group and in order across groups but
    for groups that hold one block of ``v`` out of order (a moved passage)."""
    held = [g for g, group in enumerate(groups) if group[v]]
    if any(blocks[-1] - blocks[0] >= len(blocks) for g in held for blocks in (groups[g][v],)):
        return False
    firsts = [groups[g][v][0] for g in held]
    moved = {held[k] for k in out_of_order(firsts)}
    rest = [b for g in held if g not in moved for b in groups[g][v]]
    return all(len(groups[g][v]) == 1 for g in moved) and rest == sorted(rest)


def _merged(versions: Sequence[Sequence[BlockFeatures]], pairwise: dict[int, list[PairGroup]], pivot: int,
            costs: AlignCosts, band: int | None) -> list[Group]:
    """The N-way groups from each version's alignment to the pivot (see :func:`align_versions`)."""
    count, n = len(versions), len(versions[pivot])
    # Clusters of pivot blocks: consecutive blocks joined by any 2-1 group.
    joined = _joined(pairwise, n)
    cluster_of: list[int] = []
    c = -1
    for i in range(n):
        if not joined[i]:
            c += 1
        cluster_of.append(c)
    n_clusters = c + 1

    members: list[list[list[int]]] = [[[] for _ in range(count)] for _ in range(n_clusters)]
    for i in range(n):
        members[cluster_of[i]][pivot].append(i)
    # Unmatched blocks per slot: slot s sits after cluster s-1 (s = 0: before all).
    slots: dict[int, dict[int, list[int]]] = {}
    for v, groups in pairwise.items():
        last = -1  # cluster of the last pivot block seen
        pending: list[int] = []
        for pg, vg in groups:
            if pg:
                cl = cluster_of[pg[0]]
                if pending:
                    if cl == last:  # inside a cluster: absorb to stay monotone
                        members[cl][v].extend(pending)
                    else:
                        slots.setdefault(last + 1, {})[v] = pending
                    pending = []
                members[cl][v].extend(vg)
                last = cl
            else:
                pending.extend(vg)
        if pending:
            slots.setdefault(last + 1, {})[v] = pending

    out: list[Group] = []

    def emit_slot(s: int) -> None:
        runs = slots.get(s)
        if not runs:
            return
        vs = sorted(runs)
        if len(vs) == 1:
            v = vs[0]
            for j in runs[v]:
                out.append(tuple((j,) if w == v else () for w in range(count)))
            return
        sub = align_versions([[versions[v][j] for j in runs[v]] for v in vs], costs=costs, band=band)
        for sg in sub:
            group: list[tuple[int, ...]] = [() for _ in range(count)]
            for k, v in enumerate(vs):
                group[v] = tuple(runs[v][j] for j in sg[k])
            out.append(tuple(group))

    for cl in range(n_clusters):
        emit_slot(cl)
        out.append(tuple(tuple(sorted(ms)) for ms in members[cl]))
    emit_slot(n_clusters)
    return out


# ---------------------------------------------------------------------------
# Coverage


def unmatched_runs(
    groups: Sequence[Group], version: int, *, other: int | None = None
) -> list[tuple[int, int]]:
    """Maximal runs ``(first, last)`` (inclusive) of consecutive blocks of
    ``version`` whose groups hold no block of ``other`` (of at least one other
    version when ``other`` is ``None``).

    >>> groups = [((0,), (0,)), ((1,), ()), ((2,), ()), ((3,), (1,))]
    >>> unmatched_runs(groups, 0)
    [(1, 2)]
    """
    blocks: list[int] = []
    for g in groups:
        mine = g[version]
        if not mine:
            continue
        if other is None:
            missing = any(not g[w] for w in range(len(g)) if w != version)
        else:
            missing = not g[other]
        if missing:
            blocks.extend(mine)
    runs: list[tuple[int, int]] = []
    for k in sorted(blocks):
        if runs and runs[-1][1] == k - 1:
            runs[-1] = (runs[-1][0], k)
        else:
            runs.append((k, k))
    return runs


def coverage_gaps(groups: Sequence[Group], n_versions: int) -> list[Gap]:
    """Every maximal run of consecutive blocks of a version ``v`` with no
    counterpart in another version ``w``, for each ordered pair (v, w).

    >>> groups = [((0,), (0,), (0,)), ((1,), (1,), ())]
    >>> for gap in coverage_gaps(groups, 3):
    ...     print(gap)
    Gap(version=0, other=2, first_block=1, last_block=1)
    Gap(version=1, other=2, first_block=1, last_block=1)
    """
    gaps: list[Gap] = []
    for v in range(n_versions):
        for w in range(n_versions):
            if v != w:
                gaps.extend(Gap(v, w, first, last) for first, last in unmatched_runs(groups, v, other=w))
    return gaps

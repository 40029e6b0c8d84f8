"""Quotations across blocks and across versions.

Contract: :func:`quotes_per_block` reads each version's quotations block by block and carries
a quotation left open at the end of a block into the following blocks (journalists open every
paragraph of a long quotation, translators and sentence splitters drop marks).
:func:`pair_quotes` pairs the quotations of every two versions in each aligned group by
position and length (:func:`align_quotes`) and resolves each one's speaker through the name
links (:mod:`consistency.match.names`).  :class:`QuotePairs` computes, each only when asked:

- ``speaker_conflicts``: paired quotations whose speakers are different people (QUO002), the
  deviant being the speaker the other versions do not confirm; ``speaker_spans`` are those
  speakers' mentions, which the name rules leave to QUO002;
- ``unmatched``: direct speech of four words or more without a counterpart, merged into a
  neighbour said by another person (``quote-count``, QUO001) or paraphrased or missing
  (``quote-paraphrased``, QUO003).
"""

from __future__ import annotations

import dataclasses
import math
from collections import defaultdict
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any, Sequence

from ..extract.names import Mention
from ..extract.quotes import Quote, extract_quotes, has_quotation_marks, quote_words
from ..extract.translit import name_similarity
from ..model import Document
from .issues import Issue, Side
from .names import NameLinks, UnionFind, node_key, score

if TYPE_CHECKING:
    from .analysis import BundleAnalysis

__all__ = ["GroupQuotes", "QuotePairs", "align_quotes", "pair_quotes", "quotes_per_block"]

#: direct speech shorter than this many words is not reported missing by default (QUO001/QUO003's
#: ``min_words`` option): a partial quotation of a word or two ("no way") is often dropped
MIN_QUOTE_WORDS = 4
#: blocks a quotation is never carried into or out of
_NOT_CARRIED = frozenset({"heading", "table_cell"})
#: blocks without a quotation mark that a quotation left open may run through
_MAX_CARRIED = 8


def quotes_per_block(documents: Sequence[Document], names: Sequence[Sequence[Sequence[Mention]]]
                     ) -> tuple[list[list[list[Quote]]], list[list[bool]]]:
    """``(quotes[v][b], inside[v][b])``: each block's quotations in file offsets, and whether a
    block without a quotation mark lies inside a quotation opened in an earlier block."""
    quotes, inside = [], []
    for v, doc in enumerate(documents):
        per_block, flags = [], []
        running = None  # the kind of a quotation left open at the end of the previous block
        carried = 0
        for b, block in enumerate(doc.blocks):
            found = []
            if has_quotation_marks(block.text, doc.locale):  # most blocks: no mention to shift back
                local = [m.shifted(-block.start) for m in names[v][b]]
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


@dataclass
class GroupQuotes:
    """The top-level quotations of one aligned group that at least two versions hold."""

    group: int
    present: list[int]
    #: version -> its quotations in the group
    qs: dict[int, list[Quote]]
    #: version -> the group's span in that version
    spans: dict[int, tuple[int, int]]
    #: (version, quotation start) -> the speaker's mention, where one is known
    speakers: dict[tuple[int, int], Mention | None]
    #: (v, w) with v before w -> the pairs (i, j) of qs[v][i] with qs[w][j]
    pairs: dict[tuple[int, int], list[tuple[int, int]]]
    #: version -> quotation index -> the versions that hold no counterpart of it
    unmatched: dict[int, dict[int, list[int]]]
    #: joins (version, index) of corresponding quotations
    same_quote: UnionFind


def pair_quotes(an: BundleAnalysis, links: NameLinks) -> QuotePairs:
    """The quotations of ``an`` paired across versions (see the module's contract)."""
    return QuotePairs(an, links)


class QuotePairs:
    def __init__(self, an: Any, links: NameLinks) -> None:
        self.an, self.links = an, links
        self._unmatched: dict[int, dict[str, list[Issue]]] = {}

    @cached_property
    def groups(self) -> list[GroupQuotes]:
        an, links = self.an, self.links
        n = len(an.documents)
        out: list[GroupQuotes] = []
        if n < 2:
            return out
        for g, group in enumerate(an.groups):
            present = [v for v in range(n) if group[v]]
            if len(present) < 2:
                continue
            qs = {v: [q for b in group[v] for q in an.quotes[v][b] if q.depth == 0] for v in present}
            if not any(qs.values()):
                continue
            spans = {v: an.group_span(v, g) for v in present}
            # speakers, with inheritance inside a block
            speakers: dict[tuple[int, int], Mention | None] = {}
            for v in present:
                last = None
                last_block = None
                for q in qs[v]:
                    blk = an.block_of(v, q.start)
                    sp = None
                    if q.kind == "speech" and not q.pronoun and q.speaker is not None and q.speaker.type in (
                            None, "person", "organization"):
                        # only speakers named at the quotation are compared: a pronoun's antecedent is a guess
                        sp = _resolve_speaker(an, v, q, links)
                    if sp is None and q.kind == "speech" and q.speaker_text is None and blk is last_block:
                        sp = last
                    speakers[(v, q.start)] = sp
                    if q.kind == "speech":
                        last, last_block = sp, blk
            unmatched: dict[int, dict[int, list[int]]] = defaultdict(lambda: defaultdict(list))
            same_quote = UnionFind()
            pairs_of: dict[tuple[int, int], list[tuple[int, int]]] = {}
            for ai, v in enumerate(present):
                for w in present[ai + 1:]:
                    pairs = align_quotes(qs[v], qs[w], spans[v], spans[w])
                    pairs_of[(v, w)] = pairs
                    ma = {i for i, _ in pairs}
                    mb = {j for _, j in pairs}
                    for i in range(len(qs[v])):
                        if i not in ma:
                            unmatched[v][i].append(w)
                    for j in range(len(qs[w])):
                        if j not in mb:
                            unmatched[w][j].append(v)
                    for i, j in pairs:
                        same_quote.union((v, i), (w, j))
            out.append(GroupQuotes(g, present, qs, spans, speakers, pairs_of, unmatched, same_quote))
        return out

    @cached_property
    def _speakers(self) -> tuple[list[Issue], set[tuple[int, int]]]:
        an, uf = self.an, self.links.uf
        source = an.source
        issues: list[Issue] = []
        speaker_spans: set[tuple[int, int]] = set()
        for gq in self.groups:
            g, present, qs, speakers = gq.group, gq.present, gq.qs, gq.speakers
            for (v, w), pairs in gq.pairs.items():
                for i, j in pairs:
                    qa, qb = qs[v][i], qs[w][j]
                    sa, sb = speakers.get((v, qa.start)), speakers.get((w, qb.start))
                    if sa is None or sb is None or _same_person(sa, sb, v, w, uf):
                        continue
                    # the deviant: the speaker the other versions do not confirm
                    others = [x for x in present if x not in (v, w)]
                    votes_a = votes_b = 0
                    for x in others:
                        for q in qs[x]:
                            sx = speakers.get((x, q.start))
                            if sx is None:
                                continue
                            votes_a += _same_person(sa, sx, v, x, uf)
                            votes_b += _same_person(sb, sx, w, x, uf)
                    if votes_a != votes_b:
                        a_dev = votes_a < votes_b
                    elif source is not None:
                        a_dev = source == w
                    else:
                        a_dev = v != 0 and w == 0
                    (dv, dq, ds), (rv, rq, rs) = ((v, qa, sa), (w, qb, sb)) if a_dev else ((w, qb, sb), (v, qa, sa))
                    speaker_spans.update({(dv, ds.start), (rv, rs.start)})
                    prior = next((x for x in issues if x.group == g
                                  and x.deviant[0][0] == dv and x.deviant[0][1] <= dq.start < x.deviant[0][2]), None)
                    if prior is not None:  # one finding per quotation, every agreeing version a reference
                        r_start = min(rq.start, rq.speaker_start if rq.speaker_start is not None else rq.start)
                        prior.reference.append((rv, r_start, max(rq.end, rq.speaker_end or rq.end), rs.text))
                        prior.fields["other_locale"] += f",{rv}"
                        continue
                    d_end = max(dq.end, dq.speaker_end or dq.end)
                    r_end = max(rq.end, rq.speaker_end or rq.end)
                    d_start = min(dq.start, dq.speaker_start if dq.speaker_start is not None else dq.start)
                    r_start = min(rq.start, rq.speaker_start if rq.speaker_start is not None else rq.start)
                    issues.append(Issue(
                        "quote-speaker", g, [(dv, d_start, d_end, ds.text)], [(rv, r_start, r_end, rs.text)],
                        {"locale": str(dv), "value": ds.text, "other_locale": str(rv), "other_value": rs.text,
                         "text": _short(dq.content), "other_text": _short(rq.content)},
                        key=f"{_short(dq.content)} by {ds.key} vs {rs.key}"))
        return issues, speaker_spans

    @property
    def speaker_conflicts(self) -> list[Issue]:
        """Paired quotations attributed to different people (``quote-speaker`` issues)."""
        return self._speakers[0]

    @property
    def speaker_spans(self) -> set[tuple[int, int]]:
        """``(version, start)`` of the speakers of :attr:`speaker_conflicts`."""
        return self._speakers[1]

    def unmatched_speech(self, min_words: int = MIN_QUOTE_WORDS) -> dict[str, list[Issue]]:
        """Direct speech of ``min_words`` words or more without a counterpart: ``quote-count`` and
        ``quote-paraphrased`` issues (computed once per ``min_words``)."""
        if min_words not in self._unmatched:
            self._unmatched[min_words] = self._unmatched_speech(min_words)
        return self._unmatched[min_words]

    def _unmatched_speech(self, min_words: int) -> dict[str, list[Issue]]:
        an, uf = self.an, self.links.uf
        out: dict[str, list[Issue]] = {"quote-count": [], "quote-paraphrased": []}
        for gq in self.groups:
            g, present, qs, spans, speakers = gq.group, gq.present, gq.qs, gq.spans, gq.speakers
            group = an.groups[g]
            # direct speech without a counterpart: paraphrased or missing (or merged into a neighbour: QUO001)
            done: set = set()
            for v in present:
                for i, lacking in gq.unmatched[v].items():
                    q = qs[v][i]
                    root = gq.same_quote.find((v, i))
                    if root in done:
                        continue  # the same quotation of another version was reported
                    done.add(root)
                    if q.kind != "speech" or quote_words(q) < min_words:
                        continue  # a partial quotation of a word or two ("no way") is often dropped
                    how = {w: _merged(qs[v], i, qs[w], spans[v], spans[w], speakers, v, uf) for w in lacking}
                    lacking = [w for w in lacking if how[w] != "same"]  # one speaker's words joined: style
                    if q.open_before or q.open_after:
                        # part of a quotation that spans blocks, and w's block lies inside its own
                        # quotation opened earlier: the marks are there, a sentence or two away
                        lacking = [w for w in lacking if not any(an.inside_quote[w][b] for b in group[w])]
                    if not lacking:
                        continue
                    merged = [w for w in lacking if how[w] == "different"]
                    if merged:
                        dev: list[Side] = [(w, spans[w][0], spans[w][1], str(len(qs[w]))) for w in merged]
                        ref: list[Side] = [(v, spans[v][0], spans[v][1], str(len(qs[v])))]
                        out["quote-count"].append(Issue(
                            "quote-count", g, dev, ref,
                            {"locale": ",".join(map(str, merged)), "count": str(len(qs[merged[0]])),
                             "other_locale": str(v), "other_value": str(len(qs[v]))},
                            key=f"quotes {len(qs[merged[0]])} vs {len(qs[v])}"))
                        lacking = [w for w in lacking if w not in merged]
                        if not lacking:
                            continue
                    holders = [v] + [x for x in present if x != v and x not in lacking]
                    majority = an.holds_reference(holders, lacking)
                    quote_loc: list[Side] = [(v, q.start, q.end, None)]
                    absent: list[Side] = [(w, spans[w][0], spans[w][1], None) for w in lacking]
                    dev, ref = (absent, quote_loc) if majority else (quote_loc, absent)
                    out["quote-paraphrased"].append(Issue(
                        "quote-paraphrased", g, dev, ref,
                        {"locale": str(v), "text": _short(q.content), "other_locale": ",".join(map(str, lacking))},
                        key=f"{_short(q.content)} missing in {','.join(an.documents[w].locale for w in lacking)}"))
        return out


def align_quotes(qa: list, qb: list, span_a, span_b) -> list[tuple[int, int]]:
    """Monotone pairing of two versions' quotations by relative position and length."""
    la = max(1, span_a[1] - span_a[0])
    lb = max(1, span_b[1] - span_b[0])

    def feat(q, span, length):
        return ((q.start + q.end) / 2 - span[0]) / length, (q.end - q.start) / length

    fa = [feat(q, span_a, la) for q in qa]
    fb = [feat(q, span_b, lb) for q in qb]
    na, nb = len(qa), len(qb)
    if na == nb:  # translations keep quotations in order; where they stand in the sentence varies
        return [(i, i) for i in range(na)]
    score = [[0.0] * (nb + 1) for _ in range(na + 1)]
    back: list[list[tuple[int, int, bool] | None]] = [[None] * (nb + 1) for _ in range(na + 1)]
    for i in range(na + 1):
        for j in range(nb + 1):
            if i == 0 and j == 0:
                continue
            best, arg = -math.inf, None
            if i > 0 and score[i - 1][j] > best:
                best, arg = score[i - 1][j], (i - 1, j, False)
            if j > 0 and score[i][j - 1] > best:
                best, arg = score[i][j - 1], (i, j - 1, False)
            if i > 0 and j > 0:
                s = 1.0 - 0.8 * abs(fa[i - 1][0] - fb[j - 1][0]) - 0.8 * abs(fa[i - 1][1] - fb[j - 1][1])
                if s > 0.1 and score[i - 1][j - 1] + s > best:
                    best, arg = score[i - 1][j - 1] + s, (i - 1, j - 1, True)
            score[i][j], back[i][j] = best, arg
    pairs = []
    i, j = na, nb
    while (i, j) != (0, 0) and (step := back[i][j]) is not None:
        pi, pj, matched = step
        if matched:
            pairs.append((i - 1, j - 1))
        i, j = pi, pj
    return sorted(pairs)


def _resolve_speaker(an: BundleAnalysis, v: int, q, links: NameLinks) -> Mention | None:
    """The person a quotation's speaker names (pronouns: the last person named before)."""
    name_nodes = links.name_nodes
    if q.speaker is not None and not q.pronoun:
        for cand in q.candidates or (q.speaker,):
            node = (v, node_key(cand))
            # a name, or linked to one: its entity holds a name (``entities`` is keyed by root)
            if node in name_nodes or links.uf.find(node) in links.entities:
                return cand
        return None
    if not q.pronoun:
        return None
    block = an.block_of(v, q.start)
    if block is None:
        return None
    b = block.index
    for bb in range(b, max(-1, b - 4), -1):
        cands = [m for m in an.names[v][bb] if m.start < q.start and m.type in (None, "person")
                 and not m.acronym and m.script != "han"]
        for m in reversed(cands):
            node = (v, node_key(m))
            if node in name_nodes and not m.entity:
                return m
    return None


def _same_person(a: Mention, b: Mention, va: int, vb: int, uf: UnionFind) -> bool:
    if uf.find((va, node_key(a))) == uf.find((vb, node_key(b))):
        return True
    if score(a, b) >= 0.8:
        return True
    # short names (リ / Ri): compare word by word, short words included
    return any(name_similarity(x, y) >= 0.9 for x in a.tokens for y in b.tokens if x and y)


def _merged(qa: list, i: int, qb: list, span_a, span_b, speakers: dict, v: int, uf: UnionFind) -> str | None:
    """Is ``qa[i]`` (no counterpart) part of a quotation of ``qb`` that also holds its neighbour,
    which another person said?  The other version then puts two people's words into one
    quotation (QUO001).  One speaker's quotation split or joined differently is style."""
    if not qb:
        return None
    la = max(1, span_a[1] - span_a[0])
    lb = max(1, span_b[1] - span_b[0])
    for j in (i - 1, i + 1):
        if not 0 <= j < len(qa):
            continue
        si, sj = speakers.get((v, qa[i].start)), speakers.get((v, qa[j].start))
        both = ((qa[i].end - qa[i].start) + (qa[j].end - qa[j].start)) / la
        one = (qa[j].end - qa[j].start) / la
        for r in qb:
            rel = (r.end - r.start) / lb
            if abs(rel - both) < abs(rel - one) and 0.7 <= rel / both <= 1.4:
                if si is not None and sj is not None and not _same_person(si, sj, v, v, uf):
                    return "different"
                return "same"
    return None


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"

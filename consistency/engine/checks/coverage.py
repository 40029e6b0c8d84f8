"""COV001: passages that some versions hold and others lack.

The aligned groups (:mod:`consistency.match.groups`) hold every version's blocks; a run of
groups some versions have no block in is a missing (or extra) passage.  With three or more
versions aligned to a pivot, two translations that agree with each other and not with the pivot
are compared directly (``BundleAnalysis.direct_counterparts``) before a passage is called missing.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING, Iterator

from ...model import Finding
from ..baseline import text_key
from .common import finding, location

if TYPE_CHECKING:
    from ...match.analysis import BundleAnalysis

__all__ = ["check_coverage", "check_untranslated"]


def check_coverage(an: BundleAnalysis, rule) -> Iterator[Finding]:
    """COV001: runs of blocks in some versions with no counterpart in others."""
    n = len(an.documents)
    min_chars = int(rule.options.get("min_chars", 1))
    runs: list[tuple[tuple[int, ...], list[int]]] = []  # (present versions, groups)
    for g, group in enumerate(an.groups):
        present = tuple(v for v in range(n) if group[v])
        if len(present) == n:
            continue
        if runs and runs[-1][0] == present and runs[-1][1][-1] == g - 1:
            runs[-1][1].append(g)
        else:
            runs.append((present, [g]))
    pivot = an.pivot
    for present, groups in runs:
        absent = [v for v in range(n) if v not in present]
        held = {v: [b for g in groups for b in an.groups[g][v]] for v in present}
        if n >= 3 and not an.keyed:
            # The groups align every version to the pivot.  Two translations that agree with
            # each other and not with the pivot (tldr: en has eight examples, ja and de the same
            # four others) are compared directly: a translation's block that a direct alignment
            # pairs with every version said to lack it is no missing passage, and a version
            # that directly holds every such block lacks nothing.
            for v in present:
                if v != pivot:
                    held[v] = [b for b in held[v] if any(b not in an.direct_counterparts(v, w) for w in absent)]
            present = tuple(v for v in present if held[v])
            if pivot not in present:
                absent = [w for w in absent if w == pivot or not all(
                    b in an.direct_counterparts(v, w) for v in present for b in held[v])]
            if not present or not absent:
                continue
        majority = an.holds_reference(present, absent)
        locations = []
        chars = 0
        described = []
        key_text = []
        for v in present:
            blocks = held[v]
            doc = an.documents[v]
            start, end = doc.blocks[blocks[0]].start, doc.blocks[blocks[-1]].end
            chars = max(chars, sum(len(doc.blocks[b].text.strip()) for b in blocks))
            first, last = blocks[0] + 1, blocks[-1] + 1
            described.append(f"{first}-{last}" if last > first else f"{first}")
            key_text.append(doc.text[start:end])
            locations.append(location(an, v, start, end, "reference" if majority else "deviant", None))
        if chars < min_chars:
            continue
        for v in absent:
            point = an.insertion_point(v, groups[0])
            locations.append(location(an, v, point, point, "deviant" if majority else "reference", None))
        if len(set(described)) == 1:
            where = described[0]
        else:
            where = ", ".join(f"{d} ({an.documents[v].locale})" for d, v in zip(described, present))
        message = rule.format_message(
            locale=", ".join(an.documents[v].locale for v in present),
            blocks=where, chars=f"{chars:,}",
            other_locale=", ".join(an.documents[v].locale for v in absent),
        )
        yield finding(an, rule, message, locations, text_key("\n".join(key_text)))


#: how alike (rapidfuzz ratio, 0..100) the common words of a passage and of the reference's must be
#: for a copy with a few edits, where no sentence is copied exactly; common words are those with no
#: capital letter (names and titles stay as they are in a translation)
NEAR_COPY = 90


def check_untranslated(an: BundleAnalysis, rule) -> Iterator[Finding]:
    """COV002: passages a version keeps in the reference version's language (see
    :mod:`consistency.match.passages`): sentences shared word for word that are written in the
    reference's language, and aligned passages that differ from the reference's by a few edits.
    Not reported: a copied sentence inside a quotation, in a block that translates the rest (an
    original quotation kept on purpose); a passage that every translation keeps (two or more of
    them: a motto, a title); a shared sentence in a third language, or in the translation's own
    (the reference quotes it)."""
    from rapidfuzz import fuzz

    from ...match.passages import MIN_WORDS, common_words, copy_targets, language_evidence, same_words, words_key

    min_words = max(MIN_WORDS, int(rule.options.get("min_words", MIN_WORDS)))
    ref = an.pivot
    ref_doc = an.documents[ref]
    targets = copy_targets(an.documents, ref)
    by_block: dict[tuple[int, int], list] = defaultdict(list)
    for p in an.shared:
        if p.language == "reference":
            by_block[(p.version, p.block)].append(p)
    copies: list[tuple[int, int, int, int, str, tuple[int, int]]] = []  # (version, block, start, end, key, ref span)
    for (v, b), passages in sorted(by_block.items()):
        block = an.documents[v].blocks[b]
        spans = sorted((p.start, p.end) for p in passages)
        ref_of = {(p.start, p.end): (ref_doc.blocks[p.ref_block].start + p.ref_start,
                                     ref_doc.blocks[p.ref_block].start + p.ref_end) for p in passages}
        letters = sum(1 for ch in block.text if ch.isalpha())
        # the whole block copied: its shared sentences hold nearly all its letters, or it writes the
        # words of its reference block (a quotation with a short attribution: '"…," one woman said.')
        whole = sum(1 for s, e in spans for ch in block.text[s:e] if ch.isalpha()) >= 0.9 * letters or any(
            same_words(block.text, ref_doc.blocks[p.ref_block].text) for p in passages)
        for s, e, first, last in _runs(block.text, spans):
            start, end = block.start + s, block.start + e
            if not whole and any(q.start <= start and end <= q.end for q in an.quotes[v][b]):
                continue  # an original quotation kept beside its translation
            key = words_key(block.text[s:e])
            if key is not None and len(key.split()) >= min_words:
                copies.append((v, b, start, end, key, (ref_of[first][0], ref_of[last][1])))
    kept_by: dict[str, set[int]] = defaultdict(set)
    for v, _b, _s, _e, key, _r in copies:
        kept_by[key].add(v)
    shared_blocks = {(p.version, p.block) for p in an.shared}
    for v, _b, start, end, key, ref_span in copies:
        if len(targets) < 2 or len(kept_by[key]) < len(targets):
            yield _untranslated(an, rule, v, start, end, ref_span)
    # passages aligned with the reference's that differ from it by a few edits
    evidence = None
    for group in an.groups:
        ref_blocks = group[ref]
        if not ref_blocks:
            continue
        theirs_text = " ".join(ref_doc.blocks[b].text for b in ref_blocks)
        near = []
        theirs = None  # the reference's common words, once per group
        prose = None  # whether the reference's passage reads as prose (words_key), once per group
        for v in targets:
            blocks = group[v]
            if not blocks or any((v, b) in shared_blocks for b in blocks):
                continue
            mine_text = " ".join(an.documents[v].blocks[b].text for b in blocks)
            # the common words (no capital: names and titles are kept in a translation) nearly the
            # same, in two passages that read as prose (the cheap tests first)
            mine = common_words(mine_text)
            if len(mine.split()) < min_words:
                continue
            theirs = common_words(theirs_text) if theirs is None else theirs
            if fuzz.ratio(mine, theirs) < NEAR_COPY or words_key(mine_text) is None:
                continue
            prose = words_key(theirs_text) is not None if prose is None else prose
            if not prose:
                break
            evidence = evidence or language_evidence(an.documents, ref, an.shared)
            if evidence.language(v, mine_text, besides=(mine_text, theirs_text)) == "reference":
                near.append(v)
        if near and (len(targets) < 2 or len(near) < len(targets)):
            ref_span = (ref_doc.blocks[ref_blocks[0]].start, ref_doc.blocks[ref_blocks[-1]].end)
            for v in near:
                doc = an.documents[v]
                yield _untranslated(an, rule, v, doc.blocks[group[v][0]].start, doc.blocks[group[v][-1]].end,
                                    ref_span)


def _runs(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int, tuple[int, int], tuple[int, int]]]:
    """``spans`` joined where nothing but spaces and punctuation stands between two of them:
    ``(start, end, first span, last span)``."""
    out: list[tuple[int, int, tuple[int, int], tuple[int, int]]] = []
    for s, e in spans:
        if out and not any(ch.isalnum() for ch in text[out[-1][1]:s]):
            out[-1] = (out[-1][0], e, out[-1][2], (s, e))
        else:
            out.append((s, e, (s, e), (s, e)))
    return out


def _untranslated(an: BundleAnalysis, rule, v: int, start: int, end: int, ref_span: tuple[int, int]) -> Finding:
    doc = an.documents[v]
    ref = an.documents[an.pivot]
    text = doc.text[start:end]
    locations = [location(an, v, start, end, "deviant", None), location(an, an.pivot, *ref_span, "reference", None)]
    short = text if len(text) <= 60 else text[:57].rstrip() + "…"
    message = rule.format_message(locale=doc.locale, text=short, other_locale=ref.locale,
                                  other_text=ref.text[ref_span[0]:ref_span[1]])
    return finding(an, rule, message, locations, text_key(text))

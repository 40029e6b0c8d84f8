"""Tests of consistency.match.align: block alignment across versions."""

from __future__ import annotations

import json
import random
import re
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from consistency.match.align import (  # noqa: I001
    DEFAULT_COSTS,
    LENGTH_RATIO,
    BlockFeatures,
    Gap,
    align_pair,
    align_versions,
    block_features,
    coverage_gaps,
    expected_ratio,
    script_of,
    unmatched_runs,
)
from consistency.match.align import _alignment_cost, _dp, _path_band, _prepare

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"

SHAPES = {(1, 1), (1, 2), (2, 1), (1, 0), (0, 1)}


# ---------------------------------------------------------------------------
# helpers and strategies


def check_pair_groups(groups, n: int, m: int) -> None:
    """Groups are allowed shapes, cover every index once, in order."""
    seen_a: list[int] = []
    seen_b: list[int] = []
    for ga, gb in groups:
        assert (len(ga), len(gb)) in SHAPES
        seen_a.extend(ga)
        seen_b.extend(gb)
    assert seen_a == list(range(n))
    assert seen_b == list(range(m))


def check_groups(groups, sizes: list[int]) -> None:
    """N-way groups: one tuple per version, cover every index once, each version in order but for
    passages paired out of order as moved (one block of that version in such a group)."""
    for v, size in enumerate(sizes):
        seen = [k for g in groups for k in g[v]]
        assert sorted(seen) == list(range(size)), (v, seen)
        held = [g for g, group in enumerate(groups) if group[v]]
        inverted = {x for i, g in enumerate(held) for h in held[i + 1:]
                    if min(groups[g][v]) > max(groups[h][v]) for x in (g, h)}
        moved = {g for g in inverted if len(groups[g][v]) == 1}
        rest = [k for g in held if g not in moved for k in groups[g][v]]
        assert rest == sorted(rest), (v, groups)
    for g in groups:
        assert len(g) == len(sizes)
        assert any(g), "empty group"


anchor_names = st.sampled_from([f"num:{k}" for k in range(12)] + [f"tok:w{k}" for k in range(12)])

features = st.builds(
    BlockFeatures,
    length=st.integers(0, 800),
    script=st.sampled_from(["Latn", "Jpan", "Cyrl", "Hani", "Kore", "Zyyy"]),
    anchors=st.frozensets(anchor_names, max_size=4),
    kind=st.sampled_from(["paragraph", "paragraph", "paragraph", "heading", "list_item"]),
)


def realistic_document(rng: random.Random, n: int, *, prefix: str = "") -> list[BlockFeatures]:
    """German-like blocks: headings every few paragraphs, each block with one
    or two unique numbers and sometimes a name shared with other blocks."""
    names = [f"tok:name{k}" for k in range(max(3, n // 4))]
    out = []
    for i in range(n):
        heading = i == 0 or rng.random() < 0.15
        anchors = {f"num:{prefix}{i}"}
        if rng.random() < 0.5:
            anchors.add(f"num:{prefix}{i}.5")
        if rng.random() < 0.4:
            anchors.add(rng.choice(names))
        length = rng.randint(15, 60) if heading else rng.randint(60, 600)
        out.append(BlockFeatures(length, "Latn", frozenset(anchors), "heading" if heading else "paragraph"))
    return out


def translate(blocks, rng: random.Random, *, script: str = "Jpan", noise: float = 0.15, ratio=None):
    """The same blocks in another script with noisy lengths."""
    ratio = LENGTH_RATIO[script] if ratio is None else ratio
    return [
        BlockFeatures(
            max(1, round(f.length * ratio * rng.uniform(1 - noise, 1 + noise))),
            script,
            f.anchors,
            f.kind,
        )
        for f in blocks
    ]


# ---------------------------------------------------------------------------
# scripts and ratios


def test_script_of() -> None:
    assert script_of("マイクロソフトのAI戦略転換:焦点の移動") == "Jpan"
    assert script_of("戦略") == "Hani"  # no kana: cannot tell Japanese from Chinese
    assert script_of("微软的人工智能战略") == "Hani"
    assert script_of("마이크로소프트의 AI 전략") == "Kore"
    assert script_of("Microsofts KI-Strategie: Fokuswechsel") == "Latn"
    assert script_of("Стратегия Microsoft в области ИИ") == "Cyrl"
    assert script_of("माइक्रोसॉफ्ट की एआई रणनीति") == "Deva"
    assert script_of("استراتيجية مايكروسوفت") == "Arab"
    assert script_of("Η στρατηγική") == "Grek"
    assert script_of("2024 — 3.5 % (!)") == "Zyyy"
    assert script_of("") == "Zyyy"
    # Latin names inside Japanese prose do not change the script.
    assert script_of("Noelle WalshはMicrosoftのクラウド責任者である。") == "Jpan"


def test_script_of_long_text_is_sampled_consistently() -> None:
    text = "これは日本語の文章です。" * 200 + "Latin words " * 5
    assert script_of(text) == "Jpan"
    assert script_of("Ein deutscher Satz mit Wörtern. " * 100) == "Latn"


@given(st.text(st.one_of(st.characters(max_codepoint=0xFF), st.sampled_from("ĀжαマのŒ漢\u0301")), max_size=60))
def test_script_counts_of_latin1_text_are_those_of_the_table(text: str) -> None:
    """A Latin-1 text is counted from its bytes; the counts are those of the table every other text
    is read through (and in the same order)."""
    from consistency.locale.scripts import _counts, script_counts

    assert list(script_counts(text, sample=False).items()) == list(_counts(text).items())


def test_expected_ratio() -> None:
    assert expected_ratio("Latn", "Latn") == 1.0
    assert 0.35 <= expected_ratio("Latn", "Jpan") <= 0.5
    assert expected_ratio("Jpan", "Latn") == pytest.approx(1 / expected_ratio("Latn", "Jpan"))
    assert expected_ratio("Latn", "Hani") < expected_ratio("Latn", "Jpan") < expected_ratio("Latn", "Kore")
    assert expected_ratio("Latn", "Qaaa") == 1.0  # unknown scripts count as Latin


def test_block_features() -> None:
    f = block_features("80 Milliarden\u3000Dollar\n", anchors=["num:8E+10:USD"], kind="heading")
    assert f == BlockFeatures(18, "Latn", frozenset({"num:8E+10:USD"}), "heading")
    assert f.latin_length == 18
    g = block_features("800億ドル")
    assert (g.script, g.length, g.latin) == ("Jpan", 6, 3)
    # Digits and Latin letters count at the Latin rate, the rest at the Japanese rate.
    assert g.latin_length == pytest.approx(3 / LENGTH_RATIO["Jpan"] + 3)
    assert BlockFeatures(10, "Jpan").latin_length == pytest.approx(10 / LENGTH_RATIO["Jpan"])
    assert BlockFeatures(10, "Jpan", latin=99).latin_length == 10  # clamped to the length


# ---------------------------------------------------------------------------
# align_pair: properties


@settings(max_examples=200, deadline=None)
@given(st.lists(features, max_size=40))
def test_identity_gives_one_to_one(blocks: list[BlockFeatures]) -> None:
    assert align_pair(blocks, blocks) == [((i,), (i,)) for i in range(len(blocks))]


@settings(max_examples=200, deadline=None)
@given(st.lists(features, max_size=60), st.lists(features, max_size=60))
def test_groups_cover_every_index_in_order(a: list[BlockFeatures], b: list[BlockFeatures]) -> None:
    check_pair_groups(align_pair(a, b), len(a), len(b))


@settings(max_examples=100, deadline=None)
@given(st.lists(features, max_size=60), st.lists(features, max_size=60), st.integers(1, 5))
def test_banded_alignment_covers_every_index(a, b, margin: int) -> None:
    check_pair_groups(align_pair(a, b, band=margin), len(a), len(b))


@settings(max_examples=200, deadline=None)
@given(
    st.lists(features, min_size=1, max_size=40),
    st.lists(features, min_size=1, max_size=40),
    st.integers(1, 4),
)
def test_path_band_contains_the_path(a, b, margin: int) -> None:
    groups = align_pair(a, b, recalibrate=False)
    n, m = len(a), len(b)
    lo, hi = _path_band(groups, n, m, margin)
    assert lo[0] == 0 and hi[n] == m
    i = j = 0
    for ga, gb in groups:
        i += len(ga)
        j += len(gb)
        assert lo[i] <= j <= hi[i]
    assert all(lo[k] <= lo[k + 1] and hi[k] <= hi[k + 1] and lo[k + 1] <= hi[k] for k in range(n))
    # Aligning again inside that band finds the same path.
    assert _dp(a, b, _prepare(a, b, DEFAULT_COSTS), DEFAULT_COSTS, lo, hi, 1.0) == groups


@settings(max_examples=300, deadline=None)
@given(
    st.lists(features, min_size=1, max_size=30),
    st.lists(features, min_size=1, max_size=30),
    st.sampled_from([1.0, 0.8, 1.3]),
    st.sampled_from([None, 2]),
)
def test_pruned_programme_finds_the_same_path(a, b, scale: float, margin) -> None:
    """The programme scores a group only where it can still win; every group scored gives the
    same path, ties included (the drawn blocks repeat lengths and anchors)."""
    prep = _prepare(a, b, DEFAULT_COSTS)
    n, m = len(a), len(b)
    lo, hi = ([0] * (n + 1), [m] * (n + 1)) if margin is None else _path_band(align_pair(a, b), n, m, margin)
    pruned = _dp(a, b, prep, DEFAULT_COSTS, lo, hi, scale)
    assert pruned == _dp(a, b, prep, DEFAULT_COSTS, lo, hi, scale, prune=False)


def test_pruned_programme_on_long_documents() -> None:
    """The same on long realistic documents in a band, and with costs that switch pruning off."""
    for seed in (4, 5):
        rng = random.Random(seed)
        source = realistic_document(rng, 400)
        target = translate(source, rng, ratio=0.5)
        del target[300:305], target[100]
        for costs in (DEFAULT_COSTS, replace(DEFAULT_COSTS, miss=-0.1)):
            prep = _prepare(source, target, costs)
            lo, hi = _path_band(align_pair(source, target, costs=costs), len(source), len(target), 8)
            assert _dp(source, target, prep, costs, lo, hi, 1.1) == _dp(source, target, prep, costs, lo, hi, 1.1,
                                                                        prune=False)


def test_band_agrees_with_exact_alignment() -> None:
    """On long documents the banded alignment (anchored or not, recalibrated
    through the path band) equals the exact one."""
    costs = replace(DEFAULT_COSTS, full_cells=0, band=12)
    for seed, anchors in [(1, True), (2, True), (3, False)]:
        rng = random.Random(seed)
        source = realistic_document(rng, 300)
        if not anchors:
            source = [replace(f, anchors=frozenset()) for f in source]
        target = translate(source, rng, ratio=0.36)  # forces a second pass
        del target[200:203], target[120], target[40:44]
        exact = align_pair(source, target, band=400)
        assert align_pair(source, target, costs=costs) == exact
        truncated = target[:150]
        assert align_pair(source, truncated, costs=costs) == align_pair(source, truncated, band=400)


@st.composite
def alignments(draw, n: int, m: int):
    """Any valid pairwise alignment of n and m blocks."""
    groups = []
    i = j = 0
    while i < n or j < m:
        shapes = [(x, y) for x, y in SHAPES if i + x <= n and j + y <= m]
        x, y = draw(st.sampled_from(sorted(shapes)))
        groups.append((tuple(range(i, i + x)), tuple(range(j, j + y))))
        i += x
        j += y
    return groups


@settings(max_examples=300, deadline=None)
@given(st.lists(features, max_size=12), st.lists(features, max_size=12), st.data())
def test_alignment_is_optimal(a, b, data) -> None:
    """No valid alignment costs less than the one returned (the cost is
    recomputed group by group with sets, independently of the DP)."""
    found = align_pair(a, b, recalibrate=False)
    other = data.draw(alignments(len(a), len(b)))
    assert _alignment_cost(a, b, found) <= _alignment_cost(a, b, other) + 1e-9


def test_empty_sides() -> None:
    f = BlockFeatures(10, "Latn")
    assert align_pair([], []) == []
    assert align_pair([f, f], []) == [((0,), ()), ((1,), ())]
    assert align_pair([], [f]) == [((), (0,))]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    seed=st.integers(0, 2**32 - 1),
    n=st.integers(3, 40),
    where=st.sampled_from(["start", "middle", "end"]),
    k=st.integers(1, 6),
    script=st.sampled_from(["Latn", "Jpan", "Cyrl"]),
)
def test_deleted_run_is_recovered(seed: int, n: int, where: str, k: int, script: str) -> None:
    """Delete k contiguous blocks from a noisy translation: exactly those
    blocks come back as 1-0 groups, everything else is 1-1."""
    assume(k < n)
    rng = random.Random(seed)
    source = realistic_document(rng, n)
    start = {"start": 0, "end": n - k, "middle": rng.randint(1, max(1, n - k - 1))}[where]
    deleted = range(start, start + k)
    target = [f for i, f in enumerate(translate(source, rng, script=script)) if i not in deleted]
    groups = align_pair(source, target)
    assert [g for g in groups if not g[1]] == [((i,), ()) for i in deleted]
    assert all(len(ga) == 1 == len(gb) for ga, gb in groups if gb)
    # And the other way round: the run is missing from a.
    groups = align_pair(target, source)
    assert [g for g in groups if not g[0]] == [((), (i,)) for i in deleted]


def test_split_paragraph_gives_one_to_two() -> None:
    rng = random.Random(7)
    source = realistic_document(rng, 12)
    target = translate(source, rng, script="Jpan")
    para = next(i for i in range(3, 12) if source[i].kind == "paragraph")
    whole = target[para]
    nums = sorted(whole.anchors)
    first = BlockFeatures(round(whole.length * 0.55), "Jpan", frozenset(nums[:1]))
    second = BlockFeatures(whole.length - first.length, "Jpan", frozenset(nums[1:]))
    target[para : para + 1] = [first, second]
    groups = align_pair(source, target)
    check_pair_groups(groups, len(source), len(target))
    assert ((para,), (para, para + 1)) in groups
    assert all(len(ga) == 1 == len(gb) for ga, gb in groups if ga != (para,))
    # Symmetric: two blocks of a, one of b.
    assert ((para, para + 1), (para,)) in align_pair(target, source)


def test_split_without_anchors_uses_lengths() -> None:
    a = [BlockFeatures(n, "Latn") for n in (40, 300, 500, 260, 45, 380)]
    b = [BlockFeatures(n, "Latn") for n in (42, 310, 240, 250, 270, 48, 370)]
    assert align_pair(a, b) == [
        ((0,), (0,)),
        ((1,), (1,)),
        ((2,), (2, 3)),
        ((3,), (4,)),
        ((4,), (5,)),
        ((5,), (6,)),
    ]


def test_headings_align_with_headings() -> None:
    h = lambda n: BlockFeatures(n, "Latn", kind="heading")  # noqa: E731
    p = lambda n: BlockFeatures(n, "Latn")  # noqa: E731
    a = [h(30), p(300), p(280), h(25), p(310)]
    b = [h(34), p(290), h(28), p(300)]  # the second paragraph is missing
    assert align_pair(a, b) == [((0,), (0,)), ((1,), (1,)), ((2,), ()), ((3,), (2,)), ((4,), (3,))]


def test_shared_numbers_beat_lengths() -> None:
    f = lambda n, *xs: BlockFeatures(n, "Latn", frozenset(xs))  # noqa: E731
    a = [f(200, "num:1"), f(200, "num:2"), f(200, "num:3"), f(200, "num:4")]
    b = [f(200, "num:1"), f(200, "num:3"), f(200, "num:4")]
    assert align_pair(a, b) == [((0,), (0,)), ((1,), ()), ((2,), (1,)), ((3,), (2,))]


# ---------------------------------------------------------------------------
# Japanese vs German


HEADINGS = {0, 1, 4, 12, 16, 21}


@pytest.mark.parametrize("seed", range(40))
def test_japanese_vs_german_extra_paragraphs_are_the_gap(seed: int) -> None:
    """25 German paragraphs (six of them headings) with Japanese lengths
    ≈ 0.4·L ± 15 %, then 17 more German paragraphs: those 17 are the gap.

    Seeded rather than searched by hypothesis: by length alone the case is
    sometimes genuinely ambiguous (when the last Japanese paragraphs happen to
    fit extra German paragraphs better than their own), which a search finds
    and shrinks to constant lengths.  Over 2,000 seeds 3 fail that way.
    """
    rng = random.Random(seed)
    de = [
        BlockFeatures(rng.randint(30, 55), "Latn", kind="heading")
        if i in HEADINGS
        else BlockFeatures(rng.randint(150, 550), "Latn")
        for i in range(25)
    ]
    ja = [BlockFeatures(round(f.length * 0.4 * rng.uniform(0.85, 1.15)), "Jpan", kind=f.kind) for f in de]
    de += [BlockFeatures(rng.randint(220, 480), "Latn") for _ in range(17)]
    groups = align_pair(ja, de)
    assert groups[:25] == [((i,), (i,)) for i in range(25)]
    assert groups[25:] == [((), (i,)) for i in range(25, 42)]
    assert coverage_gaps(align_versions([ja, de]), 2) == [Gap(1, 0, 25, 41)]


TOKEN = re.compile(r"[A-Za-z][A-Za-z-]{2,}|[0-9]+")


def corpus_features(text: str) -> list[BlockFeatures]:
    """Paragraphs separated by blank lines; anchors are Latin tokens of three
    letters or more (lowercased) and ASCII digit runs."""
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]
    return [block_features(p, anchors={anchor(t) for t in TOKEN.findall(p)}) for p in paragraphs]


def anchor(token: str) -> str:
    return "num:" + token if token[0].isdigit() else "tok:" + token.lower()


@pytest.mark.corpus
def test_microsoft_article_ja_de() -> None:
    folder = CORPUS / "microsoft-ai-strategy"
    if not folder.is_dir():
        pytest.skip(f"../shared/corpus not present: {folder}")
    ja = corpus_features((folder / "ja.txt").read_text(encoding="utf-8"))
    de = corpus_features((folder / "de.txt").read_text(encoding="utf-8"))
    assert (len(ja), len(de)) == (25, 42)
    assert {f.script for f in ja} == {"Jpan"} and {f.script for f in de} == {"Latn"}
    groups = align_pair(ja, de)
    assert groups == [((i,), (i,)) for i in range(25)] + [((), (i,)) for i in range(25, 42)]
    assert align_pair(de, ja) == [((i,), (i,)) for i in range(25)] + [((i,), ()) for i in range(25, 42)]
    assert coverage_gaps(align_versions([ja, de]), 2) == [Gap(1, 0, 25, 41)]
    assert coverage_gaps(align_versions([de, ja]), 2) == [Gap(0, 1, 25, 41)]


@pytest.mark.corpus
def test_ntrex_sentences_align_one_to_one() -> None:
    """NTREX-128: every sentence of the 123 articles has exactly one
    translation; at least 99 % of them must align 1-1 with it, per pair."""
    folder = CORPUS / "ntrex128"
    if not folder.is_dir():
        pytest.skip(f"../shared/corpus not present: {folder}")

    def lines(name: str) -> list[str]:
        return (folder / name).read_text(encoding="utf-8").splitlines()

    ids = lines("DOCUMENT_IDS.tsv")
    texts = {
        "en": lines("newstest2019-src.eng.txt"),
        "de": lines("newstest2019-ref.deu.txt"),
        "ja": lines("newstest2019-ref.jpn.txt"),
    }
    articles: dict[str, list[int]] = {}
    for k, article in enumerate(ids):
        articles.setdefault(article, []).append(k)
    features = {
        lang: [corpus_features("\n\n".join(t[k] for k in ks)) for ks in articles.values()]
        for lang, t in texts.items()
    }
    for x, y in [("en", "de"), ("en", "ja"), ("de", "ja")]:
        right = total = 0
        for a, b in zip(features[x], features[y]):
            assert len(a) == len(b)
            right += sum(1 for ga, gb in align_pair(a, b) if len(ga) == 1 and ga == gb)
            total += len(a)
        assert right >= 0.99 * total, (x, y, right, total)


# ---------------------------------------------------------------------------
# N versions and coverage


def three_versions(seed: int = 3, n: int = 10):
    rng = random.Random(seed)
    en = realistic_document(rng, n)
    de = translate(en, rng, script="Latn", ratio=1.2)
    ja = translate(en, rng, script="Jpan")
    return en, de, ja


def test_three_way_gap_reported_for_the_lacking_pair_only() -> None:
    en, de, ja = three_versions()
    del ja[4]
    groups = align_versions([en, de, ja])
    check_groups(groups, [10, 10, 9])
    assert groups[4] == ((4,), (4,), ())
    assert coverage_gaps(groups, 3) == [Gap(0, 2, 4, 4), Gap(1, 2, 4, 4)]


def test_three_way_pivot_lacks_a_block() -> None:
    """The pivot lacks block 4: de and ja keep theirs and are aligned with
    each other, so the only gaps are against the pivot."""
    en, de, ja = three_versions()
    del en[4]
    groups = align_versions([en, de, ja])
    check_groups(groups, [9, 10, 10])
    assert groups[4] == ((), (4,), (4,))
    assert coverage_gaps(groups, 3) == [Gap(1, 0, 4, 4), Gap(2, 0, 4, 4)]
    # With a different pivot the alignment is the same up to the pivot's gaps.
    assert align_versions([en, de, ja], pivot=1) == groups


def test_three_way_pivot_and_other_lack_different_blocks() -> None:
    en, de, ja = three_versions(seed=11, n=12)
    del ja[8]
    del en[3]
    groups = align_versions([en, de, ja])
    check_groups(groups, [11, 12, 11])
    assert coverage_gaps(groups, 3) == [
        Gap(0, 2, 7, 7),  # en 7 is the original block 8
        Gap(1, 0, 3, 3),
        Gap(1, 2, 8, 8),
        Gap(2, 0, 3, 3),
    ]


def test_merges_in_one_version_join_pivot_blocks() -> None:
    f = lambda n, *xs: BlockFeatures(n, "Latn", frozenset(xs))  # noqa: E731
    en = [f(100, "num:1"), f(200, "num:2"), f(210, "num:3"), f(100, "num:4")]
    de = [f(105, "num:1"), f(400, "num:2", "num:3"), f(95, "num:4")]  # 2 and 3 merged
    fr = [f(110, "num:1"), f(205, "num:2"), f(215, "num:3"), f(104, "num:4")]
    groups = align_versions([en, de, fr])
    assert groups == [((0,), (0,), (0,)), ((1, 2), (1,), (1, 2)), ((3,), (2,), (3,))]
    assert coverage_gaps(groups, 3) == []


@settings(max_examples=100, deadline=None)
@given(st.lists(st.lists(features, max_size=25), min_size=1, max_size=4), st.data())
def test_align_versions_covers_every_index_in_order(versions, data) -> None:
    pivot = data.draw(st.integers(0, len(versions) - 1))
    groups = align_versions(versions, pivot=pivot)
    check_groups(groups, [len(v) for v in versions])
    # Every gap's blocks lack the other version, and runs are maximal.
    for gap in coverage_gaps(groups, len(versions)):
        for k in gap.blocks:
            group = next(g for g in groups if k in g[gap.version])
            assert not group[gap.other]


def test_align_versions_bad_pivot() -> None:
    with pytest.raises(IndexError):
        align_versions([[BlockFeatures(1, "Latn")]], pivot=1)
    assert align_versions([]) == []


def test_unmatched_runs() -> None:
    groups = [
        ((0,), (0,), (0,)),
        ((1,), (), (1,)),
        ((2,), (), ()),
        ((3, 4), (1,), (2,)),
        ((5,), (), (3,)),
        ((), (2,), ()),
    ]
    assert unmatched_runs(groups, 0) == [(1, 2), (5, 5)]
    assert unmatched_runs(groups, 0, other=1) == [(1, 2), (5, 5)]
    assert unmatched_runs(groups, 0, other=2) == [(2, 2)]
    assert unmatched_runs(groups, 1) == [(2, 2)]
    assert unmatched_runs(groups, 2, other=0) == []
    gaps = coverage_gaps(groups, 3)
    assert Gap(0, 1, 1, 2) in gaps and Gap(1, 0, 2, 2) in gaps
    assert list(Gap(0, 1, 1, 2).blocks) == [1, 2]


def test_default_costs_are_sane() -> None:
    c = DEFAULT_COSTS
    # A merge must never be cheaper than extending a gap, or merges would eat runs.
    assert c.merge > c.gap_extend
    # Two gaps are dearer than the worst length mismatch of a 1-1 pair.
    assert 2 * c.gap_open > c.length_cap


@pytest.mark.parametrize("a, b", [
    ("2 GW", "2.000 Megawatt"), ("2 GW", "200万キロワット"), ("550 pounds", "250 Kilo"),
    ("about 6.5 feet", "rund zwei Meter"), ("five miles", "acht Kilometer"), ("330 feet", "100 Meter"),
])
def test_a_figure_anchors_its_conversion_in_any_unit(a, b):
    from consistency.extract import extract_claims
    from consistency.match.groups import value_anchors

    (ca,), (cb,) = extract_claims(a, "en"), extract_claims(b, "ja" if "万" in b else "de")
    assert value_anchors(ca) == value_anchors(cb)
    (cc,) = extract_claims("3 GW" if "W" in a else "900 Meter", "en")
    assert value_anchors(cc) != value_anchors(ca)  # another magnitude is another anchor


def test_a_passage_in_converted_units_aligns_with_its_source():
    from consistency.extract import extract_claims
    from consistency.match.groups import value_anchors

    def feats(length: int, *figures: tuple[str, str]) -> BlockFeatures:
        anchors = {x for text, loc in figures for c in extract_claims(text, loc) for x in value_anchors(c)}
        return BlockFeatures(length, "Latn", frozenset(anchors))

    # by length, the German paragraph looks like the long first English one; by its figures,
    # converted into metres and tonnes, it is the second
    en = [feats(180), feats(90, ("330 feet", "en"), ("550 pounds", "en")), feats(120, ("12 km", "en"))]
    de = [feats(170, ("100 Meter", "de"), ("250 Kilo", "de")), feats(125, ("12 km", "de"))]
    assert align_pair(en, de) == [((0,), ()), ((1,), (0,)), ((2,), (1,))]


MOVED_EN = ["The council met on Tuesday to discuss the harbour.",
            "The new quay will be 420 metres long and cost 35 million euros.",
            "Work starts in March, the mayor said.",
            "Residents have until Friday to object.",
            "The ferry service will continue during the works."]
MOVED_DE = ["Der Rat beriet am Dienstag über den Hafen.",
            "Die Arbeiten beginnen im März, sagte der Bürgermeister.",
            "Anwohner können bis Freitag Einspruch erheben.",
            "Der Fährbetrieb läuft während der Arbeiten weiter.",
            "Der neue Kai wird {metres} Meter lang und kostet 35 Millionen Euro."]


def _moved_bundle(metres: int):
    from consistency.documents.text import parse_text
    from consistency.match.analysis import analyse
    from consistency.model import Document

    docs = []
    for loc, paras in (("en", MOVED_EN), ("de", [p.format(metres=metres) for p in MOVED_DE])):
        text = "\n\n".join(paras) + "\n"
        docs.append(Document(path=f"{loc}.txt", locale=loc, text=text, blocks=tuple(parse_text(text))))
    return analyse("moved", docs)


def test_a_moved_paragraph_is_paired_out_of_order_and_its_figures_are_checked():
    from consistency.engine.registry import load_rules

    rules = load_rules()
    an = _moved_bundle(420)
    assert ((1,), (4,)) in an.groups  # the quay paragraph, moved to the end in German
    assert all(all(group) for group in an.groups)  # nothing reads as missing or extra
    run = lambda rid: list(rules[rid].load_check()(an, rules[rid]))  # noqa: E731
    assert run("COV001") == [] and run("QTY001") == []
    changed = _moved_bundle(240)  # a figure changed in the moved paragraph (the other still agrees) is reported
    (f,) = run_changed = list(rules["QTY001"].load_check()(changed, rules["QTY001"]))
    assert run_changed and f.locations[0].text == "240 Meter"


def test_show_alignment_prints_the_pairs_and_marks_the_moved_one(tmp_path, capsys):
    from consistency.cli import main

    for loc, paras in (("en", MOVED_EN), ("de", [p.format(metres=420) for p in MOVED_DE])):
        (tmp_path / f"{loc}.txt").write_text("\n\n".join(paras) + "\n", encoding="utf-8")
    args = ["check", str(tmp_path / "en.txt"), str(tmp_path / "de.txt"), "--show-alignment"]
    assert main(args) == 0
    out = capsys.readouterr().out
    rows = [line.split() for line in out.splitlines() if line.startswith("  ")]
    assert rows == [["row", "en", "de"], ["1", "1", "1"], ["2", "2", "5", "moved"], ["3", "3", "2"],
                    ["4", "4", "3"], ["5", "5", "4"]]
    assert main([*args, "--format", "json"]) == 0
    (bundle,) = json.loads(capsys.readouterr().out)["bundles"]
    assert bundle["alignment"][1] == {"blocks": [[2], [5]], "moved": True}
    assert [row["moved"] for row in bundle["alignment"]] == [False, True, False, False, False]
    main(args[:-1] + ["--format", "json"])  # without the option, no alignment
    assert "alignment" not in json.loads(capsys.readouterr().out)["bundles"][0]


# --- moved passages: the candidate search is indexed, not a scan of every block pair -------------

def _moves_by_brute_force(a, b):
    """The moved-passage rule of align_pair_with_moves, with every pair of blocks tried and every
    anchored pair tested for a crossing (what the indexed search must agree with)."""
    from consistency.match.align import (MOVED_FAR, MOVED_MAX, MOVED_MIN_SHARED, MOVED_TRIALS, _unmatched,
                                         _with_moves, align_pair, strong_anchors)
    groups = align_pair(a, b)
    if not _unmatched(groups):
        return groups
    count_a, count_b = {}, {}
    for fs, counts in ((a, count_a), (b, count_b)):
        for f in fs:
            for x in strong_anchors(f):
                counts[x] = counts.get(x, 0) + 1
    where_b = {x: j for j, fb in enumerate(b) for x in strong_anchors(fb) if count_a.get(x) == 1 == count_b.get(x)}
    anchored = {(i, where_b[x]) for i, fa in enumerate(a) for x in strong_anchors(fa) if x in where_b}
    moved = []
    for _ in range(MOVED_MAX):
        if not _unmatched(groups):
            break
        both_sides = any(not gb for _ga, gb in groups) and any(not ga for ga, _gb in groups)
        candidates = []
        for i, fa in enumerate(a):
            unique = {x for x in strong_anchors(fa) if count_a.get(x) == 1 == count_b.get(x)}
            if i in {p for p, _ in moved} or len(unique) < MOVED_MIN_SHARED:
                continue
            for j, fb in enumerate(b):
                shared = len(unique & strong_anchors(fb))
                crosses = any((k - i) * (m - j) < 0 for k, m in anchored) or (
                    both_sides and abs(i / len(a) - j / len(b)) >= MOVED_FAR)
                enough = shared >= 2 or (shared >= MOVED_MIN_SHARED and len(strong_anchors(fa)) >= 2
                                         and len(strong_anchors(fb)) >= 2)
                if j not in {q for _, q in moved} and enough and crosses:
                    candidates.append((-abs(i / len(a) - j / len(b)), -shared, i, j))
        for _far, _shared, i, j in sorted(candidates)[:MOVED_TRIALS]:
            trial = _with_moves(a, b, moved + [(i, j)], DEFAULT_COSTS, None)
            if trial is not None and _unmatched(trial) < _unmatched(groups):
                moved.append((i, j))
                groups = trial
                break
        else:
            break
    return groups


from consistency.match.align import align_pair_with_moves  # noqa: E402

_ANCHOR_POOL = [f"num:{k}" for k in range(8)] + ["code:x", "w:a", "w:b"]
_MOVE_BLOCKS = st.lists(st.tuples(st.integers(20, 90), st.sets(st.sampled_from(_ANCHOR_POOL), max_size=3)),
                        min_size=1, max_size=14)


@settings(max_examples=300, deadline=None)
@given(_MOVE_BLOCKS, _MOVE_BLOCKS)
def test_moved_passages_are_those_a_search_of_every_block_pair_finds(xs, ys):
    a = [BlockFeatures(n, "Latn", frozenset(s)) for n, s in xs]
    b = [BlockFeatures(n, "Latn", frozenset(s)) for n, s in ys]
    assert align_pair_with_moves(a, b) == _moves_by_brute_force(a, b)


# --- which block holds an offset: a binary search over the block starts --------------------------

_LAYOUT = st.lists(st.tuples(st.sampled_from([0, 0, 1, 3]), st.sampled_from([0, 1, 4, 7])), max_size=8)


@settings(max_examples=300, deadline=None)
@given(_LAYOUT, st.booleans())
def test_the_block_at_an_offset_is_the_first_that_holds_it(layout, reverse):
    from consistency.match.analysis import BundleAnalysis
    from consistency.model import Block, Document

    blocks, at = [], 0
    for i, (gap, length) in enumerate(layout):
        at += gap
        blocks.append(Block(i, "paragraph", at, at + length, "x" * length))
        at += length
    if reverse:  # out of order: the analysis must still answer as a scan would
        blocks.reverse()
    an = BundleAnalysis("b", [Document("a.txt", "en", "x" * (at + 2), tuple(blocks))])
    for offset in range(at + 3):
        assert an.block_of(0, offset) is next(
            (b for b in blocks if b.start <= offset < b.end or b.start == offset), None)
        assert an.block_index_through(0, offset) == next(
            (i for i, b in enumerate(blocks) if b.start <= offset <= b.end), None)


# --------------------------------------------------------------------------- word anchors one version writes

_WORDS = ["Berlin", "Anna", "the", "die", "in", "Tesla", "solar", "Park", "und", "and", "Oslo", "42", "7 km", "2019"]


@given(st.lists(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=6), min_size=1, max_size=9),
       st.lists(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=6), min_size=1, max_size=9),
       st.lists(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=6), max_size=9))
def test_word_anchors_no_other_version_writes_change_no_alignment(en, de, fr):
    """A bundle's features leave out the words only one version writes (memory of long articles);
    the groups are those of the features with every word, and the shared words stay."""
    from consistency.documents.text import parse_text
    from consistency.extract import extract_claims
    from consistency.match.groups import aligned_groups, block_anchors, features
    from consistency.model import Document

    docs = []
    for loc, paragraphs in (("en", en), ("de", de), ("fr", fr)):
        if paragraphs:
            text = "\n\n".join(" ".join(words) + "." for words in paragraphs) + "\n"
            docs.append(Document(path=f"{loc}.txt", locale=loc, text=text, blocks=tuple(parse_text(text))))
    claims = [[extract_claims(block.text, doc.locale) for block in doc.blocks] for doc in docs]
    pruned = features(docs, claims)
    whole = [[block_features(block.text, anchors=block_anchors(doc, b, claims[v][b]), kind=block.kind)
              for b, block in enumerate(doc.blocks)] for v, doc in enumerate(docs)]
    assert aligned_groups(pruned) == aligned_groups(whole)
    written = [{x for f in per for x in f.anchors} for per in whole]
    for v, per in enumerate(pruned):
        for f, g in zip(per, whole[v]):
            others = set().union(*(written[w] for w in range(len(docs)) if w != v))
            assert f.anchors == {x for x in g.anchors if not x.startswith("tok:") or x in others}

"""Names and quotations on the seed article (../shared/corpus/microsoft-ai-strategy).

Unchanged, the pair gives no name or quote finding (the only finding stays the
COV001 for the 17 closing German paragraphs).  Each mutation of
``benchmarks/names_quotes.py`` (a name changed, a quotation given to another
speaker or turned into indirect speech, in either version) must add a finding
whose location covers the edit.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from consistency.cli import main

ROOT = Path(__file__).resolve().parents[1]
ARTICLE = ROOT.parent / "shared" / "corpus" / "microsoft-ai-strategy"

pytestmark = pytest.mark.corpus


def _bench():
    spec = importlib.util.spec_from_file_location("names_quotes_bench", ROOT / "benchmarks" / "names_quotes.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


BENCH = _bench()


@pytest.fixture(scope="module")
def texts() -> dict[str, str]:
    if not (ARTICLE / "ja.txt").is_file() or not (ARTICLE / "de.txt").is_file():
        pytest.skip(f"the seed article is not present at {ARTICLE} (../shared/corpus is not part of the checkout)")
    return BENCH.seed_texts()


@pytest.fixture(scope="module")
def rules():
    from consistency.engine.registry import load_rules

    return load_rules().select((), (), {})


def test_the_unchanged_pair_has_no_name_or_quote_finding(texts, capsys):
    rc = main(["check", str(ARTICLE / "ja.txt"), str(ARTICLE / "de.txt"), "--format", "json"])
    data = json.loads(capsys.readouterr().out)
    assert [f["rule"] for f in data["findings"]] == ["COV001"], data["findings"]
    assert rc == 0


def test_the_seed_names_and_quotes_are_recognised(texts):
    from consistency.match.analysis import analyse

    an = analyse("seed", BENCH._documents(texts))
    at = [d.locale for d in an.documents]  # the engine's canonical order, not the order given
    ja = {m.text for block in an.names[at.index("ja")] for m in block}
    de = {m.text for block in an.names[at.index("de")] for m in block}
    for name in ("Noelle Walsh", "Michael Elias", "TD-Cowen", "Raimo Lenschow", "Mustafa Suleyman", "Cohere",
                 "Command R", "OpenAI", "ChatGPT", "Nvidia", "Google", "Meta"):
        assert name in ja, name
    assert {"バークレイズ", "ニューヨーク", "米国", "ヨーロッパ"} <= ja
    assert {"Barclays", "New York", "USA", "Europa"} <= de
    speech = [[q for block in an.quotes[at.index(loc)] for q in block if q.kind == "speech"] for loc in ("ja", "de")]
    assert len(speech[0]) == len(speech[1]) == 5  # Walsh (2), Elias, Lenschow, Elias
    named = [[q.speaker_text for q in s if q.speaker_text and not q.pronoun] for s in speech]
    assert named[0] == named[1] == ["Elias", "Lenschow", "Elias"]
    pronouns = [[q.speaker_text for q in s if q.pronoun] for s in speech]
    assert pronouns == [["彼女"], ["sie"]]


@pytest.mark.parametrize("locale, old, new, what", BENCH.MUTATIONS, ids=[f"{m[0]}-{m[3]}-{i}" for i, m in
                                                                         enumerate(BENCH.MUTATIONS)])
def test_each_mutation_is_found_at_the_edit(texts, rules, locale, old, new, what):
    mutated, edit = BENCH.mutate(texts, locale, old, new)
    findings = BENCH.run(mutated, rules)
    hits = BENCH.detected(findings, locale, edit)
    assert hits, [f"{f.rule} {f.message}" for f in findings]
    expected = {"name variant": "NAM002", "name conflict": ("NAM001", "NAM003"), "name missing": ("NAM001", "NAM003"),
                "quote speaker": "QUO002", "quote paraphrased": "QUO003"}[what]
    assert any(f.rule in expected for f in hits), [f.rule for f in hits]


def test_detection_rate_is_at_least_ninety_percent(texts, rules):
    found = 0
    for locale, old, new, _what in BENCH.MUTATIONS:
        mutated, edit = BENCH.mutate(texts, locale, old, new)
        found += bool(BENCH.detected(BENCH.run(mutated, rules), locale, edit))
    assert len(BENCH.MUTATIONS) >= 20
    assert found / len(BENCH.MUTATIONS) >= 0.9

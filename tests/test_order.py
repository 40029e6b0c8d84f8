"""Findings never depend on the order in which the versions are given (issue 16 item 10)."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from consistency.cli import main

ROOT = Path(__file__).resolve().parents[1]


def findings(capsys, paths) -> str:
    code = main(["check", *map(str, paths), "--format", "json"])
    out, err = capsys.readouterr()
    assert code in (0, 1), err
    return json.dumps(json.loads(out)["findings"], sort_keys=True)


@pytest.mark.parametrize("bundle", ["solar-farm", "solar-farm-drift"])
def test_every_order_of_the_example_versions_gives_the_same_findings(capsys, bundle):
    paths = sorted(p for p in (ROOT / "examples" / bundle).glob("*.md") if p.stem in ("de", "en", "ja"))
    results = {findings(capsys, order) for order in itertools.permutations(paths)}
    assert len(results) == 1


FIGURES = {
    "en": ["The line is {0} km long and cost ${1} million.", "It carries {2} passengers a day."],
    "de": ["Die Strecke ist {0} km lang und kostete {1} Millionen Dollar.", "Sie befördert {2} Fahrgäste am Tag."],
    "fr": ["La ligne mesure {0} km et a coûté {1} millions de dollars.", "Elle transporte {2} passagers par jour."],
    "ja": ["路線の長さは{0}キロで、建設費は{1}00万ドルだった。", "1日に{2}人が利用する。"],
}


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])  # capsys is read out after each run
@given(order=st.permutations(sorted(FIGURES)), wrong=st.sampled_from(sorted(FIGURES)),
       figures=st.tuples(st.integers(2, 90), st.integers(2, 90), st.integers(2, 900)))
def test_any_permutation_of_versions_same_findings(tmp_path_factory, capsys, order, wrong, figures):
    folder = tmp_path_factory.mktemp("order")
    paths = {}
    for locale, paragraphs in FIGURES.items():
        values = list(figures)
        if locale == wrong:
            values[0] += 1  # one version states another length
        text = "\n\n".join(p.format(*values) for p in paragraphs) + "\n"
        paths[locale] = folder / f"line.{locale}.txt"
        paths[locale].write_text(text, encoding="utf-8")
    given_order = findings(capsys, [paths[loc] for loc in order])
    canonical = findings(capsys, [paths[loc] for loc in sorted(paths)])
    assert given_order == canonical
    assert wrong in given_order  # and the changed figure is reported


def test_a_two_against_two_tie_names_no_deviant_equal_to_its_reference_and_says_it_is_a_tie(tmp_path, capsys):
    texts = {"en": "The line is 5 km long.", "de": "Die Strecke ist 5 km lang.", "fr": "La ligne mesure 6 km.",
             "it": "Il percorso è lungo 6 km."}
    paths = []
    for locale, text in texts.items():
        paths.append(tmp_path / f"a.{locale}.txt")
        paths[-1].write_text(text + "\n", encoding="utf-8")
    found = json.loads(findings(capsys, paths))
    assert sorted(next(loc["locale"] for loc in f["locations"] if loc["role"] == "deviant") for f in found) == \
        ["fr", "it"]
    for f in found:
        values = {loc["role"]: loc["value"] for loc in f["locations"]}
        assert values["deviant"] != values["reference"]
        assert "a tie" in f["message"]
    # with a declared source there is no tie to speak of
    code = main(["check", *map(str, paths), "--source", "fr", "--format", "json"])
    declared = json.loads(capsys.readouterr().out)["findings"]
    assert code == 1 and all("a tie" not in f["message"] for f in declared)
    assert sorted(next(loc["locale"] for loc in f["locations"] if loc["role"] == "deviant") for f in declared) == \
        ["de", "en"]

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


def test_a_two_against_two_tie_is_one_unresolved_finding_naming_both_sides(tmp_path, capsys):
    texts = {"en": "The line is 5 km long.", "de": "Die Strecke ist 5 km lang.", "fr": "La ligne mesure 6 km.",
             "it": "Il percorso è lungo 6 km."}
    paths = []
    for locale, text in texts.items():
        paths.append(tmp_path / f"a.{locale}.txt")
        paths[-1].write_text(text + "\n", encoding="utf-8")
    (found,) = json.loads(findings(capsys, paths))
    assert [(loc["locale"], loc["role"]) for loc in found["locations"]] == \
        [("en", "tied"), ("de", "tied"), ("fr", "tied"), ("it", "tied")]  # no side deviant
    assert found["message"].startswith("en and de give 5 kilometers where fr and it give 6 kilometers — unresolved")
    # with a declared source there is no tie to speak of; its partner agrees with it, as many as
    # the two translations against it: the source is suspected, and pointed at
    code = main(["check", *map(str, paths), "--source", "fr", "--format", "json"])
    (declared,) = json.loads(capsys.readouterr().out)["findings"]
    assert code == 1 and "unresolved" not in declared["message"] and "source suspected" in declared["message"]
    assert [(loc["locale"], loc["role"]) for loc in declared["locations"]] == \
        [("fr", "deviant"), ("en", "reference"), ("de", "reference")]


def test_two_translations_agreeing_against_the_source_point_at_the_source(tmp_path, capsys):
    texts = {"en": "The line is 5 km long.", "de": "Die Strecke ist 6 km lang.", "fr": "La ligne mesure 6 km.",
             "it": "Il percorso è lungo 5 km.", "es": "La línea mide 7 km."}
    paths = []
    for locale, text in texts.items():
        paths.append(tmp_path / f"a.{locale}.txt")
        paths[-1].write_text(text + "\n", encoding="utf-8")
    code = main(["check", *map(str, paths), "--source", "en", "--format", "json"])
    found = json.loads(capsys.readouterr().out)["findings"]
    assert code == 1
    suspected = [f for f in found if "source suspected" in f["message"]]
    (f,) = suspected
    assert [(loc["locale"], loc["role"]) for loc in f["locations"]] == \
        [("en", "deviant"), ("de", "reference"), ("fr", "reference")]
    # the translation that agrees with nobody is still its own finding, against the source
    (other,) = [f for f in found if f not in suspected]
    assert [(loc["locale"], loc["role"]) for loc in other["locations"]] == \
        [("es", "deviant"), ("en", "reference"), ("it", "reference")]
    # one translation against the source, two with it: no suspicion
    texts["fr"] = "La ligne mesure 5 km."
    for path, text in zip(paths, texts.values()):
        path.write_text(text + "\n", encoding="utf-8")
    main(["check", *map(str, paths), "--source", "en", "--format", "json"])
    found = json.loads(capsys.readouterr().out)["findings"]
    assert found and not any("source suspected" in f["message"] for f in found)

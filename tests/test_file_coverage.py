"""COV003 missing-file and COV004 orphan-file (issue 12 item 4): a page with no file in a locale
is reported, not passed over as "No findings in 0 bundles"."""

from __future__ import annotations

import json
import os

import pytest

from consistency.cli import main


@pytest.fixture
def site(tmp_path, monkeypatch):
    files = {
        "content/en/news/port.md": "The port expansion costs $80 million.\n",
        "content/de/news/port.md": "Der Ausbau des Hafens kostet 80 Millionen Dollar.\n",
        "content/ja/news/port.md": "港の拡張には8000万ドルかかる。\n",
        "content/en/news/bridge.md": "The bridge is 2 km long.\n",         # no de, no ja
        "content/ja/news/bridge.md": "橋の長さは2キロ。\n",                    # de missing only
        "content/de/news/old-port.md": "Der Plan für den alten Hafen.\n",   # no en source
    }
    for name, text in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(capsys, *args) -> tuple[int, list[dict]]:
    code = main(["check", "--bundles", "content/{locale}/{path}.md", "--format", "json", *args])
    out, err = capsys.readouterr()
    assert code in (0, 1), err
    return code, json.loads(out)["findings"]


def summary(findings, rule):
    return sorted((f["bundle"], next(loc["locale"] for loc in f["locations"] if loc["role"] == "deviant"))
                  for f in findings if f["rule"] == rule)


def test_a_locale_without_a_file_is_reported_with_the_file_it_needs(site, capsys):
    _code, findings = run(capsys)
    assert summary(findings, "COV003") == [("news/bridge", "de"), ("news/old-port", "en"), ("news/old-port", "ja")]
    bridge = next(f for f in findings if f["rule"] == "COV003" and f["bundle"] == "news/bridge")
    deviant = bridge["locations"][0]
    assert deviant["path"] == os.path.join("content", "de", "news", "bridge.md")
    assert not (site / deviant["path"]).exists()
    assert {loc["locale"] for loc in bridge["locations"][1:]} == {"en", "ja"}


def test_with_a_source_a_translation_without_source_is_an_orphan(site, capsys):
    _code, findings = run(capsys, "--source", "en")
    assert summary(findings, "COV004") == [("news/old-port", "de")]
    assert ("news/old-port", "en") not in summary(findings, "COV003")  # an orphan is not "missing en"


def test_only_single_version_pages_still_report_instead_of_no_bundle(tmp_path, capsys, monkeypatch):
    (tmp_path / "content/en").mkdir(parents=True)
    (tmp_path / "content/de").mkdir(parents=True)
    (tmp_path / "content/en/a.md").write_text("It is 5 km.\n", encoding="utf-8")
    (tmp_path / "content/de/b.md").write_text("Es sind 5 km.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, findings = run(capsys, "--fail-level", "warning")
    assert code == 1 and summary(findings, "COV003") == [("a", "de"), ("b", "en")]


def test_the_rules_can_be_left_out(site, capsys):
    _code, findings = run(capsys, "--ignore", "COV003,COV004")
    assert not [f for f in findings if f["rule"] in ("COV003", "COV004")]

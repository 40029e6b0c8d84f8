"""The article the project was specified from: ../shared/corpus/microsoft-ai-strategy/{ja,de}.txt.

Paragraphs 1-25 correspond one to one; de.txt has 17 closing paragraphs
(26-42) with no Japanese counterpart.  Checked as they are, the only finding
is that coverage gap.  Each single edit of one figure in either version must
add exactly one finding that points at the edit.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from consistency.cli import main

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
ARTICLE = CORPUS / "microsoft-ai-strategy"

pytestmark = pytest.mark.corpus


@pytest.fixture(scope="module")
def article() -> Path:
    if not (ARTICLE / "ja.txt").is_file() or not (ARTICLE / "de.txt").is_file():
        pytest.skip(f"the seed article is not present at {ARTICLE} (../shared/corpus is not part of the checkout)")
    return ARTICLE


def check(capsys, *args: str) -> tuple[int, dict]:
    rc = main(["check", *args, "--format", "json"])
    out, err = capsys.readouterr()
    assert rc in (0, 1), err
    return rc, json.loads(out)


def paragraphs(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each paragraph's text (blank lines separate them)."""
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n]+(?:\n[^\n]+)*", text) if m.group().strip()]


def show(data: dict) -> str:
    lines = []
    for f in data["findings"]:
        lines.append(f"{f['rule']} {f['message']}")
        for loc in f["locations"]:
            lines.append(f"    {loc['role']} {loc['locale']} [{loc['start']}, {loc['end']}) {loc['text'][:50]!r}")
    return "\n".join(lines)


def test_the_article_has_the_documented_layout(article):
    ja = (article / "ja.txt").read_text(encoding="utf-8")
    de = (article / "de.txt").read_text(encoding="utf-8")
    assert len(paragraphs(ja)) == 25
    assert len(paragraphs(de)) == 42


def test_only_the_untranslated_closing_paragraphs_are_reported(article, capsys):
    ja, de = str(article / "ja.txt"), str(article / "de.txt")
    rc, data = check(capsys, ja, de)
    assert len(data["findings"]) == 1, show(data)
    (finding,) = data["findings"]
    assert finding["rule"] == "COV001"
    assert finding["category"] == "coverage"
    text = (article / "de.txt").read_text(encoding="utf-8")
    spans = paragraphs(text)
    # two versions and no source: a tie, the first version (de, with no English) is the reference,
    # so the Japanese version is named for lacking the paragraphs that German holds
    (loc,) = [loc for loc in finding["locations"] if loc["role"] == "reference"]
    (lacking,) = [loc for loc in finding["locations"] if loc["role"] == "deviant"]
    assert loc["path"] == de and loc["locale"] == "de" and lacking["path"] == ja and lacking["text"] == ""
    assert (loc["start"], loc["end"]) == (spans[25][0], spans[41][1]), show(data)
    assert loc["text"] == text[spans[25][0]:spans[41][1]]
    assert "26-42" in finding["message"]
    # a warning: the default fail level (error) is not reached
    assert finding["level"] == "warning" and rc == 0


#: (edited version, old text, new text); each old text occurs once in its file.
EDITS = [
    ("de", "80 Milliarden Dollar", "8 Milliarden Dollar"),
    ("de", "über 2 Gigawatt", "über 3 Gigawatt"),
    ("de", "sechs Monaten", "neun Monaten"),
    ("de", "Ende 2022", "Ende 2021"),
    ("ja", "800億ドル", "80億ドル"),
    ("ja", "6か月", "9か月"),
    ("ja", "2ギガワット", "2メガワット"),
    ("ja", "2025会計年度", "2024会計年度"),
    ("de", "Geschäftsjahr 2025", "Geschäftsjahr 2026"),
    ("ja", "2つ", "4つ"),
    ("de", "nur zwei GPUs", "nur vier GPUs"),
]


def _edit(article: Path, tmp_path: Path, locale: str, old: str, new: str) -> tuple[str, str, tuple[int, int]]:
    for name in ("ja.txt", "de.txt"):
        shutil.copyfile(article / name, tmp_path / name)
    path = tmp_path / f"{locale}.txt"
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} should occur once in {locale}.txt"
    start = text.index(old)
    path.write_text(text.replace(old, new), encoding="utf-8")
    # the characters that changed, within the new text
    i = 0
    while old[i] == new[i]:
        i += 1
    j = 0
    while old[-1 - j] == new[-1 - j] and j < min(len(old), len(new)) - i - 1:
        j += 1
    edit = (start + i, start + len(new) - j)
    return str(tmp_path / "ja.txt"), str(tmp_path / "de.txt"), edit


def _new_findings(data: dict) -> list[dict]:
    return [f for f in data["findings"] if f["rule"] != "COV001"]


def _covers(loc: dict, path: str, edit: tuple[int, int]) -> bool:
    return loc["path"] == path and loc["start"] <= edit[0] and edit[1] <= loc["end"]


@pytest.mark.parametrize("locale, old, new", EDITS)
def test_a_single_edit_adds_exactly_one_finding_at_the_edit(article, tmp_path, capsys, locale, old, new):
    ja, de, edit = _edit(article, tmp_path, locale, old, new)
    edited, other = (ja, "de") if locale == "ja" else (de, "ja")
    # two versions cannot tell which one is wrong: declare the unedited one the source
    rc, data = check(capsys, ja, de, "--source", other)
    new_findings = _new_findings(data)
    assert len(new_findings) == 1, show(data)
    assert [f["rule"] for f in data["findings"]].count("COV001") == 1, show(data)
    (finding,) = new_findings
    assert finding["category"] in ("quantity", "date")
    deviant = [loc for loc in finding["locations"] if loc["role"] == "deviant"]
    assert any(_covers(loc, edited, edit) for loc in deviant), show(data)
    assert rc == 1 or finding["level"] != "error"


@pytest.mark.parametrize("locale, old, new", EDITS)
def test_a_single_edit_is_found_without_a_declared_source(article, tmp_path, capsys, locale, old, new):
    """Without ``--source`` the finding still points at the edit, in one of its locations."""
    ja, de, edit = _edit(article, tmp_path, locale, old, new)
    edited = ja if locale == "ja" else de
    _, data = check(capsys, ja, de)
    new_findings = _new_findings(data)
    assert len(new_findings) == 1, show(data)
    assert any(_covers(loc, edited, edit) for loc in new_findings[0]["locations"]), show(data)

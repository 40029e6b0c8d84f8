"""PLH001 placeholder-mismatch and PLH002 markup-mismatch (issue 12 item 3)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from consistency.cli import main
from consistency.engine.checks.placeholders import icu_arguments, markup, placeholders


def write(path: Path, text: str) -> str:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return str(path)


def run(capsys, *paths: str, select: str = "PLH") -> list[dict]:
    code = main(["check", *paths, "--select", select, "--format", "json"])
    out, err = capsys.readouterr()
    assert code in (0, 1), err
    return json.loads(out)["findings"]


def deviant(finding: dict) -> str:
    return next(loc["locale"] for loc in finding["locations"] if loc["role"] == "deviant")


@pytest.mark.parametrize(("a", "b", "same"), [
    ("Delete %1$s and %2$d files?", "%2$d Dateien und %1$s löschen?", True),   # reordered: fine
    ("Delete %1$s and %2$d files?", "%1$s und %2$s Dateien löschen?", False),  # %d became %s
    ("%d files", "%i Dateien", True),                                          # both print an integer
    ("%d files", "Dateien", False),
    ("{count} files", "{count} Dateien", True),
    ("{count} files", "{anzahl} Dateien", False),
    ("{{count}} files", "{count} Dateien", False),                             # another syntax
    ("Hello %(name)s", "Hallo %(name)s", True),
    ("Hello %{name}", "Hallo %{name}", True),
    ("Saved $COUNT$ files", "$COUNT$ Dateien gespeichert", True),
    ("{n, plural, one {# file} other {# files}}", "{n, plural, one {# Datei} other {# Dateien}}", True),
    ("{g, select, female {She} other {They}} wrote", "{g, select, female {Sie} other {Sie}} schrieb", True),
    ("50% off, 100%ige", "50 % Rabatt", True),                                 # percentages are no placeholders
    ("%@ sent %lld photos", "%@ hat %lld Fotos gesendet", True),
    ("%@ sent %lld photos", "%@ hat %@ Fotos gesendet", False),
])
def test_placeholders_agree_in_any_order_and_differ_by_kind(a, b, same):
    assert (placeholders(a) == placeholders(b)) is same


def test_icu_is_parsed_with_nesting_and_quoting():
    message = ("{g, select, female {{n, plural, one {Sie hat # Datei} other {Sie hat {n} Dateien}}} "
               "other {'{'x'}' {who}}}")
    assert icu_arguments(message) == {"g", "n", "who"}
    assert icu_arguments("not { icu") == set()
    assert icu_arguments("{n, number, ::currency/EUR} left") == {"n"}


@given(st.text(alphabet="{}',# abcn0123pluralseothr%$@dis", max_size=60))
def test_no_text_crashes_the_placeholder_reader(text):
    assert isinstance(placeholders(text), dict)
    assert isinstance(markup(text), dict)


def test_markup_counts_tags_in_any_order():
    assert markup("Tap <b>Save</b>, then <a href='x'>go</a>") == markup("<a href='y'>Los</a>: <b>Speichern</b>")
    assert markup("Tap <b>Save</b>") != markup("Tippen Sie auf Speichern")
    assert markup("Tap &lt;b&gt;Save&lt;/b&gt;") == markup("<b>Speichern</b>")


def test_the_plh001_example_in_json_files(tmp_path, capsys):
    paths = [
        write(tmp_path / "locales/en/app.json", '{"delete": "Delete %1$s and %2$d other files?"}'),
        write(tmp_path / "locales/de/app.json", '{"delete": "%1$s und %2$s weitere Dateien löschen?"}'),
        write(tmp_path / "locales/ja/app.json", '{"delete": "%1$sと他%2$d個のファイルを削除しますか？"}'),
    ]
    (finding,) = run(capsys, *paths)
    assert (finding["rule"], deviant(finding)) == ("PLH001", "de")
    assert finding["message"] == "de has placeholders %1s %2s where en and ja have %1s %2d"


def test_the_plh002_example_in_android_files(tmp_path, capsys):
    res = '<resources><string name="save">{}</string></resources>'
    paths = [
        write(tmp_path / "res/values/strings.xml", res.format("Tap <b>Save</b> to keep 3 copies.")),
        write(tmp_path / "res/values-de/strings.xml", res.format("Tippen Sie auf Speichern, um 3 Kopien zu behalten.")),
        write(tmp_path / "res/values-ja/strings.xml", res.format("<b>保存</b>をタップすると3部保存されます。")),
    ]
    (finding,) = run(capsys, *paths)
    assert (finding["rule"], deviant(finding)) == ("PLH002", "de")


PO = """msgid ""
msgstr ""
"Language: de\\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\\n"

#, c-format
msgid "Delete %s?"
msgstr "%d löschen?"

#, c-format
msgid "One file"
msgid_plural "%d files"
msgstr[0] "%d Datei"
msgstr[1] "%d Dateien"

msgid "Copy {count} items"
msgstr "{count} Elemente kopieren"
"""


def test_po_units_compare_with_their_own_source(tmp_path, capsys):
    (finding,) = run(capsys, write(tmp_path / "de.po", PO))
    assert (finding["rule"], deviant(finding), finding["locations"][0]["line"]) == ("PLH001", "de", 8)


def test_two_versions_without_a_source_name_the_same_deviant_in_any_order(tmp_path, capsys):
    a = write(tmp_path / "locales/en/app.json", '{"k": "%s files"}')
    b = write(tmp_path / "locales/de/app.json", '{"k": "%d Dateien"}')
    first = run(capsys, a, b)
    second = run(capsys, b, a)
    assert [deviant(f) for f in first] == [deviant(f) for f in second]


@pytest.mark.corpus
@pytest.mark.parametrize("language", ["de", "fr", "ja"])
def test_no_false_alarm_on_the_gnome_catalogues(corpus, capsys, language):
    """GNOME Weather's catalogues hold 10-15 units with placeholders each, all translated right."""
    path = corpus / "gnome-weather-po" / f"{language}.po"
    if not path.is_file():
        pytest.skip(f"{path} is not in the corpus")
    from consistency.documents import load_document

    doc = load_document(path)
    assert sum(1 for b in doc.blocks if placeholders(doc.text[b.start:b.end])) >= 10
    assert run(capsys, str(path)) == []

"""Layouts found without configuration (consistency/layouts.py, consistency/data/layouts.toml)."""

from __future__ import annotations

import json

import pytest

from consistency.cli import main
from consistency.layouts import find_layouts, layouts


def write(root, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


APP = {
    "app/src/main/res/values/strings.xml": '<resources><string name="a">The tank holds 5 litres.</string></resources>\n',
    "app/src/main/res/values-de/strings.xml": '<resources><string name="a">Der Tank fasst 50 Liter.</string></resources>\n',
    "app/src/main/res/values-pt-rBR/strings.xml": '<resources><string name="a">O tanque tem 5 litros.</string></resources>\n',
    "ios/Base.lproj/Localizable.strings": '"a" = "The tank holds 5 litres.";\n',
    "ios/de.lproj/Localizable.strings": '"a" = "Der Tank fasst 5 Liter.";\n',
    "web/public/locales/en/common.json": '{"a": "The tank holds 5 litres."}\n',
    "web/public/locales/ja/common.json": '{"a": "タンクの容量は5リットルです。"}\n',
    "config/locales/en.yml": "en:\n  a: The tank holds 5 litres.\n",
    "config/locales/fr.yml": "fr:\n  a: Le réservoir contient 5 litres.\n",
    "node_modules/pkg/locales/en/x.json": '{"a": "1 km"}\n',
    "node_modules/pkg/locales/de/x.json": '{"a": "2 km"}\n',
}


@pytest.fixture
def repo(tmp_path, monkeypatch):
    write(tmp_path, APP)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_every_layout_is_found_outside_excluded_folders(repo):
    found = [(f.layout.name, [(b.id, sorted(b.locales)) for b in f.bundles]) for f in find_layouts(".")]
    assert found == [
        ("Android resources", [("app/src/main/res/strings", ["de", "en", "pt-BR"])]),
        ("Rails i18n", [("config/locales/{locale}.yml", ["en", "fr"])]),
        ("Apple .strings", [("ios/Localizable", ["de", "en"])]),
        ("i18next JSON", [("web/public/locales/common", ["en", "ja"])]),
    ]


def test_check_without_configuration_checks_what_it_found_and_says_so(repo, capsys):
    code = main(["check", ".", "--format", "json", "--no-history", "--select", "QTY"])
    out, err = capsys.readouterr()
    data = json.loads(out)
    assert code == 1 and len(data["bundles"]) == 4
    assert [(f["rule"], f["locations"][0]["path"], f["locations"][0]["line"]) for f in data["findings"]] == \
        [("QTY001", "app/src/main/res/values-de/strings.xml", 1)]
    assert "found Android resources in app/src/main/res (1 bundle)" in err
    assert "found i18next JSON in web/public/locales (1 bundle)" in err
    # the same with no path at all, from the root
    assert main(["check", "--format", "json", "--no-history", "--select", "QTY"]) == 1


def test_configured_bundles_are_not_second_guessed(repo, capsys):
    (repo / "pyproject.toml").write_text('[tool.claim-consistency]\nbundles = ["config/locales/{locale}.yml"]\n',
                                         encoding="utf-8")
    main(["check", "--format", "json", "--no-history"])
    out, err = capsys.readouterr()
    bundles = json.loads(out)["bundles"]
    assert len(bundles) == 1 and bundles[0]["id"].endswith("config/locales/{locale}.yml") and "found" not in err


def test_a_folder_of_versions_is_still_one_article(tmp_path, capsys):
    write(tmp_path, {"a/en.md": "It is 5 km.\n", "a/de.md": "Es sind 5 km.\n"})
    assert main(["check", str(tmp_path / "a"), "--no-history"]) == 0
    assert "found" not in capsys.readouterr().err


def test_nothing_found_keeps_the_old_message(tmp_path, capsys):
    write(tmp_path, {"notes/readme.md": "Nothing here.\n"})
    assert main(["check", str(tmp_path / "notes")]) == 2
    assert "a folder must hold one file per locale" in capsys.readouterr().err


def test_every_layout_parses_and_names_a_locale():
    for layout in layouts():
        assert layout.patterns and all("{locale}" in p or "=" in p for p in layout.patterns), layout.name


def test_android_legacy_language_codes(tmp_path):
    write(tmp_path, {"res/values/strings.xml": '<resources><string name="a">5 km</string></resources>\n',
                     "res/values-iw/strings.xml": '<resources><string name="a">5 ק"מ</string></resources>\n',
                     "res/values-in/strings.xml": '<resources><string name="a">5 km</string></resources>\n'})
    (found,) = find_layouts(str(tmp_path))
    assert sorted(found.bundles[0].locales) == ["en", "he", "id"]


def test_a_file_left_out_for_its_unknown_locale_is_named(tmp_path, capsys):
    write(tmp_path, {"res/values/strings.xml": '<resources><string name="a">5 km</string></resources>\n',
                     "res/values-de/strings.xml": '<resources><string name="a">5 km</string></resources>\n',
                     "res/values-ber/strings.xml": '<resources><string name="a">5 km</string></resources>\n',
                     "res/values-night/colors.xml": "<resources/>\n",
                     "res/values-v21/styles.xml": "<resources/>\n"})
    (found,) = find_layouts(str(tmp_path))
    assert [p.replace("\\\\", "/").split("/res/")[1] for p in found.left_out] == ["values-ber/strings.xml"]
    assert main(["check", str(tmp_path), "--no-history"]) == 0
    assert "left out 1 file whose folder or name is no locale babel knows" in capsys.readouterr().err


SERVER = {
    "server/src/main/resources/messages.properties": "tank=The tank holds 5 litres.\n",
    "server/src/main/resources/messages_de.properties": "tank=Der Tank fasst 50 Liter.\n",
    "desktop/Resources/Strings.resx": '<root><data name="tank"><value>The tank holds 5 litres.</value></data></root>\n',
    "desktop/Resources/Strings.fr.resx": '<root><data name="tank"><value>Le réservoir contient 5 litres.</value></data></root>\n',
    "web/locales/en/main.ftl": "tank = The tank holds 5 litres.\n",
    "web/locales/ja/main.ftl": "tank = タンクの容量は5リットルです。\n",
    "qt/translations/app_de.ts": '<TS language="de" sourcelanguage="en"><context><name>M</name><message>'
                                 '<source>The tank holds 5 litres.</source><translation>Der Tank fasst 5 Liter.'
                                 '</translation></message></context></TS>\n',
    "qt/translations/app_fr.ts": '<TS language="fr" sourcelanguage="en"><context><name>M</name><message>'
                                 '<source>The tank holds 5 litres.</source><translation>Le réservoir contient 5 '
                                 'litres.</translation></message></context></TS>\n',
}


def test_java_dotnet_fluent_and_qt_layouts_are_found(tmp_path, monkeypatch, capsys):
    write(tmp_path, SERVER)
    monkeypatch.chdir(tmp_path)
    found = sorted((f.layout.name, sorted(b.locales[i] or "" for b in f.bundles for i in range(len(b.locales))))
                   for f in find_layouts("."))
    assert [name for name, _ in found] == [".NET resources", "Fluent", "Java resource bundles", "Qt Linguist"]
    assert main(["check", ".", "--format", "json"]) == 1
    out = json.loads(capsys.readouterr().out)
    assert [(f["rule"], f["locations"][0]["path"]) for f in out["findings"]] == [
        ("QTY001", "server/src/main/resources/messages_de.properties")]

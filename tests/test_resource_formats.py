"""The files localization teams keep (issue 12 item 1): JSON (i18next, ARB, messages.json),
YAML (Rails), Android strings.xml, Apple .strings and String Catalogs, TMX, Java .properties,
.NET .resx, Qt Linguist .ts, Fluent .ftl, CSV/TSV tables with a column per language.  Each loader is keyed
by unit, points at the file exactly, and refuses bad input in one line."""

from __future__ import annotations

import json
import string

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from consistency.cli import main
from consistency.documents import is_multilingual, load_document, load_versions
from consistency.documents.jsonres import scan_strings
from consistency.errors import InputError


def write(path, text: str, encoding: str = "utf-8"):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode(encoding))
    return str(path)


def check(capsys, *paths: str) -> tuple[int, str]:
    code = main(["check", "--format", "json", *paths])
    return code, capsys.readouterr().out


def findings(out: str) -> list[dict]:
    return json.loads(out)["findings"] if out.strip() else []


def deviant(finding: dict) -> dict:
    return next(loc for loc in finding["locations"] if loc["role"] == "deviant")


# ----------------------------------------------------------------------------------- JSON


EN_JSON = """{
  "title": "Annual report",
  "energy": {"capacity": "The farm delivers 2 GW.", "cost": "It costs $4.2 billion."},
  "panels_one": "{{count}} panel",
  "panels_other": "{{count}} panels",
  "steps": ["Install 400 panels.", "Wait 3 weeks."]
}
"""


def test_i18next_json_keyed_by_path_with_exact_offsets(tmp_path):
    path = write(tmp_path / "locales/de/app.json",
                 '{"steps": ["400 Paneele installieren.", "3 Wochen warten."],\n'
                 ' "energy": {"cost": "Kosten: 4,2\\u00a0Mrd. $", "capacity": "Die Anlage liefert 2 GW."}}')
    doc = load_document(path)
    assert doc.locale == "de"
    by_key = {b.key: b for b in doc.blocks}
    assert set(by_key) == {"steps.0", "steps.1", "energy.cost", "energy.capacity"}
    block = by_key["energy.capacity"]
    assert doc.text[block.start:block.end] == block.text == "Die Anlage liefert 2 GW."
    cost = by_key["energy.cost"]
    assert doc.text[cost.start:cost.end] == "Kosten: 4,2\\u00a0Mrd. $"
    assert len(cost.text) == cost.end - cost.start and "\u00a0" in cost.text


def test_reordered_keys_and_german_numbers_agree(tmp_path, capsys):
    en = write(tmp_path / "locales/en/app.json", EN_JSON)
    de = write(tmp_path / "locales/de/app.json", """{
  "steps": ["400 Paneele installieren.", "3 Wochen warten."],
  "panels_other": "{{count}} Paneele",
  "energy": {"cost": "Sie kostet 4,2\\u00a0Milliarden Dollar.", "capacity": "Die Anlage liefert 2.000\\u00a0MW."},
  "title": "Jahresbericht"
}
""")
    code, out = check(capsys, en, de)
    assert (code, findings(out)) == (0, [])


def test_a_changed_figure_in_json_is_found_at_its_line_and_column(tmp_path, capsys):
    en = write(tmp_path / "locales/en/app.json", EN_JSON)
    de = write(tmp_path / "locales/de/app.json",
               '{\n  "energy": {\n    "capacity": "Die Anlage liefert 2\\u00a0MW."\n  }\n}\n')
    code, out = check(capsys, en, de)
    (finding,) = [f for f in findings(out) if f["rule"] == "QTY001"]
    loc = deviant(finding)
    assert (code, loc["locale"], loc["line"], loc["column"]) == (1, "de", 3, 37)  # the "2"


def test_arb_metadata_is_skipped_and_its_locale_read(tmp_path):
    path = write(tmp_path / "l10n/app.arb", json.dumps({
        "@@locale": "fr", "price": "Prix : 5 €", "@price": {"description": "Costs 12 dollars"}}))
    doc = load_document(path)
    assert doc.locale == "fr" and [b.key for b in doc.blocks] == ["price"]


def test_chrome_messages_json_compares_messages_only(tmp_path):
    path = write(tmp_path / "_locales/pt_BR/messages.json", json.dumps({
        "size": {"message": "Tamanho: 5 GB", "description": "shown 3 times"}}))
    doc = load_document(path)
    assert doc.locale == "pt-BR" and [(b.key, b.text) for b in doc.blocks] == [("size", "Tamanho: 5 GB")]


json_values = st.recursive(
    st.text(max_size=12) | st.integers() | st.booleans() | st.none(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner, max_size=4),
    max_leaves=12,
)


@given(st.dictionaries(st.text(max_size=6), json_values, max_size=5), st.booleans())
def test_the_json_scanner_finds_every_string_json_decodes(data, ascii_only):
    """Oracle: the standard library's json.  Every string value's span decodes to it."""
    text = json.dumps(data, ensure_ascii=ascii_only, indent=1)
    expected = []

    def walk(value, path):
        if isinstance(value, dict):
            for k, v in value.items():
                walk(v, path + (k,))
        elif isinstance(value, list):
            for i, v in enumerate(value):
                walk(v, path + (str(i),))
        elif isinstance(value, str):
            expected.append((path, value))

    walk(data, ())
    found = [(path, json.loads('"' + text[a:b] + '"')) for path, a, b in scan_strings(text)]
    assert found == expected


# ----------------------------------------------------------------------------------- YAML


def test_rails_yaml_root_locale_and_plural_other(tmp_path, capsys):
    en = write(tmp_path / "config/locales/en.yml",
               'en:\n  report:\n    capacity: "The farm delivers 2 GW."\n    staff:\n      one: "1 worker"\n'
               '      other: "%{count} workers"\n    cost: >\n      It costs\n      4.2 billion dollars.\n')
    de = write(tmp_path / "config/locales/de.yml",
               "de:\n  report:\n    staff:\n      other: \"%{count} Arbeiter\"\n    cost: |\n      Es kostet\n"
               "      42 Milliarden Dollar.\n    capacity: Die Anlage liefert 2 GW.\n")
    doc = load_document(de)
    assert doc.locale == "de"
    assert sorted(b.key for b in doc.blocks) == ["report.capacity", "report.cost", "report.staff.other"]
    code, out = check(capsys, en, de)
    (finding,) = findings(out)
    loc = deviant(finding)
    assert (finding["rule"], loc["line"], loc["column"], loc["text"]) == ("QTY001", 7, 7, "42 Milliarden Dollar")


def test_a_yaml_alias_bomb_is_refused_in_one_line(tmp_path, capsys):
    lines = ['a0: &a0 ["lol"]'] + [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 9)]
    bomb = write(tmp_path / "de.yml", "\n".join(lines) + "\n")
    other = write(tmp_path / "en.yml", "a0: [lol]\n")
    assert main(["check", other, bomb]) == 2
    err = capsys.readouterr().err
    assert "alias bomb" in err and err.count("\n") == 1


def test_yaml_never_builds_python_objects(tmp_path):
    path = write(tmp_path / "de.yml", "x: !!python/object/apply:os.system ['echo hacked']\ny: Text mit 5 GB\n")
    doc = load_document(path)  # composed, never constructed: the tag is text like any other
    assert [(b.key, b.text) for b in doc.blocks] == [("x.0", "echo hacked"), ("y", "Text mit 5 GB")]


# ----------------------------------------------------------------------------------- Android


ANDROID_EN = """<?xml version="1.0" encoding="utf-8"?>
<resources xmlns:xliff="urn:oasis:names:tc:xliff:document:1.2">
    <string name="app_name" translatable="false">Solar 3000</string>
    <string name="capacity">The farm delivers <b>2 GW</b>.</string>
    <string name="greeting">Hello <xliff:g id="user">%1$s</xliff:g>, you saved 15%% today.</string>
    <plurals name="panels">
        <item quantity="one">%d panel</item>
        <item quantity="other">%d panels</item>
    </plurals>
    <string-array name="tips">
        <item>Don\\'t wait 3 years.</item>
        <item><![CDATA[Save <i>10 kWh</i> a day.]]></item>
    </string-array>
</resources>
"""


def test_android_strings_plurals_arrays_and_folder_locales(tmp_path, capsys):
    en = write(tmp_path / "res/values/strings.xml", ANDROID_EN)
    de = write(tmp_path / "res/values-b+de+DE/strings.xml", """<?xml version="1.0" encoding="utf-8"?>
<resources>
    <string-array name="tips">
        <item>Warten Sie nicht 3 Jahre.</item>
        <item><![CDATA[Sparen Sie <i>10 kWh</i> am Tag.]]></item>
    </string-array>
    <plurals name="panels"><item quantity="one">%d Paneel</item><item quantity="other">%d Paneele</item></plurals>
    <string name="capacity">Die Anlage liefert <b>20 GW</b>.</string>
</resources>
""")
    doc_en, doc_de = load_document(en), load_document(de)
    assert (doc_en.locale, doc_de.locale) == ("en", "de-DE")
    assert [b.key for b in doc_en.blocks] == ["capacity", "greeting", "panels", "tips.0", "tips.1"]
    tip = next(b for b in doc_en.blocks if b.key == "tips.0")
    assert tip.text == "Don' t wait 3 years."  # the escape decoded in place
    code, out = check(capsys, en, de)
    qty, cov = sorted(findings(out), key=lambda f: f["rule"], reverse=True)
    loc = deviant(qty)
    assert (code, qty["rule"], loc["line"], loc["column"], loc["text"]) == (1, "QTY001", 8, 51, "20 GW")
    # the German file lacks the string "greeting": a key missing from a version is a missing passage,
    # reported at the German file (two versions, no source: English, the first, is the reference)
    reference = next(loc for loc in cov["locations"] if loc["role"] == "reference")
    assert (cov["rule"], deviant(cov)["locale"], reference["locale"], reference["line"]) == ("COV001", "de-DE", "en", 5)


@pytest.mark.parametrize(("folder", "locale"), [("values-pt-rBR", "pt-BR"), ("values-b+sr+Latn", "sr-Latn"),
                                                 ("values-ja", "ja")])
def test_android_resource_qualifiers_name_the_locale(tmp_path, folder, locale):
    path = write(tmp_path / "res" / folder / "strings.xml", '<resources><string name="a">5 GB</string></resources>')
    assert load_document(path).locale == locale


_ANDROID = ("res/values/strings.xml", "res/values-de/strings.xml", '<resources><string name="x">5 GB</string></resources>')
_RESX = ("Strings.resx", "Strings.de.resx", '<root><data name="x"><value>5 GB</value></data></root>')


@pytest.mark.parametrize(("files", "text"), [
    (_ANDROID, '<!DOCTYPE r [<!ENTITY a "aaaa">]><resources><string name="x">&a;</string></resources>'),
    (_ANDROID, '<resources><string name="x">unclosed</resources>'),
    (_ANDROID, '<manifest package="x"/>'),
    (_RESX, '<!DOCTYPE r [<!ENTITY a "aaaa">]><root><data name="x"><value>&a;</value></data></root>'),
    (_RESX, '<root><data name="x"><value>unclosed</data></root>'),
    (_RESX, '<resources><string name="x">5 GB</string></resources>'),
])
def test_bad_xml_resource_files_are_one_line_errors(tmp_path, capsys, files, text):
    good_name, bad_name, good_text = files
    bad = write(tmp_path / bad_name, text)
    good = write(tmp_path / good_name, good_text)
    assert main(["check", good, bad]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and bad_name.rsplit("/", 1)[-1] in err and "Traceback" not in err


# ----------------------------------------------------------------------------------- Apple


def test_apple_strings_utf16_comments_and_lproj_locales(tmp_path, capsys):
    en = write(tmp_path / "en.lproj/Localizable.strings",
               '/* The capacity */\n"capacity" = "The farm delivers 2 GW.";\n"price" = "It costs $4.2 billion.";\n')
    de = write(tmp_path / "de.lproj/Localizable.strings",
               '// price\n"price" = "Sie kostet 42 Milliarden Dollar.";\n'
               '"capacity" = "Die Anlage liefert 2\\U00A0GW.";\n',
               encoding="utf-16")
    assert load_document(de).locale == "de"
    code, out = check(capsys, en, de)
    (finding,) = findings(out)
    loc = deviant(finding)
    assert (code, loc["locale"], loc["line"], loc["column"]) == (1, "de", 2, 23)  # the "42"


@pytest.mark.parametrize(("name", "content", "message"), [
    ("Localizable.strings", b"bplist00\x01\x02", "binary property list"),
    ("Localizable.strings", b'"a" = "b"\n"c" = "d";\n', "malformed .strings"),
    ("Localizable.strings", b'"a" = "5 GB"', "ends inside"),
    ("Localizable.stringsdict", b"bplist00\xd1\x01\x02", "binary"),
    ("Localizable.stringsdict", b'<?xml version="1.0"?><!DOCTYPE plist [<!ENTITY a "x">]><plist><dict/></plist>',
     "DOCTYPE"),
    ("Localizable.stringsdict", b"<plist><dict><key>a</key>", "malformed XML"),
])
def test_bad_apple_files_are_one_line_errors(tmp_path, capsys, name, content, message):
    (tmp_path / "de.lproj").mkdir()
    (tmp_path / "de.lproj" / name).write_bytes(content)
    good = write(tmp_path / "en.lproj" / name,
                 '"a" = "5 GB";\n' if name.endswith(".strings") else stringsdict("a", "b", "c 5"))
    assert main(["check", good, str(tmp_path / "de.lproj" / name)]) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1, err


def test_a_string_catalog_is_a_whole_bundle(tmp_path, capsys):
    catalog = {"sourceLanguage": "en", "version": "1.0", "strings": {
        "capacity": {"localizations": {
            "en": {"stringUnit": {"state": "translated", "value": "The farm delivers 2 GW."}},
            "de": {"stringUnit": {"state": "translated", "value": "Die Anlage liefert 2 GW."}},
            "ja": {"stringUnit": {"state": "translated", "value": "発電所は2メガワットを供給する。"}}}},
        "%lld panels": {"localizations": {"ja": {"stringUnit": {"state": "translated", "value": "%lld枚"}},
                                     "de": {"variations": {"plural": {
            "one": {"stringUnit": {"state": "translated", "value": "%lld Paneel"}},
            "other": {"stringUnit": {"state": "translated", "value": "%lld Paneele"}}}}}}},
    }}
    path = write(tmp_path / "Localizable.xcstrings", json.dumps(catalog, ensure_ascii=False, indent=2))
    assert is_multilingual(path)
    assert [d.locale for d in load_versions(path)] == ["en", "de", "ja"]
    code, out = check(capsys, path)
    (finding,) = findings(out)
    assert (code, deviant(finding)["locale"], deviant(finding)["text"]) == (1, "ja", "2メガワット")


# ----------------------------------------------------------------------------------- TMX


TMX = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4">
<header srclang="en-US" datatype="plaintext" segtype="sentence" adminlang="en" o-tmf="x"
 creationtool="x" creationtoolversion="1"/>
<body>
<tu tuid="capacity">
  <tuv xml:lang="en-US"><seg>The farm delivers <bpt i="1">&lt;b&gt;</bpt>2 GW<ept i="1">&lt;/b&gt;</ept>.</seg></tuv>
  <tuv xml:lang="de-DE"><seg>Die Anlage liefert 2.000 MW.</seg></tuv>
  <tuv xml:lang="fr-FR"><seg>La centrale fournit 2 GW.</seg></tuv>
</tu>
<tu>
  <tuv xml:lang="en-US"><seg>It costs $4.2 billion.</seg></tuv>
  <tuv xml:lang="de-DE"><seg>Sie kostet 4,2 Milliarden Dollar.</seg></tuv>
  <tuv xml:lang="fr-FR"><seg>Elle coûte 42 milliards de dollars.</seg></tuv>
</tu>
</body>
</tmx>
"""


def test_one_tmx_file_is_a_bundle_and_the_deviant_is_named(tmp_path, capsys):
    path = write(tmp_path / "memory.tmx", TMX)
    versions = load_versions(path)
    assert [d.locale for d in versions] == ["en-US", "de-DE", "fr-FR"]
    assert [b.key for b in versions[0].blocks] == ["capacity", "tu-2"]
    assert versions[0].blocks[0].text.split() == ["The", "farm", "delivers", "2", "GW", "."]
    code, out = check(capsys, path)
    qty, *plh = sorted(findings(out), key=lambda f: (f["rule"] != "QTY001", deviant(f)["locale"]))
    loc = deviant(qty)
    assert (code, qty["rule"], loc["locale"], loc["line"], loc["column"]) == (1, "QTY001", "fr-FR", 14, 41)
    # the header's srclang is the source: the bold of its unit (inline codes holding <b>) is lost in the others
    assert [(f["rule"], deviant(f)["locale"]) for f in plh] == [("PLH002", "de-DE"), ("PLH002", "fr-FR")]  # the "42"


def test_a_tmx_with_entities_is_refused(tmp_path, capsys):
    path = write(tmp_path / "memory.tmx", '<!DOCTYPE tmx [<!ENTITY x SYSTEM "file:///etc/passwd">]><tmx><body/></tmx>')
    assert main(["check", path]) == 2
    assert "DOCTYPE" in capsys.readouterr().err


# ----------------------------------------------------------------------------------- no crash


printable = st.text(alphabet=string.printable + "äöü€日本\u00a0\\\"'<>&{}[]:,;=%", max_size=200)


@pytest.mark.parametrize("name", ["de/app.json", "de.yml", "res/values-de/strings.xml",
                                  "de.lproj/Localizable.strings", "m.tmx", "Localizable.xcstrings", "film.de.srt",
                                  "film.de.vtt", "de.lproj/Localizable.stringsdict", "messages_de.properties",
                                  "Strings.de.resx", "app_de.ts", "locales/de/main.ftl", "strings.csv", "strings.tsv"])
@given(text=printable)
def test_no_input_crashes_a_loader(tmp_path_factory, name, text):
    """Any text: a document or an InputError (one line), never another exception."""
    path = tmp_path_factory.mktemp("fuzz") / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    try:
        docs = load_versions(str(path)) if is_multilingual(str(path)) else [load_document(str(path))]
    except InputError as exc:
        assert "\n" not in str(exc)
        return
    for doc in docs:
        for block in doc.blocks:
            assert len(block.text) == block.end - block.start
            assert 0 <= block.start <= block.end <= len(doc.text)


def test_yaml_oracle_values_survive_the_offset_mapping(tmp_path):
    text = "de:\n  a: 'It''s 5 GB'\n  b: \"Zeile\\neins 7 km\"\n  c: |\n    erste 3\n    zweite 4\n"
    path = write(tmp_path / "de.yml", text)
    doc = load_document(path)
    values = yaml.safe_load(text)["de"]
    for block in doc.blocks:
        # every digit of the value stands in the block, in order
        assert [c for c in block.text if c.isdigit()] == [c for c in values[block.key] if c.isdigit()]


# ----------------------------------------------------------------------------------- .stringsdict

STRINGSDICT = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<plist version="1.0">
<dict>
  <key>photos_left</key>
  <dict>
    <key>NSStringLocalizedFormatKey</key>
    <string>%#@photos@ FORMAT</string>
    <key>photos</key>
    <dict>
      <key>NSStringFormatSpecTypeKey</key>
      <string>NSStringPluralRuleType</string>
      <key>NSStringFormatValueTypeKey</key>
      <string>d</string>
      <key>one</key>
      <string>ONE</string>
      <key>other</key>
      <string>OTHER</string>
    </dict>
  </dict>
</dict>
</plist>
"""


def stringsdict(fmt: str, one: str, other: str) -> str:
    return STRINGSDICT.replace("FORMAT", fmt).replace("ONE", one).replace("OTHER", other)


def test_stringsdict_format_and_other_form_are_keyed_blocks(tmp_path):
    path = write(tmp_path / "de.lproj/Localizable.stringsdict",
                 stringsdict("übrig für 30 Tage", "%d Foto mit 5 MB", "%d Fotos mit 5 MB"))
    doc = load_document(path)
    assert doc.locale == "de"
    assert [(b.key, b.text.strip()) for b in doc.blocks] == [
        ("photos_left", "übrig für 30 Tage"), ("photos_left/photos", "Fotos mit 5 MB")]
    line = doc.text.count("\n", 0, doc.blocks[1].start) + 1
    assert line == 18 and doc.text[doc.blocks[1].start:doc.blocks[1].end] == "%d Fotos mit 5 MB"


def test_stringsdict_a_figure_and_a_renamed_variable_are_found(tmp_path, capsys):
    en = write(tmp_path / "en.lproj/Localizable.stringsdict",
               stringsdict("left for 30 days", "%d photo of 5 MB", "%d photos of 5 MB"))
    de = write(tmp_path / "de.lproj/Localizable.stringsdict",
               stringsdict("übrig für 30 Tage", "%d Foto mit 5 MB", "%d Fotos mit 50 MB").replace(
                   "%#@photos@ übrig", "%#@fotos@ übrig"))
    code, out = check(capsys, en, de, "--no-history")
    assert code == 1
    assert sorted((f["rule"], deviant(f)["line"]) for f in findings(out)) == [("PLH001", 8), ("QTY001", 18)]


# ----------------------------------------------------------------------------------- app strings (a trial on Tusky)


ANDROID = '<resources>{}</resources>\n'


def strings(**units: str) -> str:
    return ANDROID.format("".join(f'<string name="{k}">{v}</string>' for k, v in units.items()))


def test_app_strings_placeholders_escapes_and_escaped_text(tmp_path, capsys):
    """What a real app's catalogues showed: a printf placeholder glued to Japanese text is no
    money, an escaped "<not set>" is text, not a tag, and a \\u0020 escape hides no placeholder."""
    en = write(tmp_path / "res/values/strings.xml", strings(
        both="%1$s and %2$s", unset="&lt;not set&gt;", poll="\\u0020%1$s • %2$s", bold="&lt;b&gt;%1$s&lt;/b&gt; likes"))
    ja = write(tmp_path / "res/values-ja/strings.xml", strings(
        both="%1$sと%2$s", unset="&lt;未設定&gt;", poll="\\u0020%1$s • %2$s", bold="%1$s件のいいね"))
    code, out = check(capsys, en, ja, "--no-history", "--select", "QTY,PLH")
    # the one finding left is the real one: the Japanese dropped the escaped <b>
    assert [(f["rule"], deviant(f)["locale"]) for f in findings(out)] == [("PLH002", "ja")]


def test_a_version_without_any_string_keeps_the_bundle_keyed(tmp_path, capsys):
    en = write(tmp_path / "res/values/strings.xml", strings(files="%1$s files", size="It is 5 GB."))
    de = write(tmp_path / "res/values-de/strings.xml", strings(files="%1$d Dateien", size="Es sind 5 GB."))
    eo = write(tmp_path / "res/values-eo/strings.xml", ANDROID.format(""))
    code, out = check(capsys, en, de, eo, "--no-history", "--select", "PLH")
    assert [(f["rule"], deviant(f)["locale"]) for f in findings(out)] == [("PLH001", "de")]


def test_two_translations_of_a_label_are_no_misspelt_name(tmp_path, capsys):
    en = write(tmp_path / "res/values/strings.xml", strings(v="Android version 3", w="SDK version"))
    cs = write(tmp_path / "res/values-cs/strings.xml", strings(v="Verze Androidu 3", w="Verze SDK"))
    sk = write(tmp_path / "res/values-sk/strings.xml", strings(v="Verzia Androidu 3", w="Verzia SDK"))
    code, out = check(capsys, en, cs, sk, "--no-history", "--select", "NAM002")
    # Verze/Verzia are two translations of "version", not one name misspelt
    assert (code, findings(out)) == (0, [])


def test_a_name_with_a_case_ending_in_a_suffixing_language_is_no_misspelling(tmp_path, capsys):
    units = {"en": ("About Tusky", "Tusky is free software"), "fr": ("À propos de Tusky", "Tusky est un logiciel libre"),
             "it": ("Informazioni su Tusky", "Tusky è software libero"),
             "hu": ("Névjegy: Tuskyt", "A Tusky szabad szoftver"), "de": ("Über Tuksy", "Tusky ist freie Software")}
    paths = [write(tmp_path / f"res/values{'' if lang == 'en' else '-' + lang}/strings.xml",
                   strings(about=about, free=free)) for lang, (about, free) in units.items()]
    code, out = check(capsys, *paths, "--no-history", "--select", "NAM002")
    # Hungarian inflects the name (Tuskyt, the accusative); the German misspells it
    assert [(deviant(f)["locale"], deviant(f)["text"]) for f in findings(out)] == [("de", "Tuksy")]


# ----------------------------------------------------------------------------------- Java, .NET


PROPERTIES_EN = """# Solar farm strings
app.title = Solar farm report
farm.capacity=The farm delivers 2 GW \\
    from 2027.
farm.cost:It cost $4.2 billion ({0} in total).
size\\ label = 5\\u00a0GB
"""


def test_java_properties_keys_separators_continuations_and_escapes(tmp_path):
    doc = load_document(write(tmp_path / "messages_de.properties", PROPERTIES_EN))
    assert doc.locale == "de"
    blocks = {b.key: b for b in doc.blocks}
    assert list(blocks) == ["app.title", "farm.capacity", "farm.cost", "size label"]
    assert blocks["farm.capacity"].text.split() == ["The", "farm", "delivers", "2", "GW", "from", "2027."]
    assert "{0}" not in blocks["farm.cost"].text and "$4.2 billion" in blocks["farm.cost"].text
    assert blocks["size label"].text.startswith("5\u00a0") and doc.text[blocks["size label"].start] == "5"
    for b in doc.blocks:
        assert len(b.text) == b.end - b.start


def test_java_properties_in_iso_8859_1_and_the_base_bundle_is_english(tmp_path, capsys):
    base = write(tmp_path / "messages.properties", "farm.capacity=The farm delivers 2 GW from 2027.\n")
    de = write(tmp_path / "messages_de.properties", "farm.capacity=Der Park liefert ab 2027 2 MW (Größe).\n",
               encoding="latin-1")
    assert load_document(base).locale == "en"
    assert "Größe" in load_document(de).text
    code, out = check(capsys, base, de)
    (f,) = findings(out)
    assert code == 1 and f["rule"] == "QTY001" and deviant(f)["line"] == 1 and deviant(f)["text"] == "2 MW"


RESX = """<?xml version="1.0" encoding="utf-8"?>
<root>
  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>
  <data name="Capacity" xml:space="preserve">
    <value>The farm delivers {0:N0} units, 2 GW from 2027.</value>
    <comment>shown on the overview</comment>
  </data>
  <data name="Logo" type="System.Drawing.Bitmap, System.Drawing" mimetype="application/x-microsoft.net.object.bytearray.base64">
    <value>iVBORw0KGgo=</value>
  </data>
  <data name="Cost" xml:space="preserve"><value>It cost $4.2 billion &amp; more.</value></data>
</root>
"""


def test_resx_string_resources_only_keyed_by_name(tmp_path):
    doc = load_document(write(tmp_path / "Strings.zh-Hans.resx", RESX))
    assert doc.locale == "zh-Hans"
    assert [b.key for b in doc.blocks] == ["Capacity", "Cost"]
    capacity = doc.blocks[0]
    assert "{0:N0}" not in capacity.text and "2 GW from 2027." in capacity.text
    assert load_document(write(tmp_path / "Strings.resx", RESX)).locale == "en"


def test_a_changed_figure_and_a_missing_resource_in_resx(tmp_path, capsys):
    en = write(tmp_path / "Strings.resx", RESX)
    de = write(tmp_path / "Strings.de.resx", RESX.replace(
        "The farm delivers {0:N0} units, 2 GW from 2027.", "Der Park liefert {0:N0} Einheiten, ab 2027 2 MW.").replace(
        '<data name="Cost" xml:space="preserve"><value>It cost $4.2 billion &amp; more.</value></data>', ""))
    code, out = check(capsys, en, de)
    assert code == 1 and sorted(f["rule"] for f in findings(out)) == ["COV001", "QTY001"]


QT_TS = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE" sourcelanguage="en_US">
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../mainwindow.cpp" line="42"/>
        <source>The farm delivers 2 GW from 2027.</source>
        <translation>Der Park liefert ab 2027 2 MW.</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) of %1 deleted</source>
        <translation>
            <numerusform>%n Datei von %1 gelöscht</numerusform>
            <numerusform>%n Dateien von %1 gelöscht</numerusform>
        </translation>
    </message>
    <message>
        <source>Old text with 5 GB</source>
        <translation type="obsolete">Alter Text mit 50 GB</translation>
    </message>
    <message>
        <source>Cost: $4.2 billion</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
"""


def test_a_qt_linguist_file_holds_its_source_and_its_translation(tmp_path, capsys):
    path = write(tmp_path / "app_de.ts", QT_TS)
    from consistency.documents import load_source_document

    doc, src = load_document(path), load_source_document(path)
    assert (doc.locale, src.locale) == ("de-DE", "en-US")
    assert [b.key for b in doc.blocks] == [b.key for b in src.blocks]  # obsolete and empty ones left out
    assert [b.text for b in doc.blocks] == ["Der Park liefert ab 2027 2 MW.", "Dateien von    gelöscht"]
    code, out = check(capsys, path)  # one file, two versions
    (f,) = findings(out)
    assert code == 1 and f["rule"] == "QTY001" and deviant(f)["text"] == "2 MW" and deviant(f)["line"] == 9


def test_qt_linguist_files_of_two_languages_align_by_context_and_source(tmp_path, capsys):
    de = write(tmp_path / "app_de.ts", QT_TS.replace("2 MW", "2 GW"))
    ja = write(tmp_path / "app_ja.ts", QT_TS.replace('language="de_DE"', 'language="ja"').replace(
        "Der Park liefert ab 2027 2 MW.", "発電所は2027年から20 GWを供給する。"))
    code, out = check(capsys, de, ja)
    assert code == 1 and [(f["rule"], deviant(f)["locale"]) for f in findings(out)] == [("QTY001", "ja")]


def test_a_qt_linguist_file_without_a_language_and_a_hostile_one(tmp_path, capsys):
    nameless = write(tmp_path / "app.ts", QT_TS.replace(' language="de_DE"', ""))
    assert main(["check", nameless]) == 2
    assert "--locale" in capsys.readouterr().err
    bomb = write(tmp_path / "app_de.ts", '<!DOCTYPE TS [<!ENTITY a "aaaa">]><TS language="de"></TS>')
    assert main(["check", bomb]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err


FLUENT_EN = """### Storage strings
# shown on the overview
free-space = { $used } of 5 GB used
photos =
    { $user } { $count ->
        [one] added a photo
       *[other] added { $count } photos, 20 MB in all
    } to the album.
-brand = Nimbus
login = Sign in to { -brand }
    .title = Sign in within 10 minutes
"""


def test_fluent_messages_attributes_and_the_default_variant(tmp_path):
    doc = load_document(write(tmp_path / "locales/de/main.ftl", FLUENT_EN))
    assert doc.locale == "de"
    texts = {b.key: " ".join(b.text.split()) for b in doc.blocks}
    assert texts == {"free-space": "of 5 GB used", "photos": "added photos, 20 MB in all to the album.",
                     "-brand": "Nimbus", "login": "Sign in to", "login.title": "Sign in within 10 minutes"}
    for b in doc.blocks:
        assert len(b.text) == b.end - b.start and doc.text[b.start:b.end].strip()


def test_fluent_versions_align_by_message_id(tmp_path, capsys):
    en = write(tmp_path / "locales/en/main.ftl", FLUENT_EN)
    de = write(tmp_path / "locales/de/main.ftl", """free-space = { $used } von 50 GB belegt
login = Bei { -brand } anmelden
    .title = Innerhalb von 10 Minuten anmelden
-brand = Nimbus
""")
    code, out = check(capsys, en, de)
    got = sorted((f["rule"], deviant(f)["locale"]) for f in findings(out))
    assert code == 1 and ("QTY001", "de") in got and ("COV001", "de") in got  # 5 GB as 50 GB; photos missing


TABLE_CSV = (
    'key,en,de,ja,note\n'
    'capacity,The farm delivers 2 GW from 2027.,Der Park liefert ab 2027 2 MW.,発電所は2027年から2GWを供給する。,max 60\n'
    'cost,"It cost $4.2 billion, in all.","Er kostete 4,2 Milliarden Dollar.",費用は42億ドル。,\n'
    'quote,"She said ""5 GB"" twice.",,"彼女は「5 GB」と2回言った。",\n'
)


def test_a_csv_table_is_a_bundle_of_its_language_columns(tmp_path, capsys):
    path = write(tmp_path / "strings.csv", TABLE_CSV)
    docs = load_versions(path)
    assert [d.locale for d in docs] == ["en", "de", "ja"]  # the note column is no language
    assert [b.key for b in docs[0].blocks] == ["capacity", "cost", "quote"]
    assert [b.key for b in docs[1].blocks] == ["capacity", "cost"]  # an empty cell is no unit
    quote = docs[0].blocks[2]
    assert {"She", "said", "5", "twice."} <= set(quote.text.replace('"', " ").split())
    assert len(quote.text) == quote.end - quote.start
    code, out = check(capsys, path)
    got = sorted((f["rule"], deviant(f)["locale"]) for f in findings(out))
    assert code == 1 and ("QTY001", "de") in got and ("COV001", "de") in got
    (mismatch,) = [f for f in findings(out) if f["rule"] == "QTY001"]
    assert deviant(mismatch)["line"] == 2 and deviant(mismatch)["text"] == "2 MW"


@pytest.mark.parametrize(("name", "text"), [
    ("strings.tsv", "id\ten\tfr\nfree\t5 GB free\t5 Go libres\n"),
    ("strings.csv", "id;en;fr\nfree;5 GB free;5 Go libres\n"),
    ("strings.csv", 'id,en,fr\nfree,"5 GB\nfree","5 Go\nlibres"\n'),     # a line break inside quotes
    ("strings.csv", "String ID,English,French\nfree,5 GB free,5 Go libres\n"),  # languages by name
])
def test_tab_semicolon_and_multi_line_cells(tmp_path, name, text):
    docs = load_versions(write(tmp_path / name, text))
    assert [(d.locale, [b.key for b in d.blocks]) for d in docs] == [("en", ["free"]), ("fr", ["free"])]


@pytest.mark.parametrize(("text", "message"), [
    ("key,text,comment\na,b,c\n", "names 0 language column(s)"),
    ('key,en,de\na,"5 GB,5 GB\n', "never closed"),
    ("", "empty"),
])
def test_a_table_without_language_columns_or_with_an_open_quote_is_a_one_line_error(tmp_path, capsys, text, message):
    path = write(tmp_path / "strings.csv", text)
    assert main(["check", path]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and message in err and "Traceback" not in err


def test_java_properties_with_windows_line_ends_continue_their_lines(tmp_path):
    doc = load_document(write(tmp_path / "messages_de.properties", PROPERTIES_EN.replace("\n", "\r\n")))
    assert [b.key for b in doc.blocks] == ["app.title", "farm.capacity", "farm.cost", "size label"]
    assert " ".join(doc.blocks[1].text.split()) == "The farm delivers 2 GW from 2027."


def test_each_qt_message_is_keyed_by_its_own_context():
    xml = ('<TS language="de"><context><name>A</name><message><source>5 GB</source><translation>5 GB'
           '</translation></message></context><context><name>B</name><message><source>5 GB</source>'
           '<translation>5 GB</translation></message></context></TS>')
    from consistency.documents.qtts import load_ts

    assert [b.key.split("\x04")[0] for b in load_ts("app_de.ts", text=xml).blocks] == ["A", "B"]

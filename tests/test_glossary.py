"""Glossaries (term bases) as name vocabularies: TBX and CSV, TRM001 and the name rules on terms.
The terms and sentences are this project's own."""

from __future__ import annotations

import json

import pytest

from consistency.cli import main
from consistency.errors import ConfigError
from consistency.extract.glossary import load_glossary

TBX_V2 = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd">
<martif type="TBX" xml:lang="en"><text><body>
  <termEntry id="c1">
    <langSet xml:lang="en"><tig><term>solar farm</term>
      <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig></langSet>
    <langSet xml:lang="de">
      <tig><term>Solarpark</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig>
      <tig><term>Sonnenfarm</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></tig>
    </langSet>
  </termEntry>
</body></text></martif>
"""

TBX_V3 = """<?xml version="1.0"?>
<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2"><text><body>
  <conceptEntry id="grid">
    <langSec xml:lang="en"><termSec><term>power grid</term></termSec></langSec>
    <langSec xml:lang="fr"><termSec><term>réseau électrique</term></termSec>
      <termSec><term>grille</term><termNote type="administrativeStatus">supersededTerm-admn-sts</termNote></termSec>
    </langSec>
  </conceptEntry>
</body></text></tbx>
"""

TBX_MIN = """<?xml version="1.0"?>
<TBX dialect="TBX-Min"><body>
  <entry id="e7"><langGroup xml:lang="en"><termGroup><term>heat pump</term><termStatus>preferred</termStatus></termGroup></langGroup>
  <langGroup xml:lang="de"><termGroup><term>Wärmepumpe</term><termStatus>preferred</termStatus></termGroup>
    <termGroup><term>Hitzepumpe</term><termStatus>notRecommended</termStatus></termGroup></langGroup></entry>
</body></TBX>
"""


@pytest.mark.parametrize("text, ident, forms, forbidden", [
    (TBX_V2, "term:c1", {"en": ("solar farm",), "de": ("Solarpark",)}, {"de": ("Sonnenfarm",)}),
    (TBX_V3, "term:grid", {"en": ("power grid",), "fr": ("réseau électrique",)}, {"fr": ("grille",)}),
    (TBX_MIN, "term:e7", {"en": ("heat pump",), "de": ("Wärmepumpe",)}, {"de": ("Hitzepumpe",)}),
])
def test_tbx_dialects(text, ident, forms, forbidden):
    (entity,) = load_glossary("terms.tbx", text=text)
    assert (entity.id, entity.type, entity.forms, entity.forbidden) == (ident, "term", forms, forbidden)


def test_csv_glossary():
    text = "id,en,de,ja,forbidden:de,note\nsf,solar farm,Solarpark|Photovoltaik-Freiflächenanlage,太陽光発電所,Sonnenfarm,\n,heat pump,Wärmepumpe,,,no id\n"
    first, second = load_glossary("terms.csv", text=text)
    assert first.forms == {"en": ("solar farm",), "de": ("Solarpark", "Photovoltaik-Freiflächenanlage"),
                           "ja": ("太陽光発電所",)}
    assert first.forbidden == {"de": ("Sonnenfarm",)}
    assert second.id == "term:terms.csv:3" and second.forbidden is None


@pytest.mark.parametrize("text, message", [
    ('<?xml version="1.0"?><!DOCTYPE m [<!ENTITY a "x">]><martif/>', "declares an XML entity"),
    ("<martif><text><body><termEntry>", "malformed TBX at line 1"),
])
def test_a_bad_term_base_is_a_one_line_error(text, message):
    with pytest.raises(ConfigError, match=message) as info:
        load_glossary("bad.tbx", text=text)
    assert "\n" not in str(info.value)


def test_a_csv_without_locale_columns_is_an_error():
    with pytest.raises(ConfigError, match="header row naming a locale"):
        load_glossary("terms.csv", text="id,note\n1,x\n")


@pytest.fixture
def project(tmp_path, monkeypatch):
    (tmp_path / "rules" / "vocab").mkdir(parents=True)
    (tmp_path / "rules" / "vocab" / "energy.tbx").write_text(TBX_V2, encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text('[tool.claim-consistency]\nrule-dirs = ["rules"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(capsys, en: list[str], de: list[str], *extra: str) -> list[tuple[str, str, str]]:
    for tag, paragraphs in (("en", en), ("de", de)):
        with open(f"{tag}.md", "w", encoding="utf-8") as fh:
            fh.write("\n\n".join(paragraphs) + "\n")
    main(["check", "en.md", "de.md", "--format", "json", "--no-history", *extra])
    return [(f["rule"], f["locations"][0]["locale"], f["message"]) for f in json.loads(capsys.readouterr().out)["findings"]]


def test_a_forbidden_term_is_reported_with_the_preferred_one(project, capsys):
    found = run(capsys, ["The solar farm supplies 2 GW."], ["Die Sonnenfarmen liefern 2 GW."])
    assert found == [("TRM001", "de", "de writes Sonnenfarmen, a term the glossary forbids; it prefers Solarpark")]
    assert run(capsys, ["The solar farm supplies 2 GW."], ["Der Solarpark liefert 2 GW."]) == []


def test_a_term_dropped_far_from_its_counterpart_is_a_missing_name(project, capsys):
    filler_en = [f"Paragraph {i} says nothing of note." for i in range(6)]
    filler_de = [f"Absatz {i} sagt nichts Besonderes." for i in range(6)]
    found = run(capsys, filler_en + ["The solar farm opens in May."], filler_de + ["Die Anlage öffnet im Mai."])
    assert [(rule, locale) for rule, locale, _m in found] == [("NAM001", "de")]


def test_without_the_rule_dir_no_term_is_known(project, capsys):
    (project / "pyproject.toml").write_text("[tool.claim-consistency]\n", encoding="utf-8")
    assert run(capsys, ["The solar farm supplies 2 GW."], ["Die Sonnenfarm liefert 2 GW."]) == []

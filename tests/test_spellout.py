"""Spelled-out numbers in languages without a pack, from the table generated from ICU
(``consistency/locale/data/spellout.json``).  The sentences are this project's own."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from consistency.errors import ParseError
from consistency.extract import extract_claims, parse_number
from consistency.locale import spellout
from consistency.locale.packs import lists_own_words, load_pack

#: Languages whose ICU forms the table cannot split into its words: Georgian and Burmese glue
#: hundreds and units into one word, Irish mutates the word after "a" (``a haon``), Akan joins
#: every part with hyphens, Venetian glues hundreds, Cantonese writes Han numerals (the packs'
#: CJK reader, not words).  Their numbers below 100 are still read.
UNSPLIT = {"ak", "ga", "ka", "my", "vec", "yue"}
TABLE = sorted(spellout._table()["languages"])
#: languages whose number words are ICU's: no pack, or a pack without a [numbers] table of its own
ICU_WORDS = [lang for lang in TABLE if not lists_own_words(lang)]


def claims(text: str, locale: str) -> list[tuple[str, str, str | None]]:
    return [(c.kind.value, format(c.value, "f"), c.unit) for c in extract_claims(text, locale)]


def test_the_table_gives_the_development_languages_their_number_words():
    for language in ("pl", "sv", "fi", "el", "ar", "id", "th", "ro", "hu", "da", "bg", "fa", "tr", "cs", "uk"):
        assert language in ICU_WORDS, language
    assert len(ICU_WORDS) >= 60


@pytest.mark.parametrize("text, locale, expected", [
    ("Most budowano przez dwa lata.", "pl", [("duration", "2", "year")]),
    ("Bron byggdes på två år och kostade tolv miljoner euro.", "sv",
     [("duration", "2", "year"), ("money", "12000000", "EUR")]),
    ("Silta rakennettiin kahdessa vuodessa, ja se maksoi kaksitoista miljoonaa euroa.", "fi",
     [("count", "2", None), ("money", "12000000", "EUR")]),
    ("Η γέφυρα χτίστηκε σε δύο χρόνια.", "el", [("duration", "2", "year")]),  # χρόνια: the el pack
    ("Мостът беше построен за двадесет и една седмици.", "bg", [("duration", "21", "week")]),
    ("Podul a fost construit în două săptămâni.", "ro", [("duration", "2", "week")]),
    ("Köprü iki haftada yapıldı.", "tr", [("duration", "2", "week")]),  # hafta + the locative -da
    ("Broen blev bygget på to uger.", "da", [("duration", "2", "week")]),
])
def test_number_words_of_languages_without_a_pack(text, locale, expected):
    got = claims(text, locale)
    # a unit the language inflects beyond CLDR's forms (fi kahdessa vuodessa) leaves a count
    assert [(k, v) for k, v, _u in got] == [(k, v) for k, v, _u in expected]
    assert [u for _k, _v, u in got if u] == [u for _k, _v, u in expected if u]


@pytest.mark.parametrize("text, locale", [
    ("Hon köpte en bil.", "sv"),          # en: "a" as much as "one"
    ("Egy ember jött.", "hu"),            # egy: "a"
    ("Bir adam geldi.", "tr"),            # bir: "a"
    ("Két hét múlva.", "hu"),             # hét is seven and week: only a figure with a unit after it
])
def test_words_that_are_also_articles_or_units_need_a_unit(text, locale):
    assert [c for c in claims(text, locale) if c[0] == "count"] == []


def test_one_with_a_unit_is_a_figure():
    assert claims("Det tog en vecka.", "sv") == [("duration", "1", "week")]


def test_a_pack_without_a_numbers_table_keeps_icus_words():
    # the Swedish pack holds what ICU and CLDR lack (vague amounts, qualifiers), not number words
    pack = load_pack("sv")
    assert "två" in pack.words and "hundratals" in pack.vague and not pack.own_words
    assert claims("Bron kostade över tolv miljoner kronor.", "sv") == [("money", "12000000", "SEK")]


@pytest.mark.parametrize("text, locale, low, high, unit", [
    ("Es kostete mehrere hundert Euro.", "de", "200", "900", "EUR"),
    ("Det kostede flere hundrede dollars.", "da", "200", "900", "USD"),
    ("Több száz forintot fizettek.", "hu", "200", "900", "HUF"),
])
def test_a_vague_word_before_a_multiplier_scales_with_it(text, locale, low, high, unit):
    (claim,) = extract_claims(text, locale)
    assert (format(claim.low, "f"), format(claim.high, "f"), claim.unit) == (low, high, unit)


def test_a_pack_keeps_its_own_words():
    # German's pack composes words from its morphemes; ICU's whole words are not added to it
    assert "sieben" in load_pack("de").words
    assert "siebenundzwanzig" in spellout.lexicon("de")["words"]
    assert "siebenundzwanzig" not in load_pack("de").words


@settings(max_examples=60, deadline=None)
@given(language=st.sampled_from([lang for lang in ICU_WORDS if lang not in UNSPLIT]), n=st.integers(0, 999))
def test_icu_spell_out_then_parse_returns_the_number(language, n):
    icu = pytest.importorskip("icu", reason="PyICU (the icu extra) writes the reference spell-out")
    formatter = icu.RuleBasedNumberFormat(icu.URBNFRuleSetTag.SPELLOUT, icu.Locale(language))
    written = str(formatter.format(n)).replace("\u00ad", "").replace("\u200b", "")
    assert parse_number(written, language) == n, written


@settings(max_examples=40, deadline=None)
@given(n=st.integers(21, 99))
def test_number_words_joined_by_a_connector_with_hyphens_are_one_number(n):
    # Ewe news writes ICU's "blaadre vɔ atɔ̃" (75) as blaadre-vɔ-atɔ̃, the connector between hyphens
    icu = pytest.importorskip("icu", reason="PyICU (the icu extra) writes the reference spell-out")
    written = str(icu.RuleBasedNumberFormat(icu.URBNFRuleSetTag.SPELLOUT, icu.Locale("ee")).format(n))
    hyphened = written.replace(" vɔ ", "-vɔ-")
    assert [(c.value, c.text) for c in extract_claims(f"Ame {hyphened} va.", "ee")] == [(n, hyphened)]


def test_a_word_of_no_number_is_no_number():
    with pytest.raises(ParseError):
        parse_number("bron", "sv")


def test_the_shipped_table_is_what_icu_writes():
    icu = pytest.importorskip("icu", reason="PyICU (the icu extra) writes the table")
    shipped = spellout._table()
    if shipped["icu_version"] != icu.ICU_VERSION:
        pytest.skip(f"the table was written from ICU {shipped['icu_version']}, this is ICU {icu.ICU_VERSION}: "
                    "python -m consistency.locale.spellout --write")
    assert spellout.build() == shipped


def test_number_words_are_glued_only_where_icu_glues_them():
    # Persian writes سی و نه (39) apart: سینه, "chest", is no number; Swedish writes tvåtusen
    assert claims("درد سینه داشت.", "fa") == []
    assert claims("سی و نه نفر آمدند.", "fa") == [("count", "39", None)]
    assert claims("Det kostade tvåtusen euro.", "sv") == [("money", "2000", "EUR")]


def test_vague_plurals_are_no_number():
    # fi satoja, "hundreds"; tuhansia, "thousands": ICU's plural rule sets spell these for
    # pluralia tantum, a text writes them for vague amounts
    assert claims("Satoja ihmisiä jonotti.", "fi") == []
    assert claims("Kymmeniä tuhansia euroja katosi.", "fi") == []
    assert claims("Sata ihmistä jonotti.", "fi") == [("count", "100", None)]


def test_a_plural_multiplier_alone_is_no_number():
    # bg хиляди, pl tysiące: "thousands"; after a number they multiply it
    assert claims("Хиляди хора протестираха.", "bg") == []
    assert claims("Dwa tysiące osób protestowało.", "pl") == [("count", "2000", None)]
    assert claims("Tysiące osób protestowało.", "pl") == []


@pytest.mark.parametrize("text, expected", [
    ("Au trecut șapte ani.", [("duration", "7", "year")]),                     # comma below, as Romanian is written
    ("Au trecut şapte ani.", [("duration", "7", "year")]),                     # ICU's cedilla, as legacy text
    ("Treizeci și două de procente au votat.", [("percent", "32", "percent")]),
])
def test_romanian_number_words_with_either_s_comma_or_s_cedilla(text, expected):
    # ICU's Romanian rules write ş and ţ with a cedilla; ICU's Romanian exemplar characters, and
    # Romanian text, write ș and ț with the comma below: the table has every word both ways
    assert claims(text, "ro") == expected


def test_a_word_is_also_written_with_the_letters_of_its_language_s_exemplars():
    icu = pytest.importorskip("icu", reason="ICU's exemplar characters decide the spelling")
    respell = spellout._exemplar_spelling(icu, "ro")
    assert respell("şaptezeci şi şase") == "șaptezeci și șase"
    assert spellout._exemplar_spelling(icu, "tr")("beş") == "beş"  # Turkish writes the cedilla

"""needs_digit and needs_words: the tests that let the extractor skip a date pattern on text without
a digit, or without a word it needs (a month's name)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from consistency.extract.figures import extractor
from consistency.extract.patterns import DIGIT, needs_digit, needs_words


@pytest.mark.parametrize("pattern", [
    r"\d", r"[0-9]+", r"(?P<day>\d{1,2})\. (?:März|April)", r"(?:a1|1b)", r"x[12]y",
    r"(?<![\p{L}])(?P<y>\d\d)(?P<y>\d\d)",  # a name twice, which only the regex module allows
    r"(?:Q|quarter )[1-4]", r"(?>\d+)", r"\d++",
])
def test_patterns_that_need_a_digit(pattern):
    assert needs_digit(pattern)


@pytest.mark.parametrize("pattern", [
    r"March", r"\d*", r"(?:\d|one)", r"[\d\p{L}]", r"[^a]", r"(?=\d)\w", r"(?:mid-)?March(?: \d{4})?",
    r"\p{Nd}",  # read as letters too: not certain, never wrong
    r"(?V1)[[\d]--[5]]",  # syntax the standard parser cannot read
    r"(?-i:(?P<roman>X{0,2}(?:IX|IV|V?I{0,3}))) secolo",
])
def test_patterns_that_do_not_or_cannot_be_told(pattern):
    assert not needs_digit(pattern)


LOCALES = ["en", "de", "ja", "fr", "ru", "ar", "hi", "th", "zh", "ko", "fa", "fi", "it", "hu", "tr", "pl", "bg", "he"]


@pytest.mark.parametrize("locale", LOCALES)
def test_every_date_pattern_said_to_need_a_digit_has_one_in_each_match(locale):
    """On the extractor's own patterns, over dates written in many ways: whenever a pattern said
    to need a digit matches, its match holds one (the other direction is what the skip rests on)."""
    fx = extractor(locale)
    samples = ["3 March 2020", "14.3.2023", "2023-03-14", "XIX secolo", "19. století", "Q3 2021", "1980s",
               "the third quarter", "in March", "März", "2014年3月", "19-ти век", "القرن التاسع عشر",
               "tizenkilencedik század", "ศตวรรษที่ 19", "H2 2022", "FY2023"]
    for (rx, _kind, _map), digit in zip(fx.date_res, fx.date_needs_digit):
        if digit:
            for text in samples:
                for m in rx.finditer(text):
                    assert not m.group() or DIGIT.search(m.group()), (rx.pattern, text)


@given(st.text(alphabet=st.characters(blacklist_categories=("Nd", "No", "Cs")), max_size=60))
def test_no_pattern_said_to_need_a_digit_matches_text_without_one(text):
    for locale in ("en", "de", "fr", "ru", "ar", "ja"):
        fx = extractor(locale)
        for (rx, _kind, _map), digit in zip(fx.date_res, fx.date_needs_digit):
            if digit:
                assert not any(m.group() for m in rx.finditer(text)), (locale, rx.pattern, text)
        if fx.noise_needs_digit:  # the clock times, skipped on text without a digit
            assert fx.noise_re.search(text) is None, (locale, text)


FRAGMENTS = ["In", "March", "März", "mars", "март", "3", "14.3.2023", "2020", "the", "third", "quarter", "XIX",
             "secolo", "siècle", "век", "19.", "1980s", "Q3", "of", ",", "года", "القرن", "التاسع", "عشر",
             # the clock times and the excluded phrases and ordinals, whose searches are skipped too
             "5", "p.m.", "Uhr", "um", "abends", "first", "First", "hundred", "per", "cent", "sure", "100%",
             "erste", "Prozent", "sicher", "premier", "heures", "первый", "час"]


@given(st.lists(st.sampled_from(FRAGMENTS), max_size=8), st.sampled_from(["en", "de", "fr", "ru", "ar", "it"]))
def test_the_skip_changes_no_claim(words, locale):
    """Every claim is the same with the skips and without them (every date, clock-time and excluded
    pattern searched)."""
    import copy

    text = " ".join(words)
    fx = extractor(locale)
    searched = copy.copy(fx)
    searched.date_needs_digit = tuple(False for _ in fx.date_res)
    searched.date_needs_words = tuple(None for _ in fx.date_res)
    searched.noise_needs_digit = False
    searched.excluded_needs_words = None
    assert fx.extract(text) == searched.extract(text)


@pytest.mark.parametrize(("pattern", "words"), [
    (r"(?P<day>\d{1,2})\. (?:März|April)", "April|März"),
    (r"(?<=in )(?P<month>March|April)(?: (?P<year>\d{4}))?", "April|March"),  # not the look-behind's "in"
    (r"(?:early|the\s+end\s+of)\s+(?P<year>\d{4})", "early|the"),
    (r"(?P<q>first|second)\s+quarter", "quarter"),  # one long word before a choice of shorter ones
    (r"(?:sept\.?|september)\s+\d+", "sept"),  # the standard parser takes their common start out
    (r"(?:jan|feb)+", "feb|jan"),
    (r"(?:Dezember|Sept|Dez|September)\s+\d+", "Sept|Dez"),  # a word that holds another is left out
    (r"\d+ (?-i:(?P<month>February|March))", "February|March"),  # case turned off: found ignoring it too
])
def test_patterns_that_need_words(pattern, words):
    assert needs_words(pattern).pattern == words


def test_words_that_hold_another_stay_where_full_case_folding_compares_them():
    """Under full case folding ``Strasse`` matches ``Straße``, which does not hold ``Stras`` (the
    ``ß`` is not cut in two): no word is left out for a part of it."""
    import regex

    pattern = r"(?:Strasse|Maut|Stras)\s+\d+"
    assert needs_words(pattern, regex.IGNORECASE).pattern == "Stras|Maut"
    full = needs_words(pattern, regex.IGNORECASE | regex.FULLCASE)
    assert full.pattern == "Strasse|Stras|Maut"
    assert regex.compile(pattern, regex.IGNORECASE | regex.FULLCASE).search("Straße 3") and full.search("Straße 3")
    assert not regex.compile("Stras", regex.IGNORECASE | regex.FULLCASE).search("Straße 3")


def test_each_character_the_regex_module_takes_for_a_checked_one_case_folds_as_it_does():
    """What lets a word finder look for its words with ``in`` in the case-folded text: under
    IGNORECASE (simple case folding) the regex module matches a character of CASE_CHECKED only with
    characters that case-fold to what it case-folds to (Kelvin's K as k, ſ as s, ẞ as ß; the
    Turkish ı and İ as i), on every code point."""
    import regex

    from consistency.extract.patterns import CASE_CHECKED, case_fold

    every = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    checked = sorted(CASE_CHECKED)
    candidates = set(regex.findall("[" + "".join(map(regex.escape, checked)) + "]", every, regex.IGNORECASE))
    for x in checked:
        for c in candidates:
            if regex.fullmatch(regex.escape(x), c, regex.IGNORECASE):
                assert case_fold(c) == case_fold(x), (hex(ord(x)), hex(ord(c)))


_FINDER_TEXT = st.text(st.sampled_from(list("marzMARZäÄßẞſKK jJünÜNsSeptEP.\u0130\u0131é")), max_size=30)


@given(_FINDER_TEXT)
def test_a_word_finder_finds_a_word_wherever_the_regex_module_does(text):
    import regex

    from consistency.extract.patterns import WordFinder

    words = ("märz", "Sept.", "jun", "mar", "ſun", "kin")
    for flags in (0, regex.IGNORECASE, regex.IGNORECASE | regex.FULLCASE, regex.IGNORECASE | regex.V1):
        finder = WordFinder(words, flags)
        if regex.search(finder.pattern, text, flags):
            assert finder.search(text), (flags, text)
        if not flags & regex.IGNORECASE:
            assert bool(finder.search(text)) == bool(regex.search(finder.pattern, text, flags))


@pytest.mark.parametrize("pattern", [
    r"\d+", r"(?:March)?\s*\d{4}", r"(?:March|\d)", r"(?:Mar|Q)\d", r"(?:March)*", r"(?=March)\w+",
    r"(?i:March)\s+\d",  # a group's own flags: the finder would compare otherwise
    r"(?-x:March)\s+\d",  # any flag but case turned off, too
    r"(?:March){e<=1}",  # fuzzy: the standard parser reads the constraint as text
    r"\p{Lu}\p{Ll}+", r"(?V1)[[a-z]--[aeiou]]+",
])
def test_patterns_that_need_no_word_or_cannot_be_told(pattern):
    assert needs_words(pattern) is None


@pytest.mark.parametrize("locale", LOCALES)
def test_every_match_of_a_date_pattern_holds_a_word_it_is_said_to_need(locale):
    """On the extractor's own patterns, over dates written in many ways: whenever a pattern that
    needs words matches, its match holds one of them (as the pattern compares)."""
    fx = extractor(locale)
    samples = ["3 March 2020", "MARCH 3, 2020", "3. März 2020", "in Mar. 2020", "14.3.2023", "2023-03-14",
               "Q3 2021", "the third quarter of 2021", "mid-2020", "the 1980s", "19. století", "2014年3月",
               "H2 2022", "FY2023", "3 марта 2020 года", "в марте", "le 3 mars 2020", "3 de março de 2020"]
    for (rx, _kind, _map), words in zip(fx.date_res, fx.date_needs_words):
        if words is not None:
            for text in samples:
                for m in rx.finditer(text):
                    assert not m.group() or words.search(m.group()), (rx.pattern, words.pattern, text)


PACK_LANGUAGES = ["ar", "bg", "da", "de", "el", "en", "es", "fa", "fi", "fr", "hi", "hu", "id", "it", "ja", "ko",
                  "nl", "pl", "pt", "ro", "ru", "sv", "th", "zh"]
#: what full case folding joins: a character and the letters it folds to
FOLDED = {"ss": "ßẞ", "fi": "ﬁ", "fl": "ﬂ", "ff": "ﬀ", "st": "ﬆ", "αι": "ᾳᾼ", "ηι": "ῃ", "ωι": "ῳ"}


@st.composite
def number_text(draw, language):
    fx = extractor(language)
    words = sorted({*fx.pack.words, *fx.pack.multipliers, *fx.pack.vague, *fx.pack.connectors, *fx.duals})
    picked = draw(st.lists(st.sampled_from(words), min_size=1, max_size=6))
    text = draw(st.sampled_from([" ", "-", " und ", ", ", "\u00a0"])).join(picked)
    for folded, chars in FOLDED.items():  # write some letters as the one character they fold from
        if folded in text and draw(st.booleans()):
            text = text.replace(folded, draw(st.sampled_from(chars)), 1)
    if draw(st.booleans()):
        text = text.upper()
    elif draw(st.booleans()):
        text = text.title()
    return draw(st.sampled_from(["", "about ", "12 ", "x"])) + text + draw(st.sampled_from(["", " km", ".", "s"]))


@pytest.mark.parametrize("language", PACK_LANGUAGES)
@given(data=st.data())
def test_number_words_match_as_full_case_folding_does(language, data):
    """The number-word search with the foldings written into its literals finds what the regex
    module's FULLCASE flag finds (dreißig, DREISSIG and ﬁve included), at the same places."""
    fx = extractor(language)
    fast, reference = fx.core_re, fx._core_regex(literal_folds=False)
    text = data.draw(number_text(language))
    assert [m.span() for m in fast.finditer(text)] == [m.span() for m in reference.finditer(text)], text


def test_a_sharp_s_and_a_ligature_are_number_words():
    from consistency.extract import extract_claims

    assert [c.value for c in extract_claims("dreißig Tage", "de")] == [30]
    assert [c.value for c in extract_claims("DREISSIG Tage", "de")] == [30]
    assert [c.value for c in extract_claims("ﬁve days", "en")] == [5]


def _capitals(text: str, language: str) -> str:
    """``text`` in capitals as ``language`` writes them (Turkish and Azerbaijani: i is İ)."""
    return (text.replace("i", "İ") if language in ("tr", "az") else text).upper()


@pytest.mark.parametrize("language", ["de", "tr", "az", "el", "fr", "sv", "pl", "lt"])
@given(data=st.data())
def test_a_unit_word_in_capitals_or_with_a_folded_letter_reads_as_the_same_unit(language, data):
    """A unit word written in capitals (a headline: tr 5 KİLOMETRE) or with a letter its full case
    folding joins (de Fuß, keyed fuss) reads as the unit the plain word reads as, and never fails
    (tr İ, whose folding is i and a combining dot, made the table lookup fail)."""
    from consistency.extract import extract_claims

    import regex

    fx = extractor(language)
    # words of one script (a symbol such as az μsan, whose capital Μ is a Latin M's look-alike, is
    # no word), not the words for a century, which the century patterns read as a date or a count
    # by how the number is written (tr "12 YÜZYIL" in a headline: the 12th century)
    one_script = regex.compile(r"\p{Latin}+|\p{Greek}+|\p{Cyrillic}+")
    surfaces = sorted(w for w, unit in fx.units.items()
                      if len(w) >= 4 and one_script.fullmatch(w) and unit != "century")
    word = data.draw(st.sampled_from(surfaces))
    variant = word
    if "ss" in variant and data.draw(st.booleans()):  # a letter whose full case folding is two: ß
        variant = variant.replace("ss", data.draw(st.sampled_from("ßẞ")), 1)
    if data.draw(st.booleans()):
        variant = _capitals(variant, language)
    units = [(c.value, c.unit) for c in extract_claims(f"Es sind 12 {word} dort.", language)]
    assert [(c.value, c.unit) for c in extract_claims(f"Es sind 12 {variant} dort.", language)] == units, variant


@pytest.mark.parametrize(("text", "language", "unit", "value"), [
    ("Die Mauer ist 20 Fuß hoch.", "de", "foot", 20),
    ("Ein 6 Fuß 6 Zoll großer Spieler.", "de", "inch", 78),
    ("YOL 5 KİLOMETRE UZADI.", "tr", "kilometer", 5),
])
def test_a_unit_with_a_sharp_s_or_a_dotted_capital_i(text, language, unit, value):
    from consistency.extract import extract_claims

    assert [(c.unit, c.value) for c in extract_claims(text, language)] == [(unit, value)]

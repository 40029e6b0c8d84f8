"""needs_digit: the test that lets the extractor skip a date pattern on text without a digit."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from consistency.extract.figures import extractor
from consistency.extract.patterns import DIGIT, needs_digit


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


FRAGMENTS = ["In", "March", "März", "mars", "март", "3", "14.3.2023", "2020", "the", "third", "quarter", "XIX",
             "secolo", "siècle", "век", "19.", "1980s", "Q3", "of", ",", "года", "القرن", "التاسع", "عشر"]


@given(st.lists(st.sampled_from(FRAGMENTS), max_size=8), st.sampled_from(["en", "de", "fr", "ru", "ar", "it"]))
def test_the_skip_changes_no_claim(words, locale):
    """Every claim is the same with the skip and without it (every pattern searched)."""
    import copy

    text = " ".join(words)
    fx = extractor(locale)
    searched = copy.copy(fx)
    searched.date_needs_digit = tuple(False for _ in fx.date_res)
    assert fx.extract(text) == searched.extract(text)


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

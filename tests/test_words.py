"""Names in text written without spaces between words (consistency/locale/words.py): a place name
is a name only where ICU's dictionary puts word boundaries around it, so Thai ปราก (Prague) is not
read in ปรากฏ ("to appear") nor ริกา (Riga) in บริการ ("service"); without PyICU every position is
accepted as before, and ``check`` says once that the ``icu`` extra would help."""

from __future__ import annotations

import sys

import pytest

from consistency.extract import foreign
from consistency.extract.names import extract_names
from consistency.locale import words
from test_names import bundle, findings

pytest.importorskip("icu", reason="PyICU (claim-consistency[icu], in the test extra) gives the word breaks")


def places(text: str, locale: str = "th") -> list[tuple[str, str | None]]:
    return [(m.text, m.entity) for m in extract_names(text, locale)]


def test_icu_word_boundaries_of_thai():
    assert words.word_boundaries("บริการสาธารณสุข", "th") == {0, 6, 15}
    assert words.word_boundaries("", "th") == {0}


def test_offsets_are_python_indices_after_astral_characters():
    text = "🙂 บริการสาธารณสุข"  # one character for Python, two UTF-16 code units for ICU
    bounds = words.word_boundaries(text, "th")
    assert {2, 8, 17} <= bounds and max(bounds) == len(text)


@pytest.mark.parametrize("text", [
    "ผลการสำรวจปรากฏออกมาแล้ว",   # ปรากฏ "to appear" starts with ปราก (Prague)
    "โรงพยาบาลให้บริการทุกวัน",     # บริการ "service" ends with ริกา (Riga)
])
def test_a_place_inside_a_longer_thai_word_is_no_name(text):
    assert places(text) == []


@pytest.mark.parametrize("text, entity", [
    ("เขาเดินทางไปปรากเมื่อวาน", "city:Europe/Prague"),
    ("การประชุมที่ริกาจบลงแล้ว", "city:Europe/Riga"),
])
def test_a_place_that_is_a_word_of_its_own_is_a_name(text, entity):
    assert [e for _t, e in places(text)] == [entity]


def test_a_thai_translation_is_compared_without_the_words_that_contain_places():
    an = bundle(en="The hospital service in Prague opened in 2019 and results appear monthly.\n",
                th="บริการของโรงพยาบาลในปรากเปิดในปี 2019 และผลการรักษาปรากฏทุกเดือน\n")
    assert findings(an, "NAM001") == []
    dropped = bundle(en="The hospital service in Prague opened in 2019.\n",
                     th="บริการของโรงพยาบาลเปิดในปี 2019\n")
    assert [f.rule for f in findings(dropped, "NAM001")] == ["NAM001"]


@pytest.fixture
def without_icu(monkeypatch):
    monkeypatch.setitem(sys.modules, "icu", None)
    monkeypatch.delenv(foreign.NO_NOTES_ENV, raising=False)
    for cached in (words._icu, words._iterator, words.word_boundaries):
        cached.cache_clear()
    yield
    for cached in (words._icu, words._iterator, words.word_boundaries):
        cached.cache_clear()


def test_without_icu_every_position_is_accepted_and_a_note_says_so(without_icu):
    assert not words.icu_available()
    assert words.word_boundaries("บริการ", "th") is None
    # and more: CLDR's Thai names of languages (กา, Ga) inside other words
    assert "city:Europe/Prague" in [e for _t, e in places("ผลการสำรวจปรากฏออกมาแล้ว")]
    assert foreign.ICU_EXTRA_NOTE in foreign.missing_extra_notes(["en", "th-TH"])
    assert foreign.ICU_EXTRA_NOTE in foreign.missing_extra_notes(["lo"])
    assert foreign.ICU_EXTRA_NOTE not in foreign.missing_extra_notes(["en", "de", "zh"])


def test_with_icu_there_is_no_note():
    assert words.icu_available()
    assert foreign.ICU_EXTRA_NOTE not in foreign.missing_extra_notes(["th"])

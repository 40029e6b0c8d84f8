"""Unit names in the grammatical cases CLDR declines them in (``locale/data/unit_cases.json``,
generated from ICU).  The sentences are this project's own."""

from __future__ import annotations

from decimal import Decimal

import pytest

from consistency.extract import extract_claims
from consistency.locale import build_unit_cases
from consistency.locale.cldr import _unit_cases, parse_locale, tables, unit_case_names, unit_names


def _quantities(text: str, locale: str) -> list[tuple[Decimal, str | None]]:
    return [(c.value, c.unit) for c in extract_claims(text, locale) if c.value is not None]


@pytest.mark.parametrize("text, locale, value, unit", [
    ("Το δέμα ζυγίζει 3 χιλιόγραμμων περίπου.", "el", 3, "kilogram"),   # genitive: CLDR's nominative is χιλιόγραμμα
    ("Κέρδισε μετά από 2 ώρας αγώνα.", "el", 2, "hour"),
    ("Važi 5 kilogramus ir daugiau.", "lt", 5, "kilogram"),             # accusative plural
    ("Brauca ar 90 kilometriem stundā.", "lv", 90, "kilometer/hour"),  # dative of a rate
    ("Hljóp 12 kílómetrum lengra.", "is", 12, "kilometer"),
    ("Po 3 hodinách sa vrátili.", "sk", 3, "hour"),                    # locative plural
    ("Zmagal je z 2 metroma prednosti.", "sl", 2, "meter"),           # instrumental dual
    ("Vozio je 8 satom brže.", "hr", 8, "hour"),
    ("Он прожил там 10 годами дольше.", "ru", 10, "year"),               # instrumental
    ("तो 5 किलोग्रॅमचा दगड होता.", "mr", 5, "kilogram"),                    # Marathi oblique and genitive
])
def test_a_unit_in_another_case_is_that_unit(text, locale, value, unit):
    assert (Decimal(value), unit) in _quantities(text, locale), _quantities(text, locale)


@pytest.mark.parametrize("language", sorted(_unit_cases()))
def test_every_nominative_keeps_its_unit(language):
    """A written form that is both a nominative of one unit and a case of another is read as
    the nominative's unit: the case forms sit below every name babel gives."""
    nominative = unit_names(parse_locale(language)._data)
    units = tables(language).units
    for surface, unit in nominative.items():
        assert units[surface] == unit, (language, surface)
    cases = unit_case_names(language)
    assert cases, language
    assert set(cases) <= set(units)  # every case form is read


def test_the_shipped_table_is_what_icu_writes():
    icu = pytest.importorskip("icu", reason="PyICU (the icu extra) writes the table")
    import json
    from importlib import resources

    shipped = json.loads(resources.files("consistency.locale").joinpath(build_unit_cases.FILE).read_text("utf-8"))
    if shipped["icu_version"] != icu.ICU_VERSION:
        pytest.skip(f"the table was written from ICU {shipped['icu_version']}, this is ICU {icu.ICU_VERSION}: "
                    "python -m consistency.locale.build_unit_cases --write")
    assert build_unit_cases.build() == shipped


@pytest.mark.parametrize("text, locale, year", [
    ("Han debuterade i 1997 års turnering.", "sv", 1997),   # the genitive of "year": the year 1997
    ("Det var 2018 års stora nyhet.", "sv", 2018),
    ("Закон принят в 2019 году.", "ru", 2019),
])
def test_a_year_before_a_case_of_the_word_year_is_that_year(text, locale, year):
    dates = [c for c in extract_claims(text, locale) if c.kind.value == "date"]
    assert [(d.low.year, d.high.year) for d in dates] == [(year, year)], extract_claims(text, locale)


def test_a_count_before_a_case_of_the_word_year_is_a_count():
    assert (Decimal(5), "year") in _quantities("Efter 5 års arbete var det klart.", "sv")


@pytest.mark.parametrize("text, locale, value, unit", [
    ("Поезд приходит каждые 37 минут.", "ru", 37, "minute"),      # CLDR's arc minute is also минут
    ("Он пробежал дистанцию за 48 секунд.", "ru", 48, "second"),
    ("বাসটি 15 মিনিট দেরিতে এসেছে।", "bn", 15, "minute"),
])
def test_a_name_cldr_gives_the_minute_and_the_arc_minute_is_time(text, locale, value, unit):
    """Where CLDR names the arc minute (or second) as the minute of time, prose means the time."""
    assert _quantities(text, locale) == [(Decimal(value), unit)]

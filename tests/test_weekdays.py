"""DAT002: days of the week, by CLDR's names (consistency/extract/weekdays.py), compared across
versions.  The sentences are this project's own."""

from __future__ import annotations

import pytest

from consistency.extract.weekdays import weekday_mentions
from test_names import bundle, findings


def days(text: str, locale: str) -> list[int]:
    return [day for _s, _e, _t, day in weekday_mentions(text, locale)]


@pytest.mark.parametrize("text, locale, expected", [
    ("Der Rat tagte am Dienstag und am Freitag.", "de", [1, 4]),
    ("議会は火曜日に予算を承認した。", "ja", [1]),
    ("议会星期二批准了预算。", "zh", [1]),
    ("Eduskunta kokoontui tiistaina.", "fi", [1]),
    ("Dewan bersidang pada hari Selasa, minggu lalu.", "id", [1]),   # minggu, a week, is no Sunday
    ("مجلس روز پنج شنبه تشکیل شد.", "fa", [3]),                      # Thursday with a space, not Saturday
    ("مجلس روز پنج‌شنبه تشکیل شد.", "fa", [3]),
    ("مجلس روز شنبه تشکیل شد.", "fa", [5]),
    ("Совет собрался в среду.", "ru", []),                           # a case ending CLDR does not list
])
def test_days_of_the_week_by_cldrs_names(text, locale, expected):
    assert days(text, locale) == expected


def messages(**texts: str) -> list[str]:
    return [f.message for f in findings(bundle(**texts), "DAT002")]


def test_a_day_changed_in_translation_is_reported_and_the_same_day_is_not():
    assert messages(en="The council approved the budget on Tuesday.",
                    de="Der Rat billigte den Haushalt am Mittwoch.") == ["de gives Wednesday where en gives Tuesday"]
    assert messages(en="The council approved the budget on Tuesday.",
                    de="Der Rat billigte den Haushalt am Dienstag.") == []


def test_a_version_that_names_no_day_has_nothing_to_compare():
    assert messages(en="The council approved the budget on Tuesday.", de="Der Rat billigte den Haushalt.") == []


def test_with_three_versions_the_one_that_differs_is_the_deviant():
    (f,) = findings(bundle(en="The council met on Tuesday.", de="Der Rat tagte am Dienstag.",
                           ja="議会は木曜日に開かれた。"), "DAT002")
    assert f.message == "ja gives Thursday where en and de give Tuesday"
    assert [(loc.locale, loc.role) for loc in f.locations] == [("ja", "deviant"), ("en", "reference"),
                                                                ("de", "reference")]

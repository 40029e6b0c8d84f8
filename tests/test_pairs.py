"""QTY003: scores, records, game clocks, times of day and ratios, read as numbers written together
(consistency/extract/pairs.py) and compared across versions.  The sentences are this project's own."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from consistency.extract.pairs import number_pairs, same_pair
from test_names import bundle, findings

FIGURE_RULES = ("QTY001", "QTY002", "QTY003", "DAT001")


def pairs(text: str) -> list[tuple[int, ...]]:
    return [p.numbers for p in number_pairs(text)]


def messages(rule_ids: tuple[str, ...] = ("QTY003",), **texts: str) -> list[str]:
    return [f.message for f in findings(bundle(**texts), *rule_ids)]


# --------------------------------------------------------------------------- reading


@pytest.mark.parametrize("text, expected", [
    ("They won 2-1 at home.", [(2, 1)]),
    ("Livingston 1 - 0 Rangers", [(1, 0)]),
    ("a Cup record of 13-21-3", [(13, 21, 3)]),
    ("Kick-off is at 12:55 on Tuesday.", [(12, 55)]),
    ("Kick-off is at 2:30pm.", [(2, 30)]),
    ("the split time 1:30:45", [(1, 30, 45)]),
    ("Dundee schlug Belfast 5:3.", [(5, 3)]),
    ("ベルファストに２：１で勝った", [(2, 1)]),      # full-width digits and colon, a kana particle after
    ("فاز ٢-١ على ملعبه", [(2, 1)]),                 # Arabic-Indic digits
    ("pages 3-5 and 7-9", [(3, 5), (7, 9)]),
])
def test_numbers_written_together_are_read_whole(text, expected):
    assert pairs(text) == expected


@pytest.mark.parametrize("text", [
    "F-16 jets", "after COVID-19", "on 14-03-2023", "a map at 1:50,000", "the 2018-19 season",
    "a rise of 10-20%", "version 1.2-3", "the 1990-95 plan", "model X-2-3b",
])
def test_codes_dates_versions_and_percentages_are_no_pairs(text):
    assert pairs(text) == []


def test_the_same_numbers_in_any_order_and_a_time_on_either_clock_are_the_same():
    (won,), (lost,), (evening,), (twelve_hour,) = (number_pairs(t) for t in ("won 2-1", "lost 1:2", "at 19:45",
                                                                           "at 7:45"))
    assert same_pair(won, lost) and same_pair(evening, twelve_hour)
    (other_time,), (other_score,) = number_pairs("at 19:54"), number_pairs("won 2-10")
    assert not same_pair(evening, other_time) and not same_pair(won, other_score)


# --------------------------------------------------------------------------- the rule


def test_a_changed_score_is_reported_with_both_values():
    assert messages(en="Dundee beat Belfast 5-3 on Saturday.", de="Dundee schlug Belfast am Samstag 5:2.") == [
        "de gives 5:2 where en gives 5-3"]


def test_a_changed_time_of_day_is_reported():
    assert messages(en="The match starts at 12:55 on Tuesday.", es="El partido empieza a las 12:50 del martes.") \
        == ["es gives 12:50 where en gives 12:55"]


@pytest.mark.parametrize("en, other", [
    ("Dundee beat Belfast 5-3.", "Belfast unterlag Dundee mit 3:5."),           # the loser named first
    ("Kick-off is at 7:45pm.", "Anstoß ist um 19:45 Uhr."),                      # 12- and 24-hour clock
    ("Kick-off is at 7:45pm, and they won 2-1.", "Anstoß war um 19 Uhr, sie gewannen 2:1."),  # no pair to compare
    ("They won 2-1.", "Sie gewannen mit zwei Toren zu einem."),                  # the score in words
    ("It rained for 10-15 minutes.", "Es regnete 10-20 Minuten lang."),         # a measured range: QTY001's
    ("They lost 1-2.", "Sie verloren 1-3."),                                     # ranges apart: QTY001's
])
def test_what_states_the_same_or_is_the_figure_rules_business_is_not_reported(en, other):
    assert messages(en=en, de=other) == []


def test_two_ranges_that_qty001_reports_are_not_reported_twice():
    assert messages(FIGURE_RULES, en="They lost 1-2.", de="Sie verloren 1-3.") == [
        "de gives 1–3 where en gives 1–2 (a tie: as many versions give each value; en is the reference only as the "
        "first version — declare the source to settle it)"]


def test_with_three_versions_the_one_that_differs_is_the_deviant():
    an = bundle(en="They won 2-1 in Leeds.", de="Sie gewannen 2:1 in Leeds.", ja="リーズで3-1で勝った。")
    (f,) = findings(an, "QTY003")
    assert f.message == "ja gives 3-1 where en and de give 2-1"
    assert [(loc.locale, loc.role) for loc in f.locations] == [("ja", "deviant"), ("en", "reference"),
                                                                ("de", "reference")]


_SCORE = st.tuples(st.integers(0, 99), st.integers(0, 99))  # a changed one stays within three digits


@given(_SCORE)
def test_a_document_compared_with_itself_has_no_pair_finding(score):
    text = f"The home side won {score[0]}-{score[1]} on Saturday, the kick-off was at 15:00."
    assert messages(FIGURE_RULES, en=text, de=text) == []


@given(_SCORE, st.integers(0, 1), st.sampled_from(["times ten", "plus one"]))
def test_any_single_changed_number_of_a_score_is_reported(score, which, change):
    changed = list(score)
    changed[which] = changed[which] * 10 if change == "times ten" and changed[which] else changed[which] + 1
    if sorted(changed) == sorted(score):
        return  # 3-4 → 4-4 is a change; 0-1 with its 1 made 10 is too; only a swap agrees
    en = f"The home side won {score[0]}-{score[1]} on Saturday."
    de = f"Die Heimmannschaft gewann am Samstag {changed[0]}:{changed[1]}."
    assert messages(en=en, de=de) == [f"de gives {changed[0]}:{changed[1]} where en gives {score[0]}-{score[1]}"]


@pytest.mark.parametrize("text, language, expected", [
    # a score joined by the language's word for "to" (locale/data/score_joiners.toml)
    ("ダンディーは5対3で勝った。", "ja", [(5, 3)]),
    ("以5比3获胜", "zh", [(5, 3)]),
    ("5대3으로 이겼다", "ko", [(5, 3)]),
    ("차 5대 3명", "ko", []),            # five vehicles, three people: the word is no joiner apart
    ("won 5対3", "en", []),               # only the language's own word
    # a time with a period after the language's clock word (locale/data/clock.toml)
    ("Ottelu alkaa klo 19.45.", "fi", [(19, 45)]),
    ("Mötet börjar kl. 9.30.", "sv", [(9, 30)]),
    ("Rapat dimulai pukul 15.00 WIB.", "id", [(15, 0)]),
    ("Matka on 3.45 km.", "fi", []),      # no clock word: a decimal
])
def test_pairs_written_the_languages_own_way(text, language, expected):
    assert [p.numbers for p in number_pairs(text, language)] == expected


def test_a_japanese_score_changed_in_words_is_reported():
    assert messages(en="Dundee beat Belfast 5-3 on Saturday.", ja="土曜日、ダンディーはベルファストに5対2で勝った。") == [
        "ja gives 5対2 where en gives 5-3"]
    assert messages(en="Dundee beat Belfast 5-3 on Saturday.", ja="土曜日、ダンディーはベルファストに5対3で勝った。") == []


def test_a_finnish_time_moved_by_nine_minutes_is_reported():
    assert messages(en="The match starts at 7:45pm on Tuesday.", fi="Ottelu alkaa tiistaina klo 19.54.") == [
        "fi gives 19.54 where en gives 7:45"]
    assert messages(en="The match starts at 7:45pm on Tuesday.", fi="Ottelu alkaa tiistaina klo 19.45.") == []


def test_a_swahili_time_counted_from_dawn_is_the_same_time():
    """locale/data/clock.toml [offset]: East African time, saa 6:55 mchana is 12:55."""
    en = "The match starts at 12:55 p.m. on Tuesday.\n"
    assert messages(en=en, sw="Mechi inaanza saa 6:55 mchana Jumanne.\n") == []
    assert messages(en=en, sw="Mechi inaanza saa 12:55 Jumanne.\n") == []    # the international time
    assert len(messages(en=en, sw="Mechi inaanza saa 7:55 mchana Jumanne.\n")) == 1

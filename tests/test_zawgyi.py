"""Burmese text in the Zawgyi encoding (consistency/locale/zawgyi.py): detected without ICU, read as
Unicode with it, its findings at the positions of the file as written; Unicode Burmese is never
taken for Zawgyi; and a digit typed for the letter it looks like (``၀`` for ``ဝ``) is read as the
letter.

The sentences are this file's own: each Burmese one in Unicode, and in Zawgyi as ICU's
``my-Zawgyi`` writes it (the literals below, so that detection is tested without ICU)."""

from __future__ import annotations

import datetime
import json
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from consistency import cli
from consistency.extract import extract_claims, foreign
from consistency.locale import zawgyi
from test_cli import run
from test_names import bundle, findings
from test_plugin import PLUGIN, QUIET, site

pytest_plugins = ["pytester"]

EN = ["The company hired 500 employees in 2019.",
      "The Welsh parliament has 60 members.",
      "Their group postponed the meeting by 3 months.",
      "4 inches of rain fell in the capital and 12 cars were damaged."]
UNICODE = ["ကုမ္ပဏီသည် ၂၀၁၉ ခုနှစ်တွင် ဝန်ထမ်း ၅၀၀ ဦးကို ခန့်အပ်ခဲ့သည်။",
           "ဝေလနိုင်ငံ၏ လွှတ်တော်တွင် အမတ် ၆၀ ဦး ရှိသည်။",
           "သူတို့အဖွဲ့သည် အစည်းအဝေးကို ၃ လ ရွှေ့ဆိုင်းခဲ့သည်။",
           "မြို့တော်တွင် မိုးရေ ၄ လက်မ ရွာသွန်းခဲ့ပြီး ကား ၁၂ စီး ပျက်စီးခဲ့သည်။"]
ZAWGYI = ["ကုမၸဏီသည္ ၂၀၁၉ ခုႏွစ္တြင္ ဝန္ထမ္း ၅၀၀ ဦးကို ခန႔္အပ္ခဲ့သည္။",
          "ေဝလႏိုင္ငံ၏ လႊတ္ေတာ္တြင္ အမတ္ ၆၀ ဦး ရိွသည္။",
          "သူတို႔အဖြဲ႔သည္ အစည္းအေဝးကို ၃ လ ေရႊ့ဆိုင္းခဲ့သည္။",
          "ၿမိဳ႔ေတာ္တြင္ မိုးေရ ၄ လက္မ ရြာသြန္းခဲ့ၿပီး ကား ၁၂ စီး ပ်က္စီးခဲ့သည္။"]
#: Zawgyi as typed: the digit zero for the letter wa (Wales, ေ၀လ)
ZAWGYI_TYPED = [s.replace("ဝ", "၀") for s in ZAWGYI]


def _text(sentences: list[str]) -> str:
    return "\n\n".join(sentences) + "\n"


def _icu():
    return pytest.importorskip("icu", reason="PyICU (claim-consistency[icu], in the test extra) converts Zawgyi")


# ----------------------------------------------------------------------------- detection


@pytest.mark.parametrize("z, u", list(zip(ZAWGYI_TYPED, UNICODE)))
def test_each_sentence_is_told_apart_alone(z, u):
    assert zawgyi.is_zawgyi(z)
    assert not zawgyi.is_zawgyi(u)
    assert zawgyi.zawgyi_score(u) < 0


def test_text_without_myanmar_letters_is_no_zawgyi():
    assert zawgyi.zawgyi_score("The company hired 500 employees.") == 0
    assert zawgyi.zawgyi_score("") == 0 and zawgyi.zawgyi_score("၂၀၁၉") == 0  # digits: both encodings


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_detection_takes_any_text(text):
    score = zawgyi.zawgyi_score(text)
    assert score == score and abs(score) < float("inf")
    assert zawgyi.reader(text, "my") is not None and zawgyi.reader(text, "en") is None


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=0, max_value=10**15))
def test_icu_spelled_out_burmese_numbers_are_never_zawgyi(n):
    """ICU writes Unicode; the model was built without number words (build_zawgyi)."""
    icu = _icu()
    words = icu.RuleBasedNumberFormat(icu.URBNFRuleSetTag.SPELLOUT, icu.Locale("my")).format(n)
    assert not zawgyi.is_zawgyi(words), words


@settings(max_examples=200, deadline=None)
@given(st.dates(min_value=datetime.date(1900, 1, 1), max_value=datetime.date(2100, 12, 31)),
       st.sampled_from(["kFull", "kLong", "kMedium"]))
def test_icu_burmese_dates_are_never_zawgyi(day, style):
    icu = _icu()
    form = icu.DateFormat.createDateInstance(getattr(icu.DateFormat, style), icu.Locale("my"))
    text = form.format(datetime.datetime(day.year, day.month, day.day, 12))
    assert not zawgyi.is_zawgyi(text), text


def test_the_shipped_table_is_what_the_build_writes():
    _icu()
    from importlib import resources

    from consistency.locale import build_zawgyi

    shipped = json.loads(resources.files("consistency.locale").joinpath("data/zawgyi.json").read_text("utf-8"))
    assert shipped["pairs"] == build_zawgyi.build()["pairs"], "regenerate: python -m consistency.locale.build_zawgyi --write"


# ----------------------------------------------------------------------------- conversion


def test_zawgyi_is_read_as_the_unicode_sentence_with_positions_in_the_zawgyi():
    _icu()
    for z, u in zip(ZAWGYI, UNICODE):
        reading = zawgyi.convert(z)
        assert reading.text == u
        for figure in ("၅၀၀", "၂၀၁၉", "၆၀", "၁၂"):
            if figure in u:
                at = u.index(figure)
                s, e = reading.span(at, at + len(figure))
                assert z[s:e] == figure


MYANMAR = st.sampled_from([chr(c) for c in range(0x1000, 0x10A0)] + [" ", "\n", "a", "1", "“", "”"])


@settings(max_examples=200, deadline=None)
@given(st.text(MYANMAR, max_size=40))
def test_conversion_is_icus_and_maps_every_character_back_in_order(text):
    """Whatever the text, the conversion is ICU's conversion of the whole, and each character of it
    comes from a span of the text, the spans in order."""
    icu = _icu()
    reading = zawgyi.convert(text)
    assert reading.text == icu.Transliterator.createInstance("Zawgyi-my").transliterate(text)
    if reading.starts is not None and reading.ends is not None:
        assert list(reading.starts) == sorted(reading.starts) and list(reading.ends) == sorted(reading.ends)
        assert all(0 <= s < e <= len(text) for s, e in zip(reading.starts, reading.ends))


def _values(an, v: int) -> list[str]:
    return [str(c.value) for block in an.claims[v] for c in block if c.value is not None]


def test_a_zawgyi_translation_states_the_same_figures_as_the_english():
    """Read as written, Zawgyi's dot below (U+1094) is Unicode's Shan digit four: three figures 4
    that are none, and 4 inches read as 4 months (လက္မ is no Unicode inch)."""
    _icu()
    an = bundle(en=_text(EN), my=_text(ZAWGYI_TYPED))
    assert findings(an, "QTY001", "QTY002") == []
    assert sorted(_values(an, 1)) == sorted(_values(bundle(en=_text(EN), my=_text(UNICODE)), 1))
    inches = [c for block in an.claims[1] for c in block if c.unit == "inch"]
    assert [(c.text, c.value) for c in inches] == [("၄ လက္မ", 4)]
    assert an.documents[1].text[inches[0].start:inches[0].end] == "၄ လက္မ"


def test_a_wrong_figure_in_zawgyi_is_found_where_the_file_has_it(tmp_path, capsys, monkeypatch):
    _icu()
    monkeypatch.setenv("CLAIM_CONSISTENCY_NO_CACHE", "1")
    folder = tmp_path / "hire"
    folder.mkdir()
    (folder / "en.md").write_text(_text(EN), encoding="utf-8")
    wrong = _text(ZAWGYI_TYPED).replace("၅၀၀", "၅၀")
    (folder / "my.md").write_text(wrong, encoding="utf-8")
    rc, out, _err = run(capsys, "check", str(folder), "--format", "json", "--no-history")
    found = json.loads(out)["findings"]
    assert rc == 1 and [f["rule"] for f in found] == ["QTY001"]
    mine = next(loc for loc in found[0]["locations"] if loc["locale"] == "my")
    assert wrong[mine["start"]:mine["end"]] == mine["text"] == "၅၀"
    assert (mine["line"], mine["column"]) == (1, wrong.index("၅၀") + 1)
    assert (folder / "my.md").read_text(encoding="utf-8") == wrong  # never written


def test_extract_reads_a_zawgyi_file_as_unicode_at_its_own_positions(tmp_path, capsys):
    _icu()
    path = tmp_path / "my.md"
    text = _text(ZAWGYI_TYPED)
    path.write_text(text, encoding="utf-8")
    rc, out, _err = run(capsys, "extract", str(path), "--format", "json")
    claims = json.loads(out)["claims"]
    assert rc == 0 and all(text[c["start"]:c["end"]] == c["text"] for c in claims)
    assert [c["text"] for c in claims] == ["၂၀၁၉", "၅၀၀", "၆၀", "၃ လ", "၄ လက္မ", "၁၂"]


def test_a_unicode_passage_in_a_zawgyi_version_is_left_as_written():
    _icu()
    text = _text(ZAWGYI_TYPED + [UNICODE[1]])
    reader = zawgyi.reader(text, "my")
    assert reader is not None and reader.zawgyi
    assert reader.read(UNICODE[1]).text == UNICODE[1]
    assert reader.read(ZAWGYI[1]).text == UNICODE[1]


def test_a_unicode_version_is_never_converted():
    reader = zawgyi.reader(_text(UNICODE), "my")
    assert reader is not None and not reader.zawgyi
    assert [reader.read(u).text for u in UNICODE] == UNICODE


# ----------------------------------------------------------------------------- without ICU


@pytest.fixture
def without_icu(monkeypatch):
    monkeypatch.setitem(sys.modules, "icu", None)
    monkeypatch.setattr(cli, "_NOTED", set())
    monkeypatch.delenv(foreign.NO_NOTES_ENV, raising=False)
    monkeypatch.setenv("CLAIM_CONSISTENCY_NO_CACHE", "1")
    zawgyi._transliterator.cache_clear()
    yield
    zawgyi._transliterator.cache_clear()


def _article(root, **texts: str):
    folder = root / "article"
    folder.mkdir(parents=True)
    for locale, text in texts.items():
        (folder / f"{locale}.md").write_text(text, encoding="utf-8")
    return folder


def test_without_icu_the_check_runs_and_says_once_that_zawgyi_was_found(without_icu, tmp_path, capsys):
    folder = _article(tmp_path, en=_text(EN), my=_text(ZAWGYI_TYPED))
    assert not zawgyi.icu_converts()
    rc, _out, err = run(capsys, "check", str(folder), "--no-history")
    assert rc in (0, 1)
    notes = [line for line in err.splitlines() if "Zawgyi" in line]
    assert len(notes) == 1 and "my.md" in notes[0] and "pip install 'claim-consistency[icu]'" in notes[0]
    _rc, _out, err = run(capsys, "check", str(folder), "--no-history")
    assert "Zawgyi" not in err  # once per process


def test_without_icu_no_note_for_unicode_burmese_nor_when_silenced(without_icu, tmp_path, capsys, monkeypatch):
    folder = _article(tmp_path, en=_text(EN), my=_text(UNICODE))
    _rc, _out, err = run(capsys, "check", str(folder), "--no-history")
    assert "Zawgyi" not in err
    zawgyi_folder = _article(tmp_path / "z", en=_text(EN), my=_text(ZAWGYI_TYPED))
    monkeypatch.setenv(foreign.NO_NOTES_ENV, "1")
    _rc, _out, err = run(capsys, "check", str(zawgyi_folder), "--no-history")
    assert "Zawgyi" not in err


def test_the_pytest_plugin_says_it_once_too(pytester, without_icu):
    root = site(pytester)
    (root / "content/my").mkdir()
    (root / "content/my/harbour.md").write_text(_text(ZAWGYI_TYPED), encoding="utf-8")
    result = pytester.runpytest(*PLUGIN, *QUIET, "--claim-consistency", "-k", "not COV")
    notes = [line for line in result.stdout.lines if "Zawgyi" in line]
    assert len(notes) == 1 and "harbour.md" in notes[0]


def test_with_icu_there_is_no_zawgyi_note(tmp_path):
    _icu()
    folder = _article(tmp_path, my=_text(ZAWGYI_TYPED))
    assert zawgyi.zawgyi_note([(str(folder / "my.md"), "my")]) is None


# ----------------------------------------------------------------------------- digits for letters


@pytest.mark.parametrize("typed, read", [
    ("၀န်ကြီး ၃ ဦး", "ဝန်ကြီး ၃ ဦး"),    # the minister: wa before the killer's letter
    ("၀ေလနိုင်ငံ", "ဝေလနိုင်ငံ"),          # Wales: wa before a vowel sign
    ("အ၀တ်အစား", "အဝတ်အစား"),          # clothes: wa between letters
    ("၄င်းသည်", "၎င်းသည်"),              # "it"
    ("၇ာသီ", "ရာသီ"),                    # season: ra before a vowel sign
    ("၁၀ လ", "၁၀ လ"),                    # 10 months
    ("၅၀၀ ဦး", "၅၀၀ ဦး"),
    ("၅နှစ်", "၅နှစ်"),                    # 5 years, glued
    ("ဇူလိုင်၇ရက်", "ဇူလိုင်၇ရက်"),          # the 7th of July: seven between letters stays a digit
    ("အသက် ၄၀", "အသက် ၄၀"),
])
def test_a_digit_glued_into_a_word_is_the_letter_it_looks_like(typed, read):
    assert zawgyi.letters_for_digits(typed) == read
    assert len(zawgyi.letters_for_digits(typed)) == len(typed)


def test_a_digit_typed_for_a_letter_in_unicode_burmese_is_no_figure():
    en = "The minister said the Welsh parliament has 60 members.\n"
    my = "၀န်ကြီးက ၀ေလနိုင်ငံ၏ လွှတ်တော်တွင် အမတ် ၆၀ ဦး ရှိသည်ဟု ပြောသည်။\n"
    assert [str(c.value) for c in extract_claims(my, "my")][:1] == ["0"]  # read as written
    an = bundle(en=en, my=my)
    assert _values(an, 1) == ["60"]
    assert findings(an, "QTY001", "QTY002") == []

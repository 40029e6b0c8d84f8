"""The optional ``ja`` extra (cutlet and UniDic's foreign spellings of katakana names).

Without it (simulated by hiding ``cutlet``: ``sys.modules["cutlet"] = None`` makes
the import fail as if it were not installed) the check runs as before and
``claim-consistency check`` says once, on stderr, which extra would help.  With it
(tests skip unless cutlet and a UniDic dictionary are installed) a foreign spelling
is one more candidate for matching, never a replacement, and counts only when it
is written like the Latin name.
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from consistency import cli
from consistency.match import names as name_links
from consistency.extract import foreign
from consistency.extract.names import extract_names
from consistency.extract.vocabulary import Vocabulary
from test_cli import ROOT, run
from test_names import bundle, findings
from test_plugin import PLUGIN, QUIET, site  # test_plugin also imports what pytester's runs must keep

pytest_plugins = ["pytester"]

NOTE = foreign.JA_EXTRA_NOTE
assert NOTE.startswith("claim-consistency: note: ") and "claim-consistency[ja]" in NOTE

EN = "On Monday, Barclays said that it would hire 500 engineers in New York.\n"
DE = "Am Montag kündigte Barclays an, in New York 500 Ingenieure einzustellen.\n"
JA = "月曜日、バークレイズはニューヨークで500人のエンジニアを雇用すると発表した。\n"
JA_WRONG = JA.replace("500人", "50人")

#: runs the checkout's cli.py with cutlet hidden in this process and in the workers it forks
HIDDEN = ("import os, runpy, sys; sys.modules['cutlet'] = None; sys.argv = sys.argv[1:]; "
          "sys.path.insert(0, os.path.dirname(sys.argv[0])); runpy.run_path(sys.argv[0], run_name='__main__')")


def _clear() -> None:
    foreign._cutlets.cache_clear()
    foreign.foreign_spelling.cache_clear()
    foreign.foreign_name.cache_clear()


@pytest.fixture
def without_ja_extra(monkeypatch):
    """As if ``claim-consistency[ja]`` were not installed, in a fresh process (no note given yet)."""
    monkeypatch.setitem(sys.modules, "cutlet", None)
    monkeypatch.setattr(cli, "_NOTED", set())
    monkeypatch.delenv(foreign.NO_NOTES_ENV, raising=False)
    _clear()
    yield
    _clear()


@pytest.fixture
def with_ja_extra():
    pytest.importorskip("cutlet")
    _clear()
    if foreign._cutlets() is None:
        pytest.skip("cutlet is installed without a UniDic dictionary")
    yield
    _clear()


def _article(root: Path, name: str, **texts: str) -> Path:
    folder = root / name
    folder.mkdir(parents=True)
    for locale, text in texts.items():
        (folder / f"{locale}.md").write_text(text, encoding="utf-8")
    return folder


# --------------------------------------------------------------------------- without the extra


def test_without_the_extra_there_are_no_foreign_spellings(without_ja_extra):
    assert not foreign.japanese_extra_available()
    assert foreign.foreign_spelling("バークレイズ") is None
    assert foreign.foreign_name("ジョン・ウォルシュ") == ("", ())


def test_a_japanese_check_runs_and_says_once_which_extra_helps(without_ja_extra, tmp_path, capsys):
    folder = _article(tmp_path, "hire", en=EN, ja=JA)
    rc, out, err = run(capsys, "check", str(folder))
    assert rc == 0 and "No findings in 1 bundle." in out
    assert err.splitlines() == [NOTE]
    # once per process
    rc, out, err = run(capsys, "check", str(folder))
    assert rc == 0 and "No findings" in out and err == ""


def test_the_note_is_no_part_of_the_report_and_no_exit_code(without_ja_extra, tmp_path, capsys):
    folder = _article(tmp_path, "hire", en=EN, ja=JA_WRONG)
    rc, out, err = run(capsys, "check", str(folder), "--format", "json")
    assert rc == 1
    assert NOTE not in out and [f["rule"] for f in json.loads(out)["findings"]] == ["QTY001"]
    # besides the note on why there is no revision history (the folder is not in git)
    assert [line for line in err.splitlines() if "revision history" not in line] == [NOTE]


def test_no_note_without_a_japanese_version(without_ja_extra, tmp_path, capsys):
    folder = _article(tmp_path, "hire", en=EN, de=DE)
    rc, out, err = run(capsys, "check", str(folder))
    assert rc == 0 and err == ""


def test_the_note_can_be_silenced(without_ja_extra, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv(foreign.NO_NOTES_ENV, "1")
    folder = _article(tmp_path, "hire", en=EN, ja=JA_WRONG)
    rc, out, err = run(capsys, "check", str(folder))
    assert rc == 1 and "QTY001" in out and err == ""


def test_the_help_names_the_extra_and_the_variable(capsys):
    with pytest.raises(SystemExit):
        run(capsys, "check", "--help")
    out = capsys.readouterr().out
    assert "claim-consistency[ja]" in out and foreign.NO_NOTES_ENV in out


def test_many_bundles_in_many_processes_give_one_note(tmp_path):
    for i in range(3):
        for locale, text in (("en", EN), ("de", DE), ("ja", JA)):
            path = tmp_path / "content" / locale / f"a{i}.md"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    env = {**os.environ, "CLAIM_CONSISTENCY_DEBUG": "", "NO_COLOR": "1"}
    env.pop(foreign.NO_NOTES_ENV, None)
    proc = subprocess.run([sys.executable, "-c", HIDDEN, str(ROOT / "cli.py"), "check", "--bundles",
                           "content/{locale}/{path}.md", "--jobs", "2", "--format", "json"],
                          cwd=tmp_path, capture_output=True, text=True, timeout=180, env=env)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["findings"] == []
    assert proc.stderr.splitlines() == [NOTE]


def test_cutlet_is_imported_only_to_match_japanese_names(tmp_path):
    """The extra costs nothing where no katakana name meets a Latin one."""
    pytest.importorskip("cutlet")
    folder = _article(tmp_path, "hire", en=EN, de=DE)
    code = ("import sys; from consistency.cli import main; "
            f"main(['check', {str(folder)!r}]); print('CUTLET', 'cutlet' in sys.modules)")
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert "CUTLET False" in proc.stdout


# --------------------------------------------------------------------------- with the extra


def _mention(text: str, locale: str, surface: str):
    return next(m for m in extract_names(text, locale, vocabulary=Vocabulary()) if m.text == surface)


def _score(kana: str, latin: str) -> float:
    a = _mention(f"月曜日、{kana}は発表した。", "ja", kana)
    b = _mention(f"On Monday, {latin} said so.", "en", latin)
    return name_links.score(a, b)


def _score_without_extra(monkeypatch, kana: str, latin: str) -> float:
    with monkeypatch.context() as m:
        m.setitem(sys.modules, "cutlet", None)
        _clear()
        score = _score(kana, latin)
        _clear()
    return score


def test_foreign_spellings(with_ja_extra):
    assert foreign.japanese_extra_available()
    assert foreign.foreign_spelling("マイクロソフト") == "microsoft"  # "Micro soft": spaces go
    assert foreign.foreign_spelling("バークレイズ") == "barclay"
    assert foreign.foreign_spelling("ニューヨーク") is None  # UniDic knows only the romaji
    assert foreign.foreign_spelling("ラバーン") is None  # "Rubber n": foreign only in part
    assert foreign.foreign_name("ジョン・ウォルシュ") == ("john walsh", ("john", "walsh"))


@pytest.mark.parametrize("kana, latin", [("バークレイズ", "Barclays"), ("ツイッター", "Twitter")])
def test_a_foreign_spelling_raises_the_score(with_ja_extra, monkeypatch, kana, latin):
    with_extra = _score(kana, latin)
    assert with_extra >= 0.9
    assert with_extra > _score_without_extra(monkeypatch, kana, latin)


@pytest.mark.parametrize("kana, latin", [("ウォーターズ", "Twitter"), ("ハーツ", "Gary Holt"), ("メイ", "Emma")])
def test_a_foreign_spelling_that_only_sounds_alike_does_not_count(with_ja_extra, monkeypatch, kana, latin):
    """Water / Twitter, Heart / Holt, May / Emma: two Latin spellings of different words that
    the sound keys call alike (0.83 and more); a foreign spelling counts only written alike."""
    assert _score(kana, latin) == _score_without_extra(monkeypatch, kana, latin) < name_links.MIN_SIMILARITY


_LATER = {
    "en": "The company also plans a new office in Dublin.\n\nIt did not say what the office would cost.\n\n"
          "Worldwide, Twitter has about 7,500 employees.\n",
    "de": "Das Unternehmen plant außerdem ein neues Büro in Dublin.\n\nWas das Büro kosten soll, sagte es nicht.\n\n"
          "Twitter hat weltweit rund 7.500 Beschäftigte.\n",
    "ja": "同社はダブリンに新しいオフィスを開設する計画もある。\n\nオフィスの費用については明らかにしなかった。\n\n"
          "ツイッターの従業員は世界で約7,500人だ。\n",
}
_HIRE = {
    "en": "On Monday, Twitter said that it would hire 500 engineers.\n\n",
    "de": "Twitter kündigte am Montag an, 500 Ingenieure einzustellen.\n\n",
    "ja": "ツイッターは月曜日、500人のエンジニアを雇用すると発表した。\n\n",
}


def test_the_extra_learns_a_katakana_name_and_reports_it_replaced(with_ja_extra):
    """ツイッター is Twitter (the extra's spelling); ウォーターズ (Waters) in its place is a
    missing name, and its foreign spelling "water", which sounds like "twitter", hides nothing."""
    same = bundle(**{loc: _HIRE[loc] + _LATER[loc] for loc in ("en", "de", "ja")})
    assert findings(same) == []
    swapped = dict(_HIRE, ja=_HIRE["ja"].replace("ツイッター", "ウォーターズ"))
    fs = findings(bundle(**{loc: swapped[loc] + _LATER[loc] for loc in ("en", "de", "ja")}))
    assert [f.rule for f in fs] == ["NAM001"]
    (deviant,) = [loc for loc in fs[0].locations if loc.role == "deviant"]
    assert deviant.locale == "ja" and deviant.line == 1


@pytest.fixture(params=["with the extra", "without the extra"])
def either_way(request):
    request.getfixturevalue("with_ja_extra" if request.param == "with the extra" else "without_ja_extra")
    return request.param


def test_a_wrong_foreign_spelling_does_not_break_a_match(either_way):
    """UniDic spells ラバーン "Rubber n": the transliteration still matches Laverne."""
    an = bundle(en="On Monday, council member Laverne Johnson said the vote would be close.\n",
                ja="月曜日、市議会議員のラバーン・ジョンソンは、投票は接戦になるだろうと述べた。\n")
    assert [f.rule for f in findings(an) if f.rule.startswith("NAM")] == []


def test_another_bank_is_still_a_conflict(either_way):
    an = bundle(en="On Monday, Barclays analysts said demand was strong.\n",
                ja="月曜日、ゴールドマンのアナリストは需要が強いと述べた。\n")
    (f,) = findings(an)
    assert f.rule == "NAM003" and "ゴールドマン" in f.message and "Barclays" in f.message


# --------------------------------------------------------------------------- the pytest plugin

JA_PAGES = {"content/ja/harbour.md": "港は新しい岸壁に800億ドルを費やす。\n\nトンネルの長さは12キロメートルだ。\n",
            "content/ja/tunnel.md": "港は新しい岸壁に800億ドルを費やす。\n\nトンネルの長さは12キロメートルだ。\n"}


def _ja_site(pytester) -> None:
    root = site(pytester)
    for name, text in JA_PAGES.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")


def test_plugin_says_once_per_session(pytester, without_ja_extra, monkeypatch):
    _ja_site(pytester)
    result = pytester.runpytest(*PLUGIN, *QUIET, "--claim-consistency", "-k", "not COV")
    result.assert_outcomes(passed=2)
    assert result.stdout.lines.count(NOTE) == 1
    monkeypatch.setenv(foreign.NO_NOTES_ENV, "1")
    result = pytester.runpytest(*PLUGIN, *QUIET, "--claim-consistency", "-k", "not COV")
    result.assert_outcomes(passed=2)
    assert NOTE not in result.stdout.str()


def test_plugin_says_nothing_without_a_japanese_bundle(pytester, without_ja_extra):
    site(pytester)
    result = pytester.runpytest(*PLUGIN, *QUIET, "--claim-consistency")
    result.assert_outcomes(passed=2)
    assert NOTE not in result.stdout.str()


@pytest.mark.skipif(importlib.util.find_spec("xdist") is None, reason="pytest-xdist is not installed")
def test_plugin_says_once_under_xdist(pytester, monkeypatch):
    _ja_site(pytester)
    pytester.makeconftest("import sys\nsys.modules['cutlet'] = None  # as if the ja extra were not installed\n")
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]))
    monkeypatch.delenv(foreign.NO_NOTES_ENV, raising=False)
    result = pytester.runpytest_subprocess(*PLUGIN, *QUIET, "--claim-consistency", "-n", "2", "-k", "not COV",
                                           timeout=300)
    result.assert_outcomes(passed=2)
    assert result.stdout.lines.count(NOTE) == 1

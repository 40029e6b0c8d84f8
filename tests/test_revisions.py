"""Revision-aware findings (STL001, --since): temporary git repositories built commit by commit.

Each repository is made in the test with fixed author and committer dates, so hashes and the
order of changes are the same on every machine.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from consistency.cli import main

pytestmark = [pytest.mark.history,
              pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")]

EN = "# Harbour\n\nThe terminal will handle 120 MW of shore power from 2027.\n\nThe quay is 400 meters long.\n"
DE = "# Hafen\n\nDas Terminal soll ab 2027 120 MW Landstrom liefern.\n\nDer Kai ist 400 Meter lang.\n"
JA = "# 港\n\nターミナルは2027年から120MWの陸上電力を供給する。\n\n岸壁の長さは400メートル。\n"


class Repo:
    """A git repository in a temporary folder; every commit one day after the one before."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.day = 0
        self.git("init", "-q", "-b", "main")

    def git(self, *args: str, day: int | None = None) -> str:
        stamp = f"2026-10-{(day if day is not None else self.day) + 1:02d}T12:00:00+00:00"
        env = {**os.environ, "GIT_AUTHOR_NAME": "Ed", "GIT_AUTHOR_EMAIL": "ed@example.invalid",
               "GIT_COMMITTER_NAME": "Ed", "GIT_COMMITTER_EMAIL": "ed@example.invalid",
               "GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp, "GIT_CONFIG_GLOBAL": os.devnull,
               "GIT_CONFIG_NOSYSTEM": "1"}
        out = subprocess.run(["git", "-C", str(self.root), *args], env=env, check=True, capture_output=True,
                             text=True)
        return out.stdout.strip()

    def write(self, files: dict[str, str]) -> None:
        for name, text in files.items():
            path = self.root / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")

    def commit(self, message: str, files: dict[str, str] | None = None) -> str:
        if files:
            self.write(files)
        self.day += 1
        self.git("add", "-A")
        self.git("commit", "-q", "-m", message)
        return self.git("rev-parse", "HEAD")


@pytest.fixture
def repo(tmp_path, monkeypatch) -> Repo:
    monkeypatch.chdir(tmp_path)
    r = Repo(tmp_path)
    r.commit("Add the harbour article", {"en.md": EN, "de.md": DE, "ja.md": JA})
    return r


def check(capsys, *args: str) -> tuple[int, dict, str]:
    code = main(["check", *args, "--format", "json"])
    out, err = capsys.readouterr()
    assert out, err
    return code, json.loads(out), err


def by_rule(report: dict, rule: str) -> list[dict]:
    return [f for f in report["findings"] if f["rule"] == rule]


def deviant(finding: dict) -> dict:
    return next(loc for loc in finding["locations"] if loc["role"] == "deviant")


def test_translations_holding_the_old_source_value_are_stale(repo, capsys):
    raise_commit = repo.commit("Raise the shore power", {"en.md": EN.replace("120 MW", "150 MW")})
    code, report, _ = check(capsys, "--source", "en", "en.md", "de.md", "ja.md")
    assert code == 1
    stale = by_rule(report, "STL001")
    assert sorted(deviant(f)["locale"] for f in stale) == ["de", "ja"]
    assert not by_rule(report, "QTY001")  # a stale figure is STL001's, not also a mismatch
    for f in stale:
        assert f["revision"]["status"] == "stale"
        assert f["revision"]["basis"] == "source"
        assert f["revision"]["source_change"]["commit"] == raise_commit
        assert f["revision"]["source_change"]["subject"] == "Raise the shore power"
        assert f["revision"]["previous_value"] == "120 megawatt"
        assert raise_commit[:7] in f["message"]
        ref = next(loc for loc in f["locations"] if loc["role"] == "reference")
        assert ref["locale"] == "en" and ref["value"] == "150 megawatt"
        assert ref["last_change"]["commit"] == raise_commit
        assert deviant(f)["last_change"]["subject"] == "Add the harbour article"


def test_without_a_source_the_version_that_changed_is_the_reference_when_the_others_hold_its_old_value(repo, capsys):
    # by values alone, en (150) is outvoted by de and ja (120): the history says en moved on
    repo.commit("Raise the shore power", {"en.md": EN.replace("120 MW", "150 MW")})
    code, report, _ = check(capsys, "en.md", "de.md", "ja.md")
    stale = by_rule(report, "STL001")
    assert sorted(deviant(f)["locale"] for f in stale) == ["de", "ja"]
    assert all(f["revision"]["basis"] == "latest" for f in stale)
    assert not any(deviant(f)["locale"] == "en" for f in report["findings"])


def test_a_value_the_source_never_had_is_wrong_and_stays_a_mismatch(repo, capsys):
    repo.commit("Fix a typo in the German", {"de.md": DE.replace("120 MW", "12 MW")})
    code, report, _ = check(capsys, "--source", "en", "en.md", "de.md", "ja.md")
    assert code == 1
    assert not by_rule(report, "STL001")
    [mismatch] = by_rule(report, "QTY001")
    assert deviant(mismatch)["locale"] == "de"
    assert mismatch["revision"]["status"] == "wrong"
    assert mismatch["revision"]["source_change"] is None


def test_two_versions_without_a_source_the_latest_change_is_the_reference(repo, capsys):
    change = repo.commit("German: new figure", {"de.md": DE.replace("120 MW", "90 MW")})
    _, report, _ = check(capsys, "en.md", "de.md")
    # en still holds what de said before de changed: with no declared source, en is the stale one
    [stale] = by_rule(report, "STL001")
    assert deviant(stale)["locale"] == "en" and stale["revision"]["basis"] == "latest"
    assert stale["revision"]["source_change"]["commit"] == change
    # the order of the files does not decide
    _, again, _ = check(capsys, "de.md", "en.md")
    assert [(f["rule"], f["locations"], f["revision"]) for f in again["findings"]] == \
        [(f["rule"], f["locations"], f["revision"]) for f in report["findings"]]


def test_two_versions_without_a_source_a_mismatch_says_which_changed_most_recently(repo, capsys):
    repo.commit("English: new figure", {"en.md": EN.replace("120 MW", "100 MW")})
    change = repo.commit("German: another figure", {"de.md": DE.replace("120 MW", "90 MW")})
    _, report, _ = check(capsys, "en.md", "de.md")
    [mismatch] = by_rule(report, "QTY001")
    assert deviant(mismatch)["locale"] == "en"
    assert mismatch["revision"] == {"status": "wrong", "basis": "latest", "source_change": None,
                                    "previous_value": None, "previous_text": None}
    assert f"(de changed it most recently: {change[:7]}" in mismatch["message"]


def test_a_translation_edited_after_the_source_change_is_not_stale(repo, capsys):
    repo.commit("Raise the shore power", {"en.md": EN.replace("120 MW", "150 MW")})
    # the translator touched the line afterwards and kept the old figure: a mistake, not an edit that never arrived
    repo.commit("German wording", {"de.md": DE.replace("Landstrom liefern", "Landstrom bereitstellen")})
    _, report, _ = check(capsys, "--source", "en", "en.md", "de.md")
    assert not by_rule(report, "STL001")
    [mismatch] = by_rule(report, "QTY001")
    assert mismatch["revision"]["status"] == "wrong"


def test_an_older_source_value_two_changes_back_is_found(repo, capsys):
    repo.commit("Raise the shore power", {"en.md": EN.replace("120 MW", "150 MW")})
    last = repo.commit("Raise it again", {"en.md": EN.replace("120 MW", "180 MW")})
    _, report, _ = check(capsys, "--source", "en", "en.md", "de.md")
    [stale] = by_rule(report, "STL001")
    # the value 120 MW was replaced by the first raise; the source now says 180 MW
    assert stale["revision"]["previous_value"] == "120 megawatt"
    assert stale["revision"]["source_change"]["subject"] == "Raise the shore power"
    ref = next(loc for loc in stale["locations"] if loc["role"] == "reference")
    assert ref["value"] == "180 megawatt" and ref["last_change"]["commit"] == last


def test_history_follows_a_renamed_source(repo, capsys):
    repo.git("mv", "en.md", "harbour.en.md")
    repo.commit("Rename the English page")
    change = repo.commit("Raise the shore power", {"harbour.en.md": EN.replace("120 MW", "150 MW")})
    repo.git("mv", "harbour.en.md", "port.en.md")
    repo.commit("Rename it again")
    _, report, _ = check(capsys, "--source", "en", "port.en.md", "de.md")
    [stale] = by_rule(report, "STL001")
    assert stale["revision"]["source_change"]["commit"] == change


def test_file_names_with_spaces_and_non_ascii_letters(repo, capsys):
    repo.git("mv", "en.md", "Häfen und Kais.en.md")
    repo.commit("Rename")
    change = repo.commit("Raise the shore power", {"Häfen und Kais.en.md": EN.replace("120 MW", "150 MW")})
    _, report, _ = check(capsys, "--source", "en", "Häfen und Kais.en.md", "de.md")
    [stale] = by_rule(report, "STL001")
    assert stale["revision"]["source_change"]["commit"] == change


def test_lines_moved_by_edits_above_them_are_traced(repo, capsys):
    # a paragraph added above the claim and one removed shift its line between commits
    change = repo.commit("Raise the shore power", {"en.md": EN.replace("120 MW", "150 MW")})
    repo.commit("Add an intro", {"en.md": EN.replace("120 MW", "150 MW").replace(
        "# Harbour\n", "# Harbour\n\nA new intro paragraph.\n\nAnd another one.\n")})
    repo.commit("German: intro", {"de.md": DE.replace("# Hafen\n", "# Hafen\n\nEine neue Einleitung.\n")})
    _, report, _ = check(capsys, "--source", "en", "en.md", "de.md")
    [stale] = by_rule(report, "STL001")
    assert stale["revision"]["source_change"]["commit"] == change
    assert stale["revision"]["previous_value"] == "120 megawatt"


def test_a_source_change_merged_from_a_branch(repo, capsys):
    repo.git("checkout", "-q", "-b", "edit")
    change = repo.commit("Raise the shore power", {"en.md": EN.replace("120 MW", "150 MW")})
    repo.git("checkout", "-q", "main")
    repo.commit("German: quay wording", {"de.md": DE.replace("Der Kai ist", "Der Kai misst").replace("lang.", ".")})
    repo.day += 1
    repo.git("merge", "-q", "--no-ff", "-m", "Merge the edit", "edit")
    _, report, _ = check(capsys, "--source", "en", "en.md", "de.md")
    [stale] = by_rule(report, "STL001")
    assert stale["revision"]["source_change"]["commit"] == change


def test_an_uncommitted_source_edit_leaves_the_translations_stale(repo, capsys):
    repo.write({"en.md": EN.replace("400 meters", "450 meters")})
    _, report, _ = check(capsys, "--source", "en", "en.md", "de.md")
    [stale] = by_rule(report, "STL001")
    assert stale["revision"]["source_change"]["commit"] is None
    assert "uncommitted" in stale["message"]


def test_both_versions_changed_in_one_commit_is_a_plain_mismatch(repo, capsys):
    repo.commit("Edit both", {"en.md": EN.replace("120 MW", "150 MW"), "de.md": DE.replace("120 MW", "160 MW")})
    _, report, _ = check(capsys, "en.md", "de.md")
    assert not by_rule(report, "STL001")
    [mismatch] = by_rule(report, "QTY001")
    assert mismatch["revision"]["basis"] == "majority"


def test_since_reports_only_what_changed_after_the_revision(repo, capsys):
    base = repo.commit("German: wrong quay length", {"de.md": DE.replace("400 Meter", "450 Meter")})
    repo.commit("Raise the shore power", {"en.md": EN.replace("120 MW", "150 MW")})
    _, everything, _ = check(capsys, "--source", "en", "en.md", "de.md")
    assert {f["rule"] for f in everything["findings"]} == {"QTY001", "STL001"}
    code, recent, _ = check(capsys, "--source", "en", "--since", base, "en.md", "de.md")
    assert [f["rule"] for f in recent["findings"]] == ["STL001"]
    assert code == 1
    code, nothing, _ = check(capsys, "--source", "en", "--since", "HEAD", "en.md", "de.md")
    assert nothing["findings"] == [] and code == 0


def test_since_counts_a_file_git_does_not_track_yet_as_changed(repo, capsys):
    repo.write({"fr.md": "# Port\n\nLe terminal fournira 12 MW à partir de 2027.\n\nLe quai mesure 400 mètres.\n"})
    _, report, _ = check(capsys, "--source", "en", "--since", "HEAD", "en.md", "fr.md")
    assert [deviant(f)["locale"] for f in by_rule(report, "QTY001")] == ["fr"]


def test_since_auto_inside_a_pre_commit_hook_means_the_uncommitted_change(repo, capsys, monkeypatch):
    repo.commit("German: wrong quay length", {"de.md": DE.replace("400 Meter", "450 Meter")})
    repo.write({"en.md": EN.replace("120 MW", "150 MW")})
    monkeypatch.setenv("PRE_COMMIT", "1")
    monkeypatch.delenv("PRE_COMMIT_FROM_REF", raising=False)
    _, report, _ = check(capsys, "--source", "en", "--since", "auto", "en.md", "de.md")
    assert [f["rule"] for f in report["findings"]] == ["STL001"]


def test_since_with_an_unknown_revision_or_outside_git_is_a_one_line_error(repo, capsys, tmp_path_factory):
    assert main(["check", "--since", "no-such-rev", "en.md", "de.md"]) == 2
    assert "unknown revision" in capsys.readouterr().err
    outside = tmp_path_factory.mktemp("plain")
    (outside / "en.md").write_text(EN, encoding="utf-8")
    (outside / "de.md").write_text(DE, encoding="utf-8")
    assert main(["check", "--since", "HEAD", str(outside / "en.md"), str(outside / "de.md")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "not in a git work tree" in err


def test_outside_git_everything_works_as_before_and_one_note_says_why(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("CLAIM_CONSISTENCY_NO_NOTES", raising=False)
    (tmp_path / "en.md").write_text(EN, encoding="utf-8")
    (tmp_path / "de.md").write_text(DE.replace("120 MW", "12 MW"), encoding="utf-8")
    code, report, err = check(capsys, str(tmp_path / "en.md"), str(tmp_path / "de.md"))
    [mismatch] = report["findings"]
    assert mismatch["rule"] == "QTY001" and "revision" not in mismatch
    assert all("last_change" not in loc for loc in mismatch["locations"])
    notes = [line for line in err.splitlines() if "revision history" in line]
    assert len(notes) == 1 and "not in a git work tree" in notes[0]


def test_a_shallow_clone_works_as_before_with_a_note(repo, capsys, monkeypatch, tmp_path_factory):
    repo.commit("Raise the shore power", {"en.md": EN.replace("120 MW", "150 MW")})
    clone = tmp_path_factory.mktemp("shallow") / "site"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{repo.root}", str(clone)], check=True)
    monkeypatch.chdir(clone)
    monkeypatch.delenv("CLAIM_CONSISTENCY_NO_NOTES", raising=False)
    _, report, err = check(capsys, "--source", "en", "en.md", "de.md")
    assert [f["rule"] for f in report["findings"]] == ["QTY001"]
    assert "shallow" in err


def test_no_history_turns_it_off(repo, capsys):
    repo.commit("Raise the shore power", {"en.md": EN.replace("120 MW", "150 MW")})
    _, report, _ = check(capsys, "--source", "en", "--no-history", "en.md", "de.md")
    [mismatch] = report["findings"]
    assert mismatch["rule"] == "QTY001" and "revision" not in mismatch


def test_text_sarif_and_github_show_the_revision(repo, capsys):
    change = repo.commit("Raise the shore power", {"en.md": EN.replace("120 MW", "150 MW")})
    main(["check", "--source", "en", "en.md", "de.md"])
    text = capsys.readouterr().out
    assert f"history    stale: the reference gave 120 megawatt until {change[:7]}" in text
    main(["check", "--source", "en", "en.md", "de.md", "--format", "sarif"])
    result = json.loads(capsys.readouterr().out)["runs"][0]["results"][0]
    assert result["ruleId"] == "STL001"
    assert result["properties"]["revision"]["source_change"]["commit"] == change
    assert {c["locale"] for c in result["properties"]["lastChanges"]} == {"de", "en"}
    main(["check", "--source", "en", "en.md", "de.md", "--format", "github"])
    assert f"stale: the reference gave 120 megawatt until {change[:7]}" in capsys.readouterr().out


def test_ignoring_stl001_keeps_the_stale_figure_as_a_mismatch_with_its_status(repo, capsys):
    repo.commit("Raise the shore power", {"en.md": EN.replace("120 MW", "150 MW")})
    _, report, _ = check(capsys, "--source", "en", "--ignore", "STL001", "en.md", "de.md")
    [mismatch] = report["findings"]
    assert mismatch["rule"] == "QTY001" and mismatch["revision"]["status"] == "stale"


def test_jobs_give_the_same_revision_findings(repo, capsys):
    repo.commit("Raise the shore power", {"en.md": EN.replace("120 MW", "150 MW")})
    repo.write({"pyproject.toml": '[tool.claim-consistency]\nbundles = ["{path}.{locale}.md"]\n'})
    for name in ("en", "de", "ja"):
        (repo.root / f"{name}.md").rename(repo.root / f"harbour.{name}.md")
        (repo.root / f"harbour.{name}.md").with_name(f"quay.{name}.md").write_text(
            (EN if name == "en" else DE if name == "de" else JA), encoding="utf-8")
    repo.commit("Two articles, named by locale")
    repo.write({"harbour.en.md": EN.replace("120 MW", "150 MW")})
    _, serial, _ = check(capsys, "--source", "en")
    _, parallel, _ = check(capsys, "--source", "en", "--jobs", "2")
    assert serial["findings"] == parallel["findings"]
    assert {deviant(f)["locale"] for f in by_rule(serial, "STL001")} == {"de", "ja"}


# ----------------------------------------------------------------------------- the pytest plugin

pytest_plugins = ["pytester"]


def test_the_pytest_plugin_reports_stale_translations_and_honours_since(pytester):
    from test_plugin import PLUGIN, QUIET

    r = Repo(pytester.path)
    r.write({
        "pyproject.toml": '[tool.claim-consistency]\nbundles = ["content/{locale}/{path}.md"]\nsource-locale = "en"\n',
        "content/en/harbour.md": EN, "content/de/harbour.md": DE,
        "content/en/quay.md": EN, "content/de/quay.md": DE.replace("400 Meter", "450 Meter"),
    })
    r.commit("Two articles; the German quay is wrong")
    r.write({"content/en/harbour.md": EN.replace("120 MW", "150 MW")})
    result = pytester.runpytest(*PLUGIN, *QUIET, "--claim-consistency")
    result.assert_outcomes(failed=2)
    result.stdout.fnmatch_lines(["*error STL001 translation-stale de still gives 120 megawatt*"])
    # only what the uncommitted change broke
    result = pytester.runpytest(*PLUGIN, *QUIET, "--claim-consistency", "--claim-consistency-since", "HEAD")
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines(["FAILED pyproject.toml::harbour*STL001*"])


def test_the_html_report_shows_the_revision(repo, capsys):
    change = repo.commit("Raise the shore power", {"en.md": EN.replace("120 MW", "150 MW")})
    main(["check", "--source", "en", "en.md", "de.md", "--format", "html"])
    page = capsys.readouterr().out
    assert f"stale: the reference gave 120 megawatt until {change[:7]}" in page

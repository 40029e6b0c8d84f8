"""Suppression in one room (issue 9 item 4): inline comments in any version of the bundle, the
baseline, and SUP001 for a comment or entry that matched nothing."""

from __future__ import annotations

import json

from consistency.cli import main

EN = "# Plant\n\n{comment}The plant delivers 2 gigawatts from 2027.\n\nIt employs 400 people.\n"
DE = "# Anlage\n\n{comment}Die Anlage liefert 3 Gigawatt ab 2027.\n\nSie beschäftigt 400 Menschen.\n"


def _check(tmp_path, capsys, en_comment: str = "", de_comment: str = "", args: tuple[str, ...] = (),
           ja: str | None = None) -> tuple[int, list[dict]]:
    (tmp_path / "en.md").write_text(EN.format(comment=en_comment), encoding="utf-8")
    (tmp_path / "de.md").write_text(DE.format(comment=de_comment), encoding="utf-8")
    paths = [str(tmp_path / "en.md"), str(tmp_path / "de.md")]
    if ja is not None:
        (tmp_path / "ja.md").write_text(ja, encoding="utf-8")
        paths.append(str(tmp_path / "ja.md"))
    code = main(["check", *paths, "--format", "json", "--select", "QTY,SUP", "--no-cache", *args])
    out = capsys.readouterr().out
    return code, json.loads(out)["findings"]


def _rules(findings: list[dict]) -> list[str]:
    return sorted(f["rule"] for f in findings)


def test_without_a_comment_the_disagreement_is_reported(tmp_path, capsys):
    code, findings = _check(tmp_path, capsys)
    assert code == 1 and _rules(findings) == ["QTY001"]


def test_a_comment_on_the_deviant_block_suppresses_it(tmp_path, capsys):
    code, findings = _check(tmp_path, capsys, de_comment="<!-- claim-consistency: disable=QTY001 -->\n")
    assert code == 0 and findings == []


def test_a_comment_in_the_source_suppresses_the_finding_on_its_translations(tmp_path, capsys):
    """Written once in the source, the comment holds for every translation (the declared
    source, else the first version: English)."""
    comment = "<!-- claim-consistency: disable=QTY001 -->\n"
    code, findings = _check(tmp_path, capsys, en_comment=comment)
    assert code == 0 and findings == []
    code, findings = _check(tmp_path, capsys, en_comment=comment, args=("--source", "en"))
    assert code == 0 and findings == []


def test_a_comment_for_another_rule_suppresses_nothing_and_is_reported(tmp_path, capsys):
    """German declared the source, English deviates; a comment in German for QTY002 leaves the
    QTY001 finding and is itself reported as unused (SUP001), at the German file."""
    code, findings = _check(tmp_path, capsys, de_comment="<!-- claim-consistency: disable=QTY002 -->\n",
                            args=("--source", "de"))
    assert _rules(findings) == ["QTY001", "SUP001"]
    unused = next(f for f in findings if f["rule"] == "SUP001")
    assert unused["message"] == "suppression of QTY002 matches no finding"
    assert unused["locations"][0]["path"].endswith("de.md")


def test_a_used_comment_is_not_reported_as_unused(tmp_path, capsys):
    code, findings = _check(tmp_path, capsys, en_comment="<!-- claim-consistency: disable=QTY001 -->\n")
    assert "SUP001" not in _rules(findings)


def test_sup001_runs_after_the_other_rules_whatever_the_selection_order(tmp_path, capsys):
    comment = "<!-- claim-consistency: disable=QTY001 -->\n"
    (tmp_path / "en.md").write_text(EN.format(comment=comment), encoding="utf-8")
    (tmp_path / "de.md").write_text(DE.format(comment=""), encoding="utf-8")
    code = main(["check", str(tmp_path / "en.md"), str(tmp_path / "de.md"), "--format", "json",
                 "--select", "SUP001,QTY001", "--no-cache"])
    assert code == 0 and json.loads(capsys.readouterr().out)["findings"] == []


JA = "# 発電所\n\n{comment}発電所は2027年から{gw}ギガワットを供給する。\n\n従業員は400人。\n"


def _deviants(findings: list[dict]) -> list[str]:
    return sorted(next(loc["locale"] for loc in f["locations"] if loc["role"] == "deviant")
                  for f in findings if f["rule"] == "QTY001")


def test_a_comment_in_a_reference_that_is_not_the_source_does_not_suppress(tmp_path, capsys):
    """English the declared source (2 GW), German deviates (3 GW), Japanese agrees with English:
    a comment in the Japanese block speaks for Japanese only, not for German's finding."""
    comment = "<!-- claim-consistency: disable=QTY001 -->\n"
    code, findings = _check(tmp_path, capsys, args=("--source", "en"), ja=JA.format(comment=comment, gw=2))
    assert _deviants(findings) == ["de"]


def test_each_deviant_is_suppressed_by_its_own_comment(tmp_path, capsys):
    """German and Japanese both deviate from the English source, each its own way (3 and 4 GW: two
    translations agreeing would make the source suspected); a comment in the Japanese block
    suppresses Japanese's finding and leaves German's."""
    comment = "<!-- claim-consistency: disable=QTY001 -->\n"
    code, findings = _check(tmp_path, capsys, args=("--source", "en"), ja=JA.format(comment="", gw=4))
    assert _deviants(findings) == ["de", "ja"]
    code, findings = _check(tmp_path, capsys, args=("--source", "en"), ja=JA.format(comment=comment, gw=4))
    assert _deviants(findings) == ["de"]

"""Reporters: snapshot tests of every format plus the structural contracts."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from consistency.engine.baseline import fingerprint, text_key
from consistency.engine.registry import load_rules
from consistency.errors import ConfigError
from consistency.model import Finding, Level, Location
from consistency.report import BundleInfo, render, sort_findings
from consistency.report.github import escape_data, escape_property
from consistency.report.text import display_width

SNAPSHOTS = Path(__file__).parent / "snapshots"
VERSION = "0.1.0"


def assert_snapshot(name: str, actual: str) -> None:
    """Compare with tests/snapshots/NAME; UPDATE_SNAPSHOTS=1 rewrites the file."""
    path = SNAPSHOTS / name
    if os.environ.get("UPDATE_SNAPSHOTS") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8", newline="\n")
        return
    if not path.exists():
        pytest.fail(f"snapshot {name} is missing; run with UPDATE_SNAPSHOTS=1 to create it")
    expected = path.read_text(encoding="utf-8")
    assert actual == expected, f"{name} differs from its snapshot (UPDATE_SNAPSHOTS=1 to accept)"


# --------------------------------------------------------------------------- fixtures

BUNDLES = [
    BundleInfo(
        "harbour-solar",
        [("news/harbour-solar.ja.md", "ja"), ("news/harbour-solar.de.md", "de"), ("news/harbour-solar.en.md", "en")],
    ),
    BundleInfo("budget, 2025", [("news/budget, 2025.de.md", "de"), ("news/budget, 2025.en.md", "en")]),
]


def _loc(path, locale, role, start, text, line, column, value=None, end_line=None, end_column=None):
    return Location(
        path=path,
        locale=locale,
        role=role,
        start=start,
        end=start + len(text),
        line=line,
        column=column,
        end_line=end_line if end_line is not None else line,
        end_column=end_column if end_column is not None else column + len(text),
        text=text,
        value=value,
    )


def make_findings() -> list[Finding]:
    rules = load_rules()
    qty = rules["QTY001"]
    cov = rules["COV001"]
    missing = rules["QTY002"]
    mismatch = Finding(
        rule=qty.id,
        name=qty.name,
        level=qty.level,
        category=qty.category,
        message=qty.format_message(locale="de", value="1.2E+7", other_locale="ja", other_value="1.2E+6"),
        bundle="harbour-solar",
        fingerprint=fingerprint("QTY001", "harbour-solar", ["de", "ja", "en"], "1.2E+7"),
        locations=(
            _loc("news/harbour-solar.de.md", "de", "deviant", 212, "12 Millionen Solarmodule", 5, 41, "1.2E+7"),
            _loc("news/harbour-solar.ja.md", "ja", "reference", 88, "120万枚", 5, 19, "1.2E+6"),
            _loc("news/harbour-solar.en.md", "en", "reference", 190, "1.2 million solar panels", 5, 33, "1.2E+6"),
        ),
    )
    paragraph = "The mayor also announced a free bus pass for pupils, starting with the autumn term next year."
    coverage = Finding(
        rule=cov.id,
        name=cov.name,
        level=cov.level,
        category=cov.category,
        message=cov.format_message(locale="en", blocks="4", chars=len(paragraph), other_locale="ja"),
        bundle="harbour-solar",
        fingerprint=fingerprint("COV001", "harbour-solar", ["en", "ja"], text_key(paragraph)),
        locations=(
            _loc("news/harbour-solar.en.md", "en", "deviant", 402, paragraph, 9, 1, end_line=10, end_column=45),
        ),
    )
    dropped = Finding(
        rule=missing.id,
        name=missing.name,
        level=missing.level,
        category=missing.category,
        message=missing.format_message(locale="de", value="35 %", text="35 Prozent", other_locale="en"),
        bundle="budget, 2025",
        fingerprint=fingerprint("QTY002", "budget, 2025", ["de", "en"], "35 percent"),
        locations=(
            _loc("news/budget, 2025.de.md", "de", "deviant", 57, "35 Prozent", 2, 18, "35 percent"),
            _loc("news/budget, 2025.en.md", "en", "reference", 40, "a third of the budget", 2, 12),
        ),
    )
    # Deliberately out of order: reporters sort.
    return [coverage, dropped, mismatch]


@pytest.fixture()
def findings() -> list[Finding]:
    return make_findings()


def _render(fmt: str, findings: list[Finding], **kwargs) -> str:
    return render(findings, fmt=fmt, bundles=BUNDLES, tool_version=VERSION, rules=list(load_rules()), **kwargs)


# --------------------------------------------------------------------------- snapshots


@pytest.mark.parametrize(
    ("fmt", "snapshot"),
    [("text", "report.txt"), ("json", "report.json"), ("sarif", "report.sarif"), ("github", "report.github.txt")],
)
def test_snapshot(fmt: str, snapshot: str, findings: list[Finding]) -> None:
    assert_snapshot(snapshot, _render(fmt, findings))


def test_order_does_not_depend_on_input_order(findings: list[Finding]) -> None:
    for fmt in ("text", "json", "sarif", "github"):
        assert _render(fmt, findings) == _render(fmt, list(reversed(findings)))


def test_unknown_format_is_config_error(findings: list[Finding]) -> None:
    with pytest.raises(ConfigError, match="unknown format 'xml'; valid formats are text, json, sarif, github"):
        _render("xml", findings)


# --------------------------------------------------------------------------- json contract

FINDING_KEYS = ["rule", "name", "level", "category", "message", "bundle", "fingerprint", "locations"]
LOCATION_KEYS = ["path", "locale", "role", "start", "end", "line", "column", "end_line", "end_column", "text", "value"]


def test_json_matches_the_contract(findings: list[Finding]) -> None:
    data = json.loads(_render("json", findings))
    assert list(data) == ["tool", "bundles", "findings"]
    assert data["tool"] == {"name": "claim-consistency", "version": VERSION}
    for bundle in data["bundles"]:
        assert list(bundle) == ["id", "versions"]
        for version in bundle["versions"]:
            assert list(version) == ["path", "locale"]
    assert len(data["findings"]) == 3
    for finding in data["findings"]:
        assert list(finding) == FINDING_KEYS
        assert finding["level"] in {"error", "warning", "info"}
        assert finding["category"] in {"quantity", "date", "name", "quote", "coverage", "meta"}
        assert re.fullmatch(r"[0-9a-f]{20}", finding["fingerprint"])
        for location in finding["locations"]:
            assert list(location) == LOCATION_KEYS
            assert location["role"] in {"deviant", "reference"}
            for key in ("start", "end", "line", "column", "end_line", "end_column"):
                assert isinstance(location[key], int)
            assert location["value"] is None or isinstance(location["value"], str)
    first = data["findings"][0]
    assert first["rule"] == "QTY002"  # bundle "budget, 2025" sorts first
    mismatch = next(f for f in data["findings"] if f["rule"] == "QTY001")
    assert [loc["role"] for loc in mismatch["locations"]] == ["deviant", "reference", "reference"]
    assert mismatch["locations"][1]["text"] == "120万枚"


def test_json_keeps_non_ascii(findings: list[Finding]) -> None:
    out = _render("json", findings)
    assert "120万枚" in out and "\\u" not in out


def test_json_empty() -> None:
    data = json.loads(render([], fmt="json", bundles=BUNDLES[:1], tool_version=VERSION))
    assert data["findings"] == [] and data["bundles"][0]["id"] == "harbour-solar"


# --------------------------------------------------------------------------- sarif structure


def test_sarif_structure(findings: list[Finding]) -> None:
    log = json.loads(_render("sarif", findings))
    assert log["version"] == "2.1.0"
    assert log["$schema"].endswith("sarif-schema-2.1.0.json")
    assert len(log["runs"]) == 1
    run = log["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    driver = run["tool"]["driver"]
    assert driver["name"] == "claim-consistency" and driver["version"] == VERSION
    assert driver["informationUri"].startswith("https://")
    rule_ids = [rule["id"] for rule in driver["rules"]]
    assert rule_ids == sorted(rule_ids) and {"QTY001", "COV001", "SUP001"} <= set(rule_ids)
    for rule in driver["rules"]:
        assert rule["shortDescription"]["text"] and rule["fullDescription"]["text"]
        assert "Why it matters" in rule["help"]["text"]
        assert rule["defaultConfiguration"]["level"] in {"error", "warning", "note"}
    assert driver["rules"][rule_ids.index("SUP001")]["defaultConfiguration"]["level"] == "note"
    assert len(run["results"]) == 3
    for result in run["results"]:
        assert result["ruleId"]
        assert driver["rules"][result["ruleIndex"]]["id"] == result["ruleId"]
        assert result["level"] in {"error", "warning", "note"}
        assert result["message"]["text"]
        assert re.fullmatch(r"[0-9a-f]{20}", result["partialFingerprints"]["claimConsistency/v1"])
        (location,) = result["locations"]
        physical = location["physicalLocation"]
        assert not physical["artifactLocation"]["uri"].startswith("/")
        region = physical["region"]
        for key in ("startLine", "startColumn", "endLine", "endColumn", "charOffset", "charLength"):
            assert isinstance(region[key], int) and region[key] >= 0
        assert region["snippet"]["text"]
    mismatch = next(r for r in run["results"] if r["ruleId"] == "QTY001")
    assert mismatch["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "news/harbour-solar.de.md"
    related = mismatch["relatedLocations"]
    assert [r["id"] for r in related] == [1, 2]
    assert related[0]["message"]["text"] == "reference: ja gives 1.2E+6 (“120万枚”)"
    spaced = next(r for r in run["results"] if r["ruleId"] == "QTY002")
    assert spaced["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "news/budget%2C%202025.de.md"


def test_sarif_without_rule_metadata(findings: list[Finding]) -> None:
    log = json.loads(render(findings, fmt="sarif", bundles=BUNDLES, tool_version=VERSION))
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    assert sorted(rule["id"] for rule in rules) == ["COV001", "QTY001", "QTY002"]
    for result in log["runs"][0]["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]


def test_sarif_uses_overridden_level(findings: list[Finding]) -> None:
    rules = load_rules().select(levels={"COV001": "error"})
    log = json.loads(render(findings, fmt="sarif", bundles=BUNDLES, tool_version=VERSION, rules=rules))
    by_id = {rule["id"]: rule for rule in log["runs"][0]["tool"]["driver"]["rules"]}
    assert by_id["COV001"]["defaultConfiguration"]["level"] == "error"


# --------------------------------------------------------------------------- github


def test_github_commands(findings: list[Finding]) -> None:
    lines = _render("github", findings).splitlines()
    assert len(lines) == 3
    assert lines[0].startswith("::warning file=news/budget%2C 2025.de.md,line=2,col=18,")
    assert "title=QTY002 quantity-missing::" in lines[0]
    assert "de states 35 %25 (35 Prozent)" in lines[0]  # the message's % is escaped
    assert lines[1].startswith("::error file=news/harbour-solar.de.md,line=5,col=41,endLine=5,endColumn=65,")
    assert "%0Areference ja news/harbour-solar.ja.md:5:19 “120万枚” → 1.2E+6" in lines[1]
    assert lines[2].startswith("::warning file=news/harbour-solar.en.md,line=9,col=1,endLine=10,endColumn=45,")


def test_github_info_is_notice() -> None:
    sup = load_rules()["SUP001"]
    finding = Finding(
        rule=sup.id, name=sup.name, level=Level.INFO, category=sup.category,
        message=sup.format_message(rule="QTY001"), bundle="b", fingerprint="0" * 20,
    )
    assert render([finding], fmt="github", tool_version=VERSION) == (
        "::notice title=SUP001 unused-suppression::suppression of QTY001 matches no finding\n"
    )


def test_github_escaping() -> None:
    assert escape_data("100%\r\nok") == "100%25%0D%0Aok"
    assert escape_property("a,b:c%\n") == "a%2Cb%3Ac%25%0A"


# --------------------------------------------------------------------------- text


def test_text_summary_and_empty(findings: list[Finding]) -> None:
    out = _render("text", findings)
    assert out.endswith("\n\n3 findings (1 error, 2 warnings, 0 info) in 2 bundles\n")
    assert render([], fmt="text", bundles=BUNDLES, tool_version=VERSION) == "No findings in 2 bundles.\n"
    one = render(findings[2:], fmt="text", bundles=BUNDLES[:1], tool_version=VERSION)
    assert one.endswith("1 finding (1 error, 0 warnings, 0 info) in 1 bundle\n")


def test_text_header_and_alignment(findings: list[Finding]) -> None:
    out = _render("text", findings)
    assert "\x1b[" not in out
    lines = out.splitlines()
    header = next(line for line in lines if "QTY001" in line)
    assert header == (
        "news/harbour-solar.de.md:5:41: error QTY001 quantity-mismatch de gives 1.2E+7 where ja gives 1.2E+6"
    )
    block = lines[lines.index(header) + 1 : lines.index(header) + 4]
    assert [line.split()[0] for line in block] == ["deviant", "reference", "reference"]
    # The arrows line up in terminal cells although 120万枚 has wide characters.
    arrows = {display_width(line[: line.index("→")]) for line in block}
    assert len(arrows) == 1


def test_text_truncates_long_passages(findings: list[Finding]) -> None:
    out = _render("text", findings)
    line = next(line for line in out.splitlines() if line.split()[:2] == ["deviant", "en"])
    assert "…" in line and "autumn term" not in line


@pytest.mark.parametrize("width", [100, 80, 60])
def test_text_fits_a_terminal_width(findings: list[Finding], width: int) -> None:
    out = render(findings, fmt="text", bundles=BUNDLES, tool_version=VERSION, width=width)
    for line in out.splitlines():
        # a path or a single word longer than the terminal is never broken
        assert display_width(line) <= width or " " not in line.strip(), line
    # nothing is lost: every position still shows, and in each finding the arrows still align
    for finding in findings:
        for loc in finding.locations:
            assert f"{loc.path}:{loc.line}:{loc.column}" in out
    blocks = out.split("\n\n")[:-1]
    assert len(blocks) == len(findings)
    for block in blocks:
        arrows = {display_width(line[: line.index("→")]) for line in block.splitlines() if "→" in line}
        assert len(arrows) <= 1, block
    colored = render(findings, fmt="text", bundles=BUNDLES, tool_version=VERSION, width=width, color=True)
    assert re.sub(r"\x1b\[[0-9;]*m", "", colored) == out


def test_text_without_a_width_keeps_one_line_per_row(findings: list[Finding]) -> None:
    assert render(findings, fmt="text", bundles=BUNDLES, tool_version=VERSION, width=None) == _render("text", findings)


def test_text_color_only_when_asked(findings: list[Finding]) -> None:
    plain = _render("text", findings)
    colored = _render("text", findings, color=True)
    assert "\x1b[1;31merror\x1b[0m" in colored
    assert re.sub(r"\x1b\[[0-9;]*m", "", colored) == plain


def test_sort_findings_is_stable(findings: list[Finding]) -> None:
    ordered = sort_findings(findings)
    # bundle first ("budget, 2025" < "harbour-solar"), then file and position
    assert [f.rule for f in ordered] == ["QTY002", "QTY001", "COV001"]
    assert sort_findings(reversed(findings)) == ordered


def test_history_names_versions_changed_by_one_commit_together() -> None:
    from consistency.model import Change, Revision
    from consistency.report.common import history_line

    one, other = Change("bbb2756aa", 1795824000, "Import"), Change("4f3b7d1aa", 1796032800, "Raise")
    locations = tuple(Location(f"{loc}.md", loc, "deviant" if loc == "de" else "reference", 0, 1, 1, 1, 1, 2, "x",
                               change=change)
                      for loc, change in (("de", one), ("en", other), ("ja", one)))
    finding = Finding("QTY001", "quantity-mismatch", Level.ERROR, "quantity", "…", "farm", "x", locations,
                      revision=Revision("wrong", "en", None, None))
    assert history_line(finding) == ("wrong: matches no earlier value of the reference; "
                                     "de and ja last changed bbb2756 (2026-11-28); en last changed 4f3b7d1 (2026-11-30)")

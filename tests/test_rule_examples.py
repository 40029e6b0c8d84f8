"""Every rule's documented example is executed: the versions it shows, checked with that rule alone,
give a finding of that rule on the version it says is reported; and its "Use instead" text, where it
is written out whole, gives none.  A rule's documentation cannot drift from its behaviour."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from consistency.cli import main
from consistency.engine.registry import builtin_rules_dir, load_rules

VERSION = re.compile(r"^([a-z]{2,3}(?:-[A-Za-z0-9]+)*): (.+)$")
REPORTED = re.compile(r"^(\S+) is reported\b")
USE_INSTEAD = re.compile(r"^Use instead \(([^)]+)\): (.+)$")

# Examples that are not a bundle of versions, each with the tests that execute what it shows.
NOT_A_BUNDLE = {
    "STL001": "its example is a git history: tests/test_revisions.py builds that history and checks it",
    "SUP001": "its example is a baseline entry: tests/test_baseline.py checks unused entries",
    "PLH001": "its example is a keyed unit: tests/test_placeholders.py checks it in JSON files",
    "PLH002": "its example is a keyed unit: tests/test_placeholders.py checks it in Android files",
    "COV003": "its example is a file listing: tests/test_file_coverage.py builds it",
    "COV004": "its example is a file listing: tests/test_file_coverage.py builds it",
    "TRM001": "its example needs a glossary in a rule dir: tests/test_glossary.py builds one and checks it",
}

# Known defects the examples found, kept visible: strict, so a fix must remove the entry.
KNOWN_DEFECTS = {
    "QUO002": "a lone surname after an English or German quotation (`Elias added`) is not taken "
              "as a name, so the speakers are not compared",
}

RULES = sorted(load_rules(builtin=True), key=lambda r: r.id)


def parse_example(example: str) -> tuple[dict[str, list[str]], str | None, tuple[str, str] | None]:
    """``{locale: paragraphs}``, the reported locale, and ``(locale, fixed text)`` when the fix is whole."""
    versions: dict[str, list[str]] = {}
    reported = fix = None
    last = None
    for line in example.splitlines():
        if m := VERSION.match(line):
            last = m.group(1)
            versions[last] = [m.group(2)]
        elif line.startswith("    ") and last and line.strip():
            versions[last].append(line.strip())  # a further paragraph of the last version
        elif m := REPORTED.match(line):
            reported = m.group(1)
        elif (m := USE_INSTEAD.match(line)) and not m.group(2).rstrip().endswith(("...", "…")):
            fix = (m.group(1), m.group(2))
    return versions, reported, fix


def check(tmp_path: Path, capsys, rule_id: str, versions: dict[str, list[str]]) -> list[tuple[str, str]]:
    """(rule, deviant locale) of every finding of ``rule_id`` alone."""
    import json

    paths = []
    for locale, paragraphs in versions.items():
        path = tmp_path / f"{locale}.md"
        path.write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
        paths.append(str(path))
    code = main(["check", *paths, "--select", rule_id, "--format", "json"])
    out, err = capsys.readouterr()
    assert code in (0, 1), err
    return [(f["rule"], f["locations"][0]["locale"]) for f in json.loads(out)["findings"]]


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_the_example_is_reported_as_documented(rule, tmp_path, capsys, request):
    if rule.id in NOT_A_BUNDLE:
        pytest.skip(NOT_A_BUNDLE[rule.id])
    if rule.id in KNOWN_DEFECTS:
        request.applymarker(pytest.mark.xfail(reason=KNOWN_DEFECTS[rule.id], strict=True))
    versions, reported, _fix = parse_example(rule.docs["example"])
    assert len(versions) >= 2, f"{rule.id}: the example shows no versions ('ja: …' lines)"
    assert reported in versions, f"{rule.id}: the example does not say which version is reported"
    found = check(tmp_path, capsys, rule.id, versions)
    assert (rule.id, reported) in found, f"{rule.id}: the example gives {found}"


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_the_documented_fix_passes(rule, tmp_path, capsys):
    if rule.id in NOT_A_BUNDLE:
        pytest.skip(NOT_A_BUNDLE[rule.id])
    versions, _reported, fix = parse_example(rule.docs["example"])
    if fix is None:
        pytest.skip(f"{rule.id}: the example's fix is not written out whole")
    locale, text = fix
    versions[locale] = [text] + versions[locale][1:]
    found = check(tmp_path, capsys, rule.id, versions)
    assert found == [], f"{rule.id}: the documented fix still gives {found}"


def test_every_builtin_rule_is_covered():
    assert {r.id for r in RULES} == {p.stem for p in builtin_rules_dir().glob("*.yml")}

"""Rule cases beside the rules, semgrep-style: ``tests/rules/<ID>/bad/`` and ``.../ok/`` hold the
versions of a small article (one file per locale, our own sentences) that must and must not give
that rule's finding; ``expected.txt`` in each case is the snapshot of every finding of the
selected rules (``UPDATE_SNAPSHOTS=1`` rewrites it: read the diff before committing).

A ``case.toml`` may set ``select`` (rule ids to run; default: the case's rule) and ``source``.
Adding a case is adding a folder: no code.
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path

import pytest

import consistency
from consistency.engine.config import Config
from consistency.engine.kinds import KINDS
from consistency.engine.registry import load_rules

CASES = Path(__file__).resolve().parent / "rules"
RULES = load_rules()

#: rules whose cases live elsewhere, and why
ELSEWHERE = {
    "COV003": "run-level (whole files found by patterns): tests/test_file_coverage.py",
    "COV004": "run-level (whole files found by patterns): tests/test_file_coverage.py",
    "STL001": "needs a git history: tests/test_revisions.py builds one",
    "QUO001": "two speakers' words merged: tests/test_quotes.py and the rule's example",
    "TRM001": "needs a glossary in a rule dir: tests/test_glossary.py",
    "QUO002": "a known limit (a weakly recognised speaker is not compared): the rule's example is a strict xfail",
}


def _cases() -> list[Path]:
    return sorted(p for p in CASES.glob("*/*") if p.is_dir())


def _findings(case: Path) -> list[str]:
    settings = tomllib.loads((case / "case.toml").read_text(encoding="utf-8")) if (case / "case.toml").exists() else {}
    rule_id = case.parent.name
    rules = RULES.select(settings.get("select", [rule_id]))
    paths = sorted(str(p) for p in case.iterdir() if p.name not in ("case.toml", "expected.txt"))
    report = consistency.check(paths, config=Config(), rules=rules, source=settings.get("source"), history=False,
                               baseline=False)
    lines = []
    for f in report.findings:
        deviant = next((loc.locale for loc in f.locations if loc.role == "deviant"), "?")
        lines.append(f"{f.rule} {deviant}: {f.message}")
    return sorted(lines)


@pytest.mark.parametrize("case", _cases(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_rule_case(case: Path):
    rule_id, kind = case.parent.name, case.name
    lines = _findings(case)
    mine = [line for line in lines if line.startswith(rule_id + " ")]
    if kind == "bad":
        assert mine, f"{rule_id} must report {case}"
    elif kind == "ok":
        assert not mine, f"{rule_id} must not report {case}: {mine}"
    else:
        pytest.fail(f"{case}: a case folder is named bad or ok")
    text = "".join(line + "\n" for line in lines)
    snapshot = case / "expected.txt"
    if os.environ.get("UPDATE_SNAPSHOTS"):
        snapshot.write_text(text, encoding="utf-8")
    assert snapshot.exists(), f"{snapshot} is missing (UPDATE_SNAPSHOTS=1 writes it)"
    assert text == snapshot.read_text(encoding="utf-8"), f"{snapshot} differs (UPDATE_SNAPSHOTS=1 to accept)"


def test_every_rule_has_cases_or_a_reason():
    with_cases = {p.parent.name for p in _cases()}
    for rule in RULES:
        if rule.id in ELSEWHERE:
            assert rule.id not in with_cases, f"{rule.id} has cases now: drop it from ELSEWHERE"
            continue
        assert KINDS[rule.kind].phase != "run", rule.id
        assert {"bad", "ok"} <= {p.name for p in (CASES / rule.id).glob("*")}, f"{rule.id}: no tests/rules/{rule.id}/bad and ok"

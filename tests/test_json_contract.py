"""The JSON report's contract (docs/json-output.md): every report the CLI writes validates against
docs/check-output.schema.json, and what the page promises beyond the schema holds."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import jsonschema
import pytest

from consistency.cli import main
from consistency.engine.registry import CATEGORIES

ROOT = Path(__file__).resolve().parents[1]
SCHEMA = json.loads((ROOT / "docs" / "check-output.schema.json").read_text(encoding="utf-8"))
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA, format_checker=jsonschema.FormatChecker())


def report(capsys, *argv: str) -> tuple[int, dict]:
    here = os.getcwd()
    os.chdir(ROOT)
    try:
        code = main(["check", *argv, "--format", "json"])
    finally:
        os.chdir(here)
    out, err = capsys.readouterr()
    assert out, err
    return code, json.loads(out)


def test_the_schema_is_a_valid_schema():
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


@pytest.mark.parametrize("argv, code", [
    (["examples/solar-farm"], 0),
    (["examples/solar-farm-drift"], 1),
    (["--bundles", "examples/{path}/{locale}.md"], 1),
    (["--source", "en", "examples/solar-farm-drift"], 1),
])
def test_reports_validate(capsys, argv, code):
    got, document = report(capsys, *argv)
    assert got == code
    VALIDATOR.validate(document)
    assert bool(document["findings"]) == (code == 1)


@pytest.mark.history
@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_reports_with_history_validate(capsys):
    _code, document = report(capsys, "examples/solar-farm-drift")
    VALIDATOR.validate(document)


def test_promises_beyond_the_schema(capsys):
    _code, document = report(capsys, "--bundles", "examples/{path}/{locale}.md")
    bundles = {b["id"]: b for b in document["bundles"]}
    assert set(bundles) == {"solar-farm", "solar-farm-drift"}  # bundles without findings too
    for finding in document["findings"]:
        assert finding["category"] in CATEGORIES
        assert finding["bundle"] in bundles
        paths = {v["path"] for v in bundles[finding["bundle"]]["versions"]}
        assert finding["locations"][0]["role"] == "deviant"
        for loc in finding["locations"]:
            assert loc["path"] in paths
            assert loc["start"] <= loc["end"]
            text = (ROOT / loc["path"]).read_text(encoding="utf-8")
            assert text[loc["start"]:loc["end"]] == loc["text"] or loc["text"] == ""
            lines = text.split("\n")
            assert lines[loc["line"] - 1][loc["column"] - 1:].startswith(loc["text"].split("\n")[0])
    fingerprints = [f["fingerprint"] for f in document["findings"]]
    assert len(set(fingerprints)) == len(fingerprints)


def test_the_key_order_is_the_documented_one(capsys):
    _code, document = report(capsys, "examples/solar-farm-drift")
    assert list(document) == ["tool", "bundles", "findings"]
    finding = document["findings"][0]
    assert list(finding)[:8] == ["rule", "name", "level", "category", "message", "bundle", "fingerprint", "locations"]
    assert list(finding["locations"][0])[:11] == ["path", "locale", "role", "start", "end", "line", "column",
                                                  "end_line", "end_column", "text", "value"]

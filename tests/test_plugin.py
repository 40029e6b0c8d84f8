"""The pytest plugin (consistency.pytest_plugin), run in throw-away repositories with pytester."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from importlib.metadata import entry_points
from pathlib import Path

import pytest

# pytester's in-process runs drop the modules they imported; importing these here keeps one copy
# (PyYAML's C loader cannot be imported twice in one interpreter) and keeps the compiled extractors.
import consistency.documents.markdown  # noqa: F401, E402
import consistency.match.analysis  # noqa: F401, E402
import consistency.engine.checks.figures  # noqa: F401, E402
import consistency.engine.runner  # noqa: F401, E402
import consistency.report.text  # noqa: F401, E402
import consistency.pytest_plugin  # noqa: F401, E402
import yaml  # noqa: F401, E402

pytest_plugins = ["pytester"]

ROOT = Path(__file__).resolve().parents[1]

EN = "The port will spend $80 billion on new quays.\n\nThe tunnel is 12 kilometers long.\n"
DE = "Der Hafen wird 80 Milliarden Dollar für neue Kais ausgeben.\n\nDer Tunnel ist 12 Kilometer lang.\n"
DE_WRONG = DE.replace("80 Milliarden", "8 Milliarden")
EN_LONGER = EN + ("\nCritics say the quays will mostly serve cruise ships and that the money would be better "
                  "spent on the railway line to the hinterland.\n")

PYPROJECT = """\
[tool.pytest.ini_options]
{ini}

[tool.claim-consistency]
bundles = ["content/{{locale}}/{{path}}.md"]
source-locale = "en"
select = ["QTY001", "QTY002", "DAT001", "COV001", "SUP001"]
{tool}
"""


def _installed() -> bool:
    return any(ep.name == "claim_consistency" for ep in entry_points(group="pytest11"))


#: ``-p consistency.pytest_plugin`` from a checkout; nothing when the entry point is installed
#: (loading the module twice under two names is an error).
PLUGIN = [] if _installed() else ["-p", "consistency.pytest_plugin"]


def site(pytester: pytest.Pytester, *, de: str = DE, en: str = EN, ini: str = "", tool: str = "") -> Path:
    root = pytester.path
    for name, text in {"content/en/harbour.md": en, "content/de/harbour.md": de,
                       "content/en/tunnel.md": EN, "content/de/tunnel.md": DE}.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    (root / "pyproject.toml").write_text(PYPROJECT.format(ini=ini, tool=tool), encoding="utf-8")
    return root


#: plugins the runs do not need (hypothesis alone takes a second to import in every in-process run)
QUIET = ["-p", "no:cacheprovider", "-p", "no:hypothesispytest"]


def run(pytester: pytest.Pytester, *args: str) -> pytest.RunResult:
    return pytester.runpytest(*PLUGIN, *QUIET, *args)


def properties(reprec) -> dict[str, tuple[list[str], dict[str, int], str]]:
    """bundle id -> (rules checked, findings by rule, outcome), from an inline run's call reports."""
    out = {}
    for report in reprec.getreports("pytest_runtest_logreport"):
        if report.when != "call":
            continue
        props = dict(report.user_properties)
        out[report.nodeid.split("::", 1)[1]] = (props["claim_consistency_rules"].split(","),
                                                json.loads(props["claim_consistency_findings"]), report.outcome)
    return out


def inline(pytester: pytest.Pytester, *args: str):
    return pytester.inline_run(*PLUGIN, *QUIET, "--claim-consistency", *args)


def test_agreeing_bundles_pass(pytester):
    site(pytester)
    result = run(pytester, "--claim-consistency", "-v")
    result.assert_outcomes(passed=2)
    result.stdout.fnmatch_lines(["pyproject.toml::harbour PASSED*", "pyproject.toml::tunnel PASSED*"])


def test_drift_fails_with_the_findings_and_no_traceback(pytester):
    site(pytester, de=DE_WRONG)
    result = run(pytester, "--claim-consistency")
    result.assert_outcomes(passed=1, failed=1)
    assert result.ret == pytest.ExitCode.TESTS_FAILED
    result.stdout.fnmatch_lines([
        "*_ harbour _*",
        "content/de/harbour.md:1:16: error QTY001 quantity-mismatch de gives 8 billion USD where en gives 80 billion USD",
        '  deviant    de  "8 Milliarden Dollar"*content/de/harbour.md:1:16',
        '  reference  en  "$80 billion"*content/en/harbour.md:1:*',
        "",
        "1 finding (1 error, 0 warnings, 0 info) in 1 bundle",
        "FAILED pyproject.toml::harbour - content/de/harbour.md:1:16: error*",
    ])
    out = result.stdout.str()
    assert "Traceback" not in out and "pytest_plugin.py" not in out and "raise " not in out


def test_disabled_by_default(pytester):
    site(pytester)
    pytester.makepyfile(test_unit="def test_one():\n    assert True\n")
    result = run(pytester, "--collect-only", "-q")
    result.stdout.fnmatch_lines(["test_unit.py::test_one", "1 test collected*"])
    assert "pyproject.toml::" not in result.stdout.str()


def test_ini_key_enables_and_flag_disables(pytester):
    site(pytester, ini="claim_consistency = true")
    run(pytester, "--collect-only", "-q").stdout.fnmatch_lines(
        ["pyproject.toml::harbour", "pyproject.toml::tunnel", "2 tests collected*"])
    result = run(pytester, "--collect-only", "-q", "--no-claim-consistency")
    assert "pyproject.toml::" not in result.stdout.str()


def test_installed_but_disabled_imports_nothing_heavy(pytester, monkeypatch):
    """Loading the plugin without enabling it must not import the engine, babel or markdown-it."""
    site(pytester)
    pytester.makeconftest(
        "import sys\n"
        "def pytest_sessionfinish(session):\n"
        "    heavy = [m for m in ('consistency.match.analysis', 'consistency.bundles', 'babel', 'markdown_it')"
        " if m in sys.modules]\n"
        "    print('HEAVY', heavy)\n"
    )
    pytester.makepyfile(test_unit="def test_one():\n    assert True\n")
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]))
    result = pytester.runpytest_subprocess(*PLUGIN, *QUIET, "-s")
    result.assert_outcomes(passed=1)
    result.stdout.fnmatch_lines(["*HEAVY []"])


ALL = ["COV001", "DAT001", "QTY001", "QTY002", "SUP001"]


@pytest.mark.parametrize(
    "expr, expected",
    [
        ("", {"harbour": ALL, "tunnel": ALL}),
        ("QTY", {"harbour": ["QTY001", "QTY002"], "tunnel": ["QTY001", "QTY002"]}),
        ("qty001", {"harbour": ["QTY001"], "tunnel": ["QTY001"]}),
        ("quantity", {"harbour": ["QTY001", "QTY002"], "tunnel": ["QTY001", "QTY002"]}),
        ("quantity-mismatch", {"harbour": ["QTY001"], "tunnel": ["QTY001"]}),
        ("coverage and harbour", {"harbour": ["COV001"]}),
        ("tunnel", {"tunnel": ALL}),
        ("not QTY and not COV and tunnel", {"tunnel": ["DAT001", "SUP001"]}),
        ("harbour or QTY002", {"harbour": ALL, "tunnel": ["QTY002"]}),
        ("claim_consistency and DAT", {"harbour": ["DAT001"], "tunnel": ["DAT001"]}),
        ("NOPE", {}),
    ],
)
def test_k_selects_bundles_and_rules(pytester, expr, expected):
    """-k is evaluated per (bundle, rule): an item checks exactly the rules its expression selects."""
    site(pytester)
    reprec = inline(pytester, *(["-k", expr] if expr else []))
    assert {bundle: rules for bundle, (rules, _found, _outcome) in properties(reprec).items()} == expected


def test_k_restricts_what_fails(pytester):
    site(pytester, de=DE_WRONG, en=EN_LONGER, tool='fail-level = "warning"')
    result = run(pytester, "--claim-consistency", "-k", "not COV")
    result.assert_outcomes(passed=1, failed=1)
    assert "QTY001" in result.stdout.str() and "COV001" not in result.stdout.str()
    result = run(pytester, "--claim-consistency", "-k", "COV")
    result.assert_outcomes(passed=1, failed=1)
    assert "COV001" in result.stdout.str() and "QTY001" not in result.stdout.str()
    run(pytester, "--claim-consistency", "-k", "DAT").assert_outcomes(passed=2)


def test_marker_selects_all_items(pytester):
    site(pytester)
    pytester.makepyfile(test_unit="def test_one():\n    assert True\n")
    result = run(pytester, "--claim-consistency", "--collect-only", "-q", "-m", "claim_consistency",
                 "--strict-markers")
    result.stdout.fnmatch_lines(["2/3 tests collected (1 deselected)*"])


def test_node_id_runs_one_item(pytester):
    site(pytester, de=DE_WRONG)
    result = run(pytester, "--claim-consistency", "pyproject.toml::harbour")
    result.assert_outcomes(failed=1)


def test_report_location_is_the_deviant_file(pytester):
    site(pytester, de=DE_WRONG)
    reprec = inline(pytester, "-k", "harbour")
    (report,) = [r for r in reprec.getreports("pytest_runtest_logreport") if r.when == "call"]
    assert report.failed
    assert report.location == (os.path.join("content", "de", "harbour.md"), 0, "harbour")
    assert properties(reprec)["harbour"][1] == {"QTY001": 1}


def test_findings_below_the_fail_level_are_warnings(pytester):
    site(pytester, en=EN_LONGER)
    result = run(pytester, "--claim-consistency")
    result.assert_outcomes(passed=2, warnings=1)
    result.stdout.fnmatch_lines(["*content/de/harbour.md:3: ClaimConsistencyWarning: COV001 missing-passage en blocks 3*"])
    result = run(pytester, "--claim-consistency", "-W", "error::consistency.pytest_plugin.ClaimConsistencyWarning")
    result.assert_outcomes(passed=1, failed=1)


def test_fail_level_from_the_configuration(pytester):
    site(pytester, en=EN_LONGER, tool='fail-level = "warning"')
    result = run(pytester, "--claim-consistency")
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines(["content/de/harbour.md:3:*: warning COV001 missing-passage*"])


def test_baseline_suppresses_accepted_findings(pytester):
    root = site(pytester, de=DE_WRONG)
    from consistency.cli import main

    cwd = os.getcwd()
    os.chdir(root)
    try:
        assert main(["check", "--write-baseline", "baseline.json", "--reason", "the German edition rounds"]) == 0
    finally:
        os.chdir(cwd)
    entries = json.loads((root / "baseline.json").read_text(encoding="utf-8"))["findings"]
    assert [(e["rule"], e["bundle"]) for e in entries] == [("QTY001", "harbour")]
    site(pytester, de=DE_WRONG, tool='baseline = "baseline.json"')
    run(pytester, "--claim-consistency").assert_outcomes(passed=2)
    # the ini key points at a baseline too; an entry that matches nothing is SUP001
    (root / "stale.json").write_text(json.dumps({"version": 1, "findings": [
        dict(entries[0], fingerprint="0" * 20)]}), encoding="utf-8")
    site(pytester, de=DE_WRONG, ini='claim_consistency_baseline = "stale.json"', tool='fail-level = "info"')
    result = run(pytester, "--claim-consistency")
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines(["*: error QTY001 quantity-mismatch*", "*: info SUP001 unused-suppression*",
                                 "FAILED pyproject.toml::harbour*"])


def test_ini_bundle_patterns(pytester):
    root = pytester.path
    for name, text in {"pages/common/port.md": EN, "pages.de/common/port.md": DE_WRONG,
                       "pages/linux/tunnel.md": EN, "pages.de/linux/tunnel.md": DE}.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    pytester.makeini("[pytest]\nclaim_consistency = true\nclaim_consistency_bundles =\n"
                     "    pages/{path}.md=en\n    pages.{locale}/{path}.md\n")
    result = run(pytester, "-k", "QTY001")
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines(["FAILED tox.ini::common/port - pages.de/common/port.md:1:*"])


def test_no_patterns_is_a_usage_error(pytester):
    pytester.makeini("[pytest]\n")
    result = run(pytester, "--claim-consistency")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["*claim-consistency: no bundle patterns*"])


def test_configuration_error_is_a_usage_error(pytester):
    site(pytester, tool='fail-level = "loud"')
    result = run(pytester, "--claim-consistency")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["ERROR: claim-consistency: *fail-level*loud*"])
    assert "Traceback" not in result.stderr.str()


def test_unreadable_version_fails_its_items_with_one_line(pytester):
    root = site(pytester)
    (root / "content/de/tunnel.md").write_bytes(b"\xff\xfe not utf-8\n")
    result = run(pytester, "--claim-consistency", "-k", "tunnel")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["claim-consistency: error: *content/de/tunnel.md*"])
    assert "Traceback" not in result.stdout.str()


def test_collection_is_deterministic(pytester):
    site(pytester)
    first = run(pytester, "--claim-consistency", "--collect-only", "-q").stdout.lines
    second = run(pytester, "--claim-consistency", "--collect-only", "-q", "-p", "no:randomly").stdout.lines
    assert [line for line in first if "::" in line] == [line for line in second if "::" in line]


@pytest.mark.skipif(importlib.util.find_spec("xdist") is None, reason="pytest-xdist is not installed")
def test_works_with_xdist(pytester, monkeypatch):
    site(pytester, de=DE_WRONG)
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]))
    result = pytester.runpytest_subprocess(*PLUGIN, *QUIET, "--claim-consistency", "-n", "2", "-k", "not COV",
                                           timeout=300)
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines(["*content/de/harbour.md:1:16: error QTY001 quantity-mismatch*"])
    assert "Traceback" not in result.stdout.str()


def test_plugin_module_is_importable_without_side_effects():
    code = ("import sys, consistency.pytest_plugin; "
            "print(sorted(m for m in ('consistency.match.analysis', 'consistency.bundles', 'babel', 'yaml') "
            "if m in sys.modules))")
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "[]"

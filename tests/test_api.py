"""``consistency.check(...) -> Report``: the one API the command line, the pytest plugin and the
benchmarks call (issue 9 item 3)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import consistency
from consistency.bundles import Bundle
from consistency.cli import main
from consistency.engine.config import Config
from consistency.model import Level

ROOT = Path(__file__).resolve().parents[1]
DRIFT = [str(ROOT / "examples" / "solar-farm-drift" / f"{tag}.md") for tag in ("en", "de", "ja")]


def test_check_paths_gives_the_findings_and_the_exit_code():
    report = consistency.check(DRIFT, config=Config(), history=False)
    assert sorted({f.rule for f in report.findings}) == ["COV001", "DAT001", "QTY001"]
    assert report.exit_code() == 1 and report.exit_code(Level.ERROR) == 1
    assert report.failing("error") and all(f.level == Level.ERROR for f in report.failing("error"))
    assert [(b.id, [loc for _p, loc in b.versions]) for b in report.bundles] == [("solar-farm-drift", ["en", "de", "ja"])]


def _no_configuration(folder: Path) -> str:
    """An empty configuration file: the defaults, whatever the folder the tests run from holds."""
    (folder / "claim-consistency.toml").write_text("", encoding="utf-8")
    return str(folder / "claim-consistency.toml")


def test_the_command_line_reports_what_the_api_finds(tmp_path, capsys):
    report = consistency.check(DRIFT, config=Config(), history=False)
    code = main(["check", *DRIFT, "--format", "json", "--no-history", "--no-cache", "--config",
                 _no_configuration(tmp_path)])
    cli = json.loads(capsys.readouterr().out)["findings"]
    assert code == report.exit_code()
    assert sorted(f["fingerprint"] for f in cli) == sorted(f.fingerprint for f in report.findings)


def test_bundles_rules_and_an_empty_run(tmp_path):
    (tmp_path / "en.txt").write_text("It is 12 km long.\n", encoding="utf-8")
    (tmp_path / "de.txt").write_text("Sie ist 21 km lang.\n", encoding="utf-8")
    bundle = Bundle(id="tunnel", paths=[str(tmp_path / "en.txt"), str(tmp_path / "de.txt")], locales=["en", "de"])
    rules = Config().load_rules().select(["QTY001"])
    report = consistency.check([bundle], config=Config(), rules=rules, history=False)
    assert [f.rule for f in report.findings] == ["QTY001"] and [r.id for r in report.rules] == ["QTY001"]
    empty = consistency.check([], config=Config(), history=False)
    assert empty.findings == [] and empty.bundles == [] and empty.exit_code() == 0


def test_a_baseline_path_is_applied_and_false_turns_it_off(tmp_path, capsys):
    (tmp_path / "en.txt").write_text("It is 12 km long.\n", encoding="utf-8")
    (tmp_path / "de.txt").write_text("Sie ist 21 km lang.\n", encoding="utf-8")
    paths = [str(tmp_path / "en.txt"), str(tmp_path / "de.txt")]
    baseline = tmp_path / "baseline.json"
    assert main(["check", *paths, "--write-baseline", str(baseline), "--reason", "known", "--no-history",
                 "--no-cache", "--config", _no_configuration(tmp_path)]) == 0
    capsys.readouterr()
    accepted = consistency.check(paths, config=Config(), baseline=baseline, history=False)
    assert accepted.findings == [] and accepted.exit_code() == 0
    assert consistency.check(paths, config=Config(), baseline=False, history=False).exit_code() == 1
    configured = Config(baseline=str(baseline))
    assert consistency.check(paths, config=configured, history=False).findings == []


def test_importing_the_package_stays_cheap():
    """``import consistency`` (a pre-commit hook, the CLI's --version) loads no engine."""
    code = ("import sys, consistency\n"
            "print(sorted(m for m in sys.modules if m.startswith('consistency.')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT).stdout
    assert out.strip() == "[]"

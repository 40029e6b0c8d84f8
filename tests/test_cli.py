"""The command line: exit codes, one-line errors, output contracts (docs/json-output.md).

Error cases run the checkout's ``cli.py`` in a subprocess, so what a user sees
(exit status, stderr) is tested, tracebacks included; the rest runs
``consistency.cli.main`` in-process with ``capsys``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from consistency.cli import main

ROOT = Path(__file__).resolve().parents[1]

EN = (
    "The harbour authority will spend $80 billion on new quays by 2030.\n"
    "\n"
    "Its wind farm already feeds 2 GW into the grid, and the tunnel is 12 kilometers long.\n"
)
DE = (
    "Die Hafenbehörde will bis 2030 insgesamt 80 Milliarden Dollar für neue Kais ausgeben.\n"
    "\n"
    "Ihr Windpark speist bereits 2 GW in das Netz ein, und der Tunnel ist 12 Kilometer lang.\n"
)
#: DE with one wrong figure: QTY001 (error).
DE_WRONG = DE.replace("80 Milliarden", "8 Milliarden")
#: EN with a closing paragraph that DE lacks: COV001 (warning) only.
EN_LONGER = EN + (
    "\n"
    "Critics of the plan say the quays will mostly serve cruise ships and argue that the money would be "
    "better spent on the railway line to the hinterland.\n"
)


def cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """Run the checkout's ``cli.py`` like a user would."""
    return subprocess.run(
        [sys.executable, str(ROOT / "cli.py"), *args],
        cwd=cwd, capture_output=True, text=True, timeout=120,
        env={**os.environ, "CLAIM_CONSISTENCY_DEBUG": "", "NO_COLOR": "1"},
    )


def run(capsys, *args: str) -> tuple[int, str, str]:
    rc = main(list(args))
    out, err = capsys.readouterr()
    return rc, out, err


def assert_one_line_error(proc: subprocess.CompletedProcess) -> None:
    assert proc.returncode == 2, (proc.returncode, proc.stdout, proc.stderr)
    assert "Traceback" not in proc.stderr and "Traceback" not in proc.stdout
    lines = proc.stderr.splitlines()
    assert len(lines) == 1, proc.stderr
    assert lines[0].startswith("claim-consistency: error: "), proc.stderr
    assert len(lines[0]) > len("claim-consistency: error: ")


@pytest.fixture
def pair(tmp_path: Path) -> tuple[Path, Path]:
    en = tmp_path / "article.en.txt"
    de = tmp_path / "article.de.txt"
    en.write_text(EN, encoding="utf-8")
    de.write_text(DE, encoding="utf-8")
    return en, de


# --------------------------------------------------------------------------------------------
# exit code 2: one line on stderr, no traceback
# --------------------------------------------------------------------------------------------


def _setup_error_case(tmp_path: Path, case: str) -> list[str]:
    en = tmp_path / "article.en.txt"
    en.write_text(EN, encoding="utf-8")
    de = tmp_path / "article.de.txt"
    de.write_text(DE, encoding="utf-8")
    if case == "missing file":
        return ["check", str(en), str(tmp_path / "article.fr.txt")]
    if case == "folder with one locale file":
        folder = tmp_path / "bundle"
        folder.mkdir()
        (folder / "en.txt").write_text(EN, encoding="utf-8")
        (folder / "notes.txt").write_text("not a version\n", encoding="utf-8")
        return ["check", str(folder)]
    if case == "empty folder":
        (tmp_path / "empty").mkdir()
        return ["check", str(tmp_path / "empty")]
    if case == "invalid UTF-8":
        bad = tmp_path / "article.fr.txt"
        bad.write_bytes("Le parc produit 2 GW.\n".encode("utf-8") + b"\xff\xfe caf\xe9\n")
        return ["check", str(en), str(bad)]
    if case == "binary file":
        binary = tmp_path / "article.fr.txt"
        binary.write_bytes(b"PK\x03\x04\x00\x00\x00binary\x00\x01\x02")
        return ["check", str(en), str(binary)]
    if case == "UTF-16 file":
        utf16 = tmp_path / "article.fr.txt"
        utf16.write_text("Le parc produit 2 GW.\n", encoding="utf-16")
        return ["check", str(en), str(utf16)]
    if case == "unknown locale":
        plain = tmp_path / "a.txt"
        plain.write_text(DE, encoding="utf-8")
        return ["check", str(en), str(plain), "--locale", f"{plain}=xx-YY"]
    if case == "locale option without tag":
        return ["check", str(en), str(de), "--locale", str(de)]
    if case == "no locale in file name":
        plain = tmp_path / "notes.txt"
        plain.write_text(DE, encoding="utf-8")
        return ["check", str(en), str(plain)]
    if case == "unreadable config (a folder)":
        folder = tmp_path / "claim-consistency.toml"
        folder.mkdir()
        return ["check", str(en), str(de), "--config", str(folder)]
    if case == "missing config":
        return ["check", str(en), str(de), "--config", str(tmp_path / "nope.toml")]
    if case == "invalid TOML config":
        config = tmp_path / "claim-consistency.toml"
        config.write_text("select = [QTY\n", encoding="utf-8")
        return ["check", str(en), str(de), "--config", str(config)]
    if case == "config not UTF-8":
        config = tmp_path / "claim-consistency.toml"
        config.write_bytes(b"select = ['\xff']\n")
        return ["check", str(en), str(de), "--config", str(config)]
    if case == "unknown config key":
        config = tmp_path / "claim-consistency.toml"
        config.write_text('fail_level = "warning"\n', encoding="utf-8")
        return ["check", str(en), str(de), "--config", str(config)]
    if case == "check with one path":
        return ["check", str(en)]
    if case == "check with no path":
        return ["check"]
    if case == "unknown rule selector":
        return ["check", str(en), str(de), "--select", "NOPE999"]
    if case == "source locale not in bundle":
        return ["check", str(en), str(de), "--source", "ja"]
    if case == "unknown format":
        return ["check", str(en), str(de), "--format", "xml"]
    if case == "write-baseline without reason":
        return ["check", str(en), str(de), "--write-baseline", str(tmp_path / "baseline.json")]
    if case == "missing baseline":
        return ["check", str(en), str(de), "--baseline", str(tmp_path / "nope.json")]
    if case == "invalid baseline":
        baseline = tmp_path / "baseline.json"
        baseline.write_text("{not json", encoding="utf-8")
        return ["check", str(en), str(de), "--baseline", str(baseline)]
    if case == "extract missing file":
        return ["extract", str(tmp_path / "gone.de.txt")]
    if case == "extract unknown locale":
        return ["extract", str(de), "--locale", "xx-YY"]
    if case == "unknown rule":
        return ["rule", "NOPE"]
    if case == "unknown command":
        return ["frobnicate"]
    raise AssertionError(case)


ERROR_CASES = [
    "missing file", "folder with one locale file", "empty folder", "invalid UTF-8", "binary file", "UTF-16 file",
    "unknown locale", "locale option without tag", "no locale in file name", "unreadable config (a folder)",
    "missing config", "invalid TOML config", "config not UTF-8", "unknown config key", "check with one path",
    "check with no path", "unknown rule selector", "source locale not in bundle", "unknown format",
    "write-baseline without reason", "missing baseline", "invalid baseline", "extract missing file",
    "extract unknown locale", "unknown rule", "unknown command",
]


@pytest.mark.parametrize("case", ERROR_CASES)
def test_errors_exit_2_with_one_line_on_stderr(tmp_path, case):
    args = _setup_error_case(tmp_path, case)
    proc = cli(*args)
    assert_one_line_error(proc)
    assert proc.stdout == ""


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root can read a mode-000 file")
def test_unreadable_config_file(tmp_path, pair):
    config = tmp_path / "claim-consistency.toml"
    config.write_text('fail-level = "warning"\n', encoding="utf-8")
    config.chmod(0)
    try:
        assert_one_line_error(cli("check", str(pair[0]), str(pair[1]), "--config", str(config)))
    finally:
        config.chmod(0o644)


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root can read a mode-000 file")
def test_unreadable_input_file(tmp_path, pair):
    pair[1].chmod(0)
    try:
        assert_one_line_error(cli("check", str(pair[0]), str(pair[1])))
    finally:
        pair[1].chmod(0o644)


def test_error_messages_name_the_problem(tmp_path):
    """The one line says what is wrong and with which file."""
    missing = cli(*_setup_error_case(tmp_path, "missing file")).stderr
    assert "article.fr.txt" in missing
    locale = cli(*_setup_error_case(tmp_path, "unknown locale")).stderr
    assert "xx-YY" in locale
    rule = cli("rule", "NOPE").stderr
    assert "NOPE" in rule and "QTY001" in rule


def test_no_command_is_a_one_line_usage_error():
    assert_one_line_error(cli())


# --------------------------------------------------------------------------------------------
# inputs are only read
# --------------------------------------------------------------------------------------------


def test_input_files_are_not_modified(tmp_path, capsys):
    en = tmp_path / "article.en.txt"
    de = tmp_path / "article.de.txt"
    en.write_bytes(EN_LONGER.replace("\n", "\r\n").encode("utf-8"))
    de.write_bytes(("\ufeff" + DE_WRONG).encode("utf-8"))
    past = 1_600_000_000
    for path in (en, de):
        os.utime(path, (past, past))
    before = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in (en, de)}
    baseline = tmp_path / "baseline.json"
    for fmt in ("text", "json", "sarif", "github"):
        rc, _, _ = run(capsys, "check", str(en), str(de), "--format", fmt)
        assert rc == 1
    assert run(capsys, "check", str(en), str(de), "--write-baseline", str(baseline), "--reason", "accepted")[0] == 0
    assert run(capsys, "check", str(en), str(de), "--baseline", str(baseline))[0] == 0
    assert run(capsys, "check", str(tmp_path), "--exit-zero")[0] == 0
    for path in (en, de):
        assert run(capsys, "extract", str(path), "--format", "json")[0] == 0
    after = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in (en, de)}
    assert after == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["article.de.txt", "article.en.txt", "baseline.json"]


# --------------------------------------------------------------------------------------------
# extract
# --------------------------------------------------------------------------------------------

EXTRACT_KEYS = {"kind", "start", "end", "text", "value", "low", "high", "unit", "qualifier"}


@pytest.mark.parametrize(
    "name, text",
    [
        ("article.de.txt", DE_WRONG + "\nDer Umsatz stieg um 12,5 Prozent, über sechs Monate, seit Ende 2022.\n"),
        ("article.ja.txt", "マイクロソフトは2025会計年度に800億ドルを投資する。\n\n過去6か月間で2ギガワット以上を撤回した。\n"),
        # CRLF line ends, a byte order mark and characters outside the BMP: offsets are code points
        ("article.en.txt", "\ufeff🚢 The port 🏗️ spends $80 billion.\r\n\r\nIt has 2 GW and 12.5% more ships 🚢.\r\n"),
    ],
)
def test_extract_json_follows_the_contract(tmp_path, capsys, name, text):
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8"))
    rc, out, err = run(capsys, "extract", str(path), "--format", "json")
    assert rc == 0, err
    data = json.loads(out)
    assert {"path", "locale", "claims"} <= set(data)
    assert data["path"] == str(path)
    assert data["locale"] == name.split(".")[1]
    assert data["claims"], "the example states figures"
    decoded = path.read_bytes().decode("utf-8")  # the file's text exactly as stored (BOM, CRLF)
    for c in data["claims"]:
        assert EXTRACT_KEYS <= set(c), sorted(c)
        assert isinstance(c["start"], int) and isinstance(c["end"], int) and 0 <= c["start"] < c["end"]
        assert decoded[c["start"]:c["end"]] == c["text"], c
        assert c["kind"] in {"count", "quantity", "money", "percent", "duration", "date"}
        for key in ("value", "low", "high"):  # decimal strings or null
            assert c[key] is None or isinstance(c[key], str)
        if c["kind"] != "date":
            for key in ("value", "low", "high"):
                if c[key] is not None:
                    float(c[key])
        assert c["unit"] is None or isinstance(c["unit"], str)


def test_extract_json_values_and_units(tmp_path, capsys):
    path = tmp_path / "article.de.txt"
    path.write_text("Es geht um 80 Milliarden Dollar, über 2 Gigawatt und 12,5 Prozent.\n", encoding="utf-8")
    rc, out, _ = run(capsys, "extract", str(path), "--format", "json")
    assert rc == 0
    claims = {c["text"]: c for c in json.loads(out)["claims"]}
    money = claims["80 Milliarden Dollar"]
    assert (money["kind"], money["unit"]) == ("money", "USD")
    assert float(money["value"]) == 8e10
    power = next(c for t, c in claims.items() if "2 Gigawatt" in t)
    assert (power["kind"], power["unit"], power["qualifier"]) == ("quantity", "gigawatt", "more_than")
    assert float(power["low"]) == 2 and power["high"] is None
    percent = claims["12,5 Prozent"]
    assert (percent["kind"], percent["unit"], percent["value"]) == ("percent", "percent", "12.5")


def test_extract_text_and_locale_option(tmp_path, capsys):
    path = tmp_path / "notes.txt"
    path.write_text("Der Park liefert 2 GW.\n", encoding="utf-8")
    rc, out, _ = run(capsys, "extract", str(path), "--locale", "de")
    assert rc == 0
    assert "2 GW" in out and "gigawatt" in out


# --------------------------------------------------------------------------------------------
# rules and rule
# --------------------------------------------------------------------------------------------

RULE_IDS = ["QTY001", "QTY002", "DAT001", "COV001", "SUP001"]


def test_rules_lists_every_rule(capsys):
    rc, out, _ = run(capsys, "rules")
    assert rc == 0
    listed = [line.split()[0] for line in out.splitlines() if line.strip()]
    for rule_id in RULE_IDS:
        assert rule_id in listed
    rc, out, _ = run(capsys, "rules", "--format", "json")
    assert rc == 0
    rules = {r["id"]: r for r in json.loads(out)}
    assert set(RULE_IDS) <= set(rules)
    assert rules["QTY001"]["name"] == "quantity-mismatch"
    assert rules["COV001"]["category"] == "coverage"


def test_rule_prints_its_documentation(capsys):
    rc, out, _ = run(capsys, "rule", "QTY001")
    assert rc == 0
    for heading in ("What it does", "Why it matters", "Example"):
        assert heading in out
    assert out.index("What it does") < out.index("Why it matters") < out.index("Example")


def test_unknown_rule_exits_2(capsys):
    rc, out, err = run(capsys, "rule", "NOPE")
    assert rc == 2
    assert out == ""
    assert err.startswith("claim-consistency: error:") and len(err.splitlines()) == 1


# --------------------------------------------------------------------------------------------
# check: formats, levels, selection, baseline
# --------------------------------------------------------------------------------------------


def _wrong_pair(tmp_path: Path) -> tuple[str, str]:
    en = tmp_path / "article.en.txt"
    de = tmp_path / "article.de.txt"
    en.write_text(EN, encoding="utf-8")
    de.write_text(DE_WRONG, encoding="utf-8")
    return str(en), str(de)


def _warning_pair(tmp_path: Path) -> tuple[str, str]:
    en = tmp_path / "article.en.txt"
    de = tmp_path / "article.de.txt"
    en.write_text(EN_LONGER, encoding="utf-8")
    de.write_text(DE, encoding="utf-8")
    return str(en), str(de)


def test_agreeing_versions_exit_0(capsys, pair):
    rc, out, _ = run(capsys, "check", str(pair[0]), str(pair[1]), "--format", "json")
    assert rc == 0
    data = json.loads(out)
    assert data["findings"] == []
    assert data["tool"]["name"] == "claim-consistency"
    assert data["bundles"][0]["versions"] == [{"path": str(pair[0]), "locale": "en"},
                                              {"path": str(pair[1]), "locale": "de"}]


def test_check_json_follows_the_contract(tmp_path, capsys):
    en, de = _wrong_pair(tmp_path)
    rc, out, _ = run(capsys, "check", en, de, "--format", "json")
    assert rc == 1
    data = json.loads(out)
    (finding,) = data["findings"]
    assert {"rule", "name", "level", "category", "message", "bundle", "fingerprint", "locations"} <= set(finding)
    assert (finding["rule"], finding["name"], finding["level"], finding["category"]) == \
        ("QTY001", "quantity-mismatch", "error", "quantity")
    deviant = finding["locations"][0]
    assert deviant["role"] == "deviant" and deviant["locale"] == "de"
    text = Path(de).read_text(encoding="utf-8")
    assert text[deviant["start"]:deviant["end"]] == deviant["text"] == "8 Milliarden Dollar"
    lines = text.splitlines(keepends=True)
    assert deviant["line"] == 1 and deviant["column"] == text.index("8 Milliarden") + 1
    assert len(lines[deviant["end_line"] - 1]) >= deviant["end_column"] - 1
    reference = finding["locations"][1]
    assert (reference["role"], reference["locale"], reference["text"]) == ("reference", "en", "$80 billion")


def test_sarif_is_valid_json_version_2_1_0(tmp_path, capsys):
    en, de = _wrong_pair(tmp_path)
    rc, out, _ = run(capsys, "check", en, de, "--format", "sarif")
    assert rc == 1
    sarif = json.loads(out)
    assert sarif["version"] == "2.1.0"
    (run_,) = sarif["runs"]
    assert run_["tool"]["driver"]["name"] == "claim-consistency"
    assert {r["id"] for r in run_["tool"]["driver"]["rules"]} >= {"QTY001"}
    (result,) = run_["results"]
    assert result["ruleId"] == "QTY001"
    region = result["locations"][0]["physicalLocation"]["region"]
    assert region["startLine"] == 1
    assert result.get("relatedLocations"), "the reference version is a related location"
    assert run_.get("columnKind") == "unicodeCodePoints"


def test_sarif_without_findings_is_valid(capsys, pair):
    rc, out, _ = run(capsys, "check", str(pair[0]), str(pair[1]), "--format", "sarif")
    assert rc == 0
    sarif = json.loads(out)
    assert sarif["version"] == "2.1.0" and sarif["runs"][0]["results"] == []


def test_github_format_lines_are_workflow_commands(tmp_path, capsys):
    en, de = _wrong_pair(tmp_path)
    rc, out, _ = run(capsys, "check", en, de, "--format", "github")
    assert rc == 1
    lines = [line for line in out.splitlines() if line]
    assert lines
    for line in lines:
        assert line.startswith("::"), line
    assert lines[0].startswith("::error ")
    assert f"file={de}" in lines[0]


def test_fail_level_and_exit_zero(tmp_path, capsys):
    en, de = _warning_pair(tmp_path)
    rc, out, _ = run(capsys, "check", en, de, "--format", "json")
    findings = json.loads(out)["findings"]
    assert findings and {f["level"] for f in findings} == {"warning"}
    assert rc == 0, "warnings alone do not fail at the default level (error)"
    assert run(capsys, "check", en, de, "--fail-level", "warning")[0] == 1
    assert run(capsys, "check", en, de, "--fail-level", "info")[0] == 1
    assert run(capsys, "check", en, de, "--fail-level", "warning", "--exit-zero")[0] == 0
    en_w, de_w = _wrong_pair(tmp_path)
    assert run(capsys, "check", en_w, de_w)[0] == 1
    assert run(capsys, "check", en_w, de_w, "--exit-zero")[0] == 0


def test_select_restricts_the_rules(tmp_path, capsys):
    en = tmp_path / "article.en.txt"
    de = tmp_path / "article.de.txt"
    en.write_text(EN_LONGER, encoding="utf-8")
    de.write_text(DE_WRONG, encoding="utf-8")
    rc, out, _ = run(capsys, "check", str(en), str(de), "--format", "json")
    assert {f["rule"] for f in json.loads(out)["findings"]} == {"QTY001", "COV001"}
    rc, out, _ = run(capsys, "check", str(en), str(de), "--format", "json", "--select", "QTY")
    assert rc == 1
    assert {f["rule"] for f in json.loads(out)["findings"]} == {"QTY001"}
    rc, out, _ = run(capsys, "check", str(en), str(de), "--format", "json", "--select", "COV")
    assert rc == 0
    assert {f["rule"] for f in json.loads(out)["findings"]} == {"COV001"}
    rc, out, _ = run(capsys, "check", str(en), str(de), "--format", "json", "--select", "missing-passage")
    assert {f["rule"] for f in json.loads(out)["findings"]} == {"COV001"}
    rc, out, _ = run(capsys, "check", str(en), str(de), "--format", "json", "--ignore", "QTY001")
    assert {f["rule"] for f in json.loads(out)["findings"]} == {"COV001"}


def test_baseline_suppresses_the_accepted_findings(tmp_path, capsys):
    en = tmp_path / "article.en.txt"
    de = tmp_path / "article.de.txt"
    en.write_text(EN_LONGER, encoding="utf-8")
    de.write_text(DE_WRONG, encoding="utf-8")
    baseline = tmp_path / "baseline.json"
    rc, out, err = run(capsys, "check", str(en), str(de), "--write-baseline", str(baseline), "--reason", "accepted")
    assert rc == 0, err
    assert baseline.is_file()
    saved = json.loads(baseline.read_text(encoding="utf-8"))
    assert "accepted" in json.dumps(saved)
    rc, out, _ = run(capsys, "check", str(en), str(de), "--baseline", str(baseline), "--format", "json")
    assert rc == 0
    assert json.loads(out)["findings"] == []
    # a new mistake is still reported
    de.write_text(DE_WRONG.replace("12 Kilometer", "120 Kilometer"), encoding="utf-8")
    rc, out, _ = run(capsys, "check", str(en), str(de), "--baseline", str(baseline), "--format", "json")
    assert rc == 1
    new = json.loads(out)["findings"]
    assert [f["locations"][0]["text"] for f in new if f["rule"] == "QTY001"] == ["120 Kilometer"]


def test_a_folder_of_locale_files_is_one_bundle(tmp_path, capsys):
    folder = tmp_path / "harbour"
    folder.mkdir()
    (folder / "en.txt").write_text(EN, encoding="utf-8")
    (folder / "de.txt").write_text(DE_WRONG, encoding="utf-8")
    rc, out, _ = run(capsys, "check", str(folder), "--format", "json")
    assert rc == 1
    data = json.loads(out)
    assert data["bundles"][0]["id"] == "harbour"
    assert [f["rule"] for f in data["findings"]] == ["QTY001"]


# --------------------------------------------------------------------------------------------
# entry points
# --------------------------------------------------------------------------------------------


def test_python_m_consistency_version():
    proc = subprocess.run([sys.executable, "-m", "consistency", "--version"], cwd=ROOT,
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "claim-consistency 0.1.0"


def test_checkout_shim_runs_check(tmp_path):
    en, de = _wrong_pair(tmp_path)
    proc = cli("check", en, de)
    assert proc.returncode == 1
    assert "QTY001" in proc.stdout
    assert proc.stderr == ""


def test_extract_lists_names_and_quotations_with_their_speakers(tmp_path, capsys):
    path = tmp_path / "article.en.txt"
    text = ("Microsoft's Noelle Walsh spoke in New York.\n\n"
            "Analyst Michael Elias said: \"We see no slowdown in demand for data centres at all.\"\n\n"
            "The startup called its model \"Command R\".\n")
    path.write_text(text, encoding="utf-8")
    rc, out, err = run(capsys, "extract", str(path), "--format", "json")
    assert rc == 0, err
    data = json.loads(out)
    names = {n["text"]: n for n in data["names"]}
    assert {"Microsoft", "Noelle Walsh", "New York", "Michael Elias"} <= set(names)
    assert names["Microsoft"]["entity"] == "vocab:microsoft"
    for n in data["names"]:
        assert text[n["start"]:n["end"]] == n["text"]
    speech = [q for q in data["quotes"] if q["kind"] == "speech"]
    assert [(q["content"], q["speaker"]) for q in speech] == [
        ("We see no slowdown in demand for data centres at all.", "Michael Elias")]
    assert [q["content"] for q in data["quotes"] if q["kind"] == "other"] == ["Command R"]
    rc, out, _ = run(capsys, "extract", str(path))
    assert rc == 0 and "← Michael Elias" in out and out.rstrip().endswith("(en)")


def test_statistics_counts_findings_per_rule_and_deviant_locale(capsys):
    from pathlib import Path

    from consistency.cli import main as cli_main

    drift = Path(__file__).resolve().parents[1] / "examples" / "solar-farm-drift"
    code = cli_main(["check", str(drift), "--statistics"])
    out = capsys.readouterr().out.splitlines()
    assert code == 1  # the exit code still follows the findings
    assert out[0].split()[:3] == ["3", "QTY001", "quantity-mismatch"] and "(de 2, en 1)" in out[0]
    assert out[-1] == "5 findings"

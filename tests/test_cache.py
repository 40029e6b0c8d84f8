"""The result cache (consistency/cache.py): an unchanged bundle is answered from the cache with
the same findings; anything its result depends on changes the key; the cache never breaks a check."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from consistency.cache import open_cache
from consistency.cli import main

ROOT = Path(__file__).resolve().parents[1]
DRIFT = ROOT / "examples" / "solar-farm-drift"


@pytest.fixture
def cache_dir(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.delenv("CLAIM_CONSISTENCY_NO_CACHE", raising=False)
    monkeypatch.setenv("CLAIM_CONSISTENCY_CACHE_DIR", str(folder))
    return folder


@pytest.fixture
def bundle(tmp_path) -> Path:
    folder = tmp_path / "article"
    shutil.copytree(DRIFT, folder)
    return folder


def entries(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.pickle"))


def check(capsys, *argv: str) -> tuple[int, list[dict]]:
    code = main(["check", *argv, "--format", "json"])
    out, err = capsys.readouterr()
    assert out, err
    return code, json.loads(out)["findings"]


def test_a_second_run_is_answered_from_the_cache_with_the_same_findings(cache_dir, bundle, capsys, monkeypatch):
    first = check(capsys, str(bundle))
    assert len(entries(cache_dir)) == 1
    import consistency.engine.runner as runner

    def fail(*_a, **_k):
        raise AssertionError("an unchanged bundle was checked again")

    monkeypatch.setattr(runner, "check_one", fail)
    assert check(capsys, str(bundle)) == first


def test_an_edited_version_is_checked_again(cache_dir, bundle, capsys):
    code, findings = check(capsys, str(bundle))
    assert code == 1 and any(f["rule"] == "QTY001" for f in findings)
    de = bundle / "de.md"
    de.write_text(de.read_text(encoding="utf-8").replace("neun Monate", "sechs Monate"), encoding="utf-8")
    _code, after = check(capsys, str(bundle))
    assert len(after) == len(findings) - 1
    assert not any("neun Monate" in loc["text"] for f in after for loc in f["locations"])
    assert len(entries(cache_dir)) == 2


def test_the_rules_and_their_options_are_part_of_the_key(cache_dir, bundle, capsys, tmp_path):
    check(capsys, str(bundle))
    _code, selected = check(capsys, str(bundle), "--select", "QTY001")
    assert {f["rule"] for f in selected} == {"QTY001"}
    config = tmp_path / "claim-consistency.toml"
    config.write_text('[per-rule-levels]\nQTY001 = "info"\n', encoding="utf-8")
    _code, relevelled = check(capsys, str(bundle), "--config", str(config))
    assert {f["level"] for f in relevelled if f["rule"] == "QTY001"} == {"info"}
    assert len(entries(cache_dir)) == 3


def test_no_cache_writes_nothing(cache_dir, bundle, capsys):
    check(capsys, str(bundle), "--no-cache")
    assert entries(cache_dir) == []


def test_a_damaged_entry_is_a_miss(cache_dir, bundle, capsys):
    first = check(capsys, str(bundle))
    for entry in entries(cache_dir):
        entry.write_bytes(b"not a pickle")
    assert check(capsys, str(bundle)) == first


def test_a_cache_folder_that_cannot_be_made_does_not_stop_the_check(tmp_path, bundle, capsys, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.delenv("CLAIM_CONSISTENCY_NO_CACHE", raising=False)
    monkeypatch.setenv("CLAIM_CONSISTENCY_CACHE_DIR", str(blocker / "cache"))
    code, findings = check(capsys, str(bundle))
    assert code == 1 and findings
    assert open_cache(rules=[]) is None


def test_the_environment_switch_turns_it_off(cache_dir, monkeypatch):
    monkeypatch.setenv("CLAIM_CONSISTENCY_NO_CACHE", "1")
    assert open_cache(rules=[]) is None


@pytest.mark.history
@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_a_new_commit_changes_the_key_when_the_history_is_read(cache_dir, bundle, capsys, monkeypatch):
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}

    def git(*args: str) -> None:
        subprocess.run(["git", "-C", str(bundle), *args], check=True, capture_output=True, env=env)

    git("init", "-q")
    git("add", ".")
    git("commit", "-q", "-m", "first")
    check(capsys, str(bundle))
    git("commit", "-q", "--allow-empty", "-m", "second")
    import consistency.history as history

    monkeypatch.setattr(history, "_head", history._head.__wrapped__)  # a new process would ask git again
    check(capsys, str(bundle))
    assert len(entries(cache_dir)) == 2
    check(capsys, str(bundle), "--no-history")
    assert len(entries(cache_dir)) == 3

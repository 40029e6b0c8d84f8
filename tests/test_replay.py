"""Replay of an unchanged check (consistency/replay.py): a second identical command prints the same
report and exit code without importing the engine, and anything the first run read that changes
(a version's text, a file added to its folder, a configuration file created, the repository's
HEAD, the options, the environment) makes the command run again.  Each run is a new process, as a
pre-commit hook's is; ``-X importtime`` tells a replay (no ``consistency.engine``) from a check."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DRIFT = ROOT / "examples" / "solar-farm-drift"
PAST = time.time() - 60  # the replay does not trust files modified in the two seconds before a run


def age(*paths: Path) -> None:
    """Give files and folders a modification time a minute ago (as files a user edited earlier)."""
    for path in paths:
        for p in [path, *path.rglob("*")] if path.is_dir() else [path]:
            os.utime(p, (PAST, PAST))


@pytest.fixture
def env(tmp_path, monkeypatch) -> dict[str, str]:
    environ = {k: v for k, v in os.environ.items() if k not in ("CLAIM_CONSISTENCY_NO_CACHE",)}
    environ.update(CLAIM_CONSISTENCY_CACHE_DIR=str(tmp_path / "cache"), CLAIM_CONSISTENCY_NO_NOTES="1",
                   PYTHONPATH=str(ROOT))
    return environ


@pytest.fixture
def article(tmp_path) -> Path:
    folder = tmp_path / "work" / "article"
    shutil.copytree(DRIFT, folder)
    age(tmp_path / "work")
    return folder


def check(cwd: Path, env: dict[str, str], *args: str) -> tuple[subprocess.CompletedProcess, bool]:
    """Run ``claim-consistency check ARGS`` in a new process; also say whether it was replayed."""
    proc = subprocess.run([sys.executable, "-X", "importtime", "-m", "consistency", "check", *args],
                          cwd=cwd, env=env, capture_output=True, text=True, timeout=300)
    replayed = "consistency.replay" in proc.stderr and "consistency.engine" not in proc.stderr
    proc.stderr = "".join(line + "\n" for line in proc.stderr.splitlines() if not line.startswith("import time:"))
    return proc, replayed


def runs(env: dict[str, str]) -> list[Path]:
    return sorted((Path(env["CLAIM_CONSISTENCY_CACHE_DIR"]) / "runs").rglob("*"))


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "github"])
def test_an_unchanged_check_is_replayed_with_its_report_and_exit_code(article, env, fmt):
    first, replayed = check(article.parent, env, "--no-history", "--format", fmt, "article")
    assert first.returncode == 1 and not replayed, first.stderr
    assert "800" in first.stdout
    second, replayed = check(article.parent, env, "--no-history", "--format", fmt, "article")
    assert replayed
    assert (second.returncode, second.stdout, second.stderr) == (first.returncode, first.stdout, first.stderr)


def test_a_changed_figure_is_checked_again(article, env):
    first, _ = check(article.parent, env, "--no-history", "article")
    de = article / "de.md"
    de.write_text(de.read_text(encoding="utf-8").replace("800 Millionen", "8 Milliarden"), encoding="utf-8")
    age(de)  # the same time as before: the content decides, not the clock
    second, replayed = check(article.parent, env, "--no-history", "article")
    assert not replayed
    assert second.stdout != first.stdout and "800 million EUR" not in second.stdout
    third, replayed = check(article.parent, env, "--no-history", "article")
    assert replayed and third.stdout == second.stdout


def test_a_file_added_to_the_folder_is_checked_again(article, env):
    check(article.parent, env, "--no-history", "article")
    shutil.copy(article / "en.md", article / "en-GB.md")
    age(article)
    second, replayed = check(article.parent, env, "--no-history", "article")
    assert not replayed
    assert "en-GB" in second.stdout


def test_a_configuration_file_created_later_is_read(article, env):
    first, _ = check(article.parent, env, "--no-history", "article")
    assert "QTY001" in first.stdout
    config = article.parent.parent / "claim-consistency.toml"  # in a folder above: found, never listed
    config.write_text('ignore = ["QTY001"]\n', encoding="utf-8")
    age(config, article.parent.parent)
    second, replayed = check(article.parent, env, "--no-history", "article")
    assert not replayed and "QTY001" not in second.stdout


def test_options_and_environment_are_part_of_the_key(article, env):
    check(article.parent, env, "--no-history", "article")
    other, replayed = check(article.parent, env, "--no-history", "--select", "DAT", "article")
    assert not replayed and "QTY001" not in other.stdout
    _, replayed = check(article.parent, {**env, "NO_COLOR": "1"}, "--no-history", "article")
    assert not replayed


def test_no_cache_stores_and_reads_nothing(article, env):
    proc, _ = check(article.parent, env, "--no-history", "--no-cache", "article")
    assert proc.returncode == 1
    _, replayed = check(article.parent, env, "--no-history", "--no-c", "article")  # argparse's prefix
    assert not replayed and runs(env) == []


def test_errors_and_reports_written_to_files_are_not_stored(article, env, tmp_path):
    proc, _ = check(article.parent, env, "--no-history", "article/missing.md", "article/en.md")
    assert proc.returncode == 2
    proc, _ = check(article.parent, env, "--no-history", "-o", str(tmp_path / "report.txt"), "article")
    assert proc.returncode == 1 and (tmp_path / "report.txt").exists()
    assert runs(env) == []
    (tmp_path / "report.txt").unlink()
    _, replayed = check(article.parent, env, "--no-history", "-o", str(tmp_path / "report.txt"), "article")
    assert not replayed and (tmp_path / "report.txt").exists()


def test_a_damaged_entry_is_a_miss(article, env):
    first, _ = check(article.parent, env, "--no-history", "article")
    for entry in runs(env):
        if entry.is_file():
            entry.write_bytes(b"\x00not an entry")
    second, replayed = check(article.parent, env, "--no-history", "article")
    assert not replayed and (second.returncode, second.stdout) == (first.returncode, first.stdout)


def test_a_file_modified_just_before_the_run_is_not_trusted(tmp_path, env):
    folder = tmp_path / "fresh"
    shutil.copytree(DRIFT, folder)  # modified now: a coarse clock could not tell a later edit from it
    check(tmp_path, env, "--no-history", "fresh")
    assert runs(env) == []


@pytest.mark.history
@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_new_commit_is_a_new_history(article, env, jobs):
    repo = article.parent

    def git(*args: str) -> None:
        subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True,
                       env={**env, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
                            "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"})

    git("init", "-q")
    git("add", ".")
    git("commit", "-q", "-m", "first")
    age(repo)
    first, replayed = check(repo, env, "--jobs", jobs, "article")
    assert first.returncode == 1 and not replayed
    _, replayed = check(repo, env, "--jobs", jobs, "article")
    assert replayed
    git("commit", "-q", "--allow-empty", "-m", "second")  # no file changes: only HEAD moves
    age(repo)
    _, replayed = check(repo, env, "--jobs", jobs, "article")
    assert not replayed


def test_an_edited_module_of_the_tool_is_a_new_tool(tmp_path, article, env):
    tool = tmp_path / "tool"
    shutil.copytree(ROOT / "consistency", tool / "consistency", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "rules", tool / "rules")
    age(tool)
    env = {**env, "PYTHONPATH": str(tool)}
    check(article.parent, env, "--no-history", "article")
    _, replayed = check(article.parent, env, "--no-history", "article")
    assert replayed
    # a module this run did not import: --jobs workers may import what the parent did not
    module = tool / "consistency" / "engine" / "distributed.py"
    module.write_text(module.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    _, replayed = check(article.parent, env, "--no-history", "article")
    assert not replayed

"""The project's own lint settings hold: [tool.ruff] in pyproject.toml for the whole tree (pyflakes:
undefined names, unused imports; pycodestyle; bugbear) and [tool.mypy] for the package."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def test_ruff_finds_nothing():
    ruff = shutil.which("ruff") or str(Path(sys.executable).with_name("ruff"))
    if not Path(ruff).exists():
        pytest.skip("ruff is not installed (pip install -e '.[test]' installs it)")
    result = subprocess.run([ruff, "check", "--no-cache", "--output-format", "concise", "."], cwd=ROOT,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_finds_nothing(tmp_path):
    """The type checker, as configured, is clean on the package (its cache goes to a temporary
    folder: the test command writes nothing into the tree)."""
    pytest.importorskip("mypy", reason="mypy is not installed (pip install -e '.[test]' installs it)")
    result = subprocess.run([sys.executable, "-m", "mypy", "--cache-dir", str(tmp_path / "mypy-cache")], cwd=ROOT,
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_test_command_writes_no_hypothesis_folder_into_the_tree():
    """Hypothesis stores its constants cache (and any database) under its home folder."""
    from hypothesis.configuration import storage_directory

    where = storage_directory("constants")
    home = Path(getattr(where, "path", where)).resolve()  # a StorageDirectory in hypothesis >= 6.13x
    assert ROOT not in home.parents, home

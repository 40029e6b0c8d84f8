"""Shared fixtures: where the shared corpus is, and a skip when it is absent; no notes about
optional extras on stderr."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"


@pytest.fixture(scope="session")
def corpus() -> Path:
    """``../shared/corpus`` beside the project; tests that need it skip when it is absent."""
    if not CORPUS.is_dir():
        pytest.skip(f"the shared corpus is not present at {CORPUS} (only CI and developers have it)")
    return CORPUS


@pytest.fixture(autouse=True)
def _no_notes_about_extras(monkeypatch):
    """Without this, what ``check`` writes on stderr would depend on the optional extras this
    machine has (the note about ``claim-consistency[ja]``); tests/test_foreign.py turns the
    note back on where it tests it."""
    monkeypatch.setenv("CLAIM_CONSISTENCY_NO_NOTES", "1")

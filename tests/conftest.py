"""Shared fixtures: where the shared corpus is, and a skip when it is absent; no notes about
optional extras on stderr."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from hypothesis.configuration import set_hypothesis_home_dir
from hypothesis.database import DirectoryBasedExampleDatabase

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"

# Hypothesis profiles.  "ci" is the default (the README's test command and .ci/run): the
# examples are derived from each test's source (derandomize), nothing is replayed from an
# example database and nothing is written into the working tree, so two runs on any machine
# test the same inputs and give the same result.  "fuzz" is for developers before they stop:
# random inputs, many more of them, failures kept outside the tree so they replay until fixed:
#     python -m pytest -q -p no:cacheprovider --hypothesis-profile=fuzz -m "not corpus"
# Hypothesis keeps a cache of the constants it finds in the code under test (`.hypothesis/constants`)
# in the current folder; kept outside the working tree, so the test command writes nothing there.
set_hypothesis_home_dir(os.path.join(tempfile.gettempdir(), "claim-consistency-hypothesis-home"))

settings.register_profile(
    "ci",
    derandomize=True,
    database=None,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "fuzz",
    derandomize=False,
    database=DirectoryBasedExampleDatabase(
        os.path.join(tempfile.gettempdir(), "claim-consistency-hypothesis")
    ),
    deadline=None,
    max_examples=5000,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile(os.environ.get("CLAIM_CONSISTENCY_HYPOTHESIS_PROFILE", "ci"))


def pytest_sessionstart(session: pytest.Session) -> None:
    """A derandomized run draws no constants from the project's own modules.

    Hypothesis (6.131 and later) mixes into its inputs the literals of every local module loaded so
    far: which ones depends on the order the tests ran in, and under pytest-xdist on which worker
    ran which test, so the same command tested different inputs from run to run (a PO catalogue
    whose msgid was the loader's own ``"translator_credits"`` appeared in one run in three).  The
    "ci" profile keeps the set empty, as it is before the first draw; "fuzz" keeps the feature.
    Without that internal (another Hypothesis version) nothing is changed."""
    if not settings().derandomize:
        return
    try:
        from hypothesis.internal.conjecture import providers
    except ImportError:  # pragma: no cover - another Hypothesis version
        return
    if hasattr(providers, "_get_local_constants") and hasattr(providers, "_local_constants") \
            and len(providers._local_constants) == 0:
        empty = providers._local_constants
        providers._get_local_constants = lambda: empty


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


@pytest.fixture(autouse=True)
def _no_history_unless_asked(request, monkeypatch):
    """What ``check`` reports would otherwise depend on how this checkout was cloned: the
    examples' history lines name the commit that last changed them, which a shallow clone
    does not have.  Tests of the history mark themselves ``@pytest.mark.history``."""
    if request.node.get_closest_marker("history") is None:
        monkeypatch.setenv("CLAIM_CONSISTENCY_NO_HISTORY", "1")
    else:
        monkeypatch.delenv("CLAIM_CONSISTENCY_NO_HISTORY", raising=False)


@pytest.fixture(autouse=True)
def _no_result_cache(monkeypatch):
    """Tests check, they do not reuse results: a test that patches the extractor must not be
    answered from an earlier test's entry, and nothing is written into the user's cache folder.
    tests/test_cache.py turns the cache on in a temporary folder."""
    monkeypatch.setenv("CLAIM_CONSISTENCY_NO_CACHE", "1")

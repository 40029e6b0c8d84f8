"""The test command's Hypothesis profile is deterministic (tests/conftest.py)."""

from __future__ import annotations

import importlib

import pytest
from hypothesis import settings


def test_a_derandomized_run_draws_no_constants_from_the_project():
    """Hypothesis mixes the literals of the project's loaded modules into its inputs, and which
    modules are loaded depends on the order the tests ran in: the "ci" profile keeps that set
    empty, so the same command tests the same inputs on every run and every worker."""
    if not settings().derandomize:
        pytest.skip("the fuzz profile keeps Hypothesis's constants from the code under test")
    providers = pytest.importorskip("hypothesis.internal.conjecture.providers")
    if not hasattr(providers, "_get_local_constants"):
        pytest.skip("this Hypothesis version draws no constants from the code under test")
    importlib.import_module("consistency.documents.po")  # holds "translator_credits"
    assert len(providers._get_local_constants()) == 0

"""Fingerprints and the baseline of accepted findings."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from consistency.engine.baseline import (
    Baseline,
    BaselineEntry,
    fingerprint,
    load_baseline,
    text_key,
    write_baseline,
)
from consistency.errors import ConfigError
from consistency.model import Finding, Level, Location


def _finding(rule: str, bundle: str, locales: list[str], key: str, *, line: int = 3) -> Finding:
    location = Location(
        path=f"{bundle}.{locales[0]}.md", locale=locales[0], role="deviant", start=10, end=14,
        line=line, column=5, end_line=line, end_column=9, text="4年", value=key,
    )
    return Finding(
        rule=rule, name="quantity-mismatch", level=Level.ERROR, category="quantity",
        message="m", bundle=bundle, fingerprint=fingerprint(rule, bundle, locales, key), locations=(location,),
    )


# --------------------------------------------------------------------------- fingerprints


def test_fingerprint_shape_and_pinned_value() -> None:
    value = fingerprint("QTY001", "article", ["de", "ja"], "8E+10 USD")
    assert re.fullmatch(r"[0-9a-f]{20}", value)
    # Pinned: changing the algorithm would invalidate every user's baseline.
    assert value == PINNED


PINNED = "79698ad990fbeed9c2c1"


def test_fingerprint_algorithm_is_stable() -> None:
    import hashlib

    payload = "\x1f".join(("v1", "QTY001", "article", "de,ja", "8E+10 USD"))
    assert PINNED == hashlib.sha256(payload.encode()).hexdigest()[:20]


def test_fingerprint_ignores_locale_order_duplicates_and_spacing() -> None:
    base = fingerprint("QTY001", "article", ["ja", "de", "en"], "8E+10 USD")
    assert fingerprint("QTY001", "article", ["en", "de", "ja", "de"], " 8E+10   USD ") == base


@pytest.mark.parametrize(
    "args",
    [
        ("QTY002", "article", ["ja", "de", "en"], "8E+10 USD"),
        ("QTY001", "article-2", ["ja", "de", "en"], "8E+10 USD"),
        ("QTY001", "article", ["ja", "de"], "8E+10 USD"),
        ("QTY001", "article", ["ja", "de", "en"], "8E+9 USD"),
    ],
)
def test_fingerprint_changes_with_each_part(args) -> None:
    assert fingerprint(*args) != fingerprint("QTY001", "article", ["ja", "de", "en"], "8E+10 USD")


def test_fields_cannot_run_together() -> None:
    assert fingerprint("QTY001", "ab", ["c"], "d") != fingerprint("QTY001", "a", ["bc"], "d")


@given(st.lists(st.sampled_from(["ja", "de", "en", "fr", "zh-Hans"]), min_size=1), st.randoms())
def test_fingerprint_is_permutation_invariant(locales, rnd) -> None:
    shuffled = list(locales)
    rnd.shuffle(shuffled)
    assert fingerprint("COV001", "b", locales, "k") == fingerprint("COV001", "b", shuffled, "k")


def test_text_key() -> None:
    key = text_key("The mayor also announced a free bus pass.")
    assert key.startswith("text:") and len(key) == 21
    assert text_key("the mayor also  announced\na free bus pass") == key
    assert text_key("“The mayor also announced a free bus pass”") == key
    assert text_key("The mayor also announced a free tram pass.") != key
    assert text_key("ＡＢＣ１２３") == text_key("abc123")  # NFKC + casefold


# --------------------------------------------------------------------------- loading


def _write(path: Path, data) -> Path:
    path.write_text(data if isinstance(data, str) else json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_load(tmp_path: Path) -> None:
    file = _write(
        tmp_path / "baseline.json",
        {"version": 1, "findings": [
            {"fingerprint": "a" * 20, "rule": "QTY001", "bundle": "article", "reason": " rounded on purpose "},
        ]},
    )
    baseline = load_baseline(file)
    assert baseline.entries == (BaselineEntry("a" * 20, "QTY001", "article", "rounded on purpose"),)
    assert "a" * 20 in baseline and len(baseline) == 1 and baseline.path == file


@pytest.mark.parametrize(
    ("content", "match"),
    [
        ('{"version": 1,\n "findings": [\n  {"fingerprint": }\n]}', r":3:\d+: invalid JSON in baseline"),
        ("[]", "must be a JSON object"),
        ({"version": 2, "findings": []}, "unsupported baseline version 2"),
        ({"findings": []}, "unsupported baseline version None"),
        ({"version": 1, "findings": {}}, "'findings' must be a list"),
        ({"version": 1, "findings": ["x"]}, r"findings\[0\] must be an object"),
        ({"version": 1, "findings": [{"fingerprint": "f", "rule": "QTY001", "bundle": "b"}]},
         r"findings\[0\]: 'reason' is missing; every accepted finding needs a reason"),
        ({"version": 1, "findings": [{"fingerprint": "f", "rule": "QTY001", "bundle": "b", "reason": "  "}]},
         r"'reason' is not a non-empty string"),
        ({"version": 1, "findings": [{"rule": "QTY001", "bundle": "b", "reason": "ok"}]},
         r"'fingerprint' is missing"),
    ],
)
def test_load_errors_are_one_line(tmp_path: Path, content, match: str) -> None:
    file = _write(tmp_path / "baseline.json", content)
    with pytest.raises(ConfigError, match=match) as info:
        load_baseline(file)
    message = str(info.value)
    assert message.startswith(str(file)) and "\n" not in message


def test_load_missing(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="baseline file not found"):
        load_baseline(tmp_path / "none.json")


# --------------------------------------------------------------------------- filtering


def test_filter() -> None:
    a = _finding("QTY001", "article", ["de", "ja"], "8E+9 USD")
    a_moved = _finding("QTY001", "article", ["ja", "de"], "8E+9 USD", line=40)  # same claim, lines shifted
    b = _finding("DAT001", "article", ["en", "ja"], "2026-05")
    baseline = Baseline((
        BaselineEntry(a.fingerprint, "QTY001", "article", "known"),
        BaselineEntry("f" * 20, "QTY002", "article", "fixed since"),
        BaselineEntry("e" * 20, "QTY001", "other-article", "not checked in this run"),
        BaselineEntry("d" * 20, "COV001", "article", "rule not run"),
    ))
    kept, suppressed, unused = baseline.filter([a, b, a_moved])
    assert kept == [b] and suppressed == [a, a_moved]
    assert [entry.fingerprint for entry in unused] == ["f" * 20, "e" * 20, "d" * 20]
    _, _, unused = baseline.filter([a, b], bundles={"article"}, rules={"QTY001", "QTY002", "DAT001"})
    assert [entry.fingerprint for entry in unused] == ["f" * 20]


def test_empty_baseline_keeps_everything() -> None:
    a = _finding("QTY001", "article", ["de", "ja"], "1")
    assert Baseline().filter([a]) == ([a], [], [])


# --------------------------------------------------------------------------- writing


def test_write_and_reload(tmp_path: Path) -> None:
    a = _finding("QTY001", "zeta", ["de", "ja"], "8E+9 USD")
    b = _finding("DAT001", "alpha", ["en", "ja"], "2026-05")
    file = tmp_path / "qa" / "baseline.json"
    written = write_baseline(file, [a, b, a], "accepted at release 1.2")
    data = json.loads(file.read_text(encoding="utf-8"))
    assert data == {
        "version": 1,
        "findings": [
            {"fingerprint": b.fingerprint, "rule": "DAT001", "bundle": "alpha", "reason": "accepted at release 1.2"},
            {"fingerprint": a.fingerprint, "rule": "QTY001", "bundle": "zeta", "reason": "accepted at release 1.2"},
        ],
    }
    assert load_baseline(file).entries == written.entries
    kept, suppressed, unused = load_baseline(file).filter([a, b])
    assert kept == [] and len(suppressed) == 2 and unused == []
    assert file.read_text(encoding="utf-8").endswith("}\n")


def test_rewrite_keeps_earlier_reasons(tmp_path: Path) -> None:
    a = _finding("QTY001", "article", ["de", "ja"], "8E+9 USD")
    b = _finding("DAT001", "article", ["en", "ja"], "2026-05")
    gone = _finding("QTY002", "article", ["en", "ja"], "4 year")
    file = tmp_path / "baseline.json"
    write_baseline(file, [a, gone], "first reason: 日本語版に合わせる")
    write_baseline(file, [a, b], "second reason")
    reasons = {entry.rule: entry.reason for entry in load_baseline(file).entries}
    assert reasons == {"QTY001": "first reason: 日本語版に合わせる", "DAT001": "second reason"}
    assert "日本語版" in file.read_text(encoding="utf-8")


def test_write_touches_only_the_baseline(tmp_path: Path) -> None:
    article = tmp_path / "article.ja.md"
    article.write_text("売上は3億ユーロ。\n", encoding="utf-8")
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    write_baseline(tmp_path / "baseline.json", [_finding("QTY001", "article", ["ja", "de"], "3E+8 EUR")], "ok")
    after = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    assert set(after) == set(before) | {"baseline.json"}
    assert after["article.ja.md"] == before["article.ja.md"]


def test_write_needs_a_reason(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="needs a reason"):
        write_baseline(tmp_path / "baseline.json", [], "  ")
    assert not (tmp_path / "baseline.json").exists()


def test_write_refuses_to_clobber_a_broken_baseline(tmp_path: Path) -> None:
    file = _write(tmp_path / "baseline.json", "{not json")
    with pytest.raises(ConfigError, match="invalid JSON"):
        write_baseline(file, [], "reason")
    assert file.read_text(encoding="utf-8") == "{not json"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["baseline.json"]

"""Extraction accuracy on a table of phrases in the twelve pack languages.

``tests/data/phrases.tsv`` lists, per row, a phrase and what a careful human
reader takes it to state: kind, value, bounds and unit.  Every row is its own
test (id ``locale:phrase``), so the number of passing rows is the accuracy.

* kind ``money`` etc.: the phrase must yield exactly one claim, and it must match;
* kind ``~money`` etc.: the phrase holds several figures; at least one claim must match;
* value/low/high are decimal strings compared numerically, empty meaning
  ``None`` (no single value, or an unbounded side);
* dates compare ``low``/``high`` as ISO dates; fiscal years are labels
  (``FY2025``) given in the value column, with empty bounds;
* unit is a pint unit name, an ISO 4217 code, or empty for a bare count or date.

The rows are ours (never taken from the shared corpus); the expected values
are what the phrase means, not what the code happens to output.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path

import pytest

from consistency.extract import extract  # the test errors loudly if extraction is missing

TABLE = Path(__file__).parent / "data" / "phrases.tsv"
KINDS = {"count", "quantity", "money", "percent", "duration", "date"}


@dataclass(frozen=True)
class Row:
    locale: str
    phrase: str
    kind: str
    value: str
    low: str
    high: str
    unit: str

    @property
    def several(self) -> bool:
        return self.kind.startswith("~")

    @property
    def bare_kind(self) -> str:
        return self.kind.lstrip("~")


def _rows() -> list[Row]:
    with TABLE.open(encoding="utf-8", newline="") as fh:
        lines = [line for line in fh if not line.startswith("#")]
    reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    return [Row(**{k: (v or "") for k, v in rec.items()}) for rec in reader]


ROWS = _rows()


def _num(text: str) -> Decimal | None:
    return Decimal(text) if text else None


def _same_number(expected: str, got) -> bool:
    if not expected:
        return got is None
    if got is None or isinstance(got, date):
        return False
    try:
        return Decimal(expected) == Decimal(got)
    except InvalidOperation:
        return False


def _same_date(expected: str, got) -> bool:
    if not expected:
        return got is None
    return isinstance(got, date) and got.isoformat() == expected


def mismatches(row: Row, claim) -> list[str]:
    """What differs between ``claim`` and the expectation of ``row`` (empty = a match)."""
    out = []
    kind = getattr(claim.kind, "value", claim.kind)
    if kind != row.bare_kind:
        out.append(f"kind {kind} != {row.bare_kind}")
        return out
    if row.bare_kind == "date":
        label = getattr(claim, "label", None)
        if row.value and label != row.value:
            out.append(f"label {label!r} != {row.value!r}")
        if not _same_date(row.low, claim.low):
            out.append(f"low {claim.low} != {row.low or None}")
        if not _same_date(row.high, claim.high):
            out.append(f"high {claim.high} != {row.high or None}")
        return out
    for name in ("value", "low", "high"):
        expected, got = getattr(row, name), getattr(claim, name)
        if not _same_number(expected, got):
            out.append(f"{name} {got} != {expected or None}")
    if (claim.unit or "") != row.unit:
        out.append(f"unit {claim.unit!r} != {row.unit or None!r}")
    return out


def _show(claim) -> str:
    kind = getattr(claim.kind, "value", claim.kind)
    label = f" label={claim.label}" if getattr(claim, "label", None) else ""
    return (f"{kind} {claim.text!r} value={claim.value} low={claim.low} high={claim.high} "
            f"unit={claim.unit}{label}")


def test_table_is_well_formed():
    assert len(ROWS) >= 150
    languages = {row.locale.split("-")[0] for row in ROWS}
    assert {"en", "de", "fr", "es", "it", "pt", "nl", "ja", "zh", "ko", "ru", "hi"} <= languages
    for row in ROWS:
        assert row.bare_kind in KINDS, row
        for name in ("value", "low", "high"):
            text = getattr(row, name)
            if row.bare_kind == "date":
                if name == "value":
                    assert not text or text.startswith("FY"), row
                elif text:
                    date.fromisoformat(text)
            else:
                _num(text)  # raises on a malformed decimal
        if not row.several and row.bare_kind != "date" and row.value:
            # a single value lies inside its own bounds
            value = Decimal(row.value)
            assert row.low == "" or Decimal(row.low) <= value, row
            assert row.high == "" or value <= Decimal(row.high), row


@pytest.mark.parametrize("row", ROWS, ids=[f"{r.locale}:{r.phrase}" + (f"[{r.kind}]" if r.several else "") for r in ROWS])
def test_phrase(row: Row):
    claims = extract(row.phrase, row.locale)
    shown = "\n  ".join(_show(c) for c in claims) or "(no claim)"
    if row.several:
        assert any(not mismatches(row, c) for c in claims), (
            f"no claim of {row.phrase!r} matches {row}:\n  {shown}"
        )
        return
    assert len(claims) == 1, f"{row.phrase!r} should yield exactly one claim, got {len(claims)}:\n  {shown}"
    problems = mismatches(row, claims[0])
    assert not problems, f"{row.phrase!r}: {'; '.join(problems)}\n  {shown}"

"""The data model shared by every stage: claims, blocks, documents, findings.

All classes are frozen dataclasses so that they can be hashed, cached and
compared in tests.  Offsets are 0-based code-point offsets into the decoded
text of a file (end exclusive), as promised in the JSON contract.
"""

from __future__ import annotations

import enum
import os
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any, Sequence, Union

__all__ = [
    "COUNTED_UNITS",
    "SCORE_POINT",
    "BundleInfo",
    "Block",
    "Change",
    "Claim",
    "ClaimKind",
    "Document",
    "Finding",
    "Level",
    "Location",
    "Qualifier",
    "Revision",
]


#: The unit of "40 points", "40 Punkte", "40ポイント": points of a score, an index or a poll, which
#: are no per cent (a translation that writes ``40 %`` for them changed the figure), though
#: percentage points read as either (``40 percentage points`` against ``40 %`` or ``40 Punkte``)
SCORE_POINT = "score_point"
#: Units that count things: a bare number of the same value states the same figure, however small
#: (``5.6 points`` against ru ``5,6 очка``, where the word for points is not read)
COUNTED_UNITS = frozenset({SCORE_POINT})


class ClaimKind(str, enum.Enum):
    """What a claim states."""

    COUNT = "count"  # a bare number, possibly with a counter word (3 companies, 2つ)
    QUANTITY = "quantity"  # a number with a physical unit (2 GW, 5 miles)
    MONEY = "money"  # an amount in an ISO 4217 currency
    PERCENT = "percent"
    DURATION = "duration"  # a number with a unit of time (6 months, 2年間)
    DATE = "date"  # a calendar date or period (2022年後半, Q3 2024, 3. Oktober)
    ORDINAL = "ordinal"  # a position written in digits (16th, 16. hul, 第16, 16º): compared, never missing

    def __str__(self) -> str:  # pragma: no cover - trivial
        return self.value


class Qualifier(str, enum.Enum):
    """Words that turn a number into an interval (über, 約, at least...)."""

    APPROX = "approx"
    AT_LEAST = "at_least"
    MORE_THAN = "more_than"
    LESS_THAN = "less_than"
    AT_MOST = "at_most"
    ALMOST = "almost"  # knapp, nearly: just below the value
    ONLY = "only"
    SEVERAL = "several"  # 数, mehrere, several: a vague amount
    RANGE = "range"  # 2-3 GW, 2〜3ギガワット

    def __str__(self) -> str:  # pragma: no cover - trivial
        return self.value


Bound = Union[Decimal, date, None]


@dataclass(frozen=True, slots=True)
class Claim:
    """One figure stated in a text.

    ``low``/``high`` bound the value the text commits to, in ``unit``
    (``None`` on a side means unbounded; ``low_open``/``high_open`` say whether
    the bound itself is excluded, as in *über 2 GW* = (2, ∞) GW).
    ``precision`` is the size of the last written digit in ``unit``
    (``800億`` has precision 10⁸, ``2.5 GW`` has 0.1): a comparison may widen
    each side by half of it.  For dates ``low``/``high`` are :class:`datetime.date`
    and ``label`` may name a period that is not a calendar interval
    (``FY2025``: fiscal years differ between companies).
    """

    kind: ClaimKind
    start: int
    end: int
    text: str
    value: Decimal | None
    low: Bound
    high: Bound
    unit: str | None = None
    precision: Decimal | None = None
    qualifier: Qualifier | None = None
    low_open: bool = False
    high_open: bool = False
    label: str | None = None
    #: the number is a word that is also an article or pronoun (eine Woche,
    #: one of): it matches counterparts but its absence is not reported
    weak: bool = False
    #: a unit the same surface also names (ポンド, Pfund: GBP or pounds of weight), or the currency
    #: its symbol names in English where the locale reads another (es-MX $: MXN, or USD)
    alt_unit: str | None = None
    #: the digits may also be read as this power of ten times the value: ``150.000`` in ``ar`` is
    #: 150, and 150,000 as Moroccan Arabic writes it (a regional variant of the language groups
    #: with the locale's decimal sign): 3
    alt_scale: int = 0

    def shifted(self, offset: int) -> "Claim":
        """The same claim with its span moved by ``offset`` code points."""
        from dataclasses import replace

        return replace(self, start=self.start + offset, end=self.end + offset)


@dataclass(frozen=True, slots=True)
class Block:
    """One block of prose (heading, paragraph, list item, PO/XLIFF unit).

    ``text`` has exactly ``end - start`` code points and is the file's text at
    that span with everything that is not prose (markup, code spans, URLs,
    link targets, placeholders) replaced by spaces, so an offset into ``text``
    plus ``start`` is an offset into the file.  ``key`` identifies a unit in a
    per-unit format (PO msgid/msgctxt, XLIFF id) and is ``None`` otherwise.
    """

    index: int
    kind: str
    start: int
    end: int
    text: str
    key: str | None = None
    suppressed: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Document:
    """One version of an article: its file, locale, decoded text and blocks."""

    path: str
    locale: str
    text: str
    blocks: tuple[Block, ...]


class Level(str, enum.Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"info": 0, "warning": 1, "error": 2}[self.value]

    def __str__(self) -> str:  # pragma: no cover - trivial
        return self.value


@dataclass(frozen=True, slots=True)
class Change:
    """One commit that changed a line (see :mod:`consistency.history`); ``commit == ""`` is an
    uncommitted change in the working tree."""

    commit: str
    timestamp: int  # committer time, seconds since the epoch
    subject: str
    path: str = ""  # the file's path in that commit, relative to the repository root

    @property
    def short(self) -> str:
        return self.commit[:7] if self.commit else "uncommitted"

    @property
    def date(self) -> str:
        """The committer date as an ISO 8601 day (UTC)."""
        from datetime import datetime, timezone

        return datetime.fromtimestamp(self.timestamp, tz=timezone.utc).date().isoformat()

    def describe(self) -> str:
        if not self.commit:
            return "an uncommitted change"
        return f'{self.short} ({self.date}, "{self.subject}")'

    def brief(self) -> str:
        return f"{self.short} ({self.date})" if self.commit else "an uncommitted change"

    def as_dict(self) -> dict:
        return {"commit": self.commit or None, "date": self.date, "subject": self.subject}


@dataclass(frozen=True, slots=True)
class Revision:
    """What the history says about a disagreeing figure (only where the versions are in git).

    ``status`` is ``stale`` (the translation holds a value its reference had before
    ``source_change`` replaced it) or ``wrong`` (it matches no earlier value).  ``basis`` says
    why the reference is the reference: the declared ``source``, the version that changed the
    claim ``latest`` (two versions, or the others still hold its earlier value), or the
    ``majority`` of versions."""

    status: str
    basis: str
    source_change: Change | None = None
    previous_value: str | None = None
    previous_text: str | None = None

    def as_dict(self) -> dict:
        return {
            "status": self.status,
            "basis": self.basis,
            "source_change": self.source_change.as_dict() if self.source_change else None,
            "previous_value": self.previous_value,
            "previous_text": self.previous_text,
        }


@dataclass(frozen=True, slots=True)
class Location:
    path: str
    locale: str
    role: str  # "deviant" | "reference" | "tied" (a side of a tie, none deviant)
    start: int
    end: int
    line: int
    column: int
    end_line: int
    end_column: int
    text: str
    value: str | None = None
    #: the value as a reader writes it (``4.2 billion USD``, ``more than 2 gigawatt``, ``H2 2022``)
    display: str | None = None
    #: the commit that last changed this line, where the version is in git
    change: Change | None = None


@dataclass(frozen=True, slots=True)
class Finding:
    rule: str
    name: str
    level: Level
    category: str  # quantity | date | name | quote | coverage
    message: str
    bundle: str
    fingerprint: str
    locations: tuple[Location, ...] = field(default_factory=tuple)
    #: revision data (STL001, and QTY001/DAT001 where the versions are in git)
    revision: Revision | None = None


@dataclass(frozen=True)
class BundleInfo:
    """One checked bundle: its id and its versions as ``(path, locale)`` pairs."""

    id: str
    versions: Sequence[tuple[str | os.PathLike[str], str]] = ()
    #: what the html and csv formats show of the bundle (a
    #: :class:`~consistency.engine.view.BundleView`); ``None`` for the other formats
    view: Any = field(default=None, compare=False, repr=False)

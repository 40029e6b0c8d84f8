"""What every reporter shares: the bundle list, levels, a finding's primary and reference
locations, its history line, the order findings are printed in."""

from __future__ import annotations

import re
from functools import cache
from typing import Iterable

from consistency.model import BundleInfo, Finding, Level, Location

__all__ = [
    "INFORMATION_URI",
    "TOOL_NAME",
    "BundleInfo",
    "alignment_rows",
    "history_line",
    "installed_version",
    "level_of",
    "primary_location",
    "reference_locations",
    "sort_findings",
    "visible",
]

TOOL_NAME = "claim-consistency"
INFORMATION_URI = "https://example.invalid/claim-consistency"


@cache
def _control() -> re.Pattern[str]:  # compiled where a report asks
    return re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def visible(text: str) -> str:
    r"""``text`` safe for a terminal or a CI log: control characters, escape sequences and
    bidirectional overrides from the input are written as ``\x1b``, ``\u202e``.

    >>> visible("a\x1b[2Jb\u202ec")
    'a\\x1b[2Jb\\u202ec'
    """
    return _control().sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100
                          else f"\\u{ord(m.group()):04x}", text)


def level_of(finding: Finding) -> Level:
    """The finding's level as a :class:`Level` (a plain string is accepted too)."""
    return finding.level if isinstance(finding.level, Level) else Level(str(finding.level))


def primary_location(finding: Finding) -> Location | None:
    """The deviant location (the first one when none is marked deviant)."""
    for location in finding.locations:
        if location.role == "deviant":
            return location
    return finding.locations[0] if finding.locations else None


def reference_locations(finding: Finding) -> list[Location]:
    """Every location other than :func:`primary_location`."""
    primary = primary_location(finding)
    return [location for location in finding.locations if location is not primary]


def history_line(finding: Finding) -> str | None:
    """What the history says of a finding, in one line (None without revision data).

    >>> from consistency.model import Change, Revision
    >>> old = Change("4f3b7d1aa", 1796032800, "Raise the capacity")
    >>> f = Finding("STL001", "translation-stale", Level.ERROR, "revision", "…", "farm", "x",
    ...             revision=Revision("stale", "source", old, "120 megawatt"))
    >>> history_line(f)
    'stale: the reference gave 120 megawatt until 4f3b7d1 (2026-11-30, "Raise the capacity")'
    """
    revision = finding.revision
    if revision is None:
        return None
    if revision.status == "stale" and revision.source_change is not None:
        text = f"stale: the reference gave {revision.previous_value} until {revision.source_change.describe()}"
    else:
        text = f"{revision.status}: matches no earlier value of the reference"
    by_change: dict[str, list[str]] = {}  # versions last changed by the same commit: named together
    for loc in finding.locations:
        if loc.change is not None:
            by_change.setdefault(loc.change.brief(), []).append(loc.locale)
    changed = [f"{', '.join(locales[:-1]) + ' and ' if len(locales) > 1 else ''}{locales[-1]} last changed {brief}"
               for brief, locales in by_change.items()]
    return "; ".join([text, *changed])


def sort_findings(findings: Iterable[Finding]) -> list[Finding]:
    """Findings in a stable order: bundle, file, position, rule, message."""

    def key(finding: Finding) -> tuple:
        location = primary_location(finding)
        where = (location.path, location.start, location.end) if location else ("", -1, -1)
        return (finding.bundle, *where, finding.rule, finding.message, finding.fingerprint)

    return sorted(findings, key=key)


def installed_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(TOOL_NAME)
    except PackageNotFoundError:
        return "0.0.0"


def alignment_rows(view) -> list[tuple[tuple[tuple[int, ...], ...], bool]]:
    """``(blocks of each version, 1-based; moved)`` for each aligned group of a bundle's view
    (:class:`consistency.engine.view.BundleView`), in order: ``moved`` where a version's block is out
    of its order there, a passage paired with its counterpart at another place.

    >>> from types import SimpleNamespace
    >>> alignment_rows(SimpleNamespace(groups=(((0,), (0,)), ((1,), (3,)), ((2,), (1,)), ((3,), (2,)))))
    [(((1,), (1,)), False), (((2,), (4,)), True), (((3,), (2,)), False), (((4,), (3,)), False)]
    """
    from consistency.match.align import out_of_order

    groups = view.groups
    moved: set[int] = set()
    for v in range(len(groups[0]) if groups else 0):
        held = [g for g, group in enumerate(groups) if group[v]]
        moved |= {held[k] for k in out_of_order([groups[g][v][0] for g in held])}
    return [(tuple(tuple(b + 1 for b in blocks) for blocks in group), g in moved) for g, group in enumerate(groups)]

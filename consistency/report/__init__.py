"""Reporters: every output format is rendered from the same findings.

>>> render([], fmt="text", bundles=[BundleInfo("article", [("a.ja.md", "ja")])], tool_version="0.1.0")
'No findings in 1 bundle.\\n'
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Iterable, Sequence

from consistency.errors import ConfigError
from consistency.model import Finding, Level, Location

if TYPE_CHECKING:  # pragma: no cover
    from consistency.engine.registry import Rule

__all__ = [
    "visible",
    "FORMATS",
    "TOOL_NAME",
    "BundleInfo",
    "history_line",
    "level_of",
    "primary_location",
    "reference_locations",
    "render",
    "sort_findings",
]

TOOL_NAME = "claim-consistency"
INFORMATION_URI = "https://example.invalid/claim-consistency"
FORMATS: tuple[str, ...] = ("text", "json", "sarif", "github", "html", "csv")


@dataclass(frozen=True)
class BundleInfo:
    """One checked bundle: its id and its versions as ``(path, locale)`` pairs."""

    id: str
    versions: Sequence[tuple[str | os.PathLike[str], str]] = ()
    #: what the html and csv formats show of the bundle (a
    #: :class:`~consistency.engine.view.BundleView`); ``None`` for the other formats
    view: Any = field(default=None, compare=False, repr=False)


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def visible(text: str) -> str:
    r"""``text`` safe for a terminal or a CI log: control characters, escape sequences and
    bidirectional overrides from the input are written as ``\x1b``, ``\u202e``.

    >>> visible("a\x1b[2Jb\u202ec")
    'a\\x1b[2Jb\\u202ec'
    """
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100
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
    changed = [f"{loc.locale} last changed {loc.change.brief()}" for loc in finding.locations
               if loc.change is not None]
    return "; ".join([text, *changed])


def sort_findings(findings: Iterable[Finding]) -> list[Finding]:
    """Findings in a stable order: bundle, file, position, rule, message."""

    def key(finding: Finding) -> tuple:
        location = primary_location(finding)
        where = (location.path, location.start, location.end) if location else ("", -1, -1)
        return (finding.bundle, *where, finding.rule, finding.message, finding.fingerprint)

    return sorted(findings, key=key)


def render(
    findings: Iterable[Finding],
    *,
    fmt: str = "text",
    bundles: Sequence[BundleInfo] = (),
    tool_version: str | None = None,
    rules: Sequence[Rule] = (),
    color: bool = False,
) -> str:
    """Render ``findings`` as ``text``, ``json``, ``sarif``, ``github``, ``html`` or ``csv``.

    ``rules`` (the rules that ran) feed SARIF's rule metadata; ``color``
    adds ANSI colours to the text format only.  The result ends with a
    newline unless it is empty.
    """
    ordered = sort_findings(findings)
    version = tool_version if tool_version is not None else _installed_version()
    if fmt == "text":
        from consistency.report.text import render_text

        return render_text(ordered, bundles=bundles, color=color)
    if fmt == "json":
        from consistency.report.json import render_json

        return render_json(ordered, bundles=bundles, tool_version=version)
    if fmt == "sarif":
        from consistency.report.sarif import render_sarif

        return render_sarif(ordered, bundles=bundles, tool_version=version, rules=rules)
    if fmt == "github":
        from consistency.report.github import render_github

        return render_github(ordered)
    if fmt == "html":
        from consistency.report.html import render_html

        return render_html(ordered, bundles=bundles, tool_version=version, rules=rules)
    if fmt == "csv":
        from consistency.report.csv import render_csv

        return render_csv(ordered, bundles=bundles)
    raise ConfigError(f"unknown format {fmt!r}; valid formats are {', '.join(FORMATS)}")


def _installed_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(TOOL_NAME)
    except PackageNotFoundError:
        return "0.0.0"

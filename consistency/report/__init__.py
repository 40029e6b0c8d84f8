"""Reporters: every output format is rendered from the same findings.

>>> render([], fmt="text", bundles=[BundleInfo("article", [("a.ja.md", "ja")])], tool_version="0.1.0")
'No findings in 1 bundle.\\n'
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable, Sequence

from consistency.errors import ConfigError
from consistency.model import Finding
from consistency.report.common import (
    TOOL_NAME,
    BundleInfo,
    history_line,
    level_of,
    primary_location,
    reference_locations,
    installed_version,
    sort_findings,
    visible,
)

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

FORMATS: tuple[str, ...] = ("text", "json", "sarif", "github", "html", "csv")




def render(
    findings: Iterable[Finding],
    *,
    fmt: str = "text",
    bundles: Sequence[BundleInfo] = (),
    tool_version: str | None = None,
    rules: Sequence[Rule] = (),
    color: bool = False,
    width: int | None = None,
) -> str:
    """Render ``findings`` as ``text``, ``json``, ``sarif``, ``github``, ``html`` or ``csv``.

    ``rules`` (the rules that ran) feed SARIF's rule metadata; ``color``
    adds ANSI colours to the text format only, and ``width`` (a terminal's
    columns) fits its rows to that width.  The result ends with a newline
    unless it is empty.
    """
    ordered = sort_findings(findings)
    version = tool_version if tool_version is not None else installed_version()
    if fmt == "text":
        from consistency.report.text import render_text

        return render_text(ordered, bundles=bundles, color=color, width=width)
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



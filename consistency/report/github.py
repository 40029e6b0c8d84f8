"""The ``github`` format: GitHub Actions workflow commands (annotations).

One command per finding at the deviant location; the message also names
each reference location, so the annotation reads on its own.
"""

from __future__ import annotations

from typing import Sequence

from consistency.model import Finding, Level
from consistency.report.common import history_line, level_of, primary_location, reference_locations, visible

__all__ = ["escape_data", "escape_property", "render_github"]

_COMMANDS = {Level.ERROR: "error", Level.WARNING: "warning", Level.INFO: "notice"}


def escape_data(text: str) -> str:
    """Escape a command's message as @actions/core does (``%``, CR, LF).

    >>> escape_data("50%\\nmore")
    '50%25%0Amore'
    """
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a property value: as :func:`escape_data` plus ``:`` and ``,``.

    >>> escape_property("a,b:c")
    'a%2Cb%3Ac'
    """
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _command(finding: Finding) -> str:
    location = primary_location(finding)
    properties: list[tuple[str, str]] = []
    if location is not None:
        properties += [("file", location.path.replace("\\", "/")), ("line", str(location.line))]
        properties.append(("col", str(location.column)))
        properties.append(("endLine", str(location.end_line)))
        properties.append(("endColumn", str(location.end_column)))
    properties.append(("title", f"{finding.rule} {finding.name}"))
    props = ",".join(f"{key}={escape_property(value)}" for key, value in properties)
    lines = [visible(finding.message)]
    for reference in reference_locations(finding):
        shown = reference.display or reference.value
        value = f" → {shown}" if shown is not None else ""
        text = visible(" ".join(reference.text.split()))
        lines.append(
            f"{reference.role} {reference.locale} {reference.path}:{reference.line}:{reference.column} “{text}”{value}"
        )
    history = history_line(finding)
    if history is not None:
        lines.append(history)
    return f"::{_COMMANDS[level_of(finding)]} {props}::{escape_data(chr(10).join(lines))}"


def render_github(findings: Sequence[Finding]) -> str:
    """One workflow command per finding, one per line."""
    return "".join(_command(finding) + "\n" for finding in findings)

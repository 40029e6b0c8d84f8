"""The ``text`` format: for people reading a terminal or a CI log.

::

    article.de.txt:3:12: error QTY001 quantity-mismatch de gives … where ja gives …
      deviant    de  "12 Millionen Solarmodule"  → 1.2E+7  article.de.txt:3:12
      reference  ja  "120万枚"                   → 1.2E+6  article.ja.txt:3:9

    1 finding (1 error, 0 warnings, 0 info) in 1 bundle

Columns are aligned by display width (CJK characters take two cells).  The
output has no colours unless ``color=True``, so it is stable when piped.
"""

from __future__ import annotations

import unicodedata
from typing import Sequence

from consistency.model import Finding, Level, Location
from consistency.report.common import BundleInfo, alignment_rows, history_line, level_of, primary_location, visible

__all__ = ["display_width", "render_text", "summary_line"]

MAX_TEXT_WIDTH = 48
_RESET = "\x1b[0m"
_STYLES = {
    Level.ERROR: "\x1b[1;31m",
    Level.WARNING: "\x1b[1;33m",
    Level.INFO: "\x1b[1;36m",
    "bold": "\x1b[1m",
    "dim": "\x1b[2m",
}


def display_width(text: str) -> int:
    """Terminal cells ``text`` takes: wide and full-width characters count 2, marks 0.

    >>> display_width("800億ドル"), display_width("8 Mrd.")
    (9, 6)
    """
    width = 0
    for char in text:
        if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
            continue
        width += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return width


def _truncate(text: str, limit: int = MAX_TEXT_WIDTH) -> str:
    text = visible(" ".join(text.split()))
    if display_width(text) <= limit:
        return text
    out, width = [], 0
    for char in text:
        w = display_width(char)
        if width + w > limit - 1:
            break
        out.append(char)
        width += w
    return "".join(out).rstrip() + "…"


def _pad(text: str, width: int) -> str:
    return text + " " * (width - display_width(text))


def _plural(count: int, word: str, plural: str | None = None) -> str:
    return f"{count} {word if count == 1 else (plural or word + 's')}"


def summary_line(findings: Sequence[Finding], bundle_count: int) -> str:
    """``3 findings (2 errors, 1 warning, 0 info) in 2 bundles`` or ``No findings in 1 bundle.``"""
    bundles = _plural(bundle_count, "bundle")
    if not findings:
        return f"No findings in {bundles}."
    counts = {level: 0 for level in Level}
    for finding in findings:
        counts[level_of(finding)] += 1
    return (
        f"{_plural(len(findings), 'finding')} ("
        f"{_plural(counts[Level.ERROR], 'error')}, {_plural(counts[Level.WARNING], 'warning')}, "
        f"{counts[Level.INFO]} info) in {bundles}"
    )


class _Style:
    def __init__(self, color: bool) -> None:
        self.color = color

    def __call__(self, text: str, style: Level | str) -> str:
        return f"{_STYLES[style]}{text}{_RESET}" if self.color and text else text


def _where(location: Location) -> str:
    return f"{location.path}:{location.line}:{location.column}"


def _wrap(words: list[tuple[str, str]], width: int, paint: _Style) -> list[str]:
    """``(word, style)`` pairs in lines of at most ``width`` cells (display width: CJK counts 2),
    the lines after the first indented by four; a word longer than a line stands alone."""
    lines: list[str] = []
    line: list[str] = []
    used, limit = 0, width
    for word, style in words:
        w = display_width(word)
        if line and used + 1 + w > limit:
            lines.append(" ".join(line))
            line, used, limit = [], 0, width - 4
        used += w + (1 if line else 0)
        line.append(paint(word, style) if style else word)
    if line:
        lines.append(" ".join(line))
    return [lines[0]] + ["    " + rest for rest in lines[1:]]


def _finding_lines(finding: Finding, paint: _Style, width: int | None = None) -> list[str]:
    level = level_of(finding)
    primary = primary_location(finding)
    where = _where(primary) if primary is not None else finding.bundle
    header = [(f"{where}:", "bold"), (level.value, level), (finding.rule, "bold"), (finding.name, "")]
    message = visible(finding.message)
    if width is None:
        lines = [" ".join(paint(word, style) if style else word for word, style in header) + " " + message]
    else:  # wrapped to the terminal, continued under an indent of four
        lines = _wrap(header + [(word, "") for word in message.split()], width, paint)
    if not finding.locations:
        return lines
    locations = [loc for loc in (primary, *(loc for loc in finding.locations if loc is not primary)) if loc is not None]
    values = [loc.display or loc.value for loc in locations]
    has_values = any(value is not None for value in values)
    value_width = max((display_width(v) for v in values if v is not None), default=0)
    role_width = max(display_width(loc.role) for loc in locations)
    locale_width = max(display_width(loc.locale) for loc in locations)
    position_width = max(display_width(_where(loc)) for loc in locations)
    limit = MAX_TEXT_WIDTH
    own_line = False
    if width is not None:
        # the quoted text gives way first (down to 16 cells), then the position takes a line of its own
        fixed = 2 + role_width + 2 + locale_width + 2 + 2 + (value_width + 4 if has_values else 0)
        room = width - fixed - 2 - position_width
        if room < 16:
            own_line, room = True, width - fixed
        limit = max(16, min(MAX_TEXT_WIDTH, room))
    rows = [(loc.role, loc.locale, f'"{_truncate(loc.text, limit)}"' if loc.text else "(nothing here)",
             value, _where(loc)) for loc, value in zip(locations, values)]
    text_width = max(display_width(row[2]) for row in rows)
    for role, locale, text, value, position in rows:
        cells = [paint(_pad(role, role_width), "dim"), _pad(locale, locale_width), _pad(text, text_width)]
        if has_values:
            cells.append(_pad(f"→ {value}" if value is not None else "", value_width + 2))
        if own_line:
            lines.append("  " + "  ".join(cells).rstrip())
            lines.append("    " + paint(position, "dim"))
        else:
            cells.append(paint(position, "dim"))
            lines.append("  " + "  ".join(cells).rstrip())
    history = history_line(finding)
    if history is not None:
        lines.append("  " + paint(_pad("history", role_width), "dim") + "  " + history)
    return lines


def _alignment_lines(bundle: BundleInfo) -> str:
    """``check --show-alignment``: which blocks of the versions the bundle's alignment paired."""
    view = bundle.view
    locales = [visible(v.locale) for v in view.versions]
    rows = [[str(g + 1)] + [(f"{b[0]}-{b[-1]}" if len(b) > 1 else str(b[0])) if b else "—" for b in blocks]
            + (["moved"] if moved else []) for g, (blocks, moved) in enumerate(alignment_rows(view))]
    widths = [max(display_width(r[k]) for r in [["row", *locales], *rows] if k < len(r))
              for k in range(len(locales) + 1)]
    lines = [f"Alignment of {visible(bundle.id)} (block numbers; — no counterpart; moved: paired out of order):"]
    for row in [["row", *locales], *rows]:
        cells = [cell + " " * (widths[k] - display_width(cell)) if k < len(widths) else cell for k, cell in enumerate(row)]
        lines.append("  " + "  ".join(cells).rstrip())
    return "\n".join(lines)


def render_text(findings: Sequence[Finding], *, bundles: Sequence[BundleInfo], color: bool = False,
                width: int | None = None) -> str:
    """Findings in reading order, then a summary line.  With ``width`` (a terminal's columns), messages
    wrap and rows shorten their quoted text, or move their position to a line of its own, to fit;
    without it (piped output) every finding keeps one line per row, stable for tools."""
    paint = _Style(color)
    blocks = ["\n".join(_finding_lines(finding, paint, width)) for finding in findings]
    blocks += [_alignment_lines(bundle) for bundle in bundles if bundle.view is not None]
    summary = summary_line(findings, len(bundles))
    if blocks:
        return "\n\n".join(blocks) + "\n\n" + summary + "\n"
    return summary + "\n"

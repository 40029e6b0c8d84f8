"""The ``csv`` format: the claim matrix of every bundle, for a spreadsheet.

One row per matched claim (the claims the engine paired across versions in one
aligned group), two columns per locale (the surface text and the normalized
value), and the status: ``agree``, ``disagree`` (a finding's deviant claim is in
the row; ``rules`` names its rules) or ``one version`` (no counterpart).  The
locale columns are those of every bundle, in order of first appearance; a
second version in the same locale of one bundle gets ``#2``.

The text starts with a byte order mark so that spreadsheet programs read it as
UTF-8, and a cell that begins with ``=``, ``+``, ``-``, ``@``, a tab or a
carriage return is prefixed with ``'`` so that they do not run it as a formula
(article text is untrusted; OWASP "CSV injection").
"""

from __future__ import annotations

import csv
import io
from typing import Sequence

from consistency.model import Finding
from consistency.report.common import BundleInfo, primary_location
from consistency.report.json import posix_path

__all__ = ["render_csv", "safe_cell"]

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> str:
    """A cell a spreadsheet shows as text.

    >>> safe_cell("=HYPERLINK(1)"), safe_cell("-5 %"), safe_cell("8E+9 EUR")
    ("'=HYPERLINK(1)", "'-5 %", '8E+9 EUR')
    """
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def _columns(view) -> list[str]:
    seen: dict[str, int] = {}
    out = []
    for version in view.versions:
        seen[version.locale] = seen.get(version.locale, 0) + 1
        out.append(version.locale if seen[version.locale] == 1 else f"{version.locale}#{seen[version.locale]}")
    return out


def render_csv(findings: Sequence[Finding], *, bundles: Sequence[BundleInfo]) -> str:
    """The claim matrix of every bundle that has a view (see :func:`consistency.engine.view.bundle_view`)."""
    deviant: dict[tuple[str, str, str, int, int], list[str]] = {}
    for finding in findings:
        loc = primary_location(finding)
        if loc is not None:
            deviant.setdefault((finding.bundle, posix_path(loc.path), loc.locale, loc.start, loc.end), []).append(
                finding.rule)
    views = [b.view for b in bundles if b.view is not None]
    locales: list[str] = []
    for view in views:
        for column in _columns(view):
            if column not in locales:
                locales.append(column)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    header = ["bundle", "row", "kind", "status", "rules"]
    for locale in locales:
        header += [f"{locale} text", f"{locale} value"]
    writer.writerow(header)
    for view in views:
        columns = _columns(view)
        for row in view.matrix:
            cells: dict[str, tuple[str, str]] = {}
            rules: list[str] = []
            for v, cell in enumerate(row.cells):
                if cell is None:
                    continue
                start, end, text, value = cell
                version = view.versions[v]
                cells[columns[v]] = (text, value)
                for rule in deviant.get((view.id, posix_path(version.path), version.locale, start, end), []):
                    if rule not in rules:
                        rules.append(rule)
            status = "disagree" if rules else ("agree" if len(cells) > 1 else "one version")
            out = [view.id, row.group + 1, row.kind, status, " ".join(rules)]
            for locale in locales:
                out += list(cells.get(locale, ("", "")))
            writer.writerow([safe_cell(x) for x in out])
    return "\ufeff" + buffer.getvalue()

"""What every rule family builds its findings with: locations in a version, findings with their
fingerprint, and findings from matching issues (:class:`~consistency.match.issues.Issue`)."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Iterable, Iterator, Sequence

from ...display import describe_value, display_value
from ...model import Change, Claim, Finding, Location, Revision
from ..baseline import fingerprint

if TYPE_CHECKING:
    from ...match.analysis import BundleAnalysis
    from ...match.issues import Issue

__all__ = ["bundle_finding", "claim_location", "file_location", "finding", "issue_findings", "location"]


def location(an: BundleAnalysis, v: int, start: int, end: int, role: str, value: str | None) -> Location:
    """The span ``start:end`` of version ``v`` as a finding's location (lines and columns 1-based)."""
    doc = an.documents[v]
    index = an.indexes[v]
    line, col = index.position(start)
    end_line, end_col = index.position(end)
    return Location(
        path=doc.path, locale=doc.locale, role=role, start=start, end=end, line=line, column=col,
        end_line=end_line, end_column=end_col, text=doc.text[start:end], value=value,
    )


def claim_location(an: BundleAnalysis, v: int, c: Claim, role: str, change: Change | None = None) -> Location:
    """A claim's location, with its normalized and its readable value."""
    loc = replace(location(an, v, c.start, c.end, role, describe_value(c)), display=display_value(c))
    return loc if change is None else replace(loc, change=change)


def finding(an: BundleAnalysis, rule, message: str, locations: list[Location], key: str,
            revision: Revision | None = None) -> Finding:
    """A finding of ``rule`` in the analysed bundle (see :func:`bundle_finding`)."""
    return bundle_finding(rule, an.bundle, message, locations, key, revision)


def bundle_finding(rule, bundle: str, message: str, locations: Sequence[Location], key: str,
                   revision: Revision | None = None) -> Finding:
    """A finding of ``rule`` in ``bundle``, deviant locations first; ``key`` (a locale-free
    description of what disagrees) makes its fingerprint, with the rule, the bundle and the
    locations' locales.  Also for findings no analysis holds: whole files, baseline entries."""
    return Finding(
        rule=rule.id, name=rule.name, level=rule.level, category=rule.category, message=message,
        bundle=bundle, fingerprint=fingerprint(rule.id, bundle, [loc.locale for loc in locations], key),
        locations=tuple(sorted(locations, key=lambda loc: loc.role != "deviant")), revision=revision,
    )


def file_location(path: str, locale: str, role: str, value: str | None = None) -> Location:
    """A location that is a whole file (or a file that should exist): its first line, no text."""
    return Location(path=path, locale=locale, role=role, start=0, end=0, line=1, column=1, end_line=1,
                    end_column=1, text="", value=value)


def issue_findings(an: BundleAnalysis, rule, issues: Iterable[Issue]) -> Iterator[Finding]:
    """Findings of ``rule`` from matching issues: version indexes in ``locale`` and
    ``other_locale`` become locale tags; ``value`` and ``other_value`` default to the texts."""
    for issue in issues:
        locations: list[Location] = []
        for v, s, e, value in issue.deviant:
            locations.append(location(an, v, s, e, "deviant", value))
        for v, s, e, value in issue.reference:
            locations.append(location(an, v, s, e, "reference", value))
        fields = dict(issue.fields)
        for key in ("locale", "other_locale"):
            if key in fields:
                fields[key] = ", ".join(an.documents[int(x)].locale for x in str(fields[key]).split(",") if x != "")
        fields.setdefault("value", fields.get("text", ""))
        fields.setdefault("other_value", fields.get("other_text", ""))
        fields.setdefault("text", "")
        fields.setdefault("other_text", "")
        message = rule.format_message(**fields)
        yield finding(an, rule, message, locations, issue.key)

"""COV003 missing-file and COV004 orphan-file: coverage of whole files across a repository.

Bundle discovery groups the files its patterns match by their ``{path}``; a group needs two
versions to be compared, so a page that exists only in English was simply never checked.
These two rules look at the groups instead: every locale the run expects (the configuration's
``locales``, else every locale any group has) should have a file in every group.

- **COV003 missing-file**: a group lacks a locale; the finding names the file that would hold
  it (the first pattern with ``{locale}``, filled in) and points at the versions that exist.
- **COV004 orphan-file**: with a declared source locale, a group that has translations but no
  source file: a page deleted or renamed in the source and left behind in the translations.

Both work on the file listing alone (no file is read) and run once per run, not per bundle:
:func:`file_findings` is called by the runner after discovery; their per-bundle check
functions yield nothing.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence

from ...locale.tags import is_version_of
from ...model import Finding
from .common import bundle_finding, file_location

__all__ = ["check_missing_file", "check_orphan_file", "file_findings"]


def check_missing_file(an, rule) -> Iterator[Finding]:  # noqa: ARG001 - run-level rule
    """Run-level: see :func:`file_findings`."""
    return iter(())


def check_orphan_file(an, rule) -> Iterator[Finding]:  # noqa: ARG001 - run-level rule
    """Run-level: see :func:`file_findings`."""
    return iter(())


def file_findings(groups, patterns, rules, *, expected: Sequence[str] | None, source: str | None) -> list[Finding]:
    """Findings of the selected file-coverage ``rules`` over the discovered ``groups``
    (bundles of any number of versions, from ``discover(..., min_versions=1)``)."""
    missing_rule = next((r for r in rules if r.kind == "missing-file"), None)
    orphan_rule = next((r for r in rules if r.kind == "orphan-file"), None)
    if missing_rule is None and orphan_rule is None:
        return []
    everywhere = list(expected) if expected else sorted({loc for g in groups for loc in g.locales if loc})
    template = next((p for p in patterns if "{locale}" in p.absolute), None)
    def is_source(locale: str) -> bool:
        return source is not None and is_version_of(locale, source)

    out: list[Finding] = []
    for group in groups:
        present = [(loc, path) for loc, path in zip(group.locales, group.paths) if loc]
        have = {loc for loc, _ in present}
        if orphan_rule is not None and source is not None and present and not any(is_source(loc) for loc in have):
            message = orphan_rule.format_message(locale=", ".join(sorted(have)), other_locale=source, text=group.id)
            locations = [file_location(path, loc, "deviant") for loc, path in present]
            out.append(bundle_finding(orphan_rule, group.id, message, locations, f"orphan {group.id}"))
            continue
        lacking = [loc for loc in everywhere if loc not in have]
        if missing_rule is None or not lacking or not present:
            continue
        for loc in lacking:
            expected_path = _expected_path(template, loc, group.id)
            message = missing_rule.format_message(locale=loc, other_locale=", ".join(sorted(have)), text=group.id)
            locations = [file_location(expected_path or f"({loc})", loc, "deviant")]
            locations += [file_location(path, other, "reference") for other, path in present]
            out.append(bundle_finding(missing_rule, group.id, message, locations, f"missing {group.id} {loc}"))
    return out


def _expected_path(template, locale: str, group: str) -> str | None:
    if template is None:
        return None
    path = template.absolute.replace("{locale}", locale).replace("{path}", group).replace("{slug}", group)
    if "{" in path or "*" in path or "?" in path:
        return None
    here = os.getcwd()
    return os.path.relpath(path, here) if path.startswith(here.rstrip("/") + "/") else path

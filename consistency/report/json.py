"""The ``json`` format: the stable contract of docs/json-output.md.

Keys may be added in later versions, never renamed; their order is fixed.
"""

from __future__ import annotations

import os
from pathlib import PurePath
from typing import Any, Sequence

from consistency.model import Finding, Location
from consistency.report.common import TOOL_NAME, BundleInfo, alignment_rows, level_of

__all__ = ["bundle_to_dict", "finding_from_dict", "finding_to_dict", "location_to_dict", "posix_path", "render_json"]


def posix_path(path: str | os.PathLike[str]) -> str:
    """A path as written in reports: forward slashes."""
    return PurePath(os.fspath(path)).as_posix()


def location_to_dict(location: Location) -> dict[str, Any]:
    """One location in the contract's key order (``last_change`` only where the history told it)."""
    out = {
        "path": posix_path(location.path),
        "locale": location.locale,
        "role": location.role,
        "start": location.start,
        "end": location.end,
        "line": location.line,
        "column": location.column,
        "end_line": location.end_line,
        "end_column": location.end_column,
        "text": location.text,
        "value": location.value,
    }
    if location.display is not None:
        out["display"] = location.display
    if location.change is not None:
        out["last_change"] = location.change.as_dict()
    return out


def finding_to_dict(finding: Finding) -> dict[str, Any]:
    """One finding in the contract's key order (``revision`` only where the history told it)."""
    out: dict[str, Any] = {
        "rule": finding.rule,
        "name": finding.name,
        "level": level_of(finding).value,
        "category": finding.category,
        "message": finding.message,
        "bundle": finding.bundle,
        "fingerprint": finding.fingerprint,
        "locations": [location_to_dict(location) for location in finding.locations],
    }
    if finding.revision is not None:
        out["revision"] = finding.revision.as_dict()
    return out


def finding_from_dict(data: dict[str, Any]) -> Finding:
    """The inverse of :func:`finding_to_dict` (paths stay as written, with forward slashes)."""
    from consistency.model import Level

    return Finding(rule=data["rule"], name=data["name"], level=Level(data["level"]), category=data["category"],
                   message=data["message"], bundle=data["bundle"], fingerprint=data["fingerprint"],
                   locations=tuple(Location(**loc) for loc in data["locations"]))


def bundle_to_dict(bundle: BundleInfo) -> dict[str, Any]:
    """One bundle: its id and versions; with its view (``check --show-alignment``), its alignment:
    per aligned group, each version's block numbers (1-based, in ``versions`` order; empty where
    it has no counterpart) and whether the group pairs a passage moved out of order."""
    out: dict[str, Any] = {
        "id": bundle.id,
        "versions": [{"path": posix_path(path), "locale": locale} for path, locale in bundle.versions],
    }
    if bundle.view is not None:
        out["alignment"] = [{"blocks": [list(b) for b in blocks], "moved": moved}
                            for blocks, moved in alignment_rows(bundle.view)]
    return out


def render_json(findings: Sequence[Finding], *, bundles: Sequence[BundleInfo], tool_version: str) -> str:
    """The whole report as indented JSON (non-ASCII kept as is)."""
    import json

    document = {
        "tool": {"name": TOOL_NAME, "version": tool_version},
        "bundles": [bundle_to_dict(bundle) for bundle in bundles],
        "findings": [finding_to_dict(finding) for finding in findings],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"

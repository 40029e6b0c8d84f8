"""The ``sarif`` format: SARIF 2.1.0 for code-scanning services.

One run; one result per finding located at the deviant version, with the
reference versions as ``relatedLocations``; columns count Unicode code
points; ``partialFingerprints`` carry the line-free finding fingerprint.
"""

from __future__ import annotations

import os
from pathlib import PurePath
from typing import TYPE_CHECKING, Any, Sequence
from urllib.parse import quote

from consistency.model import Finding, Level, Location
from consistency.report.common import INFORMATION_URI, TOOL_NAME, BundleInfo, level_of, primary_location, reference_locations

if TYPE_CHECKING:  # pragma: no cover
    from consistency.engine.registry import Rule

__all__ = ["SARIF_SCHEMA", "SARIF_VERSION", "FINGERPRINT_KEY", "render_sarif", "sarif_log"]

SARIF_VERSION = "2.1.0"
SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/os/schemas/sarif-schema-2.1.0.json"
FINGERPRINT_KEY = "claimConsistency/v1"
_LEVELS = {Level.ERROR: "error", Level.WARNING: "warning", Level.INFO: "note"}


def artifact_uri(path: str | os.PathLike[str]) -> str:
    """A URI reference for a path: relative paths stay relative (percent-encoded)."""
    pure = PurePath(os.fspath(path))
    if pure.is_absolute():
        from pathlib import Path

        return Path(pure).as_uri()
    return quote(pure.as_posix(), safe="/")


def _physical(location: Location) -> dict[str, Any]:
    return {
        "artifactLocation": {"uri": artifact_uri(location.path)},
        "region": {
            "startLine": location.line,
            "startColumn": location.column,
            "endLine": location.end_line,
            "endColumn": location.end_column,
            "charOffset": location.start,
            "charLength": location.end - location.start,
            "snippet": {"text": location.text},
        },
    }


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _rule_descriptor(rule: Rule) -> dict[str, Any]:
    docs = rule.docs
    help_text = (
        f"What it does\n{_one_line(docs.what_it_does)}\n\n"
        f"Why it matters\n{_one_line(docs.why_it_matters)}\n\n"
        f"Example\n{docs.example.rstrip()}"
    )
    return {
        "id": rule.id,
        "name": rule.name,
        "shortDescription": {"text": docs.summary},
        "fullDescription": {"text": _one_line(docs.what_it_does)},
        "help": {"text": help_text, "markdown": rule.docs_markdown()},
        "defaultConfiguration": {"level": _LEVELS[rule.level]},
        "properties": {"category": rule.category, "kind": rule.kind, "tags": ["localization", rule.category]},
    }


def _minimal_descriptor(finding: Finding) -> dict[str, Any]:
    return {
        "id": finding.rule,
        "name": finding.name,
        "shortDescription": {"text": finding.name},
        "defaultConfiguration": {"level": _LEVELS[level_of(finding)]},
        "properties": {"category": finding.category},
    }


def _related_message(location: Location) -> str:
    if location.value is not None:
        shown = location.display or location.value
        return f"{location.role}: {location.locale} gives {shown} (“{_one_line(location.text)}”)"
    return f"{location.role}: {location.locale} “{_one_line(location.text)}”"


def _result(finding: Finding, rule_index: int) -> dict[str, Any]:
    primary = primary_location(finding)
    result: dict[str, Any] = {
        "ruleId": finding.rule,
        "ruleIndex": rule_index,
        "level": _LEVELS[level_of(finding)],
        "message": {"text": finding.message},
        "locations": [{"physicalLocation": _physical(primary)}] if primary is not None else [],
    }
    related = reference_locations(finding)
    if related:
        result["relatedLocations"] = [
            {"id": index, "physicalLocation": _physical(location), "message": {"text": _related_message(location)}}
            for index, location in enumerate(related, start=1)
        ]
    result["partialFingerprints"] = {FINGERPRINT_KEY: finding.fingerprint}
    properties: dict[str, Any] = {"bundle": finding.bundle, "category": finding.category}
    if primary is not None:
        properties["locale"] = primary.locale
    if finding.revision is not None:
        properties["revision"] = finding.revision.as_dict()
        properties["lastChanges"] = [
            {"locale": loc.locale, "path": loc.path, **loc.change.as_dict()}
            for loc in finding.locations if loc.change is not None
        ]
    result["properties"] = properties
    return result


def sarif_log(
    findings: Sequence[Finding],
    *,
    bundles: Sequence[BundleInfo],
    tool_version: str,
    rules: Sequence[Rule] = (),
) -> dict[str, Any]:
    """The SARIF log as a dictionary."""
    from consistency.report.json import bundle_to_dict

    descriptors: list[dict[str, Any]] = []
    index_of: dict[str, int] = {}
    for rule in sorted(rules, key=lambda rule: rule.id):
        if rule.id not in index_of:
            index_of[rule.id] = len(descriptors)
            descriptors.append(_rule_descriptor(rule))
    for finding in findings:
        if finding.rule not in index_of:
            index_of[finding.rule] = len(descriptors)
            descriptors.append(_minimal_descriptor(finding))
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": TOOL_NAME,
                "version": tool_version,
                "semanticVersion": tool_version,
                "informationUri": INFORMATION_URI,
                "rules": descriptors,
            }
        },
        "columnKind": "unicodeCodePoints",
        "results": [_result(finding, index_of[finding.rule]) for finding in findings],
        "properties": {"bundles": [bundle_to_dict(bundle) for bundle in bundles]},
    }
    return {"$schema": SARIF_SCHEMA, "version": SARIF_VERSION, "runs": [run]}


def render_sarif(
    findings: Sequence[Finding],
    *,
    bundles: Sequence[BundleInfo],
    tool_version: str,
    rules: Sequence[Rule] = (),
) -> str:
    """The SARIF log as indented JSON."""
    import json

    log = sarif_log(findings, bundles=bundles, tool_version=tool_version, rules=rules)
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"

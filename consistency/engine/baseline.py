"""Fingerprints and the baseline file of accepted findings.

A fingerprint identifies a finding by what it is about, not where it is: the
rule, the bundle, the locales involved and a normalized *claim key* (the
normalized value such as ``"8E+10 USD"``, or :func:`text_key` of the
unmatched text for coverage).  It therefore survives edits elsewhere in the
files, line shifts and reordering of the locales.

The baseline file (``--baseline FILE``) is JSON::

    {"version": 1,
     "findings": [{"fingerprint": "…", "rule": "QTY001", "bundle": "article",
                   "reason": "the German edition rounds on purpose"}]}

Every entry needs a reason: an accepted finding without one is a finding
nobody looked at.
"""

from __future__ import annotations

import hashlib
import os
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Collection, Iterable, Sequence

from consistency.errors import ConfigError
from consistency.model import Finding

__all__ = [
    "BASELINE_VERSION",
    "Baseline",
    "BaselineEntry",
    "fingerprint",
    "load_baseline",
    "text_key",
    "write_baseline",
]

BASELINE_VERSION = 1
_FINGERPRINT_CHARS = 20


def fingerprint(rule: str, bundle: str, locales: Sequence[str], claim_key: str) -> str:
    """A stable 20-hex-digit id of a finding; no line numbers, locale order ignored.

    >>> a = fingerprint("QTY001", "article", ["de", "ja"], "8E+10 USD")
    >>> a == fingerprint("QTY001", "article", ["ja", "de"], " 8E+10  USD")
    True
    >>> len(fingerprint("COV001", "article", ["en"], text_key("A paragraph.")))
    20
    """
    key = " ".join(unicodedata.normalize("NFC", claim_key).split())
    payload = "\x1f".join(("v1", rule, bundle, ",".join(sorted(set(locales))), key))
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:_FINGERPRINT_CHARS]


def text_key(text: str) -> str:
    """A claim key for a run of prose (coverage findings).

    The text is NFKC-normalized and case-folded, and whitespace, punctuation
    and control characters are dropped before hashing, so re-wrapping a
    paragraph or changing quotation marks keeps the key while changing a word
    does not.

    >>> text_key("The mayor  spoke.") == text_key("the mayor spoke")
    True
    """
    folded = unicodedata.normalize("NFKC", text).casefold()
    kept = "".join(ch for ch in folded if unicodedata.category(ch)[0] not in "PZC")
    return "text:" + hashlib.sha256(kept.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class BaselineEntry:
    """One accepted finding."""

    fingerprint: str
    rule: str
    bundle: str
    reason: str

    def to_json(self) -> dict[str, str]:
        return {"fingerprint": self.fingerprint, "rule": self.rule, "bundle": self.bundle, "reason": self.reason}


@dataclass(frozen=True)
class Baseline:
    """The accepted findings of a baseline file."""

    entries: tuple[BaselineEntry, ...] = ()
    path: Path | None = None

    def __len__(self) -> int:
        return len(self.entries)

    def __contains__(self, fingerprint: object) -> bool:
        return any(entry.fingerprint == fingerprint for entry in self.entries)

    def filter(
        self,
        findings: Iterable[Finding],
        *,
        bundles: Collection[str] | None = None,
        rules: Collection[str] | None = None,
    ) -> tuple[list[Finding], list[Finding], list[BaselineEntry]]:
        """Split ``findings`` into ``(kept, suppressed, unused_entries)``.

        An entry suppresses every finding with its fingerprint.  An entry is
        *unused* when it suppressed nothing; with ``bundles`` (the bundles
        checked in this run) or ``rules`` (the rule ids that ran), entries of
        other bundles or rules are never reported as unused, so a partial run
        does not condemn the rest of the baseline.
        """
        by_fingerprint = {entry.fingerprint: entry for entry in self.entries}
        kept: list[Finding] = []
        suppressed: list[Finding] = []
        used: set[str] = set()
        for finding in findings:
            if finding.fingerprint in by_fingerprint:
                suppressed.append(finding)
                used.add(finding.fingerprint)
            else:
                kept.append(finding)
        unused = [
            entry
            for entry in self.entries
            if entry.fingerprint not in used
            and (bundles is None or entry.bundle in bundles)
            and (rules is None or entry.rule in rules)
        ]
        return kept, suppressed, unused


def load_baseline(path: Path | str) -> Baseline:
    """Read a baseline file; any problem is a one-line :class:`ConfigError`."""
    import json

    from consistency.documents.reading import check_regular_file

    file = Path(path)
    check_regular_file(str(file))
    try:
        text = file.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(f"baseline file not found: {file}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{file}: cannot read baseline: {exc}") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ConfigError(f"{file}:{exc.lineno}:{exc.colno}: invalid JSON in baseline: {exc.msg}") from None
    if not isinstance(data, dict):
        raise ConfigError(f"{file}: a baseline must be a JSON object with 'version' and 'findings'")
    if data.get("version") != BASELINE_VERSION:
        raise ConfigError(f"{file}: unsupported baseline version {data.get('version')!r}; expected {BASELINE_VERSION}")
    items = data.get("findings")
    if not isinstance(items, list):
        raise ConfigError(f"{file}: 'findings' must be a list")
    entries: list[BaselineEntry] = []
    for index, item in enumerate(items):
        where = f"{file}: findings[{index}]"
        if not isinstance(item, dict):
            raise ConfigError(f"{where} must be an object")
        for key in ("fingerprint", "rule", "bundle", "reason"):
            value = item.get(key)
            if not isinstance(value, str) or not value.strip():
                problem = "missing" if value is None else "not a non-empty string"
                raise ConfigError(f"{where}: '{key}' is {problem}; every accepted finding needs a {key}")
        entries.append(BaselineEntry(item["fingerprint"], item["rule"], item["bundle"], item["reason"].strip()))
    return Baseline(tuple(entries), file)


def write_baseline(path: Path | str, findings: Iterable[Finding], reason: str, *,
                   covered_bundles: Iterable[str] | None = None,
                   covered_rules: Iterable[str] | None = None) -> Baseline:
    """Write ``findings`` as the baseline at ``path`` and return it.

    Entries already in an existing baseline keep their own reason; new ones
    get ``reason``.  A run that covered only some bundles or rules
    (``covered_bundles``, ``covered_rules``: ``--expand`` one file, ``--select``)
    keeps the existing entries outside them as they are.  Entries are
    de-duplicated by fingerprint and sorted, so the file diffs well.  Only
    ``path`` is written (atomically, through a temporary file in the same
    folder, removed on failure); a symlinked baseline is written through its
    link, and the file keeps its permissions.
    """
    import json
    import tempfile

    if not reason or not reason.strip():
        raise ConfigError("a baseline needs a reason for the accepted findings")
    file = Path(os.path.realpath(path)) if os.path.islink(path) else Path(path)
    old_entries = load_baseline(file).entries if file.exists() else ()
    previous = {entry.fingerprint: entry.reason for entry in old_entries}
    bundles_run = set(covered_bundles) if covered_bundles is not None else None
    rules_run = set(covered_rules) if covered_rules is not None else None
    entries: dict[str, BaselineEntry] = {}
    for entry in old_entries:  # what this run did not look at stays accepted
        if (bundles_run is not None and entry.bundle not in bundles_run) or (
                rules_run is not None and entry.rule not in rules_run):
            entries[entry.fingerprint] = entry
    for finding in findings:
        if finding.fingerprint not in entries:
            entries[finding.fingerprint] = BaselineEntry(
                finding.fingerprint,
                finding.rule,
                finding.bundle,
                previous.get(finding.fingerprint, reason.strip()),
            )
    ordered = sorted(entries.values(), key=lambda entry: (entry.bundle, entry.rule, entry.fingerprint))
    document = {"version": BASELINE_VERSION, "findings": [entry.to_json() for entry in ordered]}
    text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    folder = file.parent if str(file.parent) else Path(".")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle = tempfile.NamedTemporaryFile(
            "w", encoding="utf-8", dir=folder, prefix=f".{file.name}.", suffix=".tmp", delete=False
        )
        try:
            with handle:
                handle.write(text)
            if file.exists():
                os.chmod(handle.name, file.stat().st_mode & 0o7777)
            os.replace(handle.name, file)
        except BaseException:
            Path(handle.name).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise ConfigError(f"{file}: cannot write baseline: {exc}") from None
    return Baseline(tuple(ordered), file)

"""Checking one bundle: load its versions, analyse them once, run each rule's check in its
phase, apply the inline suppressions, keep what changed since a revision.

:func:`check_bundle` is what every way of running uses (one process, ``--jobs`` workers, Dask
workers, the pytest plugin, the benchmarks); :mod:`consistency.engine.runner` checks many
bundles with it.
"""

from __future__ import annotations

import os
from typing import Any

from ..bundles import Bundle, is_per_unit
from ..errors import ConfigError
from ..locale.tags import language
from ..model import Finding

__all__ = ["Result", "check_bundle", "check_one", "resolve_since"]


def check_bundle(bundle: Bundle, rules, *, source: str | None = None, history: bool = True,
                 since: str | None = None, vocabulary=None) -> tuple[list[Finding], Any]:
    """Load and check one bundle with ``rules``; returns findings (suppressions applied) and the analysis.

    A bundle of PO/XLIFF files carries its source text: each file is checked
    against the source version built from its own units (``msgid``,
    ``<source>``), in the ``source`` locale if given, else the one the file
    declares, else English.  Pairing each translation with its own source
    keeps plural forms (``nplurals`` differs between languages) and
    untranslated units from looking like missing passages.  The analysis
    returned then has ``documents`` = the source version of the first file
    followed by the translations, and ``parts`` = the analyses of the pairs.

    With ``history`` (the default) and the versions in a git work tree, disagreeing figures
    carry revision data and stale translations are STL001's (see
    :mod:`consistency.engine.revisions`); ``since`` (a git revision) keeps only the findings
    whose claims changed after it (raises ConfigError where there is no history).
    ``vocabulary``: the names known beforehand (:func:`~consistency.extract.vocabulary.vocabulary_for`
    a configuration's rule dirs); the built-in vocabulary when None.
    """
    from ..documents import is_multilingual, load_document, load_versions

    docs = []
    for p, loc in zip(bundle.paths, bundle.locales):
        docs.extend(load_versions(p) if is_multilingual(p) else [load_document(p, locale=loc)])
    if source is None and len(bundle.paths) == 1 and is_multilingual(bundle.paths[0]) and docs:
        source = docs[0].locale  # the TMX header's srclang, the String Catalog's sourceLanguage
    load_source = _per_unit_source_loader(bundle)
    if load_source is not None:
        parts = []
        for doc in docs:
            src = load_source(doc.path, locale=source)  # None: as the file declares, else English
            parts.append(_check_documents(bundle.id, [src, doc], rules, source=src.locale, history=False,
                                          since=since, vocabulary=vocabulary))
        findings = [f for part_findings, _an in parts for f in part_findings]
        return findings, _Combined(documents=[parts[0][1].documents[0], *docs], parts=[an for _f, an in parts])
    if len(docs) < 2:
        raise ConfigError(f"{bundle.id}: check needs at least two versions of the article")
    if source is not None and not any(language(d.locale) == language(source)
                                      for d in docs):
        raise ConfigError(f"--source {source}: no version has that locale ({', '.join(d.locale for d in docs)})")
    return _check_documents(bundle.id, docs, rules, source=source, history=history, since=since,
                            vocabulary=vocabulary)


class _Combined:
    """The analyses of a per-unit bundle's (source, translation) pairs."""

    def __init__(self, documents, parts) -> None:
        self.documents, self.parts = documents, parts


def _check_documents(bundle_id: str, docs, rules, *, source: str | None, history: bool = False,
                     since: str | None = None, vocabulary=None) -> tuple[list[Finding], Any]:
    from ..match.analysis import analyse
    from .kinds import KINDS as kinds
    from .suppression import apply_inline

    tolerance = None
    for rule in rules:
        if rule.kind == "quantity-mismatch" and rule.options.get("relative_tolerance") is not None:
            tolerance = float(rule.options["relative_tolerance"])
    repo = None
    if history or since:
        from ..history import history_for

        repo = history_for(d.path for d in docs)
    if since is not None and not repo:
        reason = getattr(repo, "reason", "no history was read")
        raise ConfigError(f"--since {since}: no revision history for {bundle_id}: {reason}")
    # revision roles need one file per version (a PO file's source and translation share one)
    judged = bool(repo) and history and len({d.path for d in docs}) == len(docs)
    options = {} if tolerance is None else {"relative_tolerance": tolerance}
    an = analyse(bundle_id, docs, source=source, history=repo if judged else None,
                 report_stale=judged and any(r.kind == "translation-stale" for r in rules), vocabulary=vocabulary,
                 **options)
    findings: list[Finding] = []
    for rule in rules:
        if kinds[rule.kind].phase == "bundle":
            findings.extend(rule.load_check()(an, rule))
    findings = apply_inline(an, findings, {r.id for r in rules})
    for rule in rules:
        if kinds[rule.kind].phase == "after-suppression":
            findings.extend(rule.load_check()(an, rule))
    if since is not None:
        findings = _changed_since(repo, since, findings)
    return findings, an


def _changed_since(repo, rev: str, findings: list[Finding]) -> list[Finding]:
    """The findings a location of which (any line of its span) changed after ``rev``, or whose
    reference changed after it (a stale translation)."""
    try:
        commits = repo.changed_since(rev)
    except ValueError as exc:
        raise ConfigError(f"--since: {exc}") from None

    def recent(change) -> bool:
        return change is not None and (not change.commit or change.commit in commits)

    kept = []
    for f in findings:
        if f.revision is not None and recent(f.revision.source_change):
            kept.append(f)
            continue
        for loc in f.locations:
            if not os.path.isfile(loc.path):
                continue
            lines = range(loc.line, max(loc.line, loc.end_line) + 1)
            changes = repo.blame(loc.path, lines)
            # a file git does not track yet is new: every line of it changed after rev
            if not changes or any(recent(c) for c in changes.values()):
                kept.append(f)
                break
    return kept


def resolve_since(value: str | None) -> str | None:
    """``--since auto``: pre-commit's PRE_COMMIT_FROM_REF, else HEAD inside a pre-commit hook (what
    the commit being made changes), else GitHub's pull-request base; None (no filter) otherwise."""
    if value != "auto":
        return value
    env = os.environ
    if env.get("PRE_COMMIT_FROM_REF"):
        return env["PRE_COMMIT_FROM_REF"]
    if env.get("PRE_COMMIT") == "1":
        return "HEAD"
    if env.get("GITHUB_BASE_REF"):
        return "origin/" + env["GITHUB_BASE_REF"]
    return None


def _per_unit_source_loader(bundle: Bundle):
    """``load_source_document`` when every file of ``bundle`` is PO/XLIFF, else ``None``.

    Also ``None`` when the per-unit loaders are not available: the files are
    then checked as they load.
    """
    if not bundle.paths or not all(is_per_unit(p) for p in bundle.paths):
        return None
    from .. import documents

    return getattr(documents, "load_source_document", None)


Result = tuple[list[Finding], list[tuple[str, str]]]


def check_one(bundle: Bundle, rules, source: str | None, history: bool = True, since: str | None = None,
              views: bool = False, vocabulary=None) -> Result:
    findings, an = check_bundle(bundle, rules, source=source, history=history, since=since, vocabulary=vocabulary)
    versions = [(d.path, d.locale) for d in an.documents]
    if views:  # the html and csv reports: (findings, versions, view)
        from .view import bundle_view

        return findings, versions, bundle_view(an)  # type: ignore[return-value]
    return findings, versions

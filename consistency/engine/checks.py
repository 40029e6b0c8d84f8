"""Check functions, one per rule kind (see ``registry.KINDS``).

Each takes the bundle's :class:`~consistency.engine.analysis.BundleAnalysis`
and the :class:`~consistency.engine.registry.Rule`, and yields findings.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from typing import Iterable, Iterator

import regex

from ..compare import agree, claim_key, comparable, describe_value, display_value
from ..model import Change, Claim, ClaimKind, Finding, Location, Revision
from .analysis import BundleAnalysis, Cluster, _informative
from .baseline import fingerprint, text_key
from .revisions import judge

__all__ = [
    "check_coverage",
    "check_date_mismatch",
    "check_quantity_mismatch",
    "check_quantity_missing",
    "check_translation_stale",
    "check_unused_suppression",
]


def _location(an: BundleAnalysis, v: int, start: int, end: int, role: str, value: str | None) -> Location:
    doc = an.documents[v]
    index = an.indexes[v]
    line, col = index.position(start)
    end_line, end_col = index.position(end)
    return Location(
        path=doc.path, locale=doc.locale, role=role, start=start, end=end, line=line, column=col,
        end_line=end_line, end_column=end_col, text=doc.text[start:end], value=value,
    )


def _claim_location(an: BundleAnalysis, v: int, c: Claim, role: str, change: Change | None = None) -> Location:
    loc = replace(_location(an, v, c.start, c.end, role, describe_value(c)), display=display_value(c))
    return loc if change is None else replace(loc, change=change)


def _finding(an: BundleAnalysis, rule, message: str, locations: list[Location], key: str,
             revision: Revision | None = None) -> Finding:
    locales = [loc.locale for loc in locations]
    return Finding(
        rule=rule.id, name=rule.name, level=rule.level, category=rule.category, message=message,
        bundle=an.bundle, fingerprint=fingerprint(rule.id, an.bundle, locales, key),
        locations=tuple(sorted(locations, key=lambda loc: loc.role != "deviant")), revision=revision,
    )


def _deviants(an: BundleAnalysis, cluster: Cluster, tolerance: float) -> tuple[list[int], list[int]]:
    """Split a cluster's versions into (deviant, reference).

    With a declared source, versions that disagree with it deviate.  Otherwise
    the versions agreeing with the most others are the reference; ties go to
    the pivot's side."""
    members = cluster.members
    versions = sorted(members)
    if an.source is not None and an.source in members:
        ref = members[an.source]
        dev = [v for v in versions if v != an.source and not agree(ref, members[v], relative_tolerance=tolerance)]
        return dev, [v for v in versions if v not in dev]
    score = {
        v: sum(1 for w in versions if w != v and agree(members[v], members[w], relative_tolerance=tolerance))
        for v in versions
    }
    best = max(score.values())
    pivot = 0 if an.source is None else an.source
    candidates = [v for v in versions if score[v] == best]
    # the best-supported versions may disagree among themselves (2 against 2, or nobody agreeing
    # with anybody): the reference is the pivot's side (the canonical first version, English where
    # there is one) and only the versions that agree with it; never a deviant equal to its reference
    anchor = pivot if pivot in candidates else candidates[0]
    refs = [v for v in candidates
            if v == anchor or agree(members[anchor], members[v], relative_tolerance=tolerance)]
    dev = [v for v in versions if v not in refs]
    return dev, refs


def _tie(an: BundleAnalysis, cluster: Cluster, deviant: list[int], reference: list[int], tolerance: float) -> bool:
    """Whether as many versions give a deviant's value as give the reference's (no source declared)."""
    if an.source is not None:
        return False
    members = cluster.members
    return any(1 + sum(1 for e in deviant if e != d and agree(members[d], members[e], relative_tolerance=tolerance))
               >= len(reference) for d in deviant)


def _disagreements(an: BundleAnalysis, tolerance: float, *, dates: bool | None) -> Iterator[tuple]:
    """``(cluster, deviant, reference, verdict)`` for each cluster whose claims disagree; ``dates``
    None takes dates and figures.  ``verdict`` is the history's (None outside git); where it has
    one, its roles replace those the values alone give."""
    for cluster in an.clusters:
        if len(cluster.members) < 2:
            continue
        sample = next(iter(cluster.members.values()))
        if dates is not None and (sample.kind is ClaimKind.DATE) != dates:
            continue
        members = cluster.members
        if all(agree(members[a], members[b], relative_tolerance=tolerance)
               for a in members for b in members if a < b):
            continue
        # agreement is not transitive across readings (80 度 as a count, 80 degrees,
        # 27 ºC): a cluster whose members all agree with one of them is consistent
        if any(all(agree(members[r], members[w], relative_tolerance=tolerance) for w in members if w != r)
               for r in members):
            continue
        deviant, reference = _deviants(an, cluster, tolerance)
        verdict = judge(an, cluster, deviant, reference, tolerance)
        if verdict is not None:
            deviant, reference = verdict.deviant, verdict.reference
        yield cluster, deviant, reference, verdict


def _disagreement_findings(an: BundleAnalysis, rule, *, dates: bool | None, stale: bool) -> Iterator[Finding]:
    """Findings for the deviants of each disagreement: the stale ones (STL001) with ``stale``,
    else the others (QTY001/DAT001; every deviant when no STL001 rule runs)."""
    tolerance = float(rule.options.get("relative_tolerance", an.relative_tolerance))
    for cluster, deviant, reference, verdict in _disagreements(an, tolerance, dates=dates):
        members = cluster.members
        for v in deviant:
            is_stale = verdict is not None and verdict.stale(v)
            if stale != is_stale and (stale or an.report_stale):
                continue
            c = members[v]
            refs = [w for w in reference if not agree(c, members[w], relative_tolerance=tolerance)] or reference
            changes = verdict.changes if verdict is not None else {}
            locations = [_claim_location(an, v, c, "deviant", changes.get(v))]
            locations += [_claim_location(an, w, members[w], "reference", changes.get(w)) for w in refs]
            other = members[refs[0]]
            revision = verdict.revisions.get(v) if verdict is not None else None
            fields = dict(
                locale=an.documents[v].locale, value=display_value(c), text=c.text,
                other_locale=", ".join(an.documents[w].locale for w in refs),
                other_value=display_value(other), other_text=other.text, unit=c.unit or "",
            )
            if revision is not None and revision.source_change is not None:
                fields.update(commit=revision.source_change.describe(), previous_value=revision.previous_value or "")
            message = rule.format_message(**fields)
            if verdict is not None and verdict.basis == "latest" and not stale:
                latest = changes.get(refs[0])
                if latest is not None:
                    message += f" ({an.documents[refs[0]].locale} changed it most recently: {latest.describe()})"
            elif verdict is None and _tie(an, cluster, deviant, reference, tolerance):
                message += (f" (a tie: as many versions give each value; {an.documents[refs[0]].locale} is the "
                            "reference only as the first version — declare the source to settle it)")
            key = claim_key(c) + " | " + " | ".join(claim_key(members[w]) for w in refs)
            yield _finding(an, rule, message, locations, key, revision)


def _mismatches(an: BundleAnalysis, rule, *, dates: bool) -> Iterator[Finding]:
    return _disagreement_findings(an, rule, dates=dates, stale=False)


def check_translation_stale(an: BundleAnalysis, rule) -> Iterable[Finding]:
    """STL001: a translation still holds the value its source had before a later change."""
    if not getattr(an, "history", None):
        return ()
    return _disagreement_findings(an, rule, dates=None, stale=True)


def check_quantity_mismatch(an: BundleAnalysis, rule) -> Iterable[Finding]:
    """QTY001: corresponding figures whose values disagree."""
    return _mismatches(an, rule, dates=False)


def check_date_mismatch(an: BundleAnalysis, rule) -> Iterable[Finding]:
    """DAT001: corresponding dates or periods that disagree."""
    return _mismatches(an, rule, dates=True)


_RAW_NUMBER = regex.compile(r"\d+(?:[.,'’\u00a0 ]\d+)*")


def _raw_values(text: str) -> set[Decimal]:
    """Every value a digit run in ``text`` could mean, read loosely (either
    separator as decimal or group): the safety net for forms the extractor
    reads differently in two languages (89th minute vs 89分, 550 pounds as
    weight vs 550ポンド as money)."""
    out: set[Decimal] = set()
    for token in _RAW_NUMBER.findall(text):
        plain = regex.sub(r"[.,'’\u00a0 ]", "", token)
        out.add(Decimal(plain))
        for sep in ".,":
            if token.count(sep) == 1:
                other = "," if sep == "." else "."
                out.add(Decimal(token.replace(other, "").replace("\u00a0", "").replace(" ", "").replace(sep, ".")
                                .replace("'", "").replace("’", "")))
    return out


def _stated_somehow(an: BundleAnalysis, v: int, cluster: Cluster) -> bool:
    """Does version ``v``'s passage hold the cluster's value in any form?"""
    group = an.groups[cluster.group][v]
    values: set[Decimal] = set()
    for b in group:
        block = an.documents[v].blocks[b]
        values |= _raw_values(block.text)
        for c in an.claims[v][b]:
            values.update(x for x in (c.value, c.low, c.high) if isinstance(x, Decimal))
    for c in cluster.members.values():
        for x in (c.value, c.low, c.high):
            if isinstance(x, Decimal) and x in values:
                return True
    # a conversion the other version gives only once: "six meters (18 feet)" vs "sechs Meter"
    for b in group:
        for other in an.claims[v][b]:
            for c in cluster.members.values():
                if comparable(c, other) and agree(c, other, relative_tolerance=an.relative_tolerance):
                    return True
    return False


def check_quantity_missing(an: BundleAnalysis, rule) -> Iterator[Finding]:
    """QTY002: a figure in one version's passage with no counterpart in another."""
    n = len(an.documents)
    for cluster in an.clusters:
        group = an.groups[cluster.group]
        present = [v for v in range(n) if group[v]]  # versions that have this passage
        if len(present) < 2:
            continue  # the passage itself is missing: COV001 reports it
        missing = [v for v in present if v not in cluster.members]
        missing = [v for v in missing if not _stated_somehow(an, v, cluster)]
        if not missing:
            continue
        holders = sorted(cluster.members)
        claims = [cluster.members[v] for v in holders]
        if not any(_informative(c) for c in claims):
            continue
        rep_v = holders[0]
        rep = cluster.members[rep_v]
        majority = len(holders) > len(missing) or (an.source is not None and an.source in holders)
        locations: list[Location] = []
        for v in holders:
            locations.append(_claim_location(an, v, cluster.members[v], "reference" if majority else "deviant"))
        for v in missing:
            span = an.group_span(v, cluster.group)
            start, end = span if span else (an.insertion_point(v, cluster.group),) * 2
            locations.append(_location(an, v, start, end, "deviant" if majority else "reference", None))
        message = rule.format_message(
            locale=", ".join(an.documents[v].locale for v in holders), value=display_value(rep), text=rep.text,
            other_locale=", ".join(an.documents[v].locale for v in missing), other_value="", other_text="",
            unit=rep.unit or "",
        )
        key = claim_key(rep) + " missing in " + ",".join(an.documents[v].locale for v in missing)
        yield _finding(an, rule, message, locations, key)


def check_coverage(an: BundleAnalysis, rule) -> Iterator[Finding]:
    """COV001: runs of blocks in some versions with no counterpart in others."""
    n = len(an.documents)
    min_chars = int(rule.options.get("min_chars", 1))
    runs: list[tuple[tuple[int, ...], list[int]]] = []  # (present versions, groups)
    for g, group in enumerate(an.groups):
        present = tuple(v for v in range(n) if group[v])
        if len(present) == n:
            continue
        if runs and runs[-1][0] == present and runs[-1][1][-1] == g - 1:
            runs[-1][1].append(g)
        else:
            runs.append((present, [g]))
    pivot = an.source if an.source is not None else 0
    for present, groups in runs:
        absent = [v for v in range(n) if v not in present]
        held = {v: [b for g in groups for b in an.groups[g][v]] for v in present}
        if n >= 3 and not an.keyed:
            # The groups align every version to the pivot.  Two translations that agree with
            # each other and not with the pivot (tldr: en has eight examples, ja and de the same
            # four others) are compared directly: a translation's block that a direct alignment
            # pairs with every version said to lack it is no missing passage, and a version
            # that directly holds every such block lacks nothing.
            for v in present:
                if v != pivot:
                    held[v] = [b for b in held[v] if any(b not in an.direct_counterparts(v, w) for w in absent)]
            present = tuple(v for v in present if held[v])
            if pivot not in present:
                absent = [w for w in absent if w == pivot or not all(
                    b in an.direct_counterparts(v, w) for v in present for b in held[v])]
            if not present or not absent:
                continue
        majority = len(present) > len(absent) or (an.source is not None and an.source in present)
        locations = []
        chars = 0
        described = []
        key_text = []
        for v in present:
            blocks = held[v]
            doc = an.documents[v]
            start, end = doc.blocks[blocks[0]].start, doc.blocks[blocks[-1]].end
            chars = max(chars, sum(len(doc.blocks[b].text.strip()) for b in blocks))
            first, last = blocks[0] + 1, blocks[-1] + 1
            described.append(f"{first}-{last}" if last > first else f"{first}")
            key_text.append(doc.text[start:end])
            locations.append(_location(an, v, start, end, "reference" if majority else "deviant", None))
        if chars < min_chars:
            continue
        for v in absent:
            point = an.insertion_point(v, groups[0])
            locations.append(_location(an, v, point, point, "deviant" if majority else "reference", None))
        if len(set(described)) == 1:
            blocks = described[0]
        else:
            blocks = ", ".join(f"{d} ({an.documents[v].locale})" for d, v in zip(described, present))
        message = rule.format_message(
            locale=", ".join(an.documents[v].locale for v in present),
            blocks=blocks, chars=f"{chars:,}",
            other_locale=", ".join(an.documents[v].locale for v in absent),
        )
        yield _finding(an, rule, message, locations, text_key("\n".join(key_text)))


def check_unused_suppression(an: BundleAnalysis, rule) -> Iterable[Finding]:
    """SUP001: computed by the runner, which alone knows what every suppression matched."""
    return ()

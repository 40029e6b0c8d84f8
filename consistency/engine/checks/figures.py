"""The figure rules: QTY001 (figures disagree), QTY002 (a figure missing), QTY003 (scores, times
and ratios disagree), DAT001 (dates disagree), DAT002 (days of the week disagree), STL001 (a translation still holds the source's previous value).

They read the figure clusters of the bundle (:mod:`consistency.match.clusters`) and decide who
deviates: with a declared source, the versions that disagree with it (but where two or more
translations agree with each other against it and are no fewer than its side, one finding says
"source suspected" and points at the source); otherwise the versions that agree with fewest
others. A tie among three or more versions (as many versions give each value) is one finding,
"unresolved", naming every side with the role ``tied`` and none deviant; between two versions the
first is the reference, and the message says it is a tie.
With the versions' git history (:mod:`consistency.engine.revisions`) the history's verdict
replaces the roles the values alone give, and a stale translation is STL001's.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Iterable, Iterator

import regex

from ...display import display_value
from ...extract.pairs import NumberPair, number_pairs, same_pair
from ...extract.patterns import DIGIT
from ...extract.weekdays import weekday_mentions
from ...locale.calendars import clock_offset
from ...locale.packs import reads_number_words
from ...locale.tags import language
from ...match.agreement import agree, claim_key, comparable
from ...match.clusters import Cluster, informative
from ...model import Claim, ClaimKind, Finding, Location
from ..revisions import judge
from .common import claim_location, finding, location

if TYPE_CHECKING:
    from ...match.analysis import BundleAnalysis

__all__ = [
    "check_date_mismatch",
    "check_pair_mismatch",
    "check_quantity_mismatch",
    "check_quantity_missing",
    "check_translation_stale",
    "check_weekday_mismatch",
]


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
    pivot = an.pivot
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
        if verdict is None and not stale:
            against = _against_the_source(an, cluster, deviant, reference, tolerance)
            if against:  # the translations agree with each other, not with the source: one finding
                yield _source_suspected(an, rule, cluster, against)
                deviant = [v for v in deviant if v not in against]
            elif len(members) > 2 and _tie(an, cluster, deviant, reference, tolerance):
                yield _unresolved(an, rule, cluster, deviant, reference, tolerance)
                continue
        for v in deviant:
            is_stale = verdict is not None and verdict.stale(v)
            if stale != is_stale and (stale or an.report_stale):
                continue
            c = members[v]
            refs = [w for w in reference if not agree(c, members[w], relative_tolerance=tolerance)] or reference
            changes = verdict.changes if verdict is not None else {}
            locations = [claim_location(an, v, c, "deviant", changes.get(v))]
            locations += [claim_location(an, w, members[w], "reference", changes.get(w)) for w in refs]
            revision = verdict.revisions.get(v) if verdict is not None else None
            fields = _fields(an, cluster, [v], refs)
            if revision is not None and revision.source_change is not None:
                fields.update(commit=revision.source_change.describe(), previous_value=revision.previous_value or "")
            message = rule.format_message(**fields)
            if verdict is not None and verdict.basis == "latest" and not stale:
                latest = changes.get(refs[0])
                if latest is not None:
                    message += f" ({an.documents[refs[0]].locale} changed it most recently: {latest.describe()})"
            elif verdict is None and _tie(an, cluster, deviant, reference, tolerance):  # two versions
                message += (f" (a tie: as many versions give each value; {an.documents[refs[0]].locale} is the "
                            "reference only as the first version — declare the source to settle it)")
            key = claim_key(c) + " | " + " | ".join(claim_key(members[w]) for w in refs)
            yield finding(an, rule, message, locations, key, revision)


def _against_the_source(an: BundleAnalysis, cluster: Cluster, deviant: list[int], reference: list[int],
                        tolerance: float) -> list[int]:
    """With a declared source, the largest set of at least two translations that agree with each
    other against it and are no fewer than the versions agreeing with the source (the source
    included): then the source is suspected.  Else empty."""
    if an.source is None or an.source not in cluster.members:
        return []
    members = cluster.members
    best: list[int] = []
    for d in deviant:
        side = [e for e in deviant if agree(members[d], members[e], relative_tolerance=tolerance)]
        if len(side) > len(best):
            best = side
    return best if len(best) >= 2 and len(best) >= len(reference) else []


def _fields(an: BundleAnalysis, cluster: Cluster, side: list[int], other: list[int]) -> dict:
    """A figure rule's message fields for the versions ``side`` against ``other``."""
    members = cluster.members
    c, o = members[side[0]], members[other[0]]
    return dict(locale=", ".join(an.documents[v].locale for v in side), value=display_value(c), text=c.text,
                other_locale=", ".join(an.documents[w].locale for w in other), other_value=display_value(o),
                other_text=o.text, unit=c.unit or "")


def _source_suspected(an: BundleAnalysis, rule, cluster: Cluster, against: list[int]) -> Finding:
    """One finding about the source, where translations agree with each other against it."""
    members = cluster.members
    source = an.source
    assert source is not None
    message = (rule.format_message(**_fields(an, cluster, [source], against))
               + f" — source suspected: {len(against)} translations agree with each other, not with the source")
    locations = [claim_location(an, source, members[source], "deviant")]
    locations += [claim_location(an, w, members[w], "reference") for w in against]
    key = "source suspected | " + claim_key(members[source]) + " | " + claim_key(members[against[0]])
    return finding(an, rule, message, locations, key)


def _unresolved(an: BundleAnalysis, rule, cluster: Cluster, deviant: list[int], reference: list[int],
                tolerance: float) -> Finding:
    """One finding for a tie (no source declared, as many versions give each value): every side
    named, none deviant."""
    members = cluster.members
    sides: list[list[int]] = [reference]
    for v in deviant:
        for side in sides[1:]:
            if agree(members[side[0]], members[v], relative_tolerance=tolerance):
                side.append(v)
                break
        else:
            sides.append([v])
    first, *rest = sides
    message = rule.format_message(**_fields(an, cluster, first, [v for side in rest for v in side]))
    message += " — unresolved: as many versions give each value; declare the source to settle it"
    locations = [claim_location(an, v, members[v], "tied") for side in sides for v in side]
    key = "tie | " + " | ".join(sorted(claim_key(members[side[0]]) for side in sides))
    return finding(an, rule, message, locations, key)


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


def _passage_values(an: BundleAnalysis, v: int, group: tuple[int, ...]) -> frozenset[Decimal]:
    """Every value the blocks ``group`` of version ``v`` state, read loosely or as claims; computed
    once per passage (a paragraph with many figures asked once per figure was quadratic)."""
    key = ("figures:passage-values", v, group)
    if key not in an.derived:
        values: set[Decimal] = set()
        for b in group:
            values |= _raw_values(an.documents[v].blocks[b].text)
            for c in an.claims[v][b]:
                values.update(x for x in (c.value, c.low, c.high) if isinstance(x, Decimal))
        an.derived[key] = frozenset(values)
    return an.derived[key]


def _decade_year(c: Claim) -> int | None:
    """The first year of a decade claim (``the 1980s``: 1980), else None."""
    if c.kind is not ClaimKind.DATE or not c.label or not (m := _DECADE_LABEL.fullmatch(c.label)):
        return None
    return int(m.group(1))


def _decade_written(an: BundleAnalysis, v: int, group: tuple[int, ...], c: Claim, values: frozenset[Decimal]) -> bool:
    """A decade and the same decade written with its century elided, as most languages may
    (``the 1980s``; ``los años 80``, ``lat 80.``, ``80-е``, ``80'lerde``, ``anni '80``), which no
    reading of a language without a pack knows: either way round, ``c`` against the passage of
    version ``v`` (its ``values``, its claims)."""
    year = _decade_year(c)
    if year is not None:
        return Decimal(year) in values or (year % 100 != 0 and Decimal(year % 100) in values)
    if c.kind is ClaimKind.COUNT and c.unit is None and c.value in _ELIDED_DECADES:
        return any((y := _decade_year(other)) is not None and y % 100 == c.value
                   for b in group for other in an.claims[v][b])
    return False


_DECADE_LABEL = regex.compile(r"(\d{3}0)s")
_ELIDED_DECADES = frozenset(Decimal(10 * k) for k in range(1, 10))


def _stated_somehow(an: BundleAnalysis, v: int, cluster: Cluster) -> bool:
    """Does version ``v``'s passage hold the cluster's value in any form?"""
    group = an.groups[cluster.group][v]
    values = _passage_values(an, v, group)
    for c in cluster.members.values():
        for x in (c.value, c.low, c.high):
            if isinstance(x, Decimal) and x in values:
                return True
        if c.kind is ClaimKind.DATE and isinstance(c.low, date) and isinstance(c.high, date) \
                and c.low.year == c.high.year and (c.high - c.low).days >= 80 and Decimal(c.low.year) in values:
            # a year, or a half or quarter of one, whose year is written there as a plain number
            # (Hebrew ב-2027, "in 2027"); a day or a month needs more than its year
            return True
        if _decade_written(an, v, group, c, values):
            return True
    # a conversion the other version gives only once: "six meters (18 feet)" vs "sechs Meter"
    for b in group:
        for other in an.claims[v][b]:
            for c in cluster.members.values():
                if comparable(c, other) and agree(c, other, relative_tolerance=an.relative_tolerance):
                    return True
    return False


def _spelled(c: Claim) -> bool:
    """Whether a claim is written without digits (three years, 三年, a dozen)."""
    return DIGIT.search(c.text) is None


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
        if all(_spelled(c) for c in cluster.members.values()):
            # written in words wherever it is written: a version whose language's number words
            # cannot be read (no pack, no ICU spell-out rules) may write it so too
            missing = [v for v in missing if reads_number_words(language(an.documents[v].locale))]
        if not missing:
            continue
        holders = sorted(cluster.members)
        claims = [cluster.members[v] for v in holders]
        if not any(informative(c) for c in claims):
            continue
        rep_v = holders[0]
        rep = cluster.members[rep_v]
        majority = an.holds_reference(holders, missing)
        locations: list[Location] = []
        for v in holders:
            locations.append(claim_location(an, v, cluster.members[v], "reference" if majority else "deviant"))
        for v in missing:
            span = an.group_span(v, cluster.group)
            start, end = span if span else (an.insertion_point(v, cluster.group),) * 2
            locations.append(location(an, v, start, end, "deviant" if majority else "reference", None))
        message = rule.format_message(
            locale=", ".join(an.documents[v].locale for v in holders), value=display_value(rep), text=rep.text,
            other_locale=", ".join(an.documents[v].locale for v in missing), other_value="", other_text="",
            unit=rep.unit or "",
        )
        key = claim_key(rep) + " missing in " + ",".join(an.documents[v].locale for v in missing)
        yield finding(an, rule, message, locations, key)


@dataclass(frozen=True)
class _Held:
    """A score, time, ratio or weekday one version writes: where, as written, what it states (the
    numbers, or the day), and the figure claim that covers it, if any (a range the figure rules
    read, ``10-15``)."""

    start: int
    end: int
    text: str
    pair: NumberPair | None = None
    day: int | None = None
    claim: Claim | None = None
    #: the hours the version's clock counts from (locale/data/clock.toml [offset])
    clock_offset: int = 0


def _same(a: _Held, b: _Held) -> bool:
    if a.pair is not None and b.pair is not None:
        return same_pair(a.pair, b.pair, a.clock_offset, b.clock_offset)
    return a.day is not None and a.day == b.day


def _held_pairs(an: BundleAnalysis, v: int, blocks: tuple[int, ...]) -> list[_Held]:
    """The number pairs of version ``v``'s blocks, in file offsets; a pair inside a figure with a
    unit or currency (``10-15 km``, a measured range) is the figure rules' alone."""
    out = []
    doc = an.documents[v]
    offset = clock_offset(language(doc.locale))  # sw saa 6:55 is 12:55
    for b in blocks:
        block = doc.blocks[b]
        claims = an.claims[v][b]
        for p in number_pairs(block.text, language(doc.locale)):
            start, end = block.start + p.start, block.start + p.end
            over = [c for c in claims if c.start < end and start < c.end]
            if any(c.unit or c.kind is ClaimKind.DATE for c in over):
                continue
            out.append(_Held(start, end, p.text, pair=p, claim=over[0] if over else None, clock_offset=offset))
    return out


def _held_weekdays(an: BundleAnalysis, v: int, blocks: tuple[int, ...]) -> list[_Held]:
    doc = an.documents[v]
    return [_Held(block.start + s, block.start + e, text, day=day)
            for b in blocks for block in (doc.blocks[b],)
            for s, e, text, day in weekday_mentions(block.text, doc.locale)]


def _unmatched(mine: list[_Held], theirs: list[_Held]) -> tuple[list[_Held], list[_Held]]:
    """What is left of each side once every item is matched with one that states the same."""
    left = list(theirs)
    alone = []
    for h in mine:
        k = next((i for i, t in enumerate(left) if _same(h, t)), None)
        if k is None:
            alone.append(h)
        else:
            del left[k]
    return alone, left


def _held_locations(an: BundleAnalysis, held: dict[int, list[_Held]], versions: list[int], first: _Held,
                    role: str) -> Iterator[Location]:
    """Where each of ``versions`` writes ``first`` (written by the first of them) or what states
    the same, in the versions' order."""
    for w in sorted(versions):
        h = first if w == versions[0] else next(h for h in held[w] if _same(first, h))
        yield location(an, w, h.start, h.end, role, h.text)


def _leftover_findings(an: BundleAnalysis, rule, held_of) -> Iterator[Finding]:
    """Findings of ``rule`` for what corresponding passages write differently, where both write
    something of the kind ``held_of(an, v, blocks)`` reads: what is left on both sides once the
    equal ones are matched, paired in the order it is written; the deviant chosen as the other
    figure rules choose it."""
    n = len(an.documents)
    for group in an.groups:
        held = {v: held_of(an, v, group[v]) for v in range(n) if group[v]}
        held = {v: h for v, h in held.items() if h}
        if len(held) < 2:
            continue
        ref = an.pivot if an.pivot in held else min(held)
        reported: set[tuple[int, int]] = set()
        for v in sorted(held):
            if v == ref:
                continue
            alone, left = _unmatched(held[v], held[ref])
            for x, r in zip(alone, left):
                if x.claim is not None and r.claim is not None and comparable(x.claim, r.claim) and not agree(
                        x.claim, r.claim, relative_tolerance=an.relative_tolerance):
                    continue  # two ranges that do not overlap: QTY001 reports them
                with_x = [v] + [w for w in held if w not in (v, ref) and any(_same(x, h) for h in held[w])]
                with_r = [ref] + [w for w in held if w not in (v, ref) and any(_same(r, h) for h in held[w])]
                if an.holds_reference(with_r, with_x):
                    deviant, dv, reference, rv = x, with_x, r, with_r
                else:
                    deviant, dv, reference, rv = r, with_r, x, with_x
                if (dv[0], deviant.start) in reported:
                    continue
                reported.add((dv[0], deviant.start))
                locations = [*_held_locations(an, held, dv, deviant, "deviant"),
                             *_held_locations(an, held, rv, reference, "reference")]
                message = rule.format_message(
                    locale=", ".join(an.documents[w].locale for w in sorted(dv)), value=_shown(deviant),
                    text=deviant.text, other_locale=", ".join(an.documents[w].locale for w in sorted(rv)),
                    other_value=_shown(reference), other_text=reference.text, unit="")
                yield finding(an, rule, message, locations, _key(deviant) + " vs " + _key(reference))


_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _shown(h: _Held) -> str:
    return _DAYS[h.day] if h.day is not None else h.text


def _key(h: _Held) -> str:
    return ("day " + _DAYS[h.day]) if h.day is not None else "pair " + "-".join(map(str, h.pair.numbers if h.pair else ()))


def check_pair_mismatch(an: BundleAnalysis, rule) -> Iterator[Finding]:
    """QTY003: a score, record, game clock, time of day or ratio that corresponding passages write
    with other numbers (``2-1`` / ``2-10``; ``19:45`` / ``19:54``).  Only passages where both
    versions write such pairs are compared, and only pairs left over on both sides once the
    equal ones are matched, in the order they are written: a version that words the score or
    writes the time another way (``7pm``, ``19 Uhr``) has nothing to compare."""
    yield from _leftover_findings(an, rule, _held_pairs)


def check_weekday_mismatch(an: BundleAnalysis, rule) -> Iterator[Finding]:
    """DAT002: a day of the week that corresponding passages name differently (``Tuesday`` /
    ``Mittwoch``), by the same leftovers as QTY003: only passages where both versions name a day,
    never a day one version leaves out."""
    yield from _leftover_findings(an, rule, _held_weekdays)

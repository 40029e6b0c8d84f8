"""Figure clusters: the claims of one aligned group that state the same figure, one per version.

Contract: :func:`cluster_claims` takes the aligned groups (``groups[g][v]``: the block indexes
of version ``v`` in group ``g``), the claims per block (``claims[v][b]``), the pivot version and
the relative tolerance, and returns one :class:`Cluster` per figure, in group order.  A claim
belongs to exactly one cluster.  Within a group, claims pair first with an *agreeing* claim
(one of the same normalized value if there is one, else the first in text order), then with the
one remaining *plausible* mistranslation of it (same unit, or
the same number with another unit), the closest kind of slip first (:func:`pair_rank`: where
one claim is the same number with another unit, it is the partner, though a wrong conversion
would also be plausible), version by version against the pivot, then among the other versions; a claim left over opens its own cluster (a figure the other versions lack).
Who deviates is the rules' decision, not this module's.

A passage with more than :data:`MAX_PAIRED` claims in one version (a table pasted as one
paragraph, a sentence repeated thousands of times) would cost time quadratic in them; there
claims pair only with a claim of the same normalized value (:func:`~.agreement.claim_key`), in
text order, so a changed figure there reads as one figure missing on each side (QTY002), not as
a disagreement (QTY001).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Sequence

from ..extract.patterns import compiled
from ..model import COUNTED_UNITS, Claim, ClaimKind, Qualifier
from .agreement import DEFAULT_RELATIVE_TOLERANCE, agree, claim_key, comparable, counts_alike

#: a figure written in words and a hyphen, no digit: "four-day", "more than seven-year"
_SPELLED_ADJECTIVE = r"[\p{L}\p{M}]+(?:[ \u00a0][\p{L}\p{M}]+)*-[\p{L}\p{M}]+"  # compiled where asked

__all__ = ["MAX_PAIRED", "Cluster", "cluster_claims", "informative", "pair_rank", "plausible_pair", "representative"]

#: the most claims of one version in one passage that are paired by agreement (see above)
MAX_PAIRED = 300


@dataclass
class Cluster:
    """Corresponding claims of one aligned group: at most one per version."""

    group: int
    members: dict[int, Claim] = field(default_factory=dict)


def cluster_claims(groups: Sequence[Sequence[Sequence[int]]], claims: Sequence[Sequence[Sequence[Claim]]],
                   *, pivot: int = 0, relative_tolerance: float = DEFAULT_RELATIVE_TOLERANCE) -> list[Cluster]:
    """Claims matched across versions inside each aligned group (see the module's contract)."""
    n = len(claims)
    out: list[Cluster] = []
    order = [pivot] + [v for v in range(n) if v != pivot]
    for g, group in enumerate(groups):
        pools = {v: [c for b in group[v] for c in claims[v][b]] for v in range(n)}
        if max((len(pool) for pool in pools.values()), default=0) > MAX_PAIRED:
            out.extend(_by_value(g, pools, order))
            continue
        clusters: list[Cluster] = []
        for v in order:
            remaining = list(pools[v])
            # agreeing partners first, in text order
            for cluster in clusters:
                if v in cluster.members or not remaining:
                    continue
                ref = representative(cluster, pivot)
                match = None
                for c in remaining:
                    if comparable(ref, c) and agree(ref, c, relative_tolerance=relative_tolerance):
                        if match is None:
                            match = c
                        if claim_key(c) == claim_key(ref):
                            # the same value written the same way beats a claim that merely agrees
                            # (up to 6 inches: 最大6インチ, not 2から4インチ, whose range it holds)
                            match = c
                            break
                if match is not None:
                    cluster.members[v] = match
                    remaining.remove(match)
            # then disagreeing partners, only where the pairing is unambiguous:
            # the one open claim of its kind on each side (else each is "missing"), the closest
            # kind of slip first (pair_rank: the same number with another unit, 385 miles as
            # 385 km, before the same unit, before a conversion gone wrong)
            open_clusters = [c for c in clusters if v not in c.members]
            candidates = {id(cl): _closest(representative(cl, pivot), remaining) for cl in open_clusters}
            for cl in open_clusters:
                cands = candidates[id(cl)]
                if len(cands) != 1 or cands[0] not in remaining:
                    continue
                c = cands[0]
                rivals = [o for o in open_clusters if c in candidates[id(o)]]
                if len(rivals) == 1:
                    cl.members[v] = c
                    remaining.remove(c)
            for c in remaining:
                clusters.append(Cluster(group=g, members={v: c}))
        out.extend(clusters)
    return out


def _by_value(g: int, pools: dict[int, list[Claim]], order: list[int]) -> list[Cluster]:
    """Clusters of a very large passage: the k-th claim of a normalized value in each version joins
    the k-th cluster of that value, in text order."""
    clusters: list[Cluster] = []
    by_value: dict[str, list[Cluster]] = {}
    for v in order:
        seen: dict[str, int] = {}  # value -> how many claims of it this version has placed
        for c in pools[v]:
            key = claim_key(c)
            k = seen.get(key, 0)
            seen[key] = k + 1
            same = by_value.setdefault(key, [])
            if k < len(same):
                same[k].members[v] = c
            else:
                cluster = Cluster(group=g, members={v: c})
                same.append(cluster)
                clusters.append(cluster)
    return clusters


def informative(c: Claim) -> bool:
    """Figures whose absence or change is worth reporting on their own:
    not vague amounts (数年間, several), not bare counts below ten, which
    translators routinely rephrase (one of his homes, 2つ, zwei), and not an
    amount below ten spelled out in a hyphenated adjective (a four-day week, a
    two-hour delay), which many languages write as one word (firedages,
    czterodniowy, nelipäiväinen) or rephrase."""
    if c.weak or c.kind is ClaimKind.ORDINAL or (c.qualifier is not None and c.qualifier.value == "several"):
        return False  # an ordinal is often spelled out (16th, sechzehnten): compared, never missing
    if c.value is not None and abs(c.value) < 10 and (c.unit is None and c.kind is ClaimKind.COUNT
                                                      or c.unit in COUNTED_UNITS):
        return False  # a count of points is a count: four points, vier Punkte, 4 очка
    if c.value is not None and abs(c.value) < 10 and c.unit is not None and compiled(_SPELLED_ADJECTIVE).fullmatch(c.text):
        return False
    if c.value == 1 and c.qualifier is None:
        return False  # "a year", "einen Monat", "1ヶ月": one is often an article
    if c.kind is ClaimKind.DATE and c.low is None and c.label and c.label.startswith("--") and len(c.label) == 4:
        return False  # a month named without its year (im Juni, 6月)
    return True


def plausible_pair(a: Claim, b: Claim) -> bool:
    """Could ``b`` be a mistranslation of ``a``?  Same unit (8 Mrd. vs 80 Mrd.), the same number
    with another unit (2 GW vs 2 MW, 2 weeks vs 2 months), or a conversion gone wrong (330 feet vs
    200 Meter: :data:`CONVERSION_SLIP`)."""
    if a.weak or b.weak:
        return False  # "a year" is no mistranslation of "2年"
    if a.kind is ClaimKind.MONEY and b.kind is ClaimKind.MONEY and not _same_unit(a, b):
        return a.value is not None and a.value == b.value  # $80 billion vs 80 Milliarden Euro
    if _unit_word_slip(a, b):
        return True
    if not comparable(a, b):
        return False
    if (a.kind is ClaimKind.COUNT or a.unit in COUNTED_UNITS) and informative(a) != informative(b):
        return False  # "1つ" is no mistranslation of "37": a small count pairs with a small count
    if _same_unit(a, b):
        return True
    if _same_number(a, b):
        return True
    if a.value is not None and b.value is not None:
        return _converted_nearby(a, b, a.value, b.value)
    # two ranges converted wrongly, end by end (1 to 4 inches as 2,5 a 10 mm)
    ends = (a.low, a.high, b.low, b.high)
    return a.value is None and b.value is None and None not in ends \
        and _converted_nearby(a, b, a.low, b.low) and _converted_nearby(a, b, a.high, b.high)


def _unit_word_slip(a: Claim, b: Claim) -> bool:
    """The same number with units of different dimensions (80 degrees as 80 per cent, 10 kg as 10
    inches): one unit word mistranslated, though the two measure different things."""
    return a.unit is not None and b.unit is not None and a.unit != b.unit and _same_number(a, b) \
        and not _NOT_SLIPS & {a.kind, b.kind} and not _rate_elided(a.unit, b.unit)


def _rate_elided(a: str, b: str) -> bool:
    """One unit is the other's rate with the "per" left out (winds of 85 miles for 85 mph, where
    the sentence says it is a speed): an elision, not another unit word."""
    return a.partition("/")[0] == b or b.partition("/")[0] == a


#: dates and ordinals (positions, which no unit word turns into a measure), and money: a currency
#: and a unit share words (pound, pt libra, hu font, ja ポンド) far more often than a translator
#: writes a currency for a unit
_NOT_SLIPS = {ClaimKind.DATE, ClaimKind.ORDINAL, ClaimKind.MONEY}


def _same_number(a: Claim, b: Claim) -> bool:
    """The same number, or the same range (``1 to 4``), written with both claims' units: where the
    units differ, a unit word mistranslated (385 miles as 385 km, 1 to 4 inches as 1 to 4 cm)."""
    if a.value is not None or b.value is not None:
        return a.value is not None and a.value == b.value
    return a.qualifier is Qualifier.RANGE and b.qualifier is Qualifier.RANGE \
        and a.low is not None and (a.low, a.high) == (b.low, b.high)


def _closest(a: Claim, pool: Sequence[Claim]) -> list[Claim]:
    """The claims of ``pool`` that could be a mistranslation of ``a`` (:func:`plausible_pair`) and
    are of the closest kind of slip there is among them (:func:`pair_rank`)."""
    ranked = [(pair_rank(a, c), c) for c in pool if plausible_pair(a, c)]
    best = min((r for r, _c in ranked), default=None)
    return [c for r, c in ranked if r == best]


def pair_rank(a: Claim, b: Claim) -> int:
    """How close a slip ``b`` is for ``a``, for two claims :func:`plausible_pair` accepts: 0 the
    same number with another unit (a unit word mistranslated: 385 miles, 385 km), 1 the same unit
    (8 Mrd. for 80 Mrd.), 2 a conversion gone wrong."""
    same = _same_unit(a, b)
    if _same_number(a, b) and not same:
        return 0
    return 1 if same else 2


def _same_unit(a: Claim, b: Claim) -> bool:
    """The same unit, in either claim's reading (es-MX ``$`` is pesos, or US dollars); a count of
    points and a bare count count the same things."""
    return a.unit == b.unit or bool({a.unit, a.alt_unit} & {b.unit, b.alt_unit} - {None}) or counts_alike(a, b)


#: a measure converted wrongly is at most this factor from the right conversion (feet for metres:
#: 3.3; miles for kilometres: 1.6; pounds for kilograms: 2.2; a unit's prefix slipped, millimetres
#: for centimetres, 10, and the conversion rounded: 10 inches, 25.4 cm, written 25 mm)
CONVERSION_SLIP = 12


def _converted_nearby(a: Claim, b: Claim, x, y) -> bool:
    """Two measures ``x`` and ``y`` in ``a``'s and ``b``'s different units of one dimension (330
    feet, 200 Meter) within :data:`CONVERSION_SLIP` of each other once converted: a conversion
    gone wrong."""
    from ..units import convert

    if not (a.unit and b.unit) or a.kind is ClaimKind.MONEY or b.kind is ClaimKind.MONEY or not y:
        return False
    converted = convert(x, a.unit, b.unit)
    if converted is None or converted <= 0 or y <= 0:
        return False
    ratio = converted / y
    return 1 / CONVERSION_SLIP <= ratio <= CONVERSION_SLIP


def representative(cluster: Cluster, pivot: int) -> Claim:
    """The pivot's claim of a cluster, else its first."""
    return cluster.members.get(pivot) or next(iter(cluster.members.values()))

"""Which side changed a disagreeing figure, and when: roles and statuses from the history.

Contract: :func:`judge` takes a bundle analysis whose versions are in git (``an.history`` is a
:class:`~consistency.history.History`), one cluster of corresponding claims that disagree, and
the roles the values alone give (``deviant``, ``reference``); it returns a :class:`Verdict`
with the roles the history supports and, per deviant version, a status:

- **stale**: the version holds a value that its reference had before a later change of the
  reference replaced it (the change is newer than the deviant's own last change of that line,
  and the earlier value is no longer in the reference's line);
- **wrong**: it matches no earlier value of the reference.

The reference is the declared source where there is one (basis ``source``).  Without one, the
version whose claim changed most recently (strictly; an uncommitted change is the newest) is the
reference when there are two versions, or when the others still hold its earlier value (basis
``latest``); otherwise the values decide as before (basis ``majority``).  Versions that agree
with the latest are references too.  ``judge`` returns ``None`` without history.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Iterator, Sequence

from ..display import describe_value
from ..match.agreement import agree, comparable
from ..extract import extract_claims
from ..locale.zawgyi import Reader, read_through
from ..model import Change, Claim, Revision

if TYPE_CHECKING:  # pragma: no cover
    from ..match.analysis import BundleAnalysis
    from ..match.clusters import Cluster

__all__ = ["Verdict", "judge", "line_of"]


@dataclass
class Verdict:
    deviant: list[int]
    reference: list[int]
    basis: str
    changes: dict[int, Change] = field(default_factory=dict)
    revisions: dict[int, Revision] = field(default_factory=dict)

    def stale(self, v: int) -> bool:
        rev = self.revisions.get(v)
        return rev is not None and rev.status == "stale"


def line_of(an: "BundleAnalysis", v: int, claim: Claim) -> int:
    return an.indexes[v].position(claim.start)[0]


def _newer(a: Change, b: Change) -> bool:
    """``a`` is strictly newer than ``b`` (an uncommitted change is newer than any commit)."""
    if not a.commit and b.commit:
        return True
    if not a.commit or not b.commit:
        return False
    return a.timestamp > b.timestamp


def _changes(an: "BundleAnalysis", cluster: "Cluster") -> dict[int, Change]:
    history = an.history
    out: dict[int, Change] = {}
    for v, claim in cluster.members.items():
        line = line_of(an, v, claim)
        change = history.blame(an.documents[v].path, [line]).get(line)
        if change is not None:
            out[v] = change
    return out


def _earlier(an: "BundleAnalysis", ref: int, claim: Claim, deviant: Claim, since: Change | None,
             tolerance: float) -> tuple[Change, Claim, str] | None:
    """The change of ``ref``'s line that replaced a value ``deviant`` still holds, if any."""
    doc = an.documents[ref]
    present = _claims(_line_text(doc.text, claim.start), doc.locale, an.readers[ref])
    for text, change, olds in _history_of(an, ref, claim):
        if since is not None and not _newer(change, since):
            break  # older than the translation's own last change: the translator saw what came after
        for old in olds:
            if not comparable(old, deviant) or not agree(old, deviant, relative_tolerance=tolerance):
                continue
            if any(agree(old, c, relative_tolerance=tolerance) for c in present if comparable(old, c)):
                continue  # the value is still there: not what the change replaced
            return change, old, " ".join(text.split())
    return None


def _history_of(an: "BundleAnalysis", v: int, claim: Claim) -> Iterator[tuple[str, Change, list[Claim]]]:
    """The earlier texts of ``claim``'s line with their claims, walked once per line and kept on the
    analysis (every deviant of a cluster is compared with the same reference)."""
    cache = an.__dict__.setdefault("_earlier_texts", {})
    line = line_of(an, v, claim)
    key = (v, line)
    if key not in cache:
        cache[key] = ([], an.history.earlier_texts(an.documents[v].path, line))
    done, walk = cache[key]
    yield from done
    for text, change in walk:
        item = (text, change, _claims(text, an.documents[v].locale, an.readers[v]))
        done.append(item)
        yield item


@lru_cache(maxsize=4096)
def _claims(text: str, locale: str, reader: Reader | None = None) -> list[Claim]:
    """The claims of an earlier text of a line, read as the version is (Zawgyi as Unicode)."""
    return read_through(reader, extract_claims, text, locale)


def _line_text(text: str, offset: int) -> str:
    begin = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    return text[begin:] if end < 0 else text[begin:end]


def judge(an: "BundleAnalysis", cluster: "Cluster", deviant: Sequence[int], reference: Sequence[int],
          tolerance: float) -> Verdict | None:
    """The verdict on one disagreement (computed once per cluster and tolerance: QTY001, DAT001 and
    STL001 each ask)."""
    if not getattr(an, "history", None):
        return None
    cache = an.__dict__.setdefault("_verdicts", {})
    key = (id(cluster), tolerance)
    if key not in cache:
        cache[key] = (cluster, _judge(an, cluster, deviant, reference, tolerance))
    return cache[key][1]


def _judge(an: "BundleAnalysis", cluster: "Cluster", deviant: Sequence[int], reference: Sequence[int],
           tolerance: float) -> Verdict | None:
    members = cluster.members
    changes = _changes(an, cluster)
    if len(changes) < len(members):
        return None  # a line git cannot tell (a file outside the repository, a blame that failed)

    def stale_against(ref: int, v: int, basis: str) -> Revision | None:
        found = _earlier(an, ref, members[ref], members[v], changes[v], tolerance)
        if found is None:
            return None
        change, old, text = found
        return Revision(status="stale", basis=basis, source_change=change, previous_value=describe_value(old),
                        previous_text=text)

    if an.source is not None and an.source in members:
        basis = "source"
        ref = an.source
        revisions = {v: stale_against(ref, v, basis) or Revision(status="wrong", basis=basis) for v in deviant}
        return Verdict(list(deviant), list(reference), basis, changes, revisions)

    latest = [v for v in members if all(_newer(changes[v], changes[w]) for w in members if w != v)]
    if latest:
        ref = latest[0]
        basis = "latest"
        others = [v for v in sorted(members) if v != ref
                  and not agree(members[ref], members[v], relative_tolerance=tolerance)]
        stale = {v: r for v in others if (r := stale_against(ref, v, basis)) is not None}
        if stale or len(members) == 2:
            revisions = {v: stale.get(v) or Revision(status="wrong", basis=basis) for v in others}
            refs = [v for v in sorted(members) if v not in others]
            return Verdict(others, refs, basis, changes, revisions)
    basis = "majority"
    revisions = {v: Revision(status="wrong", basis=basis) for v in deviant}
    return Verdict(list(deviant), list(reference), basis, changes, revisions)

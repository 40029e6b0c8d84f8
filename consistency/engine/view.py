"""What a report shows of one analysed bundle, in plain data: :func:`bundle_view`.

The HTML and CSV reports show the versions as the engine aligned them, with
each claim's normalized value, the names and quotations it found, and the
claim matrix (the claims it matched across versions).  :func:`bundle_view`
copies exactly that out of a :class:`~consistency.match.analysis.BundleAnalysis`
into small frozen dataclasses, so that reporters need no private names of the
engine, and so that a view crosses process boundaries (``--jobs``: pickled;
pytest-xdist: :meth:`BundleView.as_dict` / :meth:`BundleView.from_dict`, plain
JSON types).

Offsets are code-point offsets into each version's decoded file text, as in
findings, so a finding's location lands on the same characters.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

__all__ = ["BlockView", "BundleView", "MatrixRow", "Span", "VersionView", "bundle_view"]


@dataclass(frozen=True, slots=True)
class Span:
    """A marked stretch of a version's text.

    ``kind``: ``claim`` (``label`` is the normalized value, ``row`` the claim's
    row in :attr:`BundleView.matrix`), ``name`` (``label``: its type, such as person) or
    ``quote`` (``label``: the speaker, when one was found).
    """

    kind: str
    start: int
    end: int
    label: str = ""
    row: int | None = None


@dataclass(frozen=True, slots=True)
class BlockView:
    """One block: its kind (heading, paragraph, list_item, table_cell…) and its prose.

    ``text`` is the file's text at ``start:end`` with markup blanked (see
    :class:`~consistency.model.Block`)."""

    kind: str
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class VersionView:
    path: str
    locale: str
    blocks: tuple[BlockView, ...]
    spans: tuple[Span, ...]  # sorted by (start, -end)


@dataclass(frozen=True, slots=True)
class MatrixRow:
    """Corresponding claims of one aligned group, at most one per version.

    ``cells[v]`` is ``(start, end, surface text, normalized value)`` or ``None``
    where version ``v`` states no counterpart."""

    group: int
    kind: str
    cells: tuple[tuple[int, int, str, str] | None, ...]


@dataclass(frozen=True, slots=True)
class BundleView:
    id: str
    versions: tuple[VersionView, ...]
    #: ``groups[g][v]``: the indexes (into ``versions[v].blocks``) of the blocks of
    #: version ``v`` in aligned group ``g``; empty where ``v`` has no counterpart
    groups: tuple[tuple[tuple[int, ...], ...], ...]
    matrix: tuple[MatrixRow, ...]

    def as_dict(self) -> dict[str, Any]:
        """Plain JSON types (lists, not tuples), for pytest-xdist's report serialisation."""
        return {
            "id": self.id,
            "versions": [{"path": v.path, "locale": v.locale,
                          "blocks": [[b.kind, b.start, b.end, b.text] for b in v.blocks],
                          "spans": [[s.kind, s.start, s.end, s.label, s.row] for s in v.spans]}
                         for v in self.versions],
            "groups": [[list(blocks) for blocks in group] for group in self.groups],
            "matrix": [[r.group, r.kind, [list(c) if c else None for c in r.cells]] for r in self.matrix],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "BundleView":
        return cls(
            id=data["id"],
            versions=tuple(VersionView(v["path"], v["locale"], tuple(BlockView(*b) for b in v["blocks"]),
                                       tuple(Span(*s) for s in v["spans"])) for v in data["versions"]),
            groups=tuple(tuple(tuple(blocks) for blocks in group) for group in data["groups"]),
            matrix=tuple(MatrixRow(g, kind, tuple(tuple(c) if c else None for c in cells))
                         for g, kind, cells in data["matrix"]),
        )


def bundle_view(an: Any) -> BundleView:
    """The report's view of an analysed bundle (a :class:`BundleAnalysis`, or the
    combined analysis of a PO/XLIFF bundle's (source, translation) pairs).

    Names are those the name rules confirm (an entity named in one version and
    matched in another, or proven by vocabulary, gazetteer or capitals); quotations
    are every quotation found, with the speaker the quote rules attribute."""
    parts = getattr(an, "parts", None)
    if parts is not None:
        return _combined_view(an, parts)
    from ..display import display_value

    n = len(an.documents)
    spans: list[list[Span]] = [[] for _ in range(n)]
    matrix: list[MatrixRow] = []
    for cluster in an.clusters:
        row = len(matrix)
        cells: list[tuple[int, int, str, str] | None] = [None] * n
        kind = ""
        for v, claim in cluster.members.items():
            value = display_value(claim)
            cells[v] = (claim.start, claim.end, claim.text, value)
            spans[v].append(Span("claim", claim.start, claim.end, value, row))
            kind = kind or claim.kind.value
        matrix.append(MatrixRow(cluster.group, kind, tuple(cells)))
    for nodes in an.name_links.entities.values():
        for (v, _key), mentions in nodes.items():
            for m in mentions:
                spans[v].append(Span("name", m.start, m.end, m.type or ""))
    for v, per_block in enumerate(an.quotes):
        for quotes in per_block:
            for q in quotes:
                label = q.speaker_text or ""
                spans[v].append(Span("quote", q.start, q.end, label if q.kind == "speech" else "", None))
    versions = tuple(
        VersionView(doc.path, doc.locale,
                    tuple(BlockView(b.kind, b.start, b.end, b.text) for b in doc.blocks),
                    tuple(sorted(set(spans[v]), key=lambda s: (s.start, -s.end, s.kind))))
        for v, doc in enumerate(an.documents))
    return BundleView(an.bundle, versions, tuple(tuple(tuple(g) for g in group) for group in an.groups),
                      tuple(matrix))


def _combined_view(an: Any, parts: list) -> BundleView:
    """A PO/XLIFF bundle: the source version of the first pair, then each translation,
    units in rows by key (the pairs' source versions hold the same units)."""
    views = [bundle_view(part) for part in parts]
    source = views[0].versions[0]
    versions = [source] + [view.versions[1] for view in views]
    keys = [[b.key for b in part.documents[1].blocks] for part in parts]
    source_keys = [b.key for b in parts[0].documents[0].blocks]
    order: list[str] = []
    seen: set = set()
    for key in source_keys + [k for ks in keys for k in ks]:
        if key not in seen:
            seen.add(key)
            order.append(key)
    index = [{k: i for i, k in enumerate(source_keys)}] + [{k: i for i, k in enumerate(ks)} for ks in keys]
    groups = tuple(tuple((index[v][key],) if key in index[v] else () for v in range(len(versions)))
                   for key in order)
    group_of = {key: g for g, key in enumerate(order)}
    rows: dict[tuple, list] = {}  # merge key -> [group, kind, cells]
    remap: list[dict[int, tuple]] = []
    for p, (view, part) in enumerate(zip(views, parts)):
        src_blocks = part.documents[0].blocks
        moved: dict[int, tuple] = {}
        for r, row in enumerate(view.matrix):
            pair = part.groups[row.group]
            key = src_blocks[pair[0][0]].key if pair[0] else part.documents[1].blocks[pair[1][0]].key
            g = group_of[key]
            src = row.cells[0]
            merge: tuple
            if src is not None and pair[0]:
                # the same source claim in every pair: one row (offsets relative to its unit)
                merge = (g, row.kind, src[0] - src_blocks[pair[0][0]].start, src[2])
            else:
                merge = (g, row.kind, p, r)
            entry = rows.setdefault(merge, [g, row.kind, [None] * len(versions)])
            if entry[2][0] is None:
                entry[2][0] = src  # from another pair: a unit the first file lacks (text and value hold)
            entry[2][p + 1] = row.cells[1]
            moved[r] = merge
        remap.append(moved)
    merged = sorted(rows.items(), key=lambda item: item[1][0])
    number = {merge: i for i, (merge, _entry) in enumerate(merged)}
    matrix = tuple(MatrixRow(g, kind, tuple(cells)) for _merge, (g, kind, cells) in merged)

    def renumber(version: VersionView, p: int) -> VersionView:
        spans = tuple(s if s.row is None else Span(s.kind, s.start, s.end, s.label, number[remap[p][s.row]])
                      for s in version.spans)
        return VersionView(version.path, version.locale, version.blocks, spans)

    versions = [renumber(source, 0)] + [renumber(view.versions[1], p) for p, view in enumerate(views)]
    return BundleView(parts[0].bundle, tuple(versions), groups, matrix)

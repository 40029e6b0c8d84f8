"""The name rules: NAM001 (a name missing), NAM002 (a name spelled differently), NAM003 (another
name in its place).

They read the name links of the bundle (:mod:`consistency.match.names`): NAM002 only its
spelling variants; NAM001 and NAM003 are decided together (an entity one version names and
another lacks is a conflict where the other names another entity of the same type there
instead, else it is missing), computed once per bundle whichever of the two runs.  A speaker
that QUO002 reports (:mod:`consistency.match.quotes`) is left to it.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import TYPE_CHECKING, Iterator, cast

import regex

from ...match.issues import Issue, Side
from ...match.names import MIN_SIMILARITY, WINDOW_AFTER, WINDOW_BEFORE, name_type, node_key, reportable, score, tail
from ...model import Finding
from .common import issue_findings

if TYPE_CHECKING:
    from ...match.analysis import BundleAnalysis

__all__ = ["check_name_conflict", "check_name_missing", "check_name_variant"]


def check_name_missing(an: BundleAnalysis, rule) -> Iterator[Finding]:
    """NAM001: a name in one version's passage with no counterpart in another."""
    return issue_findings(an, rule, _missing_and_conflicts_of(an, rule)["name-missing"])


def check_name_variant(an: BundleAnalysis, rule) -> Iterator[Finding]:
    """NAM002: one name spelled differently (Noelle Walsh / Noel Walsh)."""
    return issue_findings(an, rule, _variants(an))


def check_name_conflict(an: BundleAnalysis, rule) -> Iterator[Finding]:
    """NAM003: versions name different entities at the same place."""
    return issue_findings(an, rule, _missing_and_conflicts_of(an, rule)["name-conflict"])


def _missing_and_conflicts_of(an: BundleAnalysis, rule) -> dict[str, list[Issue]]:
    """The NAM001/NAM003 issues of ``an`` for the rule's window, computed once per window (kept
    on the analysis: NAM001 and NAM003 with the same options share one computation)."""
    window = (int(rule.options.get("window_before", WINDOW_BEFORE)), int(rule.options.get("window_after", WINDOW_AFTER)))
    key = ("names:missing", window)
    if key not in an.derived:
        by_kind: dict[str, list[Issue]] = {"name-missing": [], "name-conflict": []}
        for issue in _missing_and_conflicts(an, *window):
            if an.keyed and all(side[0] != an.pivot for side in (*issue.deviant, *issue.reference)):
                # app strings: a capitalised word two translations share (ru Вы, es Qué) where the
                # source unit names nothing is no name another translation dropped
                continue
            by_kind[issue.kind].append(issue)
        an.derived[key] = by_kind
    return an.derived[key]


def _missing_and_conflicts(an: BundleAnalysis, before: int = WINDOW_BEFORE, after: int = WINDOW_AFTER) -> list[Issue]:
    """``name-missing`` and ``name-conflict`` issues, decided together: an entity one version
    names and another lacks is a conflict where the other names another entity there instead."""
    links = an.name_links
    n = len(an.documents)
    issues: list[Issue] = []
    if n < 2:
        return issues
    groups, pools, uf, entities, local = an.groups, links.pools, links.uf, links.entities, links.local
    forms, present = links.forms, links.present
    variants = [item for item, _g in links.variants]
    # quotations first: speaker disagreements explain a missing or extra name (QUO002 reports them)
    speaker_spans = an.quote_pairs.speaker_spans

    variant_spans = {(v, a.start) for v, a, _w, _b in variants} | {(w, b.start) for _v, _a, w, b in variants}
    missing: dict[int, list] = defaultdict(list)  # g -> [(root, holders, missing versions, mention per holder)]
    for g, per in enumerate(pools):
        present_groups = [v for v in range(n) if groups[g][v]]
        if len(present_groups) < 2:
            continue
        roots: dict = {}
        for v in range(n):
            for m in per[v]:
                node = (v, node_key(m))
                root = uf.find(node)
                if root not in entities or not reportable(m):
                    continue
                if not (m.strong or (node, g) in local or (m.entity and m.strong)):
                    continue  # a weak candidate is a name only where it matched one
                if (v, m.start) in speaker_spans:
                    continue
                roots.setdefault(root, {}).setdefault(v, m)
        for root, held in roots.items():
            lacking = []
            for w in present_groups:
                if w in held:
                    continue
                if not forms(root, w):
                    continue  # how this version writes the name is unknown
                if present(root, w, g, held, before=before, after=after):
                    continue
                lacking.append(w)
            if lacking:
                missing[g].append((root, held, lacking))
    source = an.source
    for g, items in missing.items():
        used: set[int] = set()
        for i, (root, held, lacking) in enumerate(items):
            if i in used:
                continue
            # a conflict: the lacking versions name another entity of the same type instead
            partner = None
            for j, (_root2, held2, lacking2) in enumerate(items):
                if j == i or j in used:
                    continue
                if set(held2) == set(lacking) and set(lacking2) >= set(held) - set(held2) and set(held) & set(lacking2):
                    t1 = name_type(held)
                    t2 = name_type(held2)
                    similar = any(score(m1, m2) >= MIN_SIMILARITY for m1 in held.values() for m2 in held2.values())
                    if not similar and (t1 == t2 or t1 is None or t2 is None):
                        partner = j
                        break
            if partner is not None:
                used.update({i, partner})
                root2, held2, lacking2 = items[partner]
                a_side, b_side = held, held2
                # the deviant: the minority, else the one that is not the source (or pivot)
                if len(b_side) > len(a_side) or (source is not None and source in b_side) or (
                    len(a_side) == len(b_side) and source is None and 0 in b_side
                ):
                    a_side, b_side = b_side, a_side
                dev = [(v, m.start, m.end, m.text) for v, m in sorted(b_side.items())]
                ref = [(v, m.start, m.end, m.text) for v, m in sorted(a_side.items())]
                ma = next(iter(a_side.values()))
                mb = next(iter(b_side.values()))
                issues.append(Issue(
                    "name-conflict", g, dev, ref,
                    {"locale": ",".join(str(v) for v in sorted(b_side)), "text": mb.text,
                     "other_locale": ",".join(str(v) for v in sorted(a_side)), "other_text": ma.text},
                    key=f"{mb.key} vs {ma.key}"))
            else:
                used.add(i)
                first = next(iter(held.values()))
                if any((v, m.start) in variant_spans for v, m in held.items()):
                    continue
                if any(m.qualifier for m in held.values()):
                    continue  # "Naples, Italy" / "in Neapel": a qualifier dropped, not a name
                if n > 2 and len(held) < 2 and (source is None or source not in held):
                    continue  # one translation naming what the others leave implicit (英国, トランプ) adds, it does not drop
                if any(score(h, m) >= MIN_SIMILARITY for root2, held2, _l in items for m in held2.values()
                       for h in held.values() if root2 != root):
                    continue  # the same name under another id (Micronesia / ミクロネシア)
                majority = an.holds_reference(list(held), lacking)
                holders: list[Side] = [(v, m.start, m.end, m.text) for v, m in sorted(held.items())]
                absent: list[Side] = []
                for w in lacking:
                    span = cast("tuple[int, int]", an.group_span(w, g))  # w holds the passage
                    absent.append((w, span[0], span[1], None))
                dev, ref = (absent, holders) if majority else (holders, absent)
                issues.append(Issue(
                    "name-missing", g, dev, ref,
                    {"locale": ",".join(str(v) for v in sorted(held)), "text": first.text,
                     "other_locale": ",".join(str(w) for w in lacking)},
                    key=f"{first.key} missing in {','.join(an.documents[w].locale for w in lacking)}"))
    return issues


def _inflected_in_its_language(an: BundleAnalysis, v: int, a, w: int, b) -> bool:
    """Whether one spelling is the other with a case ending, written in a language that inflects
    names with suffixes (``locale/data/inflection.toml``: Hungarian ``Tuskyra``, Basque
    ``Mastodonek``, Slovenian ``Mastodonov``)."""
    from ...locale.inflection import inflection
    from ...locale.tags import language

    rule = inflection()
    for (x, version), (y, _other) in (((a.text, v), (b.text, w)), ((b.text, w), (a.text, v))):
        if (len(x) > len(y) and x.casefold().startswith(y.casefold()) and len(y) >= rule.min_stem
                and len(x) - len(y) <= rule.max_ending and rule.takes_endings(language(an.documents[version].locale))):
            return True
    return False


def _in_pivot(an: BundleAnalysis, group: int, tokens: list[str]) -> bool:
    """Whether the pivot version's unit in ``group`` writes one of ``tokens`` (case folded)."""
    blocks = an.documents[an.pivot].blocks
    text = " ".join(blocks[b].text for b in an.groups[group][an.pivot]).casefold()
    return any(t.casefold() in text for t in tokens)


def _variants(an: BundleAnalysis) -> list[Issue]:
    """``name-variant`` issues: one per misspelling, the deviant being the rarer spelling (or not
    the source's), every version that spells it otherwise a reference."""
    links = an.name_links
    issues: list[Issue] = []
    source = an.source
    folded = links.folded
    seen_variant: dict = {}
    counts = [Counter(regex.findall(r"[\p{Latin}\p{Cyrillic}]+", f)) for f in folded]
    for (v, a, w, b), g in links.variants:
        k = min(len(a.tokens), len(b.tokens))
        a, b = tail(a, k), tail(b, k)
        diff_a = [x for x, y in zip(a.tokens, b.tokens) if x != y] or list(a.tokens)
        diff_b = [y for x, y in zip(a.tokens, b.tokens) if x != y] or list(b.tokens)
        if _inflected_in_its_language(an, v, a, w, b):
            continue  # hu Tuskyra, eu Mastodonek: the name with a case ending, not misspelt
        if an.keyed and an.pivot not in (v, w) and not _in_pivot(an, g, [*diff_a, *diff_b]):
            # app strings: two translations of a capitalised label (sk Verzia SDK, cs Verze SDK) are
            # no one name misspelt unless the source unit writes it too
            continue
        freq_a = sum(c[t] for c in counts for t in diff_a)
        freq_b = sum(c[t] for c in counts for t in diff_b)
        if source is not None:
            a_dev = source == w
        elif freq_a != freq_b:
            a_dev = freq_a < freq_b
        else:
            a_dev = v != 0 and w == 0
        (dv, dm), (rv, rm) = ((v, a), (w, b)) if a_dev else ((w, b), (v, a))
        sig = (g, dv, dm.start)
        if sig in seen_variant:  # one finding per misspelling, every other version a reference
            issue = seen_variant[sig]
            if all(r[0] != rv for r in issue.reference):
                issue.reference.append((rv, rm.start, rm.end, rm.text))
                issue.fields["other_locale"] += f",{rv}"
            continue
        issue = Issue(
            "name-variant", g, [(dv, dm.start, dm.end, dm.text)], [(rv, rm.start, rm.end, rm.text)],
            {"locale": str(dv), "text": dm.text, "other_locale": str(rv), "other_text": rm.text},
            key=f"{dm.key} vs {rm.key}")
        seen_variant[sig] = issue
        issues.append(issue)
    return issues

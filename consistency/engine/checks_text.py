"""Checks of names and quotations across versions (NAM001-3, QUO001-3).

:func:`build_report` runs once per bundle (``BundleAnalysis.text_report``):

1. In every aligned group, the name mentions of each pair of versions are
   matched: the same vocabulary or gazetteer entity; Latin names sharing a
   word (``Michael Elias`` / ``Elias``); across scripts, by transliteration
   (:func:`~consistency.extract.translit.name_similarity`; with the ``ja`` extra
   also UniDic's foreign spelling of a katakana name, where it is written like
   the Latin name), and only for the best *mutual* match of the group, never on
   a lone score.  A weak candidate (a German noun, a katakana run) becomes a
   name only when it matches a strong one.  Spellings that differ slightly are
   *variants* (NAM002).
2. Matched mentions are joined into entities across the whole bundle, so the
   tool learns how each version writes each name (``Walsh`` / ``Walsh``,
   ``Barclays`` / ``バークレイズ``).
3. An entity held in one version's passage whose known forms do not occur in
   another version's passage (or in the three passages before it, where a
   pronoun may stand for it) is missing (NAM001); when the other version names
   an entity of its own there instead, the two conflict (NAM003).
4. Quotations are aligned per group by position and length; direct speech
   without a counterpart is paraphrased or missing (QUO003), different
   numbers of quotations otherwise are QUO001, and matched quotations whose
   speakers are different people are QUO002.
"""

from __future__ import annotations

import math
import regex
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from typing import Iterator

from rapidfuzz import fuzz

from ..extract.names import REPORTABLE_TYPES, Mention, _fold_chars, default_vocabulary, gazetteer
from ..extract.quotes import quote_words
from ..extract.foreign import foreign_name
from ..extract.translit import name_similarity, romanize
from ..model import Finding, Location
from .analysis import BundleAnalysis
from .checks import _finding, _location

__all__ = [
    "TextReport",
    "build_report",
    "check_name_missing",
    "check_name_variant",
    "check_name_conflict",
    "check_quote_count",
    "check_quote_speaker",
    "check_quote_paraphrased",
]

#: how many passages before a group may hold the name a pronoun stands for
WINDOW_BEFORE = 3
WINDOW_AFTER = 1
#: the least transliteration similarity for a cross-script match (always also best mutual)
MIN_SIMILARITY = 0.72


@dataclass
class Issue:
    """One finding before formatting: which versions deviate, where, what."""

    kind: str  # name-missing | name-variant | name-conflict | quote-count | quote-speaker | quote-paraphrased
    group: int
    deviant: list[tuple[int, int, int, str | None]]  # (version, start, end, value)
    reference: list[tuple[int, int, int, str | None]]
    fields: dict
    key: str


@dataclass
class TextReport:
    issues: list[Issue] = field(default_factory=list)
    #: entity (cluster id) -> {version: [mentions]} for inspection and tests
    entities: dict = field(default_factory=dict)

    def of(self, kind: str) -> list[Issue]:
        return [i for i in self.issues if i.kind == kind]


# --------------------------------------------------------------------------- helpers


class _UF:
    def __init__(self) -> None:
        self.parent: dict = {}

    def find(self, x):
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a, b) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb, key=str)] = min(ra, rb, key=str)


def _node_key(m: Mention) -> str:
    return m.entity if m.entity else "s:" + m.key


def _latinish(m: Mention) -> bool:
    return m.script == "latin"


def _score(a: Mention, b: Mention) -> float:
    """1.0: the same name; 0..1 for a transliteration; 0: different."""
    if a.entity and b.entity:
        if a.entity == b.entity:
            return 1.0
        if a.entity.startswith("vocab:") or b.entity.startswith("vocab:"):
            return 0.0
        # two CLDR ids may name one place (Micronesia the region, ミクロネシア the country): compare the names
    if _latinish(a) and _latinish(b):
        return 1.0 if a.shares_token(b) else 0.0
    if a.script == b.script and a.script in ("kana", "hangul", "cyrillic"):
        if a.shares_token(b):
            return 1.0
    best = name_similarity(a.key, b.key) if (a.key and b.key) else 0.0
    for ta in a.tokens:
        if len(ta) < 3:
            continue
        for tb in b.tokens:
            if len(tb) < 3:
                continue
            best = max(best, name_similarity(ta, tb) - 0.02)  # a part is a little less than the whole
    kana, latin = _kana_latin(a, b)
    if kana is not None:
        best = max(best, _foreign_similarity(kana, latin))
    return best


#: how alike (rapidfuzz ratio of the letters, 0..100) a foreign spelling and a Latin name must be spelled
#: for the spelling to count: it is the word itself, so it must be *written* alike (Barclay /
#: Barclays, Ranger / Rangers); sounding alike is the transliteration's job, and between two
#: Latin spellings it is too lenient (Water / Twitter, Heart / Holt score 0.83 or more).  85, not
#: 80: the ratio counts a common subsequence, and Wien / Wissen has 80
FOREIGN_SPELLING_RATIO = 85


def _foreign_similarity(kana: Mention, latin: Mention, *, whole: bool = False) -> float:
    """The similarity of a katakana mention, in UniDic's foreign spellings (the ``ja`` extra),
    to a Latin one; 0 when it knows none or none is spelled like the Latin name.  One more
    candidate beside the transliteration, never instead of it (see :mod:`..extract.foreign`)."""
    joined, spelled = foreign_name(kana.text)
    if not joined or not latin.key:
        return 0.0
    best = 0.0
    if _spelled_alike(romanize(joined), latin.key):
        best = name_similarity(joined, latin.key)
    if whole:
        return best
    for s in spelled:
        if len(s) < 3:
            continue
        for i, tb in enumerate(latin.tokens):
            if len(tb) < 3:
                continue
            stem = latin.stems[i] if i < len(latin.stems) else tb
            if _spelled_alike(s, tb) or (stem != tb and _spelled_alike(s, stem)):
                best = max(best, name_similarity(s, tb) - 0.02)  # a part is a little less than the whole
    return best


def _spelled_alike(x: str, y: str) -> bool:
    x = "".join(ch for ch in x if ch.isalpha())
    y = "".join(ch for ch in y if ch.isalpha())
    return bool(x and y) and fuzz.ratio(x, y) >= FOREIGN_SPELLING_RATIO


def _kana_latin(a: Mention, b: Mention) -> tuple[Mention | None, Mention | None]:
    if a.script == "kana" and b.script == "latin":
        return a, b
    if b.script == "kana" and a.script == "latin":
        return b, a
    return None, None


def _variant(a: Mention, b: Mention) -> bool:
    """Two Latin names spelled slightly differently (Noelle Walsh / Noel Walsh)."""
    if not (_latinish(a) and _latinish(b)) or a.acronym or b.acronym:
        return False
    if a.entity and b.entity:
        return False
    ta, tb = a.tokens, b.tokens
    k = min(len(ta), len(tb))
    if k < 2 and len(ta) != len(tb):
        return False
    # "Managerin Noel Walsh" / "Noelle Walsh": compare the last words, where the name is
    oa, ob = len(ta) - k, len(tb) - k
    same = [a.same_token(oa + i, b, ob + i) for i in range(k)]
    if k >= 3 and not same[0]:
        # a word before a full name (Spaniard / Spanier Sergio Garcia): compare the name alone
        oa, ob, k, same = oa + 1, ob + 1, k - 1, same[1:]
    if all(same):
        return False
    differ = [(ta[oa + i], tb[ob + i]) for i in range(k) if not same[i]]
    if any(len(x) < 3 or len(y) < 3 or fuzz.ratio(x, y) < 70 or _inflected(x, y) or _typo_distance(x, y) > 2
           for x, y in differ):
        return False
    return sum(same) >= 1


def _inflected(x: str, y: str) -> bool:
    """The same word: ü written ue (Württemberg / Wuerttemberg), a plural or case ending
    (Designers), or a cognate spelled the way each language spells it (Schottland /
    Scotland, Hurrikan / Hurricane, Republikaner / Republican): not a misspelled name."""
    def plain(t: str) -> str:
        return t.replace("ue", "u").replace("oe", "o").replace("ae", "a")

    if plain(x) == plain(y):
        return True
    short, long_ = sorted((x, y), key=len)
    if long_.startswith(short) and long_[len(short):] in ("s", "es", "e", "n", "en", "er", "ern", "a", "u", "om", "ym"):
        return True
    spelled = any(old in x or old in y for old, _new in _COGNATE_RULES)
    return spelled and bool(_cognates(x) & _cognates(y))  # Noel / Noelle is no cognate: nothing was respelled


_COGNATE_RULES = (("sch", "sk"), ("sc", "sk"), ("ph", "f"), ("th", "t"), ("ck", "k"), ("c", "k"), ("z", "k"),
                  ("y", "i"), ("ie", "i"), ("ee", "e"))


def _cognate(word: str) -> str:
    w = word
    for old, new in _COGNATE_RULES:
        w = w.replace(old, new)
    out = []
    for ch in w:
        if not out or out[-1] != ch:
            out.append(ch)
    return "".join(out)


def _cognates(word: str) -> set[str]:
    w = _cognate(word)
    out = {w}
    for ending in ("ard", "ern", "er", "en", "e", "n", "s"):
        if len(w) > len(ending) + 3 and w.endswith(ending):
            out.add(w[: -len(ending)])
    return out


def _typo_distance(x: str, y: str) -> int:
    from rapidfuzz.distance import DamerauLevenshtein

    return DamerauLevenshtein.distance(x, y)


def _single_variant(a: Mention, b: Mention) -> bool:
    if not (_latinish(a) and _latinish(b)) or a.acronym or b.acronym or a.entity or b.entity:
        return False
    if len(a.tokens) != 1 or len(b.tokens) != 1 or a.same_token(0, b, 0):
        return False
    x, y = a.tokens[0], b.tokens[0]
    return min(len(x), len(y)) >= 4 and fuzz.ratio(x, y) >= 75 and not _inflected(x, y) and _typo_distance(x, y) <= 2


def _group_pools(an: BundleAnalysis) -> list[list[list[Mention]]]:
    """Mentions per group and version, without those inside a figure (ドル in 3500万ドル)."""
    n = len(an.documents)
    kept: list[list[list[Mention]]] = []
    for v in range(n):
        per_block = []
        for b, mentions in enumerate(an.names[v]):
            spans = [(c.start, c.end) for c in an.claims[v][b]]
            per_block.append([m for m in mentions if not any(s < m.end and m.start < e for s, e in spans)])
        kept.append(per_block)
    return [[[m for b in group[v] for m in kept[v][b]] for v in range(n)] for group in an.groups]


_GAZ_REVERSE: dict = {}


def _gaz_forms(ident: str, locale: str) -> list[str]:
    key = (ident, locale)
    if key not in _GAZ_REVERSE:
        if (None, locale) not in _GAZ_REVERSE:
            rev: dict[str, list[str]] = defaultdict(list)
            for tag in dict.fromkeys([locale, locale.split("-")[0], "en"]):
                for name, (i, _k) in gazetteer(tag).items():
                    rev[i].append(name)
            _GAZ_REVERSE[(None, locale)] = rev
        _GAZ_REVERSE[key] = _GAZ_REVERSE[(None, locale)].get(ident, [])
    return _GAZ_REVERSE[key]


def _vocab_forms(ident: str, locale: str) -> list[str]:
    entity = default_vocabulary().index.get(ident[len("vocab:"):]) if ident.startswith("vocab:") else None
    return list(entity.forms_for(locale)) + list(entity.related_for(locale)) if entity else []


# --------------------------------------------------------------------------- the report


def build_report(an: BundleAnalysis) -> TextReport:
    n = len(an.documents)
    report = TextReport()
    if n < 2:
        return report
    groups = an.groups
    pools = _group_pools(an)
    uf = _UF()
    confirmed: set[tuple[int, str]] = set()
    local: set = set()  # ((v, key), g): a weak candidate confirmed by a match in group g
    strong_nodes: set[tuple[int, str]] = set()
    node_mentions: dict[tuple[int, str], list[Mention]] = defaultdict(list)
    node_groups: dict[tuple[int, str], set[int]] = defaultdict(set)
    for g, per in enumerate(pools):
        for v in range(n):
            for m in per[v]:
                node = (v, _node_key(m))
                node_mentions[node].append(m)
                node_groups[node].add(g)
                uf.find(node)
                if m.strong:
                    strong_nodes.add(node)
    variants: list[tuple[int, Mention, int, Mention]] = []  # (v, a, w, b) per group
    variant_groups: list[int] = []
    # 1. matching inside each group
    for g, per in enumerate(pools):
        for v in range(n):
            for w in range(v + 1, n):
                A = _distinct(per[v])
                B = _distinct(per[w])
                if not A or not B:
                    continue
                matched_a: set[str] = set()
                matched_b: set[str] = set()
                scores: dict[tuple[str, str], float] = {}
                for ka, a in A.items():
                    for kb, b in B.items():
                        if not (a.strong or b.strong or a.entity or b.entity):
                            continue  # two weak candidates (German noun, katakana loanword) prove nothing
                        s = _score(a, b)
                        if s >= 1.0:
                            _link(uf, confirmed, (v, ka), (w, kb), a, b, g, local)
                            matched_a.add(ka)
                            matched_b.add(kb)
                            if ka != kb and ka not in B and kb not in A and _variant(a, b):
                                variants.append((v, a, w, b))  # Noel Walsh / Noelle Walsh share "walsh"
                                variant_groups.append(g)
                        elif s >= MIN_SIMILARITY:
                            scores[(ka, kb)] = s
                # best mutual transliteration matches among the rest
                best_a: dict[str, tuple[float, str]] = {}
                best_b: dict[str, tuple[float, str]] = {}
                for (ka, kb), s in scores.items():
                    if ka in matched_a or kb in matched_b:
                        continue
                    if s > best_a.get(ka, (0, ""))[0]:
                        best_a[ka] = (s, kb)
                    if s > best_b.get(kb, (0, ""))[0]:
                        best_b[kb] = (s, ka)
                for ka, (_s, kb) in best_a.items():
                    if best_b.get(kb, (0, ""))[1] == ka:
                        _link(uf, confirmed, (v, ka), (w, kb), A[ka], B[kb], g, local)
                        matched_a.add(ka)
                        matched_b.add(kb)
                # spelling variants among the unmatched Latin names
                for ka, a in A.items():
                    for kb, b in B.items():
                        if (ka in matched_a and kb in matched_b) or not (a.strong or b.strong):
                            continue
                        if ka in B or kb in A:
                            continue
                        if _variant(a, b) or (_single_variant(a, b) and _known_elsewhere(an, v, w, a, b)
                                              and not _common_word(an, v, g, b) and not _common_word(an, w, g, a)):
                            variants.append((v, a, w, b))
                            variant_groups.append(g)
                            uf.union((v, ka), (w, kb))
                            confirmed.add((v, ka))
                            confirmed.add((w, kb))
    # 2. surnames join full names inside each version
    for v in range(n):
        full: dict[str, set[str]] = defaultdict(set)
        for (vv, key), ms in node_mentions.items():
            if vv != v or not key.startswith("s:"):
                continue
            m = ms[0]
            if len(m.tokens) > 1 and m.script in ("latin", "kana", "cyrillic") and m.type in (None, "person") \
                    and regex.search(r"[\s・]\S+$", m.text) and (v, key) in (confirmed | strong_nodes):
                # the surname: Elias stands for Michael Elias (and never "Werk" for "Toyota-Werk")
                if len(m.tokens[-1]) >= 3:
                    full[m.tokens[-1]].add(key)
        for (vv, key), ms in list(node_mentions.items()):
            if vv != v or not key.startswith("s:"):
                continue
            m = ms[0]
            if len(m.tokens) == 1 and len(full.get(m.tokens[0], ())) == 1:
                other = (v, next(iter(full[m.tokens[0]])))
                uf.union((v, key), other)
    # 3. entities: clusters of nodes; reportable when a node is a strong or confirmed name
    clusters: dict = defaultdict(list)
    for node in node_mentions:
        clusters[uf.find(node)].append(node)
    name_nodes = {node for node in node_mentions if _is_name(node, node_mentions[node], strong_nodes, confirmed)}
    report.entities = {root: {node: node_mentions[node] for node in nodes} for root, nodes in clusters.items()
                       if any(node in name_nodes for node in nodes)}
    folded = [_fold_chars(d.text) for d in an.documents]
    # the forms each version uses for each entity
    forms_cache: dict[tuple, list[str]] = {}

    def forms(root, w: int) -> list[str]:
        key = (root, w)
        if key in forms_cache:
            return forms_cache[key]
        out: list[str] = []
        locale = an.documents[w].locale
        for node in clusters[root]:
            ms = node_mentions[node]
            m = ms[0]
            if node[0] == w:
                for mm in ms:
                    out.append(mm.text)
                    if len(mm.tokens) > 1 and mm.script in ("latin", "kana", "cyrillic"):
                        out.extend(t for t in regex.split(r"[\s\-・･]+", mm.text) if len(t) >= 3)
            if m.entity and m.entity.startswith("vocab:"):
                out.extend(_vocab_forms(m.entity, locale))
            elif m.entity:
                out.extend(_gaz_forms(m.entity, locale))
        res = sorted({_fold_chars(f) for f in out if f.strip()}, key=len, reverse=True)
        forms_cache[key] = res
        return res

    def present(root, w: int, g: int, held: dict) -> bool:
        fs = forms(root, w)
        lo, hi = max(0, g - WINDOW_BEFORE), min(len(groups) - 1, g + WINDOW_AFTER)
        text = folded[w]
        stems = {f[: max(4, int(len(f) * 0.6))] for f in fs if f.isalpha() and len(f) >= 5 and _is_latin_text(f)}
        for gg in range(lo, hi + 1):
            blocks = groups[gg][w]
            if not blocks:
                continue
            doc = an.documents[w]
            s, e = doc.blocks[blocks[0]].start, doc.blocks[blocks[-1]].end
            seg = text[s:e]
            for f in fs:
                i = seg.find(f)
                while i >= 0:
                    if not (f[0].isalpha() and f[0].isascii() and i > 0 and seg[i - 1].isalpha() and seg[i - 1].isascii()):
                        return True
                    i = seg.find(f, i + 1)
            if stems:
                # a derived word: argentinische for Argentina, britisch for British, europäischen for Europe
                for word in regex.findall(r"\p{L}{4,}", seg):
                    if any(word.startswith(st) for st in stems):
                        return True
        # a candidate of that version that transliterates to the name (Wales / ウェールズ)
        for gg in range(max(0, g - 1), min(len(groups), g + 2)):
            for m in pools[gg][w]:
                for h in held.values():
                    if m.script != h.script and _score(m, h) >= MIN_SIMILARITY + 0.05:
                        return True
                    if m.script == h.script == "latin" and (_variant(m, h) or m.shares_token(h) or
                                                            fuzz.ratio(m.key, h.key) >= 75):
                        return True  # Türkei / Turkey, Athen / Athens
        return False

    # quotations first: speaker disagreements explain a missing or extra name
    speaker_spans: set[tuple[int, int]] = set()
    _quotes(an, report, uf, node_mentions, name_nodes, strong_nodes, confirmed, speaker_spans)

    # 4. missing names and conflicts
    variant_spans = {(v, a.start) for v, a, _w, _b in variants} | {(w, b.start) for _v, _a, w, b in variants}
    missing: dict[int, list] = defaultdict(list)  # g -> [(root, holders, missing versions, mention per holder)]
    for g, per in enumerate(pools):
        present_groups = [v for v in range(n) if groups[g][v]]
        if len(present_groups) < 2:
            continue
        roots: dict = {}
        for v in range(n):
            for m in per[v]:
                node = (v, _node_key(m))
                root = uf.find(node)
                if root not in report.entities or not _reportable(m):
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
                if present(root, w, g, held):
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
                    t1 = _type(held)
                    t2 = _type(held2)
                    similar = any(_score(m1, m2) >= MIN_SIMILARITY for m1 in held.values() for m2 in held2.values())
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
                report.issues.append(Issue(
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
                if any(_score(h, m) >= MIN_SIMILARITY for root2, held2, _l in items for m in held2.values()
                       for h in held.values() if root2 != root):
                    continue  # the same name under another id (Micronesia / ミクロネシア)
                majority = len(held) > len(lacking) or (source is not None and source in held)
                holders = [(v, m.start, m.end, m.text) for v, m in sorted(held.items())]
                absent = []
                for w in lacking:
                    span = an.group_span(w, g)
                    absent.append((w, span[0], span[1], None))
                dev, ref = (absent, holders) if majority else (holders, absent)
                report.issues.append(Issue(
                    "name-missing", g, dev, ref,
                    {"locale": ",".join(str(v) for v in sorted(held)), "text": first.text,
                     "other_locale": ",".join(str(w) for w in lacking)},
                    key=f"{first.key} missing in {','.join(an.documents[w].locale for w in lacking)}"))
    # 5. variants
    seen_variant: dict = {}
    counts = [Counter(regex.findall(r"[\p{Latin}\p{Cyrillic}]+", f)) for f in folded]
    for (v, a, w, b), g in zip(variants, variant_groups):
        k = min(len(a.tokens), len(b.tokens))
        a, b = _tail(a, k), _tail(b, k)
        diff_a = [x for x, y in zip(a.tokens, b.tokens) if x != y] or list(a.tokens)
        diff_b = [y for x, y in zip(a.tokens, b.tokens) if x != y] or list(b.tokens)
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
        report.issues.append(issue)
    return report


def _is_latin_text(text: str) -> bool:
    return all(ch.isascii() or "\u00c0" <= ch <= "\u024f" for ch in text)


def _tail(m: Mention, k: int) -> Mention:
    """The mention's last ``k`` words (``Managerin Noel Walsh`` -> ``Noel Walsh``)."""
    if len(m.tokens) <= k:
        return m
    words = list(regex.finditer(r"[\p{L}\p{N}’']+", m.text))
    if len(words) != len(m.tokens):
        return m
    cut = words[len(words) - k].start()
    return replace(m, start=m.start + cut, text=m.text[cut:], tokens=m.tokens[-k:],
                   stems=m.stems[-k:] if m.stems else ())


def _type(held: dict) -> str | None:
    for m in held.values():
        if m.type:
            return m.type
        if m.script in ("latin", "kana", "cyrillic", "hangul") and len(m.tokens) > 1 and not m.entity:
            return "person"
    return None


def _reportable(m: Mention) -> bool:
    if m.type not in REPORTABLE_TYPES:
        return False
    if m.acronym and not m.entity:
        return False
    return True


def _is_name(node, mentions: list[Mention], strong: set, confirmed: set) -> bool:
    if node in confirmed:
        return True
    if node in strong:
        m = mentions[0]
        return not m.acronym or bool(m.entity)
    return False


def _distinct(mentions: list[Mention]) -> dict[str, Mention]:
    out: dict[str, Mention] = {}
    for m in mentions:
        key = _node_key(m)
        if key not in out or (m.strong and not out[key].strong):
            out[key] = m
    return out


def _whole(a: Mention, b: Mention) -> bool:
    """Do two matched mentions name the whole same thing (so their entities may be joined)?
    ``Labour MP`` and ``Labour`` only share a word: they match where they stand, but
    joining them would chain unrelated names into one entity."""
    if a.entity or b.entity:
        if a.entity == b.entity:
            return True
        if (a.entity or "").startswith("vocab:") or (b.entity or "").startswith("vocab:") or not (a.entity and b.entity):
            return False
    if len(a.tokens) != len(b.tokens):
        return False
    if a.script == b.script == "latin":
        return all(a.same_token(i, b, i) for i in range(len(a.tokens)))
    if name_similarity(a.key, b.key) >= MIN_SIMILARITY:
        return True
    kana, latin = _kana_latin(a, b)
    if kana is None:
        return False
    return _foreign_similarity(kana, latin, whole=True) >= MIN_SIMILARITY


def _link(uf: _UF, confirmed: set, na, nb, a: Mention, b: Mention, g: int | None = None,
          local: set | None = None) -> None:
    if _whole(a, b):
        uf.union(na, nb)
    if a.strong or a.entity:
        confirmed.add(nb)
        if local is not None:
            local.add((nb, g))
    if b.strong or b.entity:
        confirmed.add(na)
        if local is not None:
            local.add((na, g))


def _known_elsewhere(an: BundleAnalysis, v: int, w: int, a: Mention, b: Mention) -> bool:
    """Does ``w`` write ``a``'s spelling elsewhere, or ``v`` write ``b``'s?"""
    ta, tb = a.tokens[0], b.tokens[0]
    in_w = any(ta in m.tokens for block in an.names[w] for m in block)
    in_v = any(tb in m.tokens for block in an.names[v] for m in block)
    return in_w != in_v


def _common_word(an: BundleAnalysis, x: int, g: int, m: Mention) -> bool:
    """A weak candidate (a capitalised German noun) that version ``x`` writes in lower case in
    the same passage is a common word there, not a name (Deal / "a €100 million deal")."""
    if m.strong or not m.text.isalpha():
        return False
    span = an.group_span(x, g)
    if span is None:
        return False
    word = m.text.lower()
    return regex.search(rf"(?<!\p{{L}}){regex.escape(word)}(?!\p{{L}})", an.documents[x].text[span[0]:span[1]]) is not None


# --------------------------------------------------------------------------- quotations


def _group_text_span(an: BundleAnalysis, v: int, g: int) -> tuple[int, int] | None:
    return an.group_span(v, g)


def _align_quotes(qa: list, qb: list, span_a, span_b) -> list[tuple[int, int]]:
    """Monotone pairing of two versions' quotations by relative position and length."""
    la = max(1, span_a[1] - span_a[0])
    lb = max(1, span_b[1] - span_b[0])

    def feat(q, span, length):
        return ((q.start + q.end) / 2 - span[0]) / length, (q.end - q.start) / length

    fa = [feat(q, span_a, la) for q in qa]
    fb = [feat(q, span_b, lb) for q in qb]
    na, nb = len(qa), len(qb)
    if na == nb:  # translations keep quotations in order; where they stand in the sentence varies
        return [(i, i) for i in range(na)]
    score = [[0.0] * (nb + 1) for _ in range(na + 1)]
    back = [[None] * (nb + 1) for _ in range(na + 1)]
    for i in range(na + 1):
        for j in range(nb + 1):
            if i == 0 and j == 0:
                continue
            best, arg = -math.inf, None
            if i > 0 and score[i - 1][j] > best:
                best, arg = score[i - 1][j], (i - 1, j, False)
            if j > 0 and score[i][j - 1] > best:
                best, arg = score[i][j - 1], (i, j - 1, False)
            if i > 0 and j > 0:
                s = 1.0 - 0.8 * abs(fa[i - 1][0] - fb[j - 1][0]) - 0.8 * abs(fa[i - 1][1] - fb[j - 1][1])
                if s > 0.1 and score[i - 1][j - 1] + s > best:
                    best, arg = score[i - 1][j - 1] + s, (i - 1, j - 1, True)
            score[i][j], back[i][j] = best, arg
    pairs = []
    i, j = na, nb
    while (i, j) != (0, 0) and back[i][j] is not None:
        pi, pj, matched = back[i][j]
        if matched:
            pairs.append((i - 1, j - 1))
        i, j = pi, pj
    return sorted(pairs)


def _resolve_speaker(an: BundleAnalysis, v: int, q, uf: _UF, name_nodes: set, nodes: dict) -> Mention | None:
    """The person a quotation's speaker names (pronouns: the last person named before)."""
    if q.speaker is not None and not q.pronoun:
        for cand in q.candidates or (q.speaker,):
            node = (v, _node_key(cand))
            if node in name_nodes or any(uf.find(node) == uf.find(x) for x in name_nodes):
                return cand
        return None
    if not q.pronoun:
        return None
    block = an.block_of(v, q.start)
    if block is None:
        return None
    b = block.index
    for bb in range(b, max(-1, b - 4), -1):
        cands = [m for m in an.names[v][bb] if m.start < q.start and m.type in (None, "person")
                 and not m.acronym and m.script != "han"]
        for m in reversed(cands):
            node = (v, _node_key(m))
            if node in name_nodes and not m.entity:
                return m
    return None


def _same_person(a: Mention, b: Mention, va: int, vb: int, uf: _UF) -> bool:
    if uf.find((va, _node_key(a))) == uf.find((vb, _node_key(b))):
        return True
    if _score(a, b) >= 0.8:
        return True
    # short names (リ / Ri): compare word by word, short words included
    return any(name_similarity(x, y) >= 0.9 for x in a.tokens for y in b.tokens if x and y)


def _quotes(an, report, uf, node_mentions, name_nodes, strong_nodes, confirmed, speaker_spans) -> None:
    n = len(an.documents)
    source = an.source
    for g, group in enumerate(an.groups):
        present = [v for v in range(n) if group[v]]
        if len(present) < 2:
            continue
        qs = {v: [q for b in group[v] for q in an.quotes[v][b] if q.depth == 0] for v in present}
        if not any(qs.values()):
            continue
        spans = {v: an.group_span(v, g) for v in present}
        # speakers, with inheritance inside a block
        speakers: dict[tuple[int, int], Mention | None] = {}
        for v in present:
            last = None
            last_block = None
            for q in qs[v]:
                blk = an.block_of(v, q.start)
                sp = None
                if q.kind == "speech" and not q.pronoun and q.speaker is not None and q.speaker.type in (
                        None, "person", "organization"):
                    # only speakers named at the quotation are compared: a pronoun's antecedent is a guess
                    sp = _resolve_speaker(an, v, q, uf, name_nodes, node_mentions)
                if sp is None and q.kind == "speech" and q.speaker_text is None and blk is last_block:
                    sp = last
                speakers[(v, q.start)] = sp
                if q.kind == "speech":
                    last, last_block = sp, blk
        unmatched: dict[int, dict[int, list[int]]] = defaultdict(lambda: defaultdict(list))  # v -> i -> [w lacking]
        same_quote = _UF()
        for ai, v in enumerate(present):
            for w in present[ai + 1:]:
                pairs = _align_quotes(qs[v], qs[w], spans[v], spans[w])
                ma = {i for i, _ in pairs}
                mb = {j for _, j in pairs}
                for i in range(len(qs[v])):
                    if i not in ma:
                        unmatched[v][i].append(w)
                for j in range(len(qs[w])):
                    if j not in mb:
                        unmatched[w][j].append(v)
                for i, j in pairs:
                    same_quote.union((v, i), (w, j))
                for i, j in pairs:
                    qa, qb = qs[v][i], qs[w][j]
                    sa, sb = speakers.get((v, qa.start)), speakers.get((w, qb.start))
                    if sa is None or sb is None or _same_person(sa, sb, v, w, uf):
                        continue
                    # the deviant: the speaker the other versions do not confirm
                    others = [x for x in present if x not in (v, w)]
                    votes_a = votes_b = 0
                    for x in others:
                        for q in qs[x]:
                            sx = speakers.get((x, q.start))
                            if sx is None:
                                continue
                            votes_a += _same_person(sa, sx, v, x, uf)
                            votes_b += _same_person(sb, sx, w, x, uf)
                    if votes_a != votes_b:
                        a_dev = votes_a < votes_b
                    elif source is not None:
                        a_dev = source == w
                    else:
                        a_dev = v != 0 and w == 0
                    (dv, dq, ds), (rv, rq, rs) = ((v, qa, sa), (w, qb, sb)) if a_dev else ((w, qb, sb), (v, qa, sa))
                    speaker_spans.update({(dv, ds.start), (rv, rs.start)})
                    prior = next((x for x in report.issues if x.kind == "quote-speaker" and x.group == g
                                  and x.deviant[0][0] == dv and x.deviant[0][1] <= dq.start < x.deviant[0][2]), None)
                    if prior is not None:  # one finding per quotation, every agreeing version a reference
                        r_start = min(rq.start, rq.speaker_start if rq.speaker_start is not None else rq.start)
                        prior.reference.append((rv, r_start, max(rq.end, rq.speaker_end or rq.end), rs.text))
                        prior.fields["other_locale"] += f",{rv}"
                        continue
                    d_end = max(dq.end, dq.speaker_end or dq.end)
                    r_end = max(rq.end, rq.speaker_end or rq.end)
                    d_start = min(dq.start, dq.speaker_start if dq.speaker_start is not None else dq.start)
                    r_start = min(rq.start, rq.speaker_start if rq.speaker_start is not None else rq.start)
                    report.issues.append(Issue(
                        "quote-speaker", g, [(dv, d_start, d_end, ds.text)], [(rv, r_start, r_end, rs.text)],
                        {"locale": str(dv), "value": ds.text, "other_locale": str(rv), "other_value": rs.text,
                         "text": _short(dq.content), "other_text": _short(rq.content)},
                        key=f"{_short(dq.content)} by {ds.key} vs {rs.key}"))
        # direct speech without a counterpart: paraphrased or missing (or merged into a neighbour: QUO001)
        done: set = set()
        for v in present:
            for i, lacking in unmatched[v].items():
                q = qs[v][i]
                root = same_quote.find((v, i))
                if root in done:
                    continue  # the same quotation of another version was reported
                done.add(root)
                if q.kind != "speech" or quote_words(q) < 4:
                    continue  # a partial quotation of a word or two ("no way") is often dropped
                how = {w: _merged(qs[v], i, qs[w], spans[v], spans[w], speakers, v, uf) for w in lacking}
                lacking = [w for w in lacking if how[w] != "same"]  # one speaker's words joined: style
                if q.open_before or q.open_after:
                    # part of a quotation that spans blocks, and w's block lies inside its own
                    # quotation opened earlier: the marks are there, a sentence or two away
                    lacking = [w for w in lacking if not any(an.inside_quote[w][b] for b in group[w])]
                if not lacking:
                    continue
                merged = [w for w in lacking if how[w] == "different"]
                if merged:
                    dev = [(w, spans[w][0], spans[w][1], str(len(qs[w]))) for w in merged]
                    ref = [(v, spans[v][0], spans[v][1], str(len(qs[v])))]
                    report.issues.append(Issue(
                        "quote-count", g, dev, ref,
                        {"locale": ",".join(map(str, merged)), "count": str(len(qs[merged[0]])),
                         "other_locale": str(v), "other_value": str(len(qs[v]))},
                        key=f"quotes {len(qs[merged[0]])} vs {len(qs[v])}"))
                    lacking = [w for w in lacking if w not in merged]
                    if not lacking:
                        continue
                holders = [v] + [x for x in present if x != v and x not in lacking]
                majority = len(holders) > len(lacking) or (source is not None and source in holders)
                quote_loc = [(v, q.start, q.end, None)]
                absent = [(w, spans[w][0], spans[w][1], None) for w in lacking]
                dev, ref = (absent, quote_loc) if majority else (quote_loc, absent)
                report.issues.append(Issue(
                    "quote-paraphrased", g, dev, ref,
                    {"locale": str(v), "text": _short(q.content), "other_locale": ",".join(map(str, lacking))},
                    key=f"{_short(q.content)} missing in {','.join(an.documents[w].locale for w in lacking)}"))


def _merged(qa: list, i: int, qb: list, span_a, span_b, speakers: dict, v: int, uf: _UF) -> str | None:
    """Is ``qa[i]`` (no counterpart) part of a quotation of ``qb`` that also holds its neighbour,
    which another person said?  The other version then puts two people's words into one
    quotation (QUO001).  One speaker's quotation split or joined differently is style."""
    if not qb:
        return False
    la = max(1, span_a[1] - span_a[0])
    lb = max(1, span_b[1] - span_b[0])
    for j in (i - 1, i + 1):
        if not 0 <= j < len(qa):
            continue
        si, sj = speakers.get((v, qa[i].start)), speakers.get((v, qa[j].start))
        both = ((qa[i].end - qa[i].start) + (qa[j].end - qa[j].start)) / la
        one = (qa[j].end - qa[j].start) / la
        for r in qb:
            rel = (r.end - r.start) / lb
            if abs(rel - both) < abs(rel - one) and 0.7 <= rel / both <= 1.4:
                if si is not None and sj is not None and not _same_person(si, sj, v, v, uf):
                    return "different"
                return "same"
    return None


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


# --------------------------------------------------------------------------- checks


def _emit(an: BundleAnalysis, rule, kind: str) -> Iterator[Finding]:
    report: TextReport = an.text_report
    for issue in report.of(kind):
        locations: list[Location] = []
        for v, s, e, value in issue.deviant:
            locations.append(_location(an, v, s, e, "deviant", value))
        for v, s, e, value in issue.reference:
            locations.append(_location(an, v, s, e, "reference", value))
        fields = dict(issue.fields)
        for key in ("locale", "other_locale"):
            if key in fields:
                fields[key] = ", ".join(an.documents[int(x)].locale for x in str(fields[key]).split(",") if x != "")
        fields.setdefault("value", fields.get("text", ""))
        fields.setdefault("other_value", fields.get("other_text", ""))
        fields.setdefault("text", "")
        fields.setdefault("other_text", "")
        message = rule.format_message(**fields)
        yield _finding(an, rule, message, locations, issue.key)


def check_name_missing(an: BundleAnalysis, rule) -> Iterator[Finding]:
    """NAM001: a name in one version's passage with no counterpart in another."""
    return _emit(an, rule, "name-missing")


def check_name_variant(an: BundleAnalysis, rule) -> Iterator[Finding]:
    """NAM002: one name spelled differently (Noelle Walsh / Noel Walsh)."""
    return _emit(an, rule, "name-variant")


def check_name_conflict(an: BundleAnalysis, rule) -> Iterator[Finding]:
    """NAM003: versions name different entities at the same place."""
    return _emit(an, rule, "name-conflict")


def check_quote_count(an: BundleAnalysis, rule) -> Iterator[Finding]:
    """QUO001: a different number of direct quotations in corresponding passages."""
    return _emit(an, rule, "quote-count")


def check_quote_speaker(an: BundleAnalysis, rule) -> Iterator[Finding]:
    """QUO002: a quotation attributed to different speakers."""
    return _emit(an, rule, "quote-speaker")


def check_quote_paraphrased(an: BundleAnalysis, rule) -> Iterator[Finding]:
    """QUO003: direct speech in one version, paraphrased or missing in another."""
    return _emit(an, rule, "quote-paraphrased")
